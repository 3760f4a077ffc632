"""IMY106 nonstandard-romanization: a Russian name spelled in no usual scheme."""

from __future__ import annotations

from collections import defaultdict

from ...search import lookup, spellings, standard_latin
from .. import Finding, loose, word_spans

CODE = "IMY106"
NAME = "nonstandard-romanization"
SEVERITY = "info"
SUMMARY = "This spelling of a Russian name follows no usual romanization."
DOC = """
What it flags: a Russian name or short form spelled in a way that no common
romanization produces (Djenya, Jenya for Zhenya; Natascha). Each spelling is
reported once, where it first appears, with how often the text uses it.

Why a Russian reader minds: the name is recognisable, but the spelling looks
like a guess at the sound; readers who search for the name will not find it.
Older translations' spellings (Dounia, Ivanitch) are reported too, as
information: they date the text.

Example: "Djenya waved."

Instead: the standard English spelling (Zhenya), or keep yours on purpose by
listing it in the roster's canon spellings.
"""
MUST_FLAG = ["Djenya waved from the door."]
MUST_PASS = ["Zhenya waved from the door.", "Evgenii waved from the door.", "Princess Myakaya waved from the door.",
             "Onna bowed to Kenji; Onna smiled."]  # a short word near a Russian name, in a text with none
SHORT = 4  # letters (double ones counted once): so short a near miss needs Russian names around it


def check(ctx):
    uses: dict[str, list[tuple[int, int]]] = defaultdict(list)
    meaning: dict[str, list] = {}
    for m, _ in ctx.cast.mentions:
        for w, start, end in word_spans(ctx, m):
            if (w.role not in ("given", "diminutive") or w.known or w.text in ctx.canon or w.text.isupper()
                    or "-" in w.text):
                continue
            if w.text not in meaning:
                found = [x for x in lookup(w.text) if x.kind in ("given", "diminutive")]
                if found and any(x.spelling != "nonstandard" for x in found):
                    found = []
                # only a near spelling of the name is a misspelling of it (Myakaya is not Maika)
                near = [x for x in found if _near(w.text, x.entry)]
                meaning[w.text] = near
            if meaning[w.text]:
                uses[w.text].append((start, end))
    russian = any(w.known and w.role in ("given", "diminutive", "patronymic") and _russian(w.text)
                  for m, _ in ctx.cast.mentions for w in m.words)
    for text, places in uses.items():
        if len(loose(text)) <= SHORT and not russian:
            continue  # "Onna" in a story with no Russian in it is not a misspelt Iona
        entries = meaning[text]
        names = " or ".join(dict.fromkeys(f"{standard_latin(e.entry)} ({e.entry.cyrillic})" for e in entries))
        start, end = places[0]
        yield Finding(CODE, "", f"'{text}' (used {len(places)} times) is a nonstandard spelling of {names}",
                      start, end, suggestion=standard_latin(entries[0].entry))


def _russian(word: str) -> bool:
    """A usual romanization of a Russian name (not Harry or Bob, which imya knows as English)."""
    return any(x.spelling not in ("western", "french", "nonstandard") for x in lookup(word))


def _near(written: str, entry) -> bool:
    """Within two edits of a usual spelling (one, for a short word): Dounia is Dunya, Ay is not Iya."""
    target = loose(written)
    allowed = 2 if len(target) >= 5 else 1 if len(target) >= 3 else 0
    return any(_distance(target, loose(s)) <= allowed for s in spellings(entry))


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
