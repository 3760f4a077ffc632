"""IMY105 address-for-relationship: a form of address the relationship makes wrong or marked."""

from __future__ import annotations

from ...address import advise, judge_form
from .. import Finding, partners, place, roster_people

CODE = "IMY105"
NAME = "address-for-relationship"
SEVERITY = "warning"
SUMMARY = "Which name one character may use to another depends on rank, closeness, age and setting."
DOC = """
What it flags: a name used to address a character that their relationship
makes wrong (a cadet calling the director "Vasilisa"), as a warning, or marked
(a superior's contemptuous "Natashka"), as information. Needs a roster with
the characters and their relationships; follows the relationships and the
permissions ("call me Vassa") from the chapter or line where they begin.

Why a Russian reader minds: Russian has a ladder of address, from name and
patronymic (respect) to rough -ka forms (banter or contempt); the wrong rung is
rude, or says something the writer did not mean. `imya address` explains every
rung for any two characters.

Example: "Vasilisa, the report is ready," said the cadet to the director.

Instead: the form the rules expect (here Vasilisa Alexeyevna), or a permission
in the roster if the director offered the short form.
"""
ROSTER = """
era = "soviet"
[characters.natalia]
name = "Natalia Alianovna Romanova"
age = "young"
level = 1
[characters.vasilisa]
name = "Vasilisa Alexeyevna Ivashina"
age = "elder"
level = 5
[[relation]]
between = ["natalia", "vasilisa"]
closeness = "acquaintance"
setting = "official"
"""
MUST_FLAG = [("Vasilisa Alexeyevna Ivashina sat at her desk. “Sit,” said Vasilisa Alexeyevna.\n\n"
              "“Vasilisa, the report is ready,” said Natalia Alianovna.", ROSTER)]
MUST_PASS = [("Vasilisa Alexeyevna Ivashina sat at her desk. “Sit,” said Vasilisa Alexeyevna.\n\n"
              "“Vasilisa Alexeyevna, the report is ready,” said Natalia Alianovna.", ROSTER)]


def check(ctx):
    if ctx.roster is None:
        return
    people = roster_people(ctx)
    other = partners(ctx)
    for q in ctx.dialogue.quotes:
        speaker = people.get(q.speaker.character or "")
        if speaker is None:
            continue
        for v in q.vocatives:
            addressee = people.get(v.character or "") or people.get(other.get(q.turn, ""))
            if addressee is None or addressee == speaker:
                continue
            person = ctx.roster.characters[addressee]
            rel = ctx.roster.relation(speaker, addressee, place(ctx, v.start))
            j = judge_form(v.text, person, rel)
            if j.verdict not in ("wrong", "marked") or "ADR005" in j.rules[:1]:
                continue  # a form of another name is IMY104's business
            best = advise(ctx.roster.characters[speaker], person, rel).forms[0].form
            who = ctx.roster.characters[speaker].name.split()[0]
            yield Finding(CODE, "warning" if j.verdict == "wrong" else "info",
                          f"{who} calls {person.name} '{v.text}': {j.reason} ({j.rules[0]})",
                          v.start, v.end, suggestion=best)
