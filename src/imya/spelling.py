"""Spelling-blind keys: every romanization of a name, and its Cyrillic, map to one key.

A key is deliberately lossy (Vasya and Vassa share one); lookup ranks the
candidates a key finds by how exactly the spelling matches.  Special letters
in keys: Z ж, S ш/щ, Q ч, C ц.
"""

from __future__ import annotations

import re

from .text import fold_latin

_CYR = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "Z", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "C", "ч": "Q",
    "ш": "S", "щ": "S", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "-": "", " ": "",
})

# Letters of scholarly and passport schemes, spelled out before accents are folded.
_LATIN_PRE = str.maketrans({
    "š": "sh", "č": "ch", "ž": "zh", "ŝ": "shch", "û": "yu", "â": "ya", "ĭ": "y",
    "ʹ": "", "ʺ": "", "'": "", "’": "", "`": "", "ʼ": "", "‘": "", "-": "", " ": "",
    "ß": "ss",
})

_LATIN_RULES = [(re.compile(p), r) for p, r in (
    (r"shch|sch|shh|szcz", "S"),
    (r"dzh|dj", "Z"),
    (r"zh|zj", "Z"),
    (r"tsch|tch|tsh|ch|cz", "Q"),
    (r"sh|sz", "S"),
    (r"kh", "h"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"ck", "k"),
    (r"ff$", "v"),
    (r"gu(?=[ei])", "g"),
    (r"ou", "u"),
    (r"c", "k"),
    (r"q", "k"),
    (r"w", "v"),
)]
_J_START = re.compile(r"^j(?=[aeiou])")
_NOT_LETTER = re.compile(r"[^a-zZSQC]")
_DOUBLE = re.compile(r"(.)\1+")
_GLIDE = re.compile(r"(?<=[aeou])i|i(?=[aeou])")


def _reduce(s: str) -> str:
    s = s.replace("ts", "C").replace("tz", "C").replace("y", "i")
    s = _DOUBLE.sub(r"\1", s)
    s = _GLIDE.sub("", s)
    return _DOUBLE.sub(r"\1", s)


def cyrillic_keys(word: str) -> tuple[str, ...]:
    """Keys of a Cyrillic word; ё gives two (Фёдор is Fyodor and Fedor)."""
    low = word.lower()
    first = _reduce(low.translate(_CYR).replace("ё", "yo"))
    if "ё" not in low:
        return (first,)
    second = _reduce(low.replace("ё", "е").translate(_CYR))
    return (first,) if second == first else (first, second)


def light(word: str) -> str:
    """Latin folded just enough to compare spellings: case, accents, signs, x = ks."""
    return fold_latin(word.translate(_LATIN_PRE)).replace("x", "ks")


def latin_keys(word: str) -> tuple[str, ...]:
    """Keys of a Latin spelling; an initial j or an x gives two (Jenya: Zhenya or Yenya)."""
    s = fold_latin(word.lower().translate(_LATIN_PRE))
    for rx, rep in _LATIN_RULES:
        s = rx.sub(rep, s)
    variants = [_J_START.sub("Z", s), _J_START.sub("y", s)] if _J_START.match(s) else [s]
    if "x" in s:  # English x is кс (Maxim); scholarly x is х (Matyuxa)
        variants = [v.replace("x", "ks") for v in variants] + [v.replace("x", "h") for v in variants]
    keys = []
    for v in variants:
        k = _reduce(_NOT_LETTER.sub("", v.replace("j", "y")))
        if k and k not in keys:
            keys.append(k)
    return tuple(keys)
