"""IMY104 short-form-of-another-name: a character called by a short form that is not theirs."""

from __future__ import annotations

from ...forms import classify
from .. import Finding, partners, roster_people

CODE = "IMY104"
NAME = "short-form-of-another-name"
SEVERITY = "warning"
SUMMARY = "Each Russian short form belongs to particular full names: Yasha is Yakov, never Yevgeny."
DOC = """
What it flags: a character of the roster addressed by a short or pet form of a
different name (Yevgeny called "Yasha"; Yasha is Yakov's). Needs a roster, to
know the characters' full names; the addressee is the other party of the
exchange.

Why a Russian reader minds: the short forms are not free nicknames; Yasha can
only be Yakov, Zhenya only Yevgeny or Yevgenia. A wrong one renames the
character.

Example: "Yasha, the train," said Natalia, to her friend Yevgeny.

Instead: a form of the character's own name (`imya explain Yevgeny` lists
them: Zhenya, Zhenechka, Zhenka).
"""
ROSTER = """
[characters.natalia]
name = "Natalia Alianovna Romanova"
[characters.yevgeny]
name = "Yevgeny Petrovich Orlov"
[[relation]]
between = ["natalia", "yevgeny"]
closeness = "friend"
"""
MUST_FLAG = [("Yevgeny Petrovich Orlov came in. “We are late,” said Yevgeny Petrovich.\n\n"
              "“Yasha, the train leaves at six,” said Natalia Alianovna.", ROSTER)]
MUST_PASS = [("Yevgeny Petrovich Orlov came in. “We are late,” said Yevgeny Petrovich.\n\n"
              "“Zhenya, the train leaves at six,” said Natalia Alianovna.", ROSTER)]


def check(ctx):
    if ctx.roster is None:
        return
    people = roster_people(ctx)
    other = partners(ctx)
    for q in ctx.dialogue.quotes:
        partner = people.get(other.get(q.turn, ""))
        if partner is None:
            continue
        person = ctx.roster.characters[partner]
        for v in q.vocatives:
            if people.get(v.character or "") == partner or v.register not in ("short", "affectionate", "rough"):
                continue
            if any(classify(v.text, p).belongs for p in ctx.roster.characters.values()):
                continue  # the form is some roster character's own: a third person is meant
            c = classify(v.text, person)
            if c.belongs:
                continue
            own = person.given.latin if person.given else person.name
            yield Finding(CODE, "", f"'{v.text}' is not a form of {own}'s name{c.whose}", v.start, v.end,
                          suggestion=_own_short(person))


def _own_short(person) -> str | None:
    from ...forms import forms_of

    return next((f.text for f in forms_of(person) if f.register == "short"), None)
