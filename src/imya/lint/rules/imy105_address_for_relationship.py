"""IMY105 address-for-relationship: a form of address the relationship makes wrong or marked."""

from __future__ import annotations

import bisect
import re
from functools import cache

from ...address import Relation, advise, judge_form, rules
from .. import Finding, partners, place, roster_people

CODE = "IMY105"
NAME = "address-for-relationship"
SEVERITY = "warning"
SUMMARY = "Which name one character may use to another depends on rank, closeness, age and setting."
DOC = """
What it flags: a name used to address a character that their relationship
makes wrong (a cadet calling the director "Vasilisa"; a daughter calling her
father "Vanya"), as a warning, or marked (a superior's contemptuous
"Natashka"), as information. With a roster, the relationships and permissions
("call me Vassa") are the roster's, from the chapter or line where they begin.
Without one, the text itself is the evidence. When the names show a parent
and child (Natalia Ivanovna Orlova and Ivan Petrovich Orlov) and the child
calls the parent "Papa", the child's "Vanya" is wrong. And a
speaker who addresses someone by name and patronymic, or by a rank or title
the text gives them ("Comrade Colonel" to Colonel Orlov), shows respect:
calling the same person by a short, affectionate or rough form in the same
scene is flagged, unless the text records a permission ("call me Natasha") in
between.

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
              "“Vasilisa, the report is ready,” said Natalia Alianovna.", ROSTER),
             "“Vasilisa Alexeyevna, the report is ready,” said Natalia Alianovna.\n\n"
             "“Leave it there,” said Vasilisa Alexeyevna.\n\n“Vassa, you have not read it,” said Natalia Alianovna.",
             "Colonel Dmitri Sergeyevich Orlov read the report.\n\n“Comrade Colonel, the convoy is late,” "
             "said Natalia.\n\n“How late?” said Dmitri Sergeyevich.\n\n“Two hours, Dima.”",
             "Ivan Petrovich Orlov came in. His daughter Natalia Ivanovna Orlova ran to meet him.\n\n"
             "“Papa, the horses are ready,” said Natalia Ivanovna.\n\n“Good,” said Ivan Petrovich.\n\n"
             "“Vanya, you forgot your gloves,” said Natalia Ivanovna."]
MUST_PASS = [("Vasilisa Alexeyevna Ivashina sat at her desk. “Sit,” said Vasilisa Alexeyevna.\n\n"
              "“Vasilisa Alexeyevna, the report is ready,” said Natalia Alianovna.", ROSTER),
             "“Vasilisa Alexeyevna, the report is ready,” said Natalia Alianovna.\n\n"
             "“Call me Vassa,” said Vasilisa Alexeyevna.\n\n“Vassa, thank you,” said Natalia Alianovna.",
             "Ivan Petrovich Orlov came in from the yard.\n\n“Papa, the horses are ready,” said Natasha.\n\n"
             "“Good,” said Ivan Petrovich.\n\n“You forgot your gloves, Papa,” said Natasha.",
             "Ivan Petrovich Orlov came in. His daughter Natalia Ivanovna Orlova ran to meet him.\n\n"
             "“Papa, the horses are ready,” said Natalia Ivanovna."]


RESPECT = {"name_patronymic", "title", "title_surname"}
FAMILIAR = {"short", "affectionate", "rough"}


def check(ctx):
    if ctx.roster is None:
        yield from _from_the_text(ctx)
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
            # "call me Vassa" said in the story counts as much as one written in the roster
            rel.permissions += tuple(p.form for p in ctx.dialogue.permissions
                                     if p.start < v.start and people.get(p.speaker or "") == addressee)
            j = judge_form(v.text, person, rel)
            if j.verdict not in ("wrong", "marked") or "ADR005" in j.rules[:1]:
                continue  # a form of another name is IMY104's business
            best = advise(ctx.roster.characters[speaker], person, rel).forms[0].form
            who = ctx.roster.characters[speaker].name.split()[0]
            yield Finding(CODE, "warning" if j.verdict == "wrong" else "info",
                          f"{who} calls {person.name} '{' '.join(v.text.split())}': {j.reason} ({j.rules[0]})",
                          v.start, v.end, suggestion=best)


SAME_SCENE = 3000  # characters: a switch within one conversation, not over the years of a novel


def _from_the_text(ctx):
    """No roster: a child calling a parent by name, or respect shown by a speaker to someone
    and then, in the same scene, a familiar form."""
    other = partners(ctx)
    called = {q.start: _title_vocative(ctx.doc.text[q.start:q.end]) for q in ctx.dialogue.quotes}
    yield from _child_to_parent(ctx, other, called)
    respected: dict[tuple[str, str], tuple[str, int]] = {}  # (speaker, addressee) → respectful form, where
    reported: set[tuple[str, str]] = set()
    allowed: set[tuple[str, str]] = set()  # permissions: (addressee, speaker) may use short forms
    # "call me Vassa": the listener is the other party of the turn that says it
    turn_at = {q.start: q.turn for q in ctx.dialogue.quotes}
    starts = sorted(turn_at)
    permissions = sorted(ctx.dialogue.permissions, key=lambda p: p.start)
    for q in ctx.dialogue.quotes:
        speaker = q.speaker.character
        while permissions and permissions[0].start <= q.start:
            p = permissions.pop(0)
            said_in = turn_at[starts[bisect.bisect_right(starts, p.start) - 1]] if p.start >= starts[0] else None
            if other.get(said_in):
                allowed.add((p.speaker or "", other[said_in]))
        addressee = other.get(q.turn)
        title = called[q.start]
        if title and speaker and addressee and addressee != speaker and _bears(ctx, addressee, title):
            respected[speaker, addressee] = (title, q.start)  # "..., Comrade Colonel" to the Colonel
        for v in q.vocatives:
            addressee = v.character or other.get(q.turn)
            if not speaker or not addressee or addressee == speaker:
                continue
            register = _register(ctx, addressee, v.text) or v.register
            pair = (speaker, addressee)
            if register in RESPECT:
                respected[pair] = (v.text, v.start)
            elif register in FAMILIAR and pair in respected and pair not in reported \
                    and v.start - respected[pair][1] <= SAME_SCENE and (addressee, speaker) not in allowed:
                before = respected[pair][0]
                reported.add(pair)
                yield Finding(CODE, "info", f"'{' '.join(v.text.split())}' after '{' '.join(before.split())}' "
                              "from the same speaker: the address drops "
                              "from respect to familiarity with no permission in the text", v.start, v.end,
                              suggestion=before)


def _child_to_parent(ctx, other: dict[int, str], called: dict[int, str | None]):
    """The names show a parent and child (Arkady Nikolaevich Kirsanov is the son of Nikolai
    Petrovich Kirsanov): the child calling the parent by a name is what the rules judge.

    The names alone are not enough: the child must also call the parent "Papa" (or another
    family word) somewhere, the parent be named with their own patronymic, and in full in the
    same scene. A wife's patronymic may be her husband's name, and a servant may share it."""
    names = {c.id: c.name for c in ctx.cast.characters}
    known = {c.id for c in ctx.cast.characters if c.patronymic}
    links = {(f.members[1], f.members[0]) for f in ctx.cast.families
             if f.relation == "parent and child" and f.members[0] in known}
    # Ivan Petrovich's son Pyotr Ivanovich, named for his grandfather: each looks the other's child
    children = {pair for pair in links if pair[::-1] not in links} & _kin_called(ctx, other, called)
    full = [(m.start, cid) for m, cid in ctx.cast.mentions
            if sum(w.role not in ("title", "initial", "particle") for w in m.words) >= 2]
    for q in ctx.dialogue.quotes:
        for v in q.vocatives:
            if (q.speaker.character, v.character) not in children:
                continue
            if not any(cid == v.character and v.start - SAME_SCENE <= at < v.start for at, cid in full):
                continue
            parent = _person(ctx, v.character)
            if parent is None:
                continue
            j = judge_form(v.text, parent, Relation(closeness="parent"))
            if j.verdict == "wrong":
                yield Finding(CODE, "warning", f"{names[q.speaker.character]} calls their parent {parent.name} "
                              f"'{' '.join(v.text.split())}': {j.reason} ({j.rules[0]})", v.start, v.end,
                              suggestion=rules().parent_address.get(parent.gender or ""))


def _kin_called(ctx, other: dict[int, str], called: dict[int, str | None]) -> set[tuple[str, str]]:
    """(speaker, the other party) wherever a speaker calls the other party Papa, Mama, Granny..."""
    from ...titles import find

    gender = {c.id: c.gender for c in ctx.cast.characters}
    out = set()
    for q in ctx.dialogue.quotes:
        title = called[q.start]
        t = find(title.split()[-1]) if title else None
        if t is not None and t.kind == "kin" and q.speaker.character and other.get(q.turn) \
                and t.gender in ("mf", gender.get(other[q.turn])):  # Papa to a man, Mama to a woman
            out.add((q.speaker.character, other[q.turn]))
    return out


def _bears(ctx, character: str, title: str) -> bool:
    """The character is called by this title somewhere ("Comrade Colonel" to Colonel Orlov).
    Family words (Papa, Granny) are left to the names: who is whose father the text shows there."""
    from ...titles import find

    word = title.split()[-1]
    t = find(word)
    if t is None or t.kind == "kin":
        return False
    forms = next((c.forms for c in ctx.cast.characters if c.id == character), {})
    return any(word.lower() in f.lower().split() for f in forms)


@cache
def _title_rx() -> tuple[re.Pattern, re.Pattern]:
    from ...titles import titles

    words = "|".join(re.escape(t.text) for t in sorted(titles().values(), key=lambda t: -len(t.text)))
    title = rf"((?:(?:my|dear|my dear)\s+)?(?:(?:Comrade|Your)\s+)?(?:{words}))"
    return (re.compile(rf"^[\W_]*{title}\s*[,!?]"), re.compile(rf",\s*{title}\s*[.!?…]*[\W_]*$"))


def _title_vocative(words: str) -> str | None:
    """A title or family word alone, calling someone: "Papa, ...", "..., Comrade Colonel!"."""
    for rx in _title_rx():
        m = rx.search(words)
        if m:
            return m.group(1)
    return None


def _person(ctx, character: str):
    """The cast character as a Person for the address engine (None if the name will not parse)."""
    from ...errors import ImyaError
    from ...person import from_name

    people = ctx.__dict__.setdefault("_imy105_people", {})
    if character not in people:
        name = next((c.name for c in ctx.cast.characters if c.id == character), None)
        try:
            people[character] = from_name(name) if name else None
        except ImyaError:
            people[character] = None
    return people[character]


def _register(ctx, character: str, text: str) -> str | None:
    """The register of a form as a form of this character's name (Vassa: short, for Vasilisa)."""
    from ...forms import classify

    registers = ctx.__dict__.setdefault("_imy105_registers", {})
    if (character, text) in registers:
        return registers[character, text]
    person = _person(ctx, character)
    c = classify(text, person) if person is not None else None
    registers[character, text] = c.register if c is not None and c.belongs else None
    return registers[character, text]
