"""Titles and ranks (Madame, Comrade, gospodin, Prince, Colonel): data/titles.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from .data import rows
from .errors import DataError

COLUMNS = ("title", "gender", "eras", "kind", "note")
ERAS = ("imperial", "soviet", "modern")
KINDS = ("honorific", "rank", "nobility", "clergy", "folk", "kin")


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    gender: str  # m | f | mf
    eras: tuple[str, ...]  # when Russians use it
    kind: str
    note: str

    def fits(self, era: str) -> bool:
        return era in self.eras


@cache
def titles() -> dict[str, Title]:
    """Lowercased title → Title."""
    out = {}
    for number, (text, gender, eras, kind, note) in rows("titles.tsv", COLUMNS):
        era_list = ERAS if eras == "any" else tuple(e.strip() for e in eras.split(","))
        if gender not in ("m", "f", "mf") or kind not in KINDS or not set(era_list) <= set(ERAS):
            raise DataError(f"titles.tsv:{number}: gender, eras or kind of {text!r} is not one of the known values")
        out[text.lower()] = Title(text, gender, era_list, kind, note)
    return out


@lru_cache(maxsize=65536)  # asked for every capitalised word of a novel, most of them many times
def find(word: str) -> Title | None:
    """The title a word is, also in the plural ("the Captains Wentworth and Harville")."""
    low = word.lower().rstrip(".")
    found = titles().get(low)
    if found is None and len(low) > 4 and low.endswith("s"):
        found = titles().get(low[:-1])
    return found
