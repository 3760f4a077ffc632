"""IMY106 nonstandard-romanization: a Russian name spelled in no usual scheme."""

from __future__ import annotations

from ...search import lookup, standard_latin
from .. import Finding

CODE = "IMY106"
NAME = "nonstandard-romanization"
SEVERITY = "info"
SUMMARY = "This spelling of a Russian name follows no usual romanization."
DOC = """
What it flags: a Russian name or short form spelled in a way that no common
romanization produces (Djenya, Jenya for Zhenya; Natascha).

Why a Russian reader minds: the name is recognisable, but the spelling looks
like a guess at the sound; readers who search for the name will not find it.

Example: "Djenya waved."

Instead: the standard English spelling (Zhenya), or keep yours on purpose by
listing it in the roster's canon spellings.
"""
MUST_FLAG = ["Djenya waved from the door."]
MUST_PASS = ["Zhenya waved from the door.", "Evgenii waved from the door."]


def check(ctx):
    seen = set()
    for m, _ in ctx.cast.mentions:
        for w in m.words:
            if w.role not in ("given", "diminutive") or w.known or w.text in ctx.canon or w.text.isupper():
                continue
            found = [x for x in lookup(w.text) if x.kind in ("given", "diminutive")]
            if not found or any(x.spelling != "nonstandard" for x in found):
                continue
            start = ctx.doc.text.find(w.text, m.start, m.end + 1)
            right = standard_latin(found[0].entry)
            note = "" if w.text in seen else f" ({found[0].entry.cyrillic})"
            seen.add(w.text)
            yield Finding(CODE, "", f"'{w.text}' is a nonstandard spelling of {right}{note}",
                          start, start + len(w.text), suggestion=right)
