"""Joining names that only dialogue connects.

Russian characters are called by name and patronymic to their face and by
surname in the narration: "Semen Semenovitch, listen," says Murazov to the man
the narration calls Khlobuev.  When the name a speaker calls out (a vocative)
keeps landing on the same other party of the exchange, and the two characters'
names do not conflict (one has the given name and patronymic, or a given name
imya knows, the other only the surname; or one is only ever called by an English
pet form of the other's given name, as Lord Henry's "Harry"), they are one
person.  So are two names the text says are one (identity.py: "My name is
Vrazumihin, not Razumihin"), and two one speaker gives
as their own ("Your name?" "Korobotchka." "And your name and patronymic?"
"Nastasia Petrovna."), and a woman named again with the surname of a man of the
cast ("May Welland", later "May Archer"): she married him.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from .cast import Cast, Character, _name_ids, families
from .cast import cast as build_cast
from .dialogue import Dialogue, dialogue
from .document import Document
from .identity import statements

MIN_EVIDENCE = 2  # exchanges in which the name was called out to the same other party
MIN_SHARE = 0.6  # of all the times the name was called out
NEAR_SURNAME = 0.85  # Vrazumihin and Razumihin: one surname mangled
MIN_MARRIED = 20  # mentions of a woman, and of the man whose surname she takes, before a marriage is read


def partners(dlg: Dialogue) -> dict[str, Counter]:
    """For each character called by name: the other party of the exchange each time."""
    by_turn: dict[int, tuple[str | None, set[str]]] = {}
    for q in dlg.quotes:
        speaker, called = by_turn.setdefault(q.turn, (q.speaker.character, set()))
        called.update(v.character for v in q.vocatives if v.character)
    turns = list(by_turn.values())
    out: dict[str, Counter] = {}
    for i, (speaker, called) in enumerate(turns):
        near = [turns[j][0] for j in (i - 1, i + 1) if 0 <= j < len(turns)]
        for v in called:
            for other in near:
                if other and other != speaker and other != v:
                    out.setdefault(v, Counter())[other] += 1
    return out


def _complementary(a: Character, b: Character) -> bool:
    """One is known by given name (and patronymic), the other by surname alone, and nothing clashes."""
    if a.gender and b.gender and a.gender != b.gender:
        return False
    named = (a.patronymic or any(_known_given_name(f) for f in a.forms if " " not in f)) and not a.surname
    bare = b.surname and not b.given and not b.patronymic
    return bool(named and bare)


def _pet_form_of(a: Character, b: Character) -> bool:
    """`a` is known only by an English pet form of `b`'s given name: the "Harry" Dorian Gray calls
    out to the one the narration calls Lord Henry.  Only the address joins them: Tom Bertram is
    not Sir Thomas, his father."""
    from .mentions import english_pet_names

    if a.surname or (a.gender and b.gender and a.gender != b.gender):
        return False
    full = {english_pet_names().get(f) for f in a.forms}
    return None not in full and {f"lat:{x.lower()}" for x in full} <= b.given


def _known_given_name(word: str) -> bool:
    """A given name imya knows, Russian or English: not an English surname that only reads like
    one ("Crane", Корней)."""
    from .mentions import english_given_names, parse_word

    w = parse_word(word, True)
    return w is not None and (w.known or w.foreign or word in english_given_names())


def _shares(a: Character, b: Character) -> bool:
    """The two have a given name in common, or one surname (nearly) and no given names that differ
    ("I am Pavel Sokolov, not Pyotr Sokolov": twins)."""
    if a.given & b.given:
        return True
    if a.given and b.given:
        return False
    return bool(a.surname and b.surname
                and SequenceMatcher(None, a.surname, b.surname).ratio() >= NEAR_SURNAME)


def cast_and_dialogue(doc: Document) -> tuple[Cast, Dialogue]:
    """The whole pipeline: names → cast → dialogue → the cast joined by address."""
    result = build_cast(doc)
    dlg = dialogue(doc, result)
    linked, rename = link(result, dlg, doc.text)
    if rename:
        _relabel(dlg, rename, {c.id: c.name for c in linked.characters})
    return linked, dlg


def _relabel(dlg: Dialogue, rename: dict[str, str], names: dict[str, str]) -> None:
    for q in dlg.quotes:
        for who in (q.speaker, *q.addressees):
            if who.character:
                who.character = rename.get(who.character, who.character)
                who.name = names.get(who.character, who.name)
        for v in q.vocatives:
            v.character = rename.get(v.character, v.character) if v.character else None
    for p in dlg.permissions:
        p.speaker = rename.get(p.speaker, p.speaker) if p.speaker else None


def link(result: Cast, dlg: Dialogue, text: str = "") -> tuple[Cast, dict[str, str]]:
    """The cast with address-linked characters, and those the text equates, joined (ids and
    families recomputed), and the old id → new id of every character."""
    by_id = {c.id: c for c in result.characters}
    evidence = partners(dlg)
    merged: dict[str, str] = {}
    same = statements(text, result.mentions, lambda a, b: _shares(by_id[a], by_id[b]))
    introduced = [(a, b) for a, b in dlg.same_speaker
                  if _complementary(by_id[a], by_id[b]) or _complementary(by_id[b], by_id[a])]
    for aid, bid in same + introduced + _married(result.characters):
        a, b = by_id[_final(aid, merged)], by_id[_final(bid, merged)]
        if a is b or (a.gender and b.gender and a.gender != b.gender):
            continue
        if (b.mentions, -b.first_offset) > (a.mentions, -a.first_offset):
            a, b = b, a
        _absorb(a, b)
        merged[b.id] = a.id
    for vid, others in sorted(evidence.items(), key=lambda kv: -sum(kv[1].values())):
        (oid, n), total = others.most_common(1)[0], sum(others.values())
        v, o = by_id.get(vid), by_id.get(oid)
        if v is None or o is None or vid in merged or oid in merged:
            continue
        if n >= MIN_EVIDENCE and n / total >= MIN_SHARE and \
                (_complementary(v, o) or _complementary(o, v) or _pet_form_of(v, o)):
            _absorb(o, v)
            merged[vid] = oid
    if not merged:
        return result, {}
    people = [c for c in result.characters if c.id not in merged]
    old_ids = {id(c): c.id for c in result.characters}
    for c in people:
        c.id = ""
    people.sort(key=lambda c: (-c.mentions, c.first_offset))
    _name_ids(people)
    final = {old: _final(old, merged) for old in old_ids.values()}
    new_id = {old_ids[id(c)]: c.id for c in people}
    rename = {old: new_id[final[old]] for old in old_ids.values()}
    ambiguous = []
    for a in result.ambiguous:
        candidates = list(dict.fromkeys(rename[c] for c in a["candidates"]))
        if len(candidates) > 1:
            ambiguous.append({"text": a["text"], "candidates": candidates})
    mentions = [(m, rename[cid]) for m, cid in result.mentions]
    return Cast(people, ambiguous, families(people), mentions), rename


def _married(people: list[Character]) -> list[tuple[str, str]]:
    """"May Welland" and, later, "May Archer": a woman named again with the surname of a man of the
    cast is the same woman, married to him."""
    men = {c.surname for c in people if c.gender == "m" and c.surname and c.mentions >= MIN_MARRIED}
    women = [c for c in people if c.gender == "f" and c.given and c.surname and c.mentions >= MIN_MARRIED]
    return [(a.id, b.id) for a in women for b in women
            if b.surname != a.surname and b.surname in men and a.given & b.given and not a.married
            and b.first_offset > a.first_offset
            and not (a.patronymic and b.patronymic and not a.patronymic & b.patronymic)]


def _final(cid: str, merged: dict[str, str]) -> str:
    while cid in merged:
        cid = merged[cid]
    return cid


def _absorb(target: Character, other: Character) -> None:
    target.forms.update(other.forms)
    target.offsets = sorted(target.offsets + other.offsets)
    target.first_offset = min(target.first_offset, other.first_offset)
    target.last_offset = max(target.last_offset, other.last_offset)
    target.given = target.given or other.given
    target.patronymic = target.patronymic or other.patronymic
    target.surname = target.surname or other.surname
    target.gender = target.gender or other.gender
    target.best = max(target.best, other.best)
