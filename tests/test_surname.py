"""Surnames: gender from the form, the other gender's form, the family."""

import pytest

from imya import surname
from imya.errors import ImyaError


@pytest.mark.parametrize("text, gender, masc, fem, family", [
    ("Romanova", "f", "Romanov", "Romanova", "the Romanovs"),
    ("Romanov", "m", "Romanov", "Romanova", "the Romanovs"),
    ("Sokolovsky", "m", "Sokolovsky", "Sokolovskaya", "the Sokolovskys"),
    ("Sokolovskaya", "f", "Sokolovsky", "Sokolovskaya", "the Sokolovskys"),
    ("Tolstoy", "m", "Tolstoy", "Tolstaya", "the Tolstoys"),
    ("Ivashina", "f", "Ivashin", "Ivashina", "the Ivashins"),
    ("Shevchenko", "mf", "Shevchenko", "Shevchenko", "the Shevchenkos"),
    ("Chernykh", "mf", "Chernykh", "Chernykh", "the Chernykhs"),
    ("Zhivago", "mf", "Zhivago", "Zhivago", "the Zhivagos"),
    ("Abramovich", "mf", "Abramovich", "Abramovich", "the Abramoviches"),
])
def test_latin(text, gender, masc, fem, family):
    s = surname(text)
    assert (s.gender, s.masculine.latin, s.feminine.latin, s.plural.latin) == (gender, masc, fem, family)


@pytest.mark.parametrize("text, masc, fem, plural", [
    ("Романова", "Романов", "Романова", "Романовы"),
    ("Соколовская", "Соколовский", "Соколовская", "Соколовские"),
    ("Толстой", "Толстой", "Толстая", "Толстые"),
    ("Ивашин", "Ивашин", "Ивашина", "Ивашины"),
])
def test_cyrillic(text, masc, fem, plural):
    s = surname(text)
    assert (s.masculine.cyrillic, s.feminine.cyrillic, s.plural.cyrillic) == (masc, fem, plural)


def test_latin_surname_gets_cyrillic():
    assert surname("Romanova").feminine.cyrillic == "Романова"


def test_variant_ending_is_noted():
    s = surname("Sokolovskiy")
    assert s.masculine.latin == "Sokolovsky"
    assert any("-skiy" in n for n in s.notes)


def test_unknown_ending():
    assert surname("Smith").gender is None


@pytest.mark.parametrize("bad", ["", "123", "🙂", "O'Brien!", "-", "--", "Ivanov-1"])
def test_bad_input(bad):
    with pytest.raises(ImyaError):
        surname(bad)


@pytest.mark.parametrize("query", ["IVANOVA", "ivanova", "ИВАНОВА", "иванова"])
def test_capitals_or_lower_case_read_as_a_name(query):
    s = surname(query)
    assert s.query == query
    assert (s.masculine.latin, s.masculine.cyrillic) == ("Ivanov", "Иванов")
    assert (s.feminine.latin, s.plural.cyrillic) == ("Ivanova", "Ивановы")


@pytest.mark.parametrize("text, gender, masc, fem, family_cyr", [
    ("Rimsky-Korsakov", "m", "Rimsky-Korsakov", "Rimskaya-Korsakova", "Римские-Корсаковы"),
    ("Petrova-Vodkina", "f", "Petrov-Vodkin", "Petrova-Vodkina", "Петровы-Водкины"),
    ("Салтыков-Щедрин", "m", "Saltykov-Shchedrin", "Saltykova-Shchedrina", "Салтыковы-Щедрины"),
    ("Bonch-Bruyevich", "mf", "Bonch-Bruyevich", "Bonch-Bruyevich", "Бонч-Бруевич"),
])
def test_double_surnames_change_part_by_part(text, gender, masc, fem, family_cyr):
    s = surname(text)
    assert (s.gender, s.masculine.latin, s.feminine.latin, s.plural.cyrillic) == (gender, masc, fem, family_cyr)


def test_double_surname_with_parts_of_two_genders_is_noted():
    assert any("disagree in gender" in n for n in surname("Rimsky-Korsakova").notes)
    assert not any("disagree" in n for n in surname("Rimskaya-Korsakova").notes)


@pytest.mark.parametrize("text, masc, fem", [
    ("Gogol", "Гоголь", "Гоголь"),          # a soft sign English drops
    ("Yeltsina", "Ельцин", "Ельцина"),
    ("Melnikov", "Мельников", "Мельникова"),
    ("Gorbacheva", "Горбачёв", "Горбачёва"),  # a ё English writes as e
    ("Горбачев", "Горбачёв", "Горбачёва"),
    ("Горькая", "Горький", "Горькая"),        # the longest ending decides: -кая, not -ая
])
def test_known_surnames_get_their_real_cyrillic(text, masc, fem):
    s = surname(text)
    assert (s.masculine.cyrillic, s.feminine.cyrillic) == (masc, fem)


def test_a_feminine_in_aya_names_both_possible_masculines_unless_known():
    belaya = surname("Belaya")
    assert (belaya.masculine.latin, belaya.masculine.cyrillic) == ("Bely", "Белый")
    assert "the masculine could also be Белой" in belaya.notes
    for text in ("Tolstaya", "Толстая"):
        s = surname(text)
        assert (s.masculine.latin, s.masculine.cyrillic, s.plural.latin) == ("Tolstoy", "Толстой", "the Tolstoys")
        assert not any("could also" in n for n in s.notes)
    trubetskaya = surname("Trubetskaya")
    assert (trubetskaya.masculine.cyrillic, trubetskaya.plural.cyrillic) == ("Трубецкой", "Трубецкие")


def test_cyrillic_input_is_taken_as_written_unless_only_yo_differs():
    assert surname("Илюшин").feminine.cyrillic == "Илюшина"  # not the designer's Ильюшин
    assert surname("Ilyushin").feminine.cyrillic == "Ильюшина"
