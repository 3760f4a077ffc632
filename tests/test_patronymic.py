"""Patronymics: derivation (data and rules), contractions, parsing back."""

import pytest

from imya import derive_patronymic, parse_patronymic
from imya.errors import ImyaError
from imya.patronymic import answer, nearest


@pytest.mark.parametrize("father, male, female", [
    ("Ivan", "Ivanovich", "Ivanovna"),
    ("Alexei", "Alexeyevich", "Alexeyevna"),
    ("Ilya", "Ilyich", "Ilyinichna"),
    ("Foma", "Fomich", "Fominichna"),
    ("Nikita", "Nikitich", "Nikitichna"),
    ("Lev", "Lvovich", "Lvovna"),
    ("Pavel", "Pavlovich", "Pavlovna"),
    ("Pyotr", "Petrovich", "Petrovna"),
    ("Yakov", "Yakovlevich", "Yakovlevna"),
    ("Михаил", "Mikhailovich", "Mikhailovna"),
    ("Vasily", "Vasilyevich", "Vasilyevna"),
    ("Dmitry", "Dmitriyevich", "Dmitriyevna"),
])
def test_known_fathers(father, male, female):
    d = derive_patronymic(father)
    assert (d.male.latin, d.female.latin) == (male, female)
    assert d.known


@pytest.mark.parametrize("father, male, female", [
    ("Алиан", "Алианович", "Алиановна"),
    ("Гурий", "Гурьевич", "Гурьевна"),
    ("Онуфрий", "Онуфриевич", "Онуфриевна"),
    ("Ремизий", "Ремизьевич", "Ремизьевна"),
    ("Зосима", "Зосимич", "Зосимична"),
    ("Каллистрат", "Каллистратович", "Каллистратовна"),
])
def test_regular_rules(father, male, female):
    from imya.patronymic import _derive_by_rules

    assert _derive_by_rules(father) == (male, female)


def test_unknown_latin_father_is_derived_not_rejected():
    d = derive_patronymic("Alian")
    assert not d.known
    assert d.female.latin == "Alianovna"
    assert "not in imya's list" in d.notes[0]


def test_colloquial_forms():
    assert "Ivanych" in [c.latin for c in derive_patronymic("Ivan").male.colloquial]
    assert "Palych" in [c.latin for c in derive_patronymic("Pavel").male.colloquial]


@pytest.mark.parametrize("patronymic, gender, fathers", [
    ("Алексеевна", "f", {"Алексей"}),
    ("Данилович", "m", {"Данила", "Даниил"}),
    ("Ильинична", "f", {"Илья"}),
    ("Иваныч", "m", {"Иван"}),
])
def test_parse_known(patronymic, gender, fathers):
    p = parse_patronymic(patronymic)
    assert p.gender == gender
    assert fathers <= {f.cyrillic for f in p.fathers}


def test_parse_unknown_father():
    p = parse_patronymic("Алиановна")
    assert p.gender == "f" and p.fathers[0].cyrillic == "Алиан" and not p.known


def test_answer_takes_a_patronymic_or_a_father():
    assert answer("Alexeyevna").fathers[0].latin == "Alexei"
    assert answer("Ivan").male.latin == "Ivanovich"


@pytest.mark.parametrize("bad", ["Natalia", "", "123", "Ivan Petrov"])
def test_bad_fathers(bad):
    with pytest.raises(ImyaError):
        answer(bad)


def test_nearest_finds_the_patronymics_a_misprint_stands_for():
    assert "Васильевич" in nearest("Вассилвич")  # Vassilvitch in a translation
    assert nearest("Алиановна") == () and nearest("Джоновна") == ()  # regular: a father imya lacks
    assert nearest("Вассилевна") == ("Васильевна",)  # regular, but spelt as Васильевна is
