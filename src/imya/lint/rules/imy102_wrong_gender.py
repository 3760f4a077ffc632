"""IMY102 wrong-gender-name-part: a surname or patronymic of the other gender."""

from __future__ import annotations

from collections import Counter

from ...patronymic import derive, parse
from ...surnames import surname
from ...translit import to_latin
from .. import Finding, word_spans

CODE = "IMY102"
NAME = "wrong-gender-name-part"
SEVERITY = "error"
SUMMARY = "Russian surnames and patronymics agree with the bearer's gender."
DOC = """
What it flags: a woman's name with a man's surname or patronymic, or the other
way round (Natalia Romanov; Natalia Alexeyevich Romanova; Ivan Petrovna).

Why a Russian reader minds: a Russian woman's surname and patronymic take the
feminine form (Romanova, Alexeyevna); the masculine form on a woman is the
single most noticed mistake in English fiction with Russian characters.

Older translations gave women the masculine form throughout (Madame Odintsov,
Sonia Marmeladov). When a text does that consistently, imya reports the
convention once, as a warning, instead of every use.

Example: "Natalia Alianovna Romanov walked in."

Instead: Natalia Alianovna Romanova. If the masculine form is a deliberate
canon spelling (Natasha Romanoff), list it in the roster's canon spellings.
"""
MUST_FLAG = ["Natalia Alianovna Romanov walked in.", "Natalia Alexeyevich Romanova laughed.",
             "Madame Sokolovsky smiled. Natalia Romanova frowned.", "Ivan Petrovna came."]
MUST_PASS = ["Natalia Alianovna Romanova walked in.", "Ivan Petrovich Romanov laughed.",
             "Natalia Shevchenko smiled.", "Natalia Abramovich smiled.",
             "The Princess of Chernigov sat by the window."]  # a title's place, not her surname
CONVENTION = 3  # masculine surnames on women, with no feminine one, that make a house style


def check(ctx):
    women_masculine: list[tuple[int, int, str, str]] = []
    feminine_used = 0
    for m, _ in ctx.cast.mentions:
        words = word_spans(ctx, m)
        anchor = next((w for w, _, _ in words if w.role in ("title", "given", "diminutive")
                       and w.gender in ("m", "f")), None)
        if anchor is None or len(words) < 2:
            continue
        woman = anchor.gender == "f"
        names = [w for w, _, _ in words if w.role not in ("title", "initial", "particle")]
        for w, start, end in words:
            if w.role == "surname" and woman and w.gender == "f":
                feminine_used += 1
            if w is anchor or w.gender not in ("m", "f") or w.gender == anchor.gender or w.text in ctx.canon:
                continue
            cyrillic = not w.text.isascii()  # answer in the text's own alphabet
            if w.role == "surname":
                s = surname(w.text)
                form = s.feminine if woman else s.masculine
                right = form.cyrillic if cyrillic else form.latin
                if woman:
                    women_masculine.append((start, end, w.text, right))
                    continue
                yield Finding(CODE, "", f"'{w.text}' is the feminine form of the surname: a man is {right}",
                              start, end, suggestion=right)
            elif w.role == "patronymic":
                if woman and names[-1] is w:
                    continue  # Natalia Abramovich: an -ich surname is the same for a woman
                p = parse(w.value)
                if p is None or not p.fathers:
                    continue
                d = derive(p.fathers[0].cyrillic)
                form = d.female if woman else d.male
                right = form.cyrillic if cyrillic else form.latin
                yield Finding(CODE, "", f"'{w.text}' is a {'son' if woman else 'daughter'}'s patronymic: "
                              f"{'a daughter' if woman else 'a son'} of {to_latin(p.fathers[0].cyrillic)} is {right}",
                              start, end, suggestion=right)
    # a house style: masculine forms for women nearly everywhere (a stray feminine one aside)
    if len(women_masculine) >= CONVENTION and feminine_used * 5 < len(women_masculine):
        counts = Counter(text for _, _, text, _ in women_masculine)
        start, end, text, right = women_masculine[0]
        listed = ", ".join(f"{t} ×{n}" for t, n in counts.most_common(4))
        yield Finding(CODE, "warning", f"this text gives women the masculine form of their surnames ({listed}); "
                      f"in Russian a woman is {right}", start, end, suggestion=right,
                      explanation="Consistent in the text, so reported once: an old translators' convention, "
                      "but a Russian reader expects the feminine form.")
        return
    for start, end, text, right in women_masculine:
        yield Finding(CODE, "", f"'{text}' is the masculine form of the surname: a woman is {right}",
                      start, end, suggestion=right)
