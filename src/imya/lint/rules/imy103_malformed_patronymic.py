"""IMY103 malformed-patronymic: a patronymic that is not formed the Russian way."""

from __future__ import annotations

from collections import Counter

from ...patronymic import derive, nearest, parse
from ...search import lookup, spellings
from .. import Finding, loose, word_spans

CODE = "IMY103"
NAME = "malformed-patronymic"
SEVERITY = "warning"
SUMMARY = "A patronymic is the father's name + -ovich/-evich (men) or -ovna/-evna (women), with set exceptions."
DOC = """
What it flags: a patronymic formed wrongly (Alexeivna for Alexeyevna,
Ivanevna for Ivanovna); and, as information, a patronymic a letter or two
from one imya knows (Vassilvitch: perhaps Vasilyevich), and a patronymic made
from a father's name that is not Russian (Alianovna, from "Alian"). Old English spellings of a
correct patronymic (Ivanitch, Zaharovitch) are not malformed and are left alone.

Why a Russian reader minds: the patronymic is built by fixed rules from the
father's name (Alexei → Alexeyevna, Ilya → Ilyinichna, Lev → Lvovna); a wrong
ending reads like a misspelt surname to someone who knows the language.

Example: "Vasilisa Alexeivna nodded."

Instead: Vasilisa Alexeyevna. `imya patronymic Alexei` gives both forms.
"""
MUST_FLAG = ["Vasilisa Alexeivna nodded.", "Natalia Alianovna Romanova laughed.",
             "Yevgeny Vassilvitch is still living?"]
MUST_PASS = ["Vasilisa Alexeyevna nodded.", "Ivan Ilyich smiled.", "Yelena Ivanovna sighed.",
             "Ivan Ivanitch Klopstock smiled.", "Semyon Zaharovitch smiled."]


def check(ctx):
    """Each wrong spelling is reported once, where it first appears, with how often it is used."""
    first: dict[str, tuple[int, int, Finding]] = {}
    uses: Counter = Counter()
    for m, _ in ctx.cast.mentions:
        previous = None
        for w, start, end in word_spans(ctx, m):
            after_name, previous = previous in ("given", "diminutive"), w.role
            # alone, -ovich may be a surname (Grinevich, Abramovich): judge it only after a given name
            if w.role != "patronymic" or w.text.isupper() or not after_name:
                continue
            uses[w.text] += 1
            if w.text not in first:
                finding = _judge(w, start, end)
                first[w.text] = (start, end, finding)
    for text, (_, _, finding) in first.items():
        if finding is not None:
            if uses[text] > 1:
                finding.message += f" (used {uses[text]} times)"
            yield finding


def _judge(w, start: int, end: int) -> Finding | None:
    matches = [x for x in lookup(w.text) if x.kind == "patronymic"]
    if any(x.spelling != "nonstandard" for x in matches):
        return None
    if matches:
        if any(loose(w.text) == loose(s) for x in matches for s in spellings(x.entry)):
            return None  # an old or loose spelling of a correct patronymic, not a wrong one
        entry = matches[0].entry
        right = derive(entry.fathers[0].cyrillic)
        form = right.female if entry.gender == "f" else right.male
        return Finding(CODE, "", f"'{w.text}' is not how the patronymic is written: {form.latin}",
                       start, end, suggestion=form.latin)
    parsed = parse(w.value)
    if parsed is not None and parsed.notes and "is not how the patronymic is formed" in parsed.notes[0]:
        usual = parsed.notes[0].rsplit(" is ", 1)[1]
        right = derive(parsed.fathers[0].cyrillic)
        form = (right.female if parsed.gender == "f" else right.male).latin
        return Finding(CODE, "", f"'{w.text}' is not how the patronymic is formed: {form} ({usual})",
                       start, end, suggestion=form)
    if parsed is None or not parsed.fathers or not (parsed.notes and "not a Russian name" in parsed.notes[0]):
        return None
    near = [(x, p) for x in nearest(w.value) if (p := parse(x)) and p.fathers]
    if near:  # a letter or two from a patronymic imya knows: a misprint or a loose spoken form
        spelt, known = near[0]
        right = derive(known.fathers[0].cyrillic)
        form = (right.female if parsed.gender == "f" else right.male).latin
        spoken = f", spoken {spelt}" if known.colloquial_of else ""
        return Finding(CODE, "info", f"'{w.text}' is no patronymic imya knows: perhaps {form}{spoken}",
                       start, end, explanation="The nearest patronymic imya knows is spelt almost the same; "
                       "a misprint, or a spoken form written loosely.", suggestion=form)
    return Finding(CODE, "info", f"'{w.text}' is formed from '{parsed.fathers[0].latin}', which is not a Russian name",
                   start, end, explanation="The patronymic is regular, but a Russian reader will notice "
                   "the father's name is not Russian; fine if the father is foreign.")
