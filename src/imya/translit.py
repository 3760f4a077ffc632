"""Cyrillic → Latin in the main schemes, and Latin → Cyrillic for names."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache

from .data import read as read_data
from .data import rows
from .errors import DataError, ImyaError

# Our scheme names → iuliia schema names ("popular" is our own, in data/).
SCHEMES = {
    "popular": None,
    "bgn": "bgn_pcgn",
    "icao": "icao_doc_9303",
    "gost": "gost_779_alt",
    "lc": "ala_lc",
    "scholarly": "scientific",
    "wikipedia": "wikipedia",
}
SCHEME_TITLES = {
    "popular": "popular English (press and fiction)",
    "bgn": "BGN/PCGN",
    "icao": "ICAO passport",
    "gost": "GOST 7.79 system B",
    "lc": "Library of Congress",
    "scholarly": "scholarly",
    "wikipedia": "Wikipedia English",
}
_CYR_WORD = re.compile(r"[А-Яа-яЁё]+")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F'’ʹ]+")
# iuliia writes ё where the scheme means ë (BGN/PCGN, LC, GOST, scholarly).
_IO_FIX = str.maketrans({"ё": "ë", "Ё": "Ë"})


@cache
def _popular() -> tuple[list[tuple[re.Pattern, str]], dict[int, str]]:
    spec = tomllib.loads(read_data("translit_popular.toml"))
    rules = [(re.compile(r["pattern"]), r["replace"]) for r in spec["context"]]
    return rules, str.maketrans(spec["letters"])


def _match_case(src: str, out: str) -> str:
    if len(src) > 1 and src.isupper():
        return out.upper()
    if src[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def _popular_word(match: re.Match) -> str:
    word = match.group(0)
    rules, letters = _popular()
    low = word.lower()
    for rx, rep in rules:
        low = rx.sub(rep, low)
    return _match_case(word, low.translate(letters))


@cache
def _schema(name: str):
    import iuliia  # imported here: it costs 25 ms and lookup never needs it

    schema = iuliia.schemas.get(name)
    if schema is None:
        raise ImyaError(f"unknown transliteration scheme {name!r}")
    return schema


def scheme_names() -> list[str]:
    return list(SCHEMES)


def to_latin(text: str, scheme: str = "popular") -> str:
    """Romanize Cyrillic in `text` by `scheme` (see SCHEMES); other text passes through."""
    if scheme not in SCHEMES:
        raise ImyaError(f"unknown scheme {scheme!r}; choose from {', '.join(SCHEMES)}")
    iuliia_name = SCHEMES[scheme]
    if iuliia_name is None:
        return _CYR_WORD.sub(_popular_word, text)
    return _schema(iuliia_name).translate(text).translate(_IO_FIX)


# ---- Latin → Cyrillic by rules -------------------------------------------

_VOWELS = set("aeiouy")


@dataclass(frozen=True, slots=True)
class _Rule:
    latin: str
    cyrillic: str
    weight: float
    where: str


@cache
def _rules() -> dict[str, list[_Rule]]:
    by_first: dict[str, list[_Rule]] = {}
    where_ok = {"any", "start", "end", "after_vowel", "after_consonant", "before_consonant"}
    columns = ("latin", "cyrillic", "weight", "where")
    for number, (latin, cyr, weight, where) in rows("latin_to_cyrillic.tsv", columns):
        if where not in where_ok:
            raise DataError(f"latin_to_cyrillic.tsv:{number}: unknown place {where!r}")
        by_first.setdefault(latin[0], []).append(_Rule(latin, cyr, float(weight), where))
    for rules in by_first.values():
        rules.sort(key=lambda r: -len(r.latin))
    return by_first


def _applies(rule: _Rule, word: str, i: int) -> bool:
    if not word.startswith(rule.latin, i):
        return False
    end = i + len(rule.latin)
    if rule.where == "start":
        return i == 0
    if rule.where == "end":
        return end == len(word)
    if rule.where == "after_vowel":
        return i > 0 and word[i - 1] in _VOWELS
    if rule.where == "after_consonant":
        return i > 0 and word[i - 1].isalpha() and word[i - 1] not in _VOWELS
    if rule.where == "before_consonant":
        return end < len(word) and word[end].isalpha() and word[end] not in _VOWELS
    return True


def rules_to_cyrillic(word: str, limit: int = 5) -> list[tuple[str, float]]:
    """Cyrillic readings of one Latin word by the rule table, best first, scored 0..1."""
    return list(_readings(word, limit))


@lru_cache(maxsize=65536)  # the linter asks for the same names again and again
def _readings(word: str, limit: int) -> tuple[tuple[str, float], ...]:
    from .text import fold_latin

    low = fold_latin(word.replace("’", "'"))
    beams: list[tuple[str, float, int]] = [("", 1.0, 0)]
    done: list[tuple[str, float]] = []
    rules = _rules()
    while beams:
        nxt: list[tuple[str, float, int]] = []
        for out, score, i in beams:
            if i >= len(low):
                done.append((out, score))
                continue
            options = [r for r in rules.get(low[i], ()) if _applies(r, low, i)]
            if not options:  # not a letter we know: keep it as it is
                nxt.append((out + low[i], score * 0.5, i + 1))
                continue
            longest = len(options[0].latin)
            options = [r for r in options if len(r.latin) == longest]
            if any(r.where != "any" for r in options):  # a rule for this place beats a general one
                options = [r for r in options if r.where != "any"]
            for r in options:
                nxt.append((out + r.cyrillic, score * r.weight, i + longest))
        nxt.sort(key=lambda b: -b[1])
        beams = nxt[: limit * 3]
    best: dict[str, float] = {}
    for out, score in done:
        best[out] = max(best.get(out, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])[:limit]
    return tuple((_match_case(word, out), round(score, 3)) for out, score in ranked)
