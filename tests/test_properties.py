"""Property tests over the whole data: every romanization finds its name; derive → parse is stable."""

from hypothesis import given, settings
from hypothesis import strategies as st

import imya
from imya import SCHEMES, derive_patronymic, lookup, parse_patronymic, to_latin

KB = imya.load_knowledge()
NAMES = sorted(KB.names)
FORMS = sorted(KB.diminutives)
MEN = sorted(n for n, v in KB.names.items() if v.gender == "m")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES + FORMS), st.sampled_from(sorted(SCHEMES)))
def test_any_scheme_finds_the_same_name(cyrillic, scheme):
    latin = to_latin(cyrillic, scheme)
    found = {m.entry.cyrillic for m in lookup(latin)}
    assert cyrillic in found, (latin, found)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES + FORMS))
def test_cyrillic_with_or_without_yo(cyrillic):
    assert cyrillic in {m.entry.cyrillic for m in lookup(cyrillic.replace("ё", "е").replace("Ё", "Е"))}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(MEN))
def test_patronymic_parses_back_to_its_father(father):
    d = derive_patronymic(father)
    for form in (d.male, d.female):
        assert father in {f.cyrillic for f in parse_patronymic(form.cyrillic).fathers}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="абвгдежзиклмнопрстуфхцчшэюя", min_size=3, max_size=9))
def test_rule_derivation_parses_back(stem):
    from imya.patronymic import _derive_by_rules

    father = stem.capitalize() + "ан"
    male, female = _derive_by_rules(father)
    for p in (male, female):
        assert father in {f.cyrillic for f in parse_patronymic(p).fathers}


NAMEISH = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁ -'’.éà1🙂")), max_size=25)


@settings(max_examples=300, deadline=None)
@given(NAMEISH)
def test_any_text_gives_an_answer_or_a_clear_error(text):
    from contextlib import suppress

    from imya.errors import ImyaError
    from imya.patronymic import answer

    for call in (imya.explain, answer, imya.surname, imya.to_cyrillic):
        with suppress(ImyaError):  # anything else fails the test
            call(text)
