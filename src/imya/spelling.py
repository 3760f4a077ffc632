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

# Letter groups of English, French, German and Polish habits; longest first.
_LATIN_GROUPS = {
    "shch": "S", "szcz": "S", "tsch": "Q", "sch": "S", "shh": "S", "dzh": "Z", "tch": "Q", "tsh": "Q",
    "dj": "Z", "zh": "Z", "tz": "C", "ch": "Q", "cz": "Q", "sh": "S", "sz": "S", "kh": "h", "ph": "f",
    "th": "t", "ck": "k", "ou": "u", "c": "k", "q": "k", "w": "v",
}
_LATIN_RX = re.compile("ff$|gu(?=[ei])|" + "|".join(_LATIN_GROUPS))


def _latin_group(m: re.Match) -> str:
    g = m.group(0)
    return "v" if g == "ff" else "g" if g == "gu" else _LATIN_GROUPS[g]
_J_START = re.compile(r"^j(?=[aeiou])")
# Scholarly and GOST letters that English reads otherwise: dj is дь (Nadja), c and cz are ц (Jurec).
_SCHOLARLY = re.compile(r"dj|cz|c(?!h)")
_SCHOLARLY_AS = {"dj": "dy", "cz": "ts", "c": "ts"}
_NOT_LETTER = re.compile(r"[^a-zZSQC]")
_DOUBLE = re.compile(r"(.)\1+")
_GLIDE = re.compile(r"(?<=[aeou])i|i(?=[aeou])")


def _reduce(s: str) -> str:
    s = _DOUBLE.sub(r"\1", s.replace("ts", "C").replace("y", "i"))
    if "i" not in s:
        return s
    glided = _GLIDE.sub("", s)
    return s if glided == s else _DOUBLE.sub(r"\1", glided)


def cyrillic_keys(word: str) -> tuple[str, ...]:
    """Keys of a Cyrillic word; ё gives two (Фёдор is Fyodor and Fedor)."""
    low = word.lower()
    first = _reduce(low.translate(_CYR).replace("ё", "yo"))
    if "ё" not in low:
        return (first,)
    second = _reduce(low.replace("ё", "е").translate(_CYR))
    return (first,) if second == first else (first, second)


def fold(word: str) -> str:
    """Latin lowercased, with scholarly letters spelled out, accents and signs removed."""
    if word.isascii() and word.isalpha():
        return word.lower()
    return fold_latin(word.lower().translate(_LATIN_PRE))


def light(word: str) -> str:
    """Latin folded just enough to compare spellings: case, accents, signs, x = ks."""
    return fold(word).replace("x", "ks")


def _scholarly(m: re.Match) -> str:
    return _SCHOLARLY_AS[m.group(0)]


def latin_keys(word: str, folded: str | None = None) -> tuple[str, ...]:
    """Keys of a Latin spelling; ambiguous letters give more (Jenya: Zhenya or Yenya).

    `folded` is fold(word), when the caller has it already.
    """
    folded = fold(word) if folded is None else folded
    forms = [folded]
    if "c" in folded or "dj" in folded:
        alt = _SCHOLARLY.sub(_scholarly, folded)
        if alt != folded:
            forms.append(alt)
    variants: list[str] = []
    for f in forms:
        s = _LATIN_RX.sub(_latin_group, f)
        for v in (("Z" + s[1:], "y" + s[1:]) if _J_START.match(s) else (s,)):
            if "x" in v:  # English x is кс (Maxim); scholarly x is х (Matyuxa)
                variants += (v.replace("x", "ks"), v.replace("x", "h"))
            else:
                variants.append(v)
    keys: list[str] = []
    for v in variants:
        v = v.replace("j", "y")
        k = _reduce(v if v.isalpha() else _NOT_LETTER.sub("", v))
        if k and k not in keys:
            keys.append(k)
    return tuple(keys)
