"""IMY102 wrong-gender-name-part: a surname or patronymic of the other gender."""

from __future__ import annotations

from ...patronymic import parse
from ...surnames import surname
from ...translit import to_latin
from .. import Finding

CODE = "IMY102"
NAME = "wrong-gender-name-part"
SEVERITY = "error"
SUMMARY = "Russian surnames and patronymics agree with the bearer's gender."
DOC = """
What it flags: a woman's name with a man's surname or patronymic, or the other
way round (Natalia Romanov; Natalia Alexeyevich; Ivan Petrovna).

Why a Russian reader minds: a Russian woman's surname and patronymic take the
feminine form (Romanova, Alexeyevna); the masculine form on a woman is the
single most noticed mistake in English fiction with Russian characters.

Example: "Natalia Alianovna Romanov walked in."

Instead: Natalia Alianovna Romanova. If the masculine form is a deliberate
canon spelling (Natasha Romanoff), list it in the roster's canon spellings.
"""
MUST_FLAG = ["Natalia Alianovna Romanov walked in.", "Natalia Alexeyevich Romanova laughed.",
             "Madame Sokolovsky smiled.", "Ivan Petrovna came."]
MUST_PASS = ["Natalia Alianovna Romanova walked in.", "Ivan Petrovich Romanov laughed.",
             "Natalia Shevchenko smiled.", "Natalia Abramovich smiled."]


def check(ctx):
    for m, _ in ctx.cast.mentions:
        if m.text in ctx.canon or " ".join(m.text.split()) in ctx.canon:
            continue
        anchor = next((w for w in m.words if w.role in ("title", "given", "diminutive") and w.gender in ("m", "f")),
                      None)
        if anchor is None or len(m.words) < 2:
            continue
        woman = anchor.gender == "f"
        for w in m.words:
            if w is anchor or w.gender not in ("m", "f") or w.gender == anchor.gender or w.text in ctx.canon:
                continue
            start = ctx.doc.text.find(w.text, m.start, m.end + 1)
            if w.role == "surname":
                s = surname(w.text)
                right = s.feminine.latin if woman else s.masculine.latin
                yield Finding(CODE, "", f"'{w.text}' is the {'masculine' if woman else 'feminine'} form of the "
                              f"surname: {'a woman' if woman else 'a man'} is {right}", start, start + len(w.text),
                              suggestion=right)
            elif w.role == "patronymic":
                names = [x for x in m.words if x.role not in ("title", "initial", "particle")]
                if woman and names[-1] is w:
                    continue  # Natalia Abramovich: an -ich surname is the same for a woman
                p = parse(w.value)
                if p is None or not p.fathers:
                    continue
                from ...patronymic import derive

                d = derive(p.fathers[0].cyrillic)
                right = d.female.latin if woman else d.male.latin
                yield Finding(CODE, "", f"'{w.text}' is a {'son' if woman else 'daughter'}'s patronymic: "
                              f"{'a daughter' if woman else 'a son'} of {to_latin(p.fathers[0].cyrillic)} is {right}",
                              start, start + len(w.text), suggestion=right)
