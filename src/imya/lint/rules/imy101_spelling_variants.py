"""IMY101 name-spelled-several-ways: one name written in several spellings in one text."""

from __future__ import annotations

from collections import Counter, defaultdict

from ...search import lookup
from ...spelling import light
from .. import Finding, word_spans

CODE = "IMY101"
NAME = "name-spelled-several-ways"
SEVERITY = "warning"
SUMMARY = "One name is spelled in several ways in this text; readers take them for different people."
DOC = """
What it flags: a name written in more than one Latin spelling in the same text
(Evgeny here, Yevgeniy there; Alexei and Alexey).

Why a Russian reader minds: each spelling is a fair romanization of one
Russian name, but mixing them looks careless, and readers who know no Russian
may think Evgeny and Yevgeniy are two people.

Example: "Yevgeny nodded. ... Evgeny laughed."

Instead: choose one spelling (the one used most is suggested) and keep it; a
roster's canon spellings are always kept. English or French equivalents
(Peter for Pyotr, Pierre) are not spellings of the name and are not flagged.
"""
MUST_FLAG = ["Yevgeny nodded. Later Yevgeny laughed, and Evgeny left."]
MUST_PASS = ["Yevgeny nodded. Later Yevgeny laughed, and Yevgeny left.",
             "Yevgeny nodded. Zhenya laughed: Zhenya is what his friends call him.",
             "Pyotr nodded. The bronze Peter the First clock struck five. Pyotr left."]


def check(ctx):
    spellings: dict[str, Counter] = defaultdict(Counter)
    places: dict[tuple[str, str], list] = defaultdict(list)
    for m, _ in ctx.cast.mentions:
        for w, start, end in word_spans(ctx, m):
            # unusual spellings (Djenya, Alexeivna) are IMY106's and IMY103's to report
            if w.role not in ("given", "diminutive", "patronymic") or w.text.isupper() or not w.known:
                continue
            matches = lookup(w.text)
            if not matches or any(x.spelling in ("western", "french") for x in matches):
                continue  # Peter, Pierre: another language's name, not a spelling
            form = light(w.text)
            spellings[w.value][form] += 1
            places[w.value, form].append((start, end, w.text))
    for key, forms in spellings.items():
        if len(forms) < 2:
            continue
        canon = [f for f in forms if any(light(c) == f for c in ctx.canon)]
        keep = canon[0] if canon else forms.most_common(1)[0][0]
        example = places[key, keep][0][2]
        for form in forms:
            if form == keep:
                continue
            for start, end, text in places[key, form]:
                yield Finding(CODE, "", f"'{text}' is spelled '{example}' elsewhere in this text "
                              f"({forms[keep]} times); keep one spelling", start, end, suggestion=example)
