"""The address engine, driven by the scenario table in data/address_scenarios.toml."""

import tomllib
from functools import cache
from pathlib import Path

import pytest

from imya.address import Relation, advise, judge_form, parse_rules, pronoun, rules
from imya.errors import DataError
from imya.forms import classify, forms_of
from imya.person import from_name

SCENARIOS = tomllib.loads((Path(__file__).parent / "data" / "address_scenarios.toml").read_text("utf-8"))["scenario"]


@cache
def person(name: str, titles: tuple[str, ...] = (), gender: str | None = None):
    return from_name(name, titles=titles, gender=gender)


def relation(spec: dict) -> Relation:
    spec = dict(spec)
    spec["permissions"] = tuple(spec.get("permissions", ()))
    return Relation(**spec)


def test_there_are_enough_scenarios():
    assert len(SCENARIOS) >= 60


@pytest.mark.parametrize("s", SCENARIOS, ids=[s["title"] for s in SCENARIOS])
def test_scenario(s):
    addressee = person(s["addressee"], tuple(s.get("addressee_titles", ())), s.get("addressee_gender"))
    rel = relation(s["relation"])
    j = judge_form(s["form"], addressee, rel)
    assert (j.verdict, j.rules[0]) == (s["verdict"], s["rule"]), j.reason
    if "pronoun" in s:
        assert pronoun(rel)[0] == s["pronoun"]


def test_every_rule_decides_some_scenario():
    deciding = {s["rule"] for s in SCENARIOS}
    safety_nets = {r.id for r in rules().forms if r.priority == 0}
    missing = {r.id for r in rules().forms} - deciding - safety_nets
    assert not missing, f"rules no scenario exercises: {sorted(missing)}"


def test_every_pronoun_rule_decides_some_scenario():
    decided = {pronoun(relation(s["relation"]))[1] for s in SCENARIOS if "pronoun" in s}
    assert decided == {r.reason for r in rules().pronouns}


def test_advice_is_ranked_best_first():
    advice = advise(person("Natalia Alianovna Romanova"), person("Vasilisa Alexeyevna Ivashina", ("Colonel",)),
                    Relation(rank="far_below", closeness="acquaintance", speaker_age="young",
                             addressee_age="elder", setting="official", era="soviet"))
    verdicts = [j.verdict for j in advice.forms]
    assert advice.forms[0].form == "Vasilisa Alexeyevna" and verdicts[0] == "expected"
    assert verdicts == sorted(verdicts, key=["expected", "acceptable", "marked", "wrong"].index)
    assert advice.pronoun == "vy"
    assert all(j.reason and j.rules for j in advice.forms)


def test_forms_of_a_full_name():
    forms = {(f.register, f.text) for f in forms_of(person("Vasilisa Alexeyevna Ivashina", ("Colonel",)))}
    for expected in [("name_patronymic", "Vasilisa Alexeyevna"), ("given", "Vasilisa"), ("short", "Vassa"),
                     ("short", "Vasya"), ("rough", "Vasiliska"), ("surname", "Ivashina"),
                     ("title", "Comrade Colonel"), ("title_surname", "Madame Ivashina"),
                     ("title_surname", "Gospozha Ivashina"), ("patronymic", "Alexeyevna")]:
        assert expected in forms


@pytest.mark.parametrize("text, register", [
    ("Vasilisa Alexeyevna", "name_patronymic"), ("Natashka", "rough"), ("Alexeich", "colloquial_patronymic"),
    ("Natásha", "short"), ("Natasha", "short"), ("Natashenka", "affectionate"), ("Kitty", "foreign"),
    ("Madame Ivashina", "title_surname"), ("Comrade", "title"),
])
def test_classify_without_a_person(text, register):
    assert classify(text).register == register


def test_classify_against_a_person():
    natalia = person("Natalia Alianovna Romanova")
    assert classify("Natásha", natalia).belongs
    c = classify("Yasha", person("Yevgeny Vasilyevich Bazarov"))
    assert not c.belongs and "Yakov" in c.whose


def test_short_form_name_resolves_to_its_full_name():
    p = from_name("Natasha Romanoff")
    assert p.given.cyrillic == "Наталья" and p.gender == "f" and p.surname == "Romanova"


@pytest.mark.parametrize("toml, message", [
    ('[registers]\ngiven = "x"\n[[rule]]\nid = "A"\nforms = ["given"]\nverdict = "fine"\nreason = "r"\n', "verdict"),
    ('[registers]\ngiven = "x"\n[[rule]]\nid = "A"\nforms = ["nope"]\nverdict = "wrong"\nreason = "r"\n', "registers"),
    ('[registers]\ngiven = "x"\n[[rule]]\nid = "A"\nforms = ["given"]\nwhen = { mood = "sad" }\n'
     'verdict = "wrong"\nreason = "r"\n', "unknown condition"),
    ('[registers]\ngiven = "x"\n[[rule]]\nid = "A"\nforms = ["given"]\nwhen = { rank = "boss" }\n'
     'verdict = "wrong"\nreason = "r"\n', "rank must be among"),
    ('[registers]\ngiven = "x"\n[[rule]]\nid = "A"\nforms = ["given"]\nwhen = { rank = "peer" }\n'
     'verdict = "wrong"\nreason = "r"\n', "no fallback"),
    ('[registers]\ngiven = "x"\n[[rule]]\nid = "A"\nforms = ["given"]\nverdict = "wrong"\nreason = "r"\n'
     '[[rule]]\nid = "A"\nforms = ["given"]\nverdict = "wrong"\nreason = "r"\n', "repeated id"),
    ("[registers\n", "address_rules.toml"),
])
def test_bad_rule_files(toml, message):
    with pytest.raises(DataError, match=message):
        parse_rules(toml)


def test_bad_relation_values():
    from imya.errors import ImyaError

    with pytest.raises(ImyaError, match="rank must be one of"):
        advise(person("Ivan Petrovich Sidorov"), person("Anna Arkadyevna Karenina"), Relation(rank="boss"))
