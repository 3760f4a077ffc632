"""IMY107 cyrillic-lookalike: a Cyrillic letter hidden inside a Latin word."""

from __future__ import annotations

import re

from ...text import CYRILLIC_TO_LATIN_LOOKALIKE
from .. import Finding

CODE = "IMY107"
NAME = "cyrillic-lookalike"
SEVERITY = "error"
SUMMARY = "A Latin word contains a Cyrillic letter that looks the same but is a different character."
DOC = """
What it flags: a word in Latin letters with a Cyrillic look-alike inside it
(the Cyrillic а, е, о, р, с, х in Nаtasha), usually pasted from a Russian source
or typed on a Russian keyboard layout.

Why a Russian reader minds: it does not show on the page, but search, spell
checkers, e-readers' dictionaries and screen readers break on the word.

Example: "Nаtasha" with a Cyrillic "а".

Instead: retype the letter in Latin.
"""
MUST_FLAG = ["Nаtasha smiled."]
MUST_PASS = ["Natasha smiled.", "Наташа smiled: she wrote her name in Cyrillic."]

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _words_with_cyrillic(text: str):
    """Each word holding a Cyrillic letter, once: found from the letters, so a Latin text costs nothing."""
    end = -1
    for m in _CYRILLIC.finditer(text):
        if m.start() < end:
            continue
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        yield start, end, text[start:end]


def check(ctx):
    for start, end, word in _words_with_cyrillic(ctx.doc.text):
        if not re.search(r"[A-Za-z]", word):
            continue
        latin = sum(c.isascii() for c in word)
        if latin < len(word) / 2:
            continue  # a Cyrillic word with a Latin letter is another matter
        for i, ch in enumerate(word):
            if ch in CYRILLIC_TO_LATIN_LOOKALIKE:
                fixed = "".join(CYRILLIC_TO_LATIN_LOOKALIKE.get(c, c) for c in word)
                yield Finding(CODE, "", f"'{word}' has the Cyrillic letter '{ch}' (U+{ord(ch):04X}) at {i + 1}",
                              start, end, suggestion=fixed)
                break
