"""`explain`: full names split into parts, notes a writer can act on."""

import pytest

from imya import explain
from imya.errors import ImyaError


def part(query, i=0):
    return explain(query).parts[i]


def test_djenya():
    p = part("Djenya")
    assert (p.kind, p.cyrillic, p.gender, p.standard_latin, p.register) == ("diminutive", "Женя", "mf", "Zhenya", "short")
    assert [f.latin for f in p.full_names] == ["Yevgeny", "Yevgenia"]
    assert p.spelling == "nonstandard"
    assert any("nonstandard spelling" in n for n in p.notes)


def test_full_name():
    e = explain("Natalia Alianovna Romanova")
    kinds = [p.kind for p in e.parts]
    assert kinds == ["given", "patronymic", "surname"]
    given, patr, sur = e.parts
    assert given.gender == "f" and patr.gender == "f" and sur.gender == "f"
    assert patr.father[0].latin == "Alian"
    assert sur.masculine.latin == "Romanov"


def test_yasha_belongs_to_yakov():
    assert [f.cyrillic for f in part("Yasha").full_names] == ["Яков"]


def test_wrong_gender_surname_is_noted():
    sur = explain("Natalia Romanov").parts[1]
    assert any("a woman is Romanova" in n for n in sur.notes)


def test_wrong_gender_patronymic_is_noted():
    patr = explain("Natalia Alexeyevich").parts[1]
    assert any("a daughter is Alexeyevna" in n for n in patr.notes)


def test_given_name_lists_its_family():
    p = part("Ivan")
    assert p.western == ["John"] or "John" in p.western
    assert any(f.cyrillic == "Ваня" for f in p.forms["short"])
    assert p.masculine.cyrillic == "Иван"


def test_madame_b():
    title, initial = explain("Madame B").parts
    assert title.gender == "f"
    assert "Cyrillic letter В" in initial.notes[-1]
    assert "Vasilisa" in initial.notes[-1]


def test_mixed_script_lookalike():
    p = part("Nаtasha")  # Cyrillic а inside
    assert p.cyrillic == "Наташа"
    assert "U+0430" in p.notes[0]


def test_old_spelling():
    p = part("Alexey Fyodorovitch", 1)
    assert p.kind == "patronymic" and p.spelling == "old"


def test_patronymic_alone():
    p = part("Alexeyevna")
    assert (p.kind, p.gender, p.father[0].cyrillic) == ("patronymic", "f", "Алексей")


def test_unknown_word():
    p = part("Smith")
    assert p.kind == "unknown"


@pytest.mark.parametrize("bad", ["", "   ", "12345", "🙂🙂", "x" * 2000, "!!! «»", "- -"])
def test_bad_queries(bad):
    with pytest.raises(ImyaError):
        explain(bad)


def test_json_contract():
    doc = explain("Djenya").to_dict()
    assert doc["query"] == "Djenya"
    fields = {"text", "kind", "cyrillic", "gender", "standard_latin", "register", "full_names", "father",
              "masculine", "feminine", "notes"}
    assert fields <= set(doc["parts"][0])
    assert set(doc["parts"][0]["full_names"][0]) >= {"cyrillic", "latin", "gender"}


@pytest.mark.parametrize("query", ['"Natasha!"', "Natasha.", "(Natasha),", "«Наташа,»"])
def test_punctuation_copied_from_prose_is_dropped(query):
    p = part(query)
    assert p.cyrillic == "Наташа" and p.spelling in ("standard", "cyrillic")
    assert not any("nonstandard" in n for n in p.notes)


def test_full_stops_of_initials_and_titles_stay():
    e = explain("Mr. A. Chekhov.")
    assert [p.text for p in e.parts] == ["Mr.", "A.", "Chekhov"]
    assert e.parts[2].cyrillic == "Чехов"


def test_double_given_name_is_two_names_and_double_surname_one():
    e = explain("Anna-Maria Rimskaya-Korsakova")
    assert [(p.text, p.kind, p.cyrillic) for p in e.parts] == [
        ("Anna", "given", "Анна"), ("Maria", "given", "Мария"),
        ("Rimskaya-Korsakova", "surname", "Римская-Корсакова")]
    assert all("double given name Anna-Maria" in p.notes[0] for p in e.parts[:2])
    assert e.parts[2].masculine.cyrillic == "Римский-Корсаков"
