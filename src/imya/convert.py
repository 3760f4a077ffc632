"""Latin → Cyrillic for names: the lexicon first, then the rule table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import ImyaError
from .search import lookup
from .text import script
from .translit import rules_to_cyrillic

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F'’ʹ]+")


@dataclass(frozen=True, slots=True)
class Candidate:
    cyrillic: str
    score: float
    source: str  # lexicon | rules


@dataclass(slots=True)
class WordReading:
    text: str
    candidates: list[Candidate] = field(default_factory=list)


def word_to_cyrillic(word: str, limit: int = 5) -> WordReading:
    """Cyrillic readings of one Latin word, ranked: names imya knows first."""
    reading = WordReading(word)
    seen = set()
    for m in lookup(word):
        if m.entry.cyrillic not in seen:
            seen.add(m.entry.cyrillic)
            score = 1.0 if m.spelling != "nonstandard" else 0.9
            reading.candidates.append(Candidate(m.entry.cyrillic, score, "lexicon"))
    for cyr, score in rules_to_cyrillic(word, limit):
        if cyr not in seen and len(reading.candidates) < limit:
            seen.add(cyr)
            reading.candidates.append(Candidate(cyr, round(score * 0.8, 3), "rules"))
    return reading


def to_cyrillic(text: str) -> tuple[str, list[WordReading]]:
    """The best Cyrillic for a Latin text, and the ranked readings of each word."""
    if script(text) == "cyrillic":
        raise ImyaError(f"{text!r} is already Cyrillic")
    words: list[WordReading] = []

    def best(m: re.Match) -> str:
        reading = word_to_cyrillic(m.group(0))
        words.append(reading)
        return reading.candidates[0].cyrillic if reading.candidates else m.group(0)

    return _WORD.sub(best, text), words
