"""Script detection, accent folding and look-alike letters."""

from __future__ import annotations

import re
import unicodedata

CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")
CYRILLIC_WORD = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*$")

# Latin letters that look like Cyrillic ones, and back.  The Cyrillic letter's
# own Latin reading is what a misreading loses (В is V, not B).
LATIN_TO_CYRILLIC_LOOKALIKE = dict(zip("ABCEHKMOPTXYaceopxy", "АВСЕНКМОРТХУасеорху", strict=True))
CYRILLIC_TO_LATIN_LOOKALIKE = {c: lat for lat, c in LATIN_TO_CYRILLIC_LOOKALIKE.items()}
CYRILLIC_READING = {
    "А": "A", "В": "V", "С": "S", "Е": "Ye", "Н": "N", "К": "K", "М": "M",
    "О": "O", "Р": "R", "Т": "T", "Х": "Kh", "У": "U",
}


def script(s: str) -> str:
    """'cyrillic', 'latin', 'mixed' or 'none' for the letters of `s`."""
    cyr = bool(CYRILLIC_RE.search(s))
    lat = bool(LATIN_RE.search(s))
    if cyr and lat:
        return "mixed"
    return "cyrillic" if cyr else "latin" if lat else "none"


def strip_stress(s: str) -> str:
    """Remove stress marks (Natásha, Бори́с) but keep й and ё, which are letters."""
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", decomposed.replace("\u0301", "").replace("\u0300", ""))


def fold_latin(s: str) -> str:
    """Lowercase Latin with diacritics removed: 'Fëdor' → 'fedor'."""
    if s.isascii():
        return s.lower()
    decomposed = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def cyrillic_norm(s: str) -> str:
    """The form Cyrillic is compared in: lowercase, ё as е."""
    return s.lower().replace("ё", "е")


def fix_lookalikes(s: str) -> tuple[str, list[str]]:
    """Turn look-alike letters of the minority script into the majority one.

    Returns the mended text and a note per letter changed.
    """
    cyr = len(CYRILLIC_RE.findall(s))
    lat = len(LATIN_RE.findall(s))
    table = CYRILLIC_TO_LATIN_LOOKALIKE if lat >= cyr else LATIN_TO_CYRILLIC_LOOKALIKE
    notes, out = [], []
    for ch in s:
        new = table.get(ch)
        if new is not None:
            kind = "Cyrillic" if lat >= cyr else "Latin"
            notes.append(
                f"'{ch}' (U+{ord(ch):04X}) is a {kind} letter that looks like '{new}'; read as '{new}'"
            )
            out.append(new)
        else:
            out.append(ch)
    return "".join(out), notes
