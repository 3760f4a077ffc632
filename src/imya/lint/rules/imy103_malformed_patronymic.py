"""IMY103 malformed-patronymic: a patronymic that is not formed the Russian way."""

from __future__ import annotations

from ...patronymic import derive, parse
from ...search import lookup
from .. import Finding

CODE = "IMY103"
NAME = "malformed-patronymic"
SEVERITY = "warning"
SUMMARY = "A patronymic is the father's name + -ovich/-evich (men) or -ovna/-evna (women), with set exceptions."
DOC = """
What it flags: a patronymic spelled or formed wrongly (Alexeivna for
Alexeyevna, Ivanevna for Ivanovna); and, as information, a patronymic made
from a father's name that is not Russian (Alianovna, from "Alian").

Why a Russian reader minds: the patronymic is built by fixed rules from the
father's name (Alexei → Alexeyevna, Ilya → Ilyinichna, Lev → Lvovna); a wrong
ending reads like a misspelt surname to someone who knows the language.

Example: "Vasilisa Alexeivna nodded."

Instead: Vasilisa Alexeyevna. `imya patronymic Alexei` gives both forms.
"""
MUST_FLAG = ["Vasilisa Alexeivna nodded.", "Natalia Alianovna Romanova laughed."]
MUST_PASS = ["Vasilisa Alexeyevna nodded.", "Ivan Ilyich smiled.", "Yelena Ivanovna sighed."]


def check(ctx):
    for m, _ in ctx.cast.mentions:
        for w in m.words:
            if w.role != "patronymic" or w.text.isupper():
                continue
            matches = [x for x in lookup(w.text) if x.kind == "patronymic"]
            if any(x.spelling != "nonstandard" for x in matches):
                continue
            start = ctx.doc.text.find(w.text, m.start, m.end + 1)
            end = start + len(w.text)
            if matches:
                right = derive(matches[0].entry.fathers[0].cyrillic)
                form = right.female if matches[0].entry.gender == "f" else right.male
                yield Finding(CODE, "", f"'{w.text}' is not how the patronymic is written: {form.latin}",
                              start, end, suggestion=form.latin)
                continue
            parsed = parse(w.value)
            if parsed is None or not parsed.fathers:
                continue
            father = parsed.fathers[0]
            if parsed.notes and "not a Russian name" in parsed.notes[0]:
                yield Finding(CODE, "info", f"'{w.text}' is formed from '{father.latin}', which is not a Russian name",
                              start, end, explanation="The patronymic is regular, but a Russian reader will notice "
                              "the father's name is not Russian; fine if the father is foreign.")
