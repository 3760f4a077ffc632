"""The command line: output, JSON, stdin, and every kind of bad input (exit 2, one line)."""

import json
import subprocess
import sys

import pytest


def run(*args, stdin: bytes | None = None):
    proc = subprocess.run([sys.executable, "-m", "imya.cli", *args], input=stdin,
                          capture_output=True, timeout=60)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def assert_one_line_error(code, out, err):
    assert code == 2
    assert out == ""
    assert err.startswith("imya: error: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_explain_readme_example():
    code, out, err = run("explain", "Natalia Alianovna Romanova", "Djenya", "Yasha")
    assert code == 0, err
    assert "Женя" in out and "Yevgeny" in out and "Яков" in out and "Alian" in out


def test_explain_json():
    code, out, _ = run("explain", "--json", "Djenya", "Sasha")
    doc = json.loads(out)
    assert code == 0
    assert [d["query"] for d in doc] == ["Djenya", "Sasha"]
    assert doc[0]["parts"][0]["cyrillic"] == "Женя"


def test_stdin_queries():
    code, out, _ = run("explain", "--json", "-", stdin="Zhenya\nВася\n\n".encode())
    assert code == 0
    assert [d["query"] for d in json.loads(out)] == ["Zhenya", "Вася"]


def test_patronymic_json():
    code, out, _ = run("patronymic", "--json", "Ilya", "Alexeyevna")
    assert code == 0
    doc = json.loads(out)
    assert doc[0]["male"]["latin"] == "Ilyich" and doc[0]["female"]["cyrillic"] == "Ильинична"
    assert doc[0]["father"] == {"cyrillic": "Илья", "latin": "Ilya"}
    assert doc[1]["fathers"][0]["latin"] == "Alexei"


def test_surname_json():
    code, out, _ = run("surname", "--json", "Romanova")
    assert code == 0
    doc = json.loads(out)[0]
    assert doc["gender"] == "f"
    assert doc["plural"] == {"cyrillic": "Романовы", "latin": "the Romanovs"}


def test_translit():
    assert run("translit", "Фёдор", "--scheme", "bgn")[1].strip() == "Fëdor"
    assert run("translit", "--to", "cyrillic", "Djenya")[1].splitlines()[0] == "Женя"
    doc = json.loads(run("translit", "--json", "Наталья")[1])
    assert doc[0]["result"] == "Natalya"


@pytest.mark.parametrize("args, stdin", [
    (["explain"], None),
    (["explain", ""], None),
    (["explain", "12345"], None),
    (["explain", "🙂"], None),
    (["explain", "-"], b""),
    (["explain", "-"], b"\x00\x01\x02binary\xff"),
    (["explain", "-"], "Наташа".encode("cp1251")),
    (["explain", "-"], b"N" * 1_000_000 + b"\n"),
    (["explain", "--nope", "Ivan"], None),
    (["frobnicate"], None),
    ([], None),
    (["translit", "--scheme", "klingon", "Наташа"], None),
    (["translit", "--to", "cyrillic", "Наташа"], None),
    (["patronymic", "Natalia"], None),
    (["surname", "123"], None),
    (["surname", "Rimsky--1"], None),
    (["explain", "!!! «»"], None),
])
def test_bad_input_is_one_line_and_exit_2(args, stdin):
    assert_one_line_error(*run(*args, stdin=stdin))
