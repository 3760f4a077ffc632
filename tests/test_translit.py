"""Transliteration: our popular scheme, iuliia's schemes with their own samples, Latin → Cyrillic."""

import json
from importlib import resources

import pytest

from imya import SCHEMES, to_cyrillic, to_latin, word_to_cyrillic
from imya.errors import ImyaError


def _samples():
    for ours, schema in SCHEMES.items():
        if schema is None:
            continue
        data = json.loads(resources.files("iuliia").joinpath(f"schemas/{schema}.json").read_text("utf-8"))
        for cyr, lat in data["samples"]:
            yield pytest.param(ours, cyr, lat, id=f"{ours}:{cyr[:20]}")


@pytest.mark.parametrize("scheme, cyrillic, latin", list(_samples()))
def test_iuliia_samples(scheme, cyrillic, latin):
    # iuliia's tables write the scheme's ë as Cyrillic ё; we emit the Latin letter.
    expected = latin.replace("ё", "ë").replace("Ё", "Ë")
    assert to_latin(cyrillic, scheme) == expected


@pytest.mark.parametrize("scheme", [s for s in SCHEMES if s != "popular"])
def test_no_cyrillic_left(scheme):
    out = to_latin("Фёдор Ёлкин, Щукина, Юлия Ильинична", scheme)
    assert not any("\u0400" <= c <= "\u04ff" for c in out)


@pytest.mark.parametrize("cyrillic, latin", [
    ("Евгений", "Yevgeny"), ("Наталья", "Natalya"), ("Фёдор", "Fyodor"), ("Алексей", "Alexei"),
    ("Алексеевна", "Alexeyevna"), ("Дмитрий", "Dmitry"), ("Ильич", "Ilyich"), ("Пётр", "Pyotr"),
    ("Мария", "Maria"), ("Васильевич", "Vasilyevich"), ("Максим", "Maxim"), ("Сергей", "Sergei"),
    ("Горбачёв", "Gorbachov"), ("ЕЛЕНА", "YELENA"), ("Юрий Гагарин", "Yury Gagarin"),
])
def test_popular(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_mixed_text_passes_through():
    assert to_latin("Hello, Наташа!") == "Hello, Natasha!"


def test_unknown_scheme():
    with pytest.raises(ImyaError):
        to_latin("Наташа", "klingon")


@pytest.mark.parametrize("latin, cyrillic", [
    ("Djenya", "Женя"), ("Natalia", "Наталья"), ("Yevgeny", "Евгений"), ("Romanova", "Романова"),
    ("Sokolovskaya", "Соколовская"), ("Alianovna", "Алиановна"), ("Shchukin", "Щукин"),
])
def test_to_cyrillic_best(latin, cyrillic):
    assert word_to_cyrillic(latin).candidates[0].cyrillic == cyrillic


def test_to_cyrillic_lexicon_before_rules():
    reading = word_to_cyrillic("Natalia")
    sources = [c.source for c in reading.candidates]
    assert sources[0] == "lexicon"
    assert sources == sorted(sources)  # lexicon < rules
    assert {"Наталья", "Наталия"} <= {c.cyrillic for c in reading.candidates}


def test_to_cyrillic_text():
    text, words = to_cyrillic("Natalia Alianovna Romanova")
    assert text == "Наталья Алиановна Романова"
    assert len(words) == 3
