"""Find the names a written form stands for, whatever its spelling."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache

from . import kb
from .data import read as read_data
from .spelling import cyrillic_keys, fold, latin_keys, light
from .text import cyrillic_norm, script, strip_stress

# How exactly a form matched; lower is better.  Matches of the best rank are kept.
RANK = {
    "cyrillic": 0, "standard": 0, "variant": 0, "scheme": 0, "western": 0, "french": 0,
    "old": 1, "nonstandard": 2,
}


@dataclass(frozen=True, slots=True)
class Match:
    entry: kb.Entry
    kind: str  # given | diminutive | patronymic
    spelling: str  # a key of RANK
    detail: str  # a sentence for the reader, e.g. "ICAO passport spelling"


def kind_of(entry: kb.Entry) -> str:
    if isinstance(entry, kb.GivenName):
        return "given"
    return "diminutive" if isinstance(entry, kb.Diminutive) else "patronymic"


def standard_latin(entry: kb.Entry) -> str:
    from .translit import to_latin

    latin = getattr(entry, "latin", "")
    return latin or to_latin(entry.cyrillic)


_SPELLINGS: dict[int, dict[str, tuple[str, str]]] = {}


def spellings(entry: kb.Entry) -> dict[str, tuple[str, str]]:
    """Folded spelling → (class, detail) for every way the entry is commonly romanized."""
    from .translit import SCHEME_TITLES, to_latin

    cached = _SPELLINGS.get(id(entry))
    if cached is not None:
        return cached
    out: dict[str, tuple[str, str]] = {}
    for scheme, title in SCHEME_TITLES.items():
        out.setdefault(light(to_latin(entry.cyrillic, scheme)), ("scheme", f"{title} spelling"))
    if isinstance(entry, kb.GivenName):
        for v in entry.variants:
            out[light(v)] = ("variant", "a common variant spelling")
    out[light(standard_latin(entry))] = ("standard", "the standard English spelling")
    _SPELLINGS[id(entry)] = out  # entries live as long as the cached knowledge base
    return out


@cache
def old_spelling_rules() -> list[tuple[re.Pattern, str, str]]:
    text = read_data("old_spellings.toml")
    return [(re.compile(r["pattern"]), r["replace"], r["note"]) for r in tomllib.loads(text)["rule"]]


_NONSTANDARD = ("nonstandard", "")  # its detail is written only for matches that are kept


def _classify(entry: kb.Entry, folded: str) -> tuple[str, str]:
    known = spellings(entry)
    if folded in known:
        return known[folded]
    for rx, rep, note in old_spelling_rules():
        if rx.search(folded) and rx.sub(rep, folded) in known:
            return "old", note
    return _NONSTANDARD


def lookup(text: str) -> list[Match]:
    """Every entry `text` can stand for, best matches first; ambiguity is kept.

    >>> [m.entry.cyrillic for m in lookup("Djenya")]
    ['Женя']
    """
    return list(_lookup(text))


@lru_cache(maxsize=65536)  # a manuscript repeats its names thousands of times
def _lookup(text: str) -> tuple[Match, ...]:
    data = kb.load()
    s = text.strip()
    sc = ("latin" if s.isalpha() else script(s)) if s.isascii() else script(s := strip_stress(s))
    matches: list[Match] = []
    if sc == "cyrillic":
        # Лена before Лёна: the spelling as written first, then the one differing only in ё
        for e in sorted(data.by_cyrillic.get(cyrillic_norm(s), ()), key=lambda e: e.cyrillic != s):
            matches.append(Match(e, kind_of(e), "cyrillic", "Cyrillic"))
        if not matches:
            for k in cyrillic_keys(s):
                for e in data.by_key.get(k, ()):
                    detail = f"close to {e.cyrillic}: a misspelling?"
                    matches.append(Match(e, kind_of(e), "nonstandard", detail))
    elif sc == "latin":
        folded_keys = fold(s)
        folded = folded_keys.replace("x", "ks")
        for name, kind in data.by_western.get(folded, ()):
            lang = "English" if kind == "western" else "French"
            detail = f"the {lang} equivalent of {name.cyrillic} ({name.latin})"
            matches.append(Match(name, "given", kind, detail))
        seen = set()
        for k in latin_keys(s, folded_keys):
            for e in data.by_key.get(k, ()):
                if id(e) not in seen:
                    seen.add(id(e))
                    spelling, detail = _classify(e, folded)
                    matches.append(Match(e, kind_of(e), spelling, detail))
    if len(matches) > 1:
        best = min(RANK[m.spelling] for m in matches)
        kept: dict[int, Match] = {}
        for m in matches:  # one entry once: Anna is the standard spelling, not also Anna's English twin
            if RANK[m.spelling] == best and (id(m.entry) not in kept or kept[id(m.entry)].spelling in ("western", "french")):
                kept[id(m.entry)] = m
        matches = sorted(kept.values(), key=lambda m: (_order(m), _EXACTNESS.get(m.spelling, 3)))
    return tuple(_with_detail(m) for m in matches)


def _with_detail(m: Match) -> Match:
    if m.detail:
        return m
    detail = f"a nonstandard spelling of {m.entry.cyrillic} ({standard_latin(m.entry)})"
    return Match(m.entry, m.kind, m.spelling, detail)


_KIND_ORDER = {"given": 0, "diminutive": 1, "patronymic": 2}
# Within one rank: the text's own standard spelling before a scheme's (Lena is Лена before Лёна)
_EXACTNESS = {"cyrillic": 0, "standard": 0, "variant": 1, "scheme": 2}


def _order(m: Match) -> int:
    # A given name before its homonymous short form (Nina, Alla); data order otherwise.
    return _KIND_ORDER[m.kind]


@cache
def _deletion_index() -> dict[str, list[kb.Entry]]:
    """Each spelling key with one letter deleted → entries: finds keys one edit apart."""
    index: dict[str, list[kb.Entry]] = {}
    for key, entries in kb.load().by_key.items():
        if len(key) < 4:
            continue
        for variant in {key} | {key[:i] + key[i + 1:] for i in range(len(key))}:
            index.setdefault(variant, []).extend(entries)
    return index


def fuzzy(word: str) -> list[Match]:
    """The closest entries whose spelling key is one edit from the word's (Fenitchka → Фенечка).

    Slower and looser than lookup(): for words lookup() does not know.  Only the
    best-scoring entries are returned (a vowel for a vowel is the cheapest edit).
    """
    index = _deletion_index()
    out: dict[int, Match] = {}
    for key in latin_keys(word):
        if len(key) < 5:
            continue
        for variant in {key} | {key[:i] + key[i + 1:] for i in range(len(key))}:
            for e in index.get(variant, ()):
                detail = f"close to {e.cyrillic} ({standard_latin(e)})"
                out.setdefault(id(e), Match(e, kind_of(e), "nonstandard", detail))
    keys = latin_keys(word)

    def cost(m: Match) -> float:
        return min(_edit_cost(a, b) for a in keys for b in cyrillic_keys(m.entry.cyrillic))

    ranked = sorted(out.values(), key=lambda m: (cost(m), _order(m), m.entry.cyrillic))
    return [m for m in ranked if cost(m) == cost(ranked[0])] if ranked else []


_VOWELS = set("aeiou")


def _edit_cost(a: str, b: str) -> float:
    """Edit distance where one vowel for another is cheap: translations vary vowels (Fenitchka, Fenechka)."""
    prev = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        cur = [float(i)]
        for j, cb in enumerate(b, 1):
            sub = 0.0 if ca == cb else 0.4 if ca in _VOWELS and cb in _VOWELS else 1.0
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub))
        prev = cur
    return prev[-1]
