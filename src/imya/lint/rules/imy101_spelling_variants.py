"""IMY101 name-spelled-several-ways: one name written in several spellings in one text."""

from __future__ import annotations

from collections import Counter, defaultdict

from ...spelling import light
from .. import Finding

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
roster's canon spellings are always kept.
"""
MUST_FLAG = ["Yevgeny nodded. Later Yevgeny laughed, and Evgeny left."]
MUST_PASS = ["Yevgeny nodded. Later Yevgeny laughed, and Yevgeny left.",
             "Yevgeny nodded. Zhenya laughed: Zhenya is what his friends call him."]


def check(ctx):
    spellings: dict[str, Counter] = defaultdict(Counter)
    places: dict[tuple[str, str], list] = defaultdict(list)
    for m, _ in ctx.cast.mentions:
        offset = m.start
        for w in m.words:
            at = ctx.doc.text.find(w.text, offset, m.end + 1)
            offset = at + len(w.text) if at >= 0 else offset
            if w.role not in ("given", "diminutive", "patronymic") or (not w.known and w.role != "given"):
                continue
            if w.text.isupper() or at < 0:
                continue
            key, form = w.value, light(w.text)
            spellings[key][form] += 1
            places[key, form].append((at, at + len(w.text), w.text))
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
