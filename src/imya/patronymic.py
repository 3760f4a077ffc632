"""Patronymics: derive them from a father's name and parse them back."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import cache

from . import kb
from .data import read as read_data
from .errors import ImyaError
from .names import NameRef, ref, resolve_given
from .text import script
from .translit import rules_to_cyrillic


@dataclass(frozen=True, slots=True)
class PatronymicForm:
    cyrillic: str
    latin: str
    colloquial: list[NameRef] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Derived:
    """Both patronymics formed from one father's name."""

    father: NameRef
    male: PatronymicForm
    female: PatronymicForm
    known: bool  # the father's name is in the data
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a patronymic says: the father's possible names and the bearer's gender."""

    cyrillic: str
    gender: str
    fathers: list[NameRef]
    known: bool  # the patronymic is in the data
    colloquial_of: str | None
    notes: list[str] = field(default_factory=list)


@cache
def _rules() -> dict:
    text = read_data("patronymic_rules.toml")
    spec = tomllib.loads(text)
    for section in ("derive", "colloquial", "parse", "semi"):
        for rule in spec[section]:
            rule["rx"] = re.compile(rule["pattern"])
    return spec


def _derive_by_rules(father: str) -> tuple[str, str]:
    low = father.lower()
    for rule in _rules()["derive"]:
        if rule["rx"].search(low):
            male = rule["rx"].sub(rule["male"], low, count=1)
            female = rule["rx"].sub(rule["female"], low, count=1)
            return male.capitalize(), female.capitalize()
    raise AssertionError("the last derive rule matches every name")


def _colloquial_by_rules(patronymic: str) -> list[str]:
    low = patronymic.lower()
    for rule in _rules()["colloquial"]:
        if rule["rx"].search(low):
            return [rule["rx"].sub(rule["replace"], low).capitalize()]
    return []


@cache
def semi_patronymic(father: str) -> str | None:
    """The old semi-patronymic of a son of `father` (Cyrillic): Василий → Васильев.

    >>> semi_patronymic("Илья")
    'Ильин'
    """
    try:
        patronymic = derive(father).male.cyrillic.lower()
    except ImyaError:
        return None
    for rule in _rules()["semi"]:
        if rule["rx"].search(patronymic):
            return rule["rx"].sub(rule["replace"], patronymic, count=1).capitalize()
    return None


def derive(father: str) -> Derived:
    """Patronymics of the children of `father` (any spelling, Latin or Cyrillic).

    >>> derive("Ilya").female.latin
    'Ilyinichna'
    """
    name, notes = resolve_given(father)
    if name is not None:
        if name.gender == "f":
            raise ImyaError(
                f"{father!r} is a woman's name ({name.cyrillic}); a patronymic is formed from the father's name"
            )
        male = PatronymicForm(name.patronymic_m[0], _latin(name.patronymic_m[0]),
                              [ref(c) for c in name.colloquial_m])
        female = PatronymicForm(name.patronymic_f[0], _latin(name.patronymic_f[0]),
                                [ref(c) for c in name.colloquial_f])
        for extra in name.patronymic_m[1:] + name.patronymic_f[1:]:
            notes.append(f"also in use: {extra} ({_latin(extra)})")
        return Derived(NameRef(name.cyrillic, name.latin), male, female, True, notes)
    cyr = father if script(father) == "cyrillic" else rules_to_cyrillic(father, 1)[0][0]
    m, f = _derive_by_rules(cyr)
    notes.append(f"{father} is not in imya's list of Russian names: patronymics formed by the regular rules")
    return Derived(
        NameRef(cyr, father if script(father) == "latin" else _latin(cyr)),
        PatronymicForm(m, _latin(m), [ref(c) for c in _colloquial_by_rules(m)]),
        PatronymicForm(f, _latin(f), [ref(c) for c in _colloquial_by_rules(f)]),
        False, notes,
    )


def _latin(cyr: str) -> str:
    from .translit import to_latin

    return to_latin(cyr)


def looks_like_patronymic(cyr: str) -> bool:
    return bool(re.search(r".{2,}(ович|евич|овна|евна|ична|ич|ыч)$", cyr.lower()))


def parse(cyr: str) -> Parsed | None:
    """Parse a Cyrillic patronymic (in the data, or by its ending); None if it is not one."""
    data = kb.load()
    known = data.patronymics.get(cyr)
    if known is not None:
        fathers = [NameRef(f.cyrillic, f.latin) for f in known.fathers]
        return Parsed(cyr, known.gender, fathers, True, known.colloquial_of)
    if not looks_like_patronymic(cyr):
        return None
    low = cyr.lower()
    gender = "f" if low.endswith("на") else "m"
    for rule in _rules()["parse"]:
        m = rule["rx"].match(low)
        if not m:
            continue
        candidates = [m.expand(f).capitalize() for f in rule["father"]]
        in_data = [c for c in candidates if c in data.names and data.names[c].gender == "m"]
        if in_data:
            father = data.names[in_data[0]]
            usual = father.patronymic_f if gender == "f" else father.patronymic_m
            # Павеловна for Павловна is wrong; Власьевна (of Власий) or Францовна beside
            # Францевна are other forms in use: only the same suffix on another stem is flagged
            same_suffix = [u for u in usual if u.lower()[-4:] == low[-4:] and u.lower()[-5:-4] == low[-5:-4]]
            if same_suffix and not any(u.lower().replace("ё", "е") == low.replace("ё", "е") for u in usual):
                note = f"{cyr} is not how the patronymic is formed: the {'daughter' if gender == 'f' else 'son'} " \
                       f"of {father.cyrillic} is {usual[0]}"
            else:
                note = f"{cyr} is a regular but uncommon patronymic of {in_data[0]}"
            return Parsed(cyr, gender, [ref(c) for c in in_data], False, None, [note])
        father = candidates[0]
        note = (f"the father's name would be {father} ({_latin(father)}), "
                "which is not a Russian name imya knows; the patronymic is formed regularly")
        return Parsed(cyr, gender, [ref(father)], False, None, [note])
    return None


_REGULAR = re.compile(r"[оеё]в(?:ич|на)$")


@cache
def _by_key() -> dict[str, str]:
    """The lossy Latin key of every patronymic in the data → the patronymic."""
    from .spelling import latin_keys
    from .translit import to_latin

    out: dict[str, str] = {}
    for cyr in kb.load().patronymics:
        out.setdefault(latin_keys(to_latin(cyr))[0], cyr)
    return out


@cache
def nearest(cyr: str, cutoff: float = 0.9) -> tuple[str, ...]:
    """The patronymics of the data spelt nearly like `cyr`, for a misprint: Вассилвич
    (Vassilvitch) → Васильевич, Васильич.  A regular -ович/-овна is taken to be the son or
    daughter of a name imya lacks (Джоновна is John's daughter, not Иона's) unless it is spelt
    the same to the spelling key (Вассилевна, Marya Vassilyevna, is Васильевна)."""
    from .spelling import latin_keys
    from .translit import to_latin

    keys = _by_key()
    key = latin_keys(to_latin(cyr))[0]
    if _REGULAR.search(cyr.lower()):
        return (keys[key],) if key in keys else ()
    return tuple(keys[k] for k in get_close_matches(key, keys, n=3, cutoff=cutoff))


def answer(query: str) -> Derived | Parsed:
    """`imya patronymic`: a father's name gives both patronymics; a patronymic is parsed."""
    from .search import lookup

    text = query.strip()
    if not text or not any(c.isalpha() for c in text):
        raise ImyaError(f"{query!r} is not a name: give the father's given name")
    if len(text.split()) > 1:
        raise ImyaError(f"{query!r}: give one father's name, not a full name")
    matches = lookup(text)
    if matches and matches[0].kind == "patronymic":
        return parse(matches[0].entry.cyrillic)
    if not matches:
        cyr = text if script(text) == "cyrillic" else rules_to_cyrillic(text, 1)[0][0]
        parsed = parse(cyr) if looks_like_patronymic(cyr) else None
        if parsed is not None:
            return parsed
    return derive(text)
