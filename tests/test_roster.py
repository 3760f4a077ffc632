"""Rosters: the shipped example, relationships that change, and every kind of bad file."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from imya.errors import ImyaError
from imya.roster import Point, load, parse

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "red_room.roster.toml"
BASE = """
era = "soviet"
[characters.natalia]
name = "Natalia Alianovna Romanova"
age = "young"
level = 1
[characters.vasilisa]
name = "Vasilisa Alexeyevna Ivashina"
age = "elder"
level = 5
"""


def test_example_roster_loads():
    roster = load(str(EXAMPLE))
    assert set(roster.characters) >= {"natalia", "vasilisa", "yelena", "dmitri", "james"}
    assert roster.person("natalia").canon == ("Natasha Romanoff",)


def test_rank_from_levels_and_mirroring():
    roster = load(str(EXAMPLE))
    assert roster.relation("natalia", "vasilisa").rank == "far_below"
    assert roster.relation("vasilisa", "natalia").rank == "far_above"
    assert roster.relation("natalia", "vasilisa").setting == "official"
    assert roster.relation("natalia", "vasilisa").speaker_age == "young"


def test_parent_and_child_turn_round_in_a_between_relation():
    roster = parse(BASE + '[[relation]]\nbetween = ["natalia", "vasilisa"]\ncloseness = "parent"\n')
    assert roster.relation("natalia", "vasilisa").closeness == "parent"
    assert roster.relation("vasilisa", "natalia").closeness == "child"


def test_relationship_changes_at_a_chapter():
    roster = load(str(EXAMPLE))
    assert roster.relation("natalia", "yelena").closeness == "acquaintance"
    assert roster.relation("natalia", "yelena", Point.parse("chapter 3")).closeness == "acquaintance"
    assert roster.relation("natalia", "yelena", Point.parse("chapter 4")).closeness == "friend"
    assert roster.relation("yelena", "natalia", Point.parse("chapter 12")).closeness == "friend"


def test_permission_from_a_chapter_on():
    roster = load(str(EXAMPLE))
    assert roster.relation("natalia", "vasilisa", Point.parse("chapter 8")).permissions == ()
    assert roster.relation("natalia", "vasilisa", Point.parse("chapter 9")).permissions == ("Vassa",)
    assert roster.relation("vasilisa", "natalia", Point.parse("chapter 9")).permissions == ()


@pytest.mark.parametrize("extra, message", [
    ('[[relation]]\nfrom = "natalia"\nto = "natasha"\n', "unknown character 'natasha'"),
    ('[[relation]]\nfrom = "natalia"\nto = "vasilisa"\nrank = "boss"\n', "rank must be one of"),
    ('[[relation]]\nfrom = "natalia"\nto = "vasilisa"\nmood = "sad"\n', "unknown keys \\['mood'\\]"),
    ('[[relation]]\nfrom = "natalia"\nto = "natalia"\n', "relation to themselves"),
    ('[[relation]]\nfrom = "natalia"\n', "needs from and to"),
    ('[[relation]]\nfrom = "natalia"\nto = "vasilisa"\nsince = "page 3"\n', "'chapter N' or 'line N'"),
    ('[[relation]]\nfrom = "natalia"\nto = "vasilisa"\ncloseness = "friend"\n'
     '[[relation]]\nbetween = ["vasilisa", "natalia"]\ncloseness = "family"\n', "contradicts line"),
    ('[[relation]]\nbetween = ["natalia", "vasilisa"]\ncloseness = "parent"\n'
     '[[relation]]\nfrom = "vasilisa"\nto = "natalia"\ncloseness = "family"\n', "'child' there, 'family' here"),
    ('[[permission]]\nby = "vasilisa"\nto = "natalia"\n', "'form' is required"),
    ('[characters.x]\nname = "Sasha"\n', "Sasha can be"),
    ('[characters.y]\nname = "Ivan"\nage = "ancient"\n', "age must be one of"),
    ('[characters.z]\nnickname = "Z"\n', "unknown keys"),
    ("[[relation]\n", "not valid TOML"),
])
def test_bad_rosters(extra, message):
    with pytest.raises(ImyaError, match=message):
        parse(BASE + extra, "story.toml")


def test_errors_name_the_line():
    text = BASE + '[[relation]]\nfrom = "natalia"\nto = "vasilisa"\n\n[[relation]]\nfrom = "natalia"\nto = "nobody"\n'
    with pytest.raises(ImyaError, match=r"^story\.toml:15: relation 2"):
        parse(text, "story.toml")


def test_unknown_top_level_key():
    with pytest.raises(ImyaError, match="unknown top-level keys"):
        parse('villain = "z"\n' + BASE)


def test_bad_era_names_its_line():
    with pytest.raises(ImyaError, match=r"^story\.toml:2: era must be one of imperial, soviet, modern"):
        parse('# story\nera = "victorian"\n' + BASE.replace('era = "soviet"', ""), "story.toml")


def test_no_characters():
    with pytest.raises(ImyaError, match="no characters"):
        parse('era = "modern"\n')


def run(*args, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "imya.cli", *args], input=stdin, capture_output=True, timeout=60)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_cli_address_with_roster_json():
    code, out, err = run("address", "--roster", str(EXAMPLE), "--from", "natalia", "--to", "vasilisa", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["speaker"] == "Natalia Alianovna Romanova" and doc["pronoun"] == "vy"
    first = doc["forms"][0]
    assert (first["form"], first["register"], first["verdict"]) == ("Vasilisa Alexeyevna", "name_patronymic", "expected")
    assert set(first) >= {"form", "register", "verdict", "reason", "rules"}


def test_cli_address_one_form_after_permission():
    code, out, _ = run("address", "--roster", str(EXAMPLE), "--from", "natalia", "--to", "vasilisa",
                       "--at", "chapter 10", "--form", "Vassa", "--json")
    assert code == 0
    assert json.loads(out)["forms"][0]["verdict"] == "acceptable"


def test_cli_address_without_roster():
    code, out, _ = run("address", "--from", "Vasilisa Ivashina", "--to", "Natalia Romanova",
                       "--relation", "rank=above,closeness=colleague", "--form", "Natashka")
    assert code == 0
    assert "marked" in out and "contempt" in out


@pytest.mark.parametrize("args, content", [
    (["--roster", "missing.toml", "--from", "a", "--to", "b"], None),
    (["--roster", "ROSTER", "--from", "natalia", "--to", "nobody"], BASE),
    (["--roster", "ROSTER", "--from", "natalia", "--to", "vasilisa"], "[[relation]\n"),
    (["--roster", "ROSTER", "--from", "natalia", "--to", "vasilisa"], b"\xff\xfe\x00binary"),
    (["--roster", "ROSTER", "--from", "natalia", "--to", "vasilisa"], ""),
    (["--roster", "ROSTER", "--from", "natalia", "--to", "vasilisa", "--at", "page 4"], BASE),
    (["--from", "Ivan", "--to", "Anna", "--relation", "rank=boss"], None),
    (["--from", "Ivan", "--to", "Anna", "--relation", "mood=sad"], None),
    (["--from", "Ivan", "--to", "Anna", "--relation", "closeness=mother"], None),
    (["--from", "Ivan", "--to", "Anna", "--at", "chapter 2"], None),
    (["--from", "Ivan"], None),
])
def test_cli_address_bad_input(tmp_path, args, content):
    if content is not None:
        path = tmp_path / "roster.toml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        args = [str(path) if a == "ROSTER" else a for a in args]
    code, out, err = run("address", *args)
    assert code == 2 and out == ""
    assert err.startswith("imya: error: ") and err.count("\n") == 1
