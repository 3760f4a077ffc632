"""Lookup ignores spelling: standard, old, French, accented, nonstandard, Cyrillic."""

import pytest

from imya import lookup


def cyr(text):
    return [m.entry.cyrillic for m in lookup(text)]


@pytest.mark.parametrize("text, expected", [
    ("Yevgeny", "Евгений"), ("Evgeny", "Евгений"), ("Evgenii", "Евгений"), ("Yevgeniy", "Евгений"),
    ("Eugene", "Евгений"),
    ("Djenya", "Женя"), ("Jenya", "Женя"), ("Zhenia", "Женя"), ("Zhenya", "Женя"),
    ("Alexey", "Алексей"), ("Alexei", "Алексей"), ("Aleksei", "Алексей"), ("Alexis", "Алексей"),
    ("Natásha", "Наташа"), ("Borís", "Борис"), ("Nathalie", "Наталья"),
    ("Fyodor", "Фёдор"), ("Fedor", "Фёдор"), ("Фёдор", "Фёдор"), ("Федор", "Фёдор"),
    ("Fyodorovitch", "Фёдорович"), ("Fyodorovich", "Фёдорович"),
    ("Alyosha", "Алёша"), ("Алеша", "Алёша"),
    ("Pierre", "Пётр"), ("Stiva", "Стива"), ("Kitty", "Китти"), ("Dolly", "Долли"),
    ("Vasilisa", "Василиса"), ("Vassa", "Васса"), ("Vasya", "Вася"),
    ("Ilyich", "Ильич"), ("Ilyinichna", "Ильинична"),
    ("Natalya", "Наталья"), ("Nataliya", "Наталия"),
    ("Dmitriy", "Дмитрий"), ("Dmitrii", "Дмитрий"), ("Dmitri", "Дмитрий"),
])
def test_spellings_find_the_name(text, expected):
    assert expected in cyr(text)


def test_classes_of_spelling():
    assert lookup("Yevgeny")[0].spelling == "standard"
    assert lookup("Evgenii")[0].spelling in ("variant", "scheme")
    assert lookup("Evgenij")[0].spelling == "scheme"
    assert lookup("Djenya")[0].spelling == "nonstandard"
    assert lookup("Fyodorovitch")[0].spelling == "old"
    assert lookup("Женя")[0].spelling == "cyrillic"


def test_ambiguity_is_kept():
    sasha = lookup("Sasha")[0].entry
    assert {f.name.cyrillic for f in sasha.of} >= {"Александр", "Александра"}


def test_key_collisions_do_not_leak():
    # Vassa and Vasya share a spelling key; an exact spelling picks one.
    assert "Вася" not in cyr("Vassa")
    assert "Васса" not in cyr("Vasya")


def test_men_and_women_stay_apart():
    assert cyr("Vasily") == ["Василий"]
    assert cyr("Vasilisa") == ["Василиса"]


@pytest.mark.parametrize("text", ["", "   ", "12345", "🙂", "Qwxzpt"])
def test_nothing_found(text):
    assert lookup(text) == []
