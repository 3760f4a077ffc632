"""Who speaks to whom: every quotation with its speaker, addressees and vocatives.

The speakers are worked out in passes over the turns (one utterance, all its pieces):
1. tags (tags.py: "said Natasha", "she said", "said the Colonel", "I said"), and a first
   reading of the untagged turns in text order (the one character their paragraph names, a
   name the turn before called out, the turn-taking);
2. the first-person narrator, named by what the others call them around "I said";
3. the alternation of an exchange, anchored on the named tags, both ways;
4. whole two-party exchanges, settled by the evidence of all their turns;
5. every unbroken exchange decoded as a whole (_decode): the sequence of speakers that best
   fits all the signs at once, the passes' conclusions among them.
Addressees are the characters named as vocatives in the quote ("Natasha, come here"), else
the other party of the exchange.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from . import quotes as quotes_mod
from . import titles
from .cast import Cast
from .cast import cast as build_cast
from .document import Document
from .mentions import Mention
from .tags import (
    PRONOUNS,
    SENTENCE_END,
    TAG_REACH,
    hearer_words,
    noun,
    role_titles,
    sentence_start,
    sentence_subject,
    speech_noun,
    subject,
    verb_rx,
)

NARRATOR = "?the narrator"  # until the vocatives around "I said" name them
MIN_NARRATOR = 2  # times the others call the narrator by one name, in the two turns either side
MIN_TOLD = 10  # "I said" turns that make a story first-person
NARRATED = 0.05  # at most, of a narrator's mentions, in the narration (Jake Barnes: 1 of 123)
STEPS = (2, 4, 6, 8)
MIN_RUN = 3  # turns in an unbroken exchange before its two parties are settled as a whole
SHARE = 0.8  # of the evidence the two main parties must hold
_WEIGHT = {"explicit": 4, "anaphoric": 1, "implicit": 1}
GAP = 3  # paragraphs without speech that end a conversation
ROLE_REACH = 15000  # characters back a role noun ("said the doctor") looks for whom the text named so
ROLE_BACK = 3000  # characters back "he said" looks for a role standing for someone ("The doctor took her wrist")
_READING = re.compile(r"^[”\"’',\s]*(?:\w+\s+){0,3}?(?:read|reads|wrote|writes|sang|sings|recited)\b", re.I)
_OBJECT = re.compile(r"\b(?:of|to|with|for|at|from|by|about|on|upon|over|than|towards?|like|after|behind|"
                     r"beside|near|before|without|against|into|among)\s+$", re.I)
_OWNER = re.compile(r"[’']s?\b")
_TITLED = re.compile(r"\b[Tt]he (?:old |young )?([A-Z][a-z]+)\b")
# "What is your name?", "And your Christian name and patronymic?", "Who are you?"
_ASKS_NAME = re.compile(r"\byour\s+(?:\w+\s+){0,3}?(?:name|names|surname|patronymic)\b|\bwho are you\s*[?!]|"
                        r"\bwhat are you called\b|\bhonour of addressing\b", re.I)
# "Call me Natasha" (not "call me later": the name has its capital)
_PERMISSION = re.compile(r"\b(?i:call me|my name is|I am called)\s+([A-ZÀ-Þ][a-zà-ÿ’'-]+)")


@dataclass(slots=True)
class Who:
    character: str | None
    name: str | None


@dataclass(slots=True)
class Vocative:
    start: int
    end: int
    text: str
    character: str | None
    register: str | None


@dataclass(slots=True)
class Quote:
    """One quoted piece.  Field names are a stable JSON contract; text[start:end] is the content."""

    start: int
    end: int
    speaker: Who
    addressees: list[Who] = field(default_factory=list)
    vocatives: list[Vocative] = field(default_factory=list)
    turn: int = 0  # pieces of one utterance share a turn
    attribution: str = "none"  # explicit | anaphoric | implicit | none: how the speaker was found


@dataclass(slots=True)
class Permission:
    """"Call me Natasha": from here on the speaker's listeners may use this form."""

    start: int
    speaker: str | None
    form: str


@dataclass(slots=True)
class Dialogue:
    quotes: list[Quote]
    permissions: list[Permission]
    # two names one speaker gave as their own, answering "your name?" then "and your name and
    # patronymic?" ("Korobotchka." ... "Nastasia Petrovna."): the cast's business, not the JSON's
    same_speaker: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"quotes": [asdict(q) for q in self.quotes], "permissions": [asdict(p) for p in self.permissions]}


class _Index:
    """Mentions in text order, split into narration and speech, with their characters."""

    def __init__(self, result: Cast, pieces: list[quotes_mod.Piece], text: str):
        spans = [(p.start, p.end) for p in pieces]
        starts = [a for a, _ in spans]
        self.narration: list[tuple[Mention, str]] = []
        self.speech: list[tuple[Mention, str]] = []
        for m, cid in result.mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            inside = i >= 0 and spans[i][0] <= m.start < spans[i][1]
            (self.speech if inside else self.narration).append((m, cid))
        self.text = text
        self.all = result.mentions
        self.all_starts = [m.start for m, _ in self.all]
        self.narration_starts = [m.start for m, _ in self.narration]
        self.speech_starts = [m.start for m, _ in self.speech]
        self.gender = {c.id: c.gender for c in result.characters}
        self.names = {c.id: c.name for c in result.characters}
        self.people = {c.id: c for c in result.characters}
        self.persons = {c.id for c in result.characters if c.gender or c.titles}
        self.narrator: str | None = None  # who tells the story in the first person, once known
        self._after: dict[tuple[int, str], bool] = {}
        self._appositions: dict[str, list[tuple[int, str]]] | None = None
        self._spans = spans
        self._roles: dict[int, str | None] = {}  # where a role or title stands for someone (role_at)
        self._span_starts = starts
        self._the: list[re.Match] | None = None  # every "the" + noun (_THE_ROLE), once asked for
        self._the_starts: list[int] = []
        self._kinds: dict[str, tuple | None] = {}  # noun() of each word after "the"
        self._titled: dict[str, list[int]] | None = None  # a title → where it names someone (in self.all)

    def narration_in(self, start: int, end: int) -> list[tuple[Mention, str]]:
        i = bisect.bisect_left(self.narration_starts, start)
        j = bisect.bisect_left(self.narration_starts, end)
        return self.narration[i:j]

    def speech_in(self, start: int, end: int) -> list[tuple[Mention, str]]:
        i = bisect.bisect_left(self.speech_starts, start)
        j = bisect.bisect_left(self.speech_starts, end)
        return self.speech[i:j]

    def last_titled(self, at: int, title: str, reach: int | None = None) -> str | None:
        """The character last named with this title before `at` ("the Colonel": Colonel Ducroix;
        "the Doctor": Dr. Kraft), no further back than `reach`."""
        same = {title.lower()} | role_titles().get(title.lower(), frozenset())
        same |= set().union(*(ts for ts in role_titles().values() if title.lower() in ts))
        if self._titled is None:
            self._titled = {}
            for k, (m, _) in enumerate(self.all):
                for word in {w.text.rstrip(".").lower() for w in m.words if w.role == "title"}:
                    self._titled.setdefault(word, []).append(k)
        here = bisect.bisect_left(self.all_starts, at)
        found = [ks[j] for ks in (self._titled.get(word, []) for word in same)
                 if (j := bisect.bisect_left(ks, here) - 1) >= 0]
        k = max(found, default=None)
        # as far back as 2000 names, or `reach` characters
        if k is None or here - k > 2000 or (reach is not None and at - self.all[k][0].start > reach):
            return None
        return self.all[k][1]

    def role_holder(self, phrase: str, at: int) -> str | None:
        """Whom a role noun stands for ("said the doctor", "said the investigator"): the one the
        narration last named with that role a little before, in apposition ("The investigator,
        Semyon Glinka, arrived") or by its title ("Dr. Kraft")."""
        head = phrase.split()[-1].lower()
        named = [(start, cid) for start, cid in self.appositions().get(head, []) if 0 < at - start <= ROLE_REACH]
        titled = self.last_titled(at, head, ROLE_REACH) if head in role_titles() else None
        return named[-1][1] if named else titled

    def appositions(self) -> dict[str, list[tuple[int, str]]]:
        """A role noun → where the narration set it beside a name, and whose: "The investigator,
        Semyon Glinka, arrived", "Shtolts, a retired judge,", "the retired admiral Kutuzkin"."""
        if self._appositions is None:
            self._appositions = {}
            for m, cid in self.narration:
                for rx, text in ((_ROLE_BEFORE, self.text[max(0, m.start - 40):m.start]),
                                 (_ROLE_AFTER, self.text[m.end:m.end + 40])):
                    found = rx.search(text)
                    kind = noun(found.group(1)) if found else None
                    if not found or not self.person(cid) or (kind and kind[0] not in ("title", "role", *_KIN)):
                        continue
                    # set off by commas (not "In the morning, Kitty sat"), or a role or title with none
                    closed = rx is _ROLE_AFTER or re.match(r"\s*[,.;]", self.text[m.end:m.end + 3])
                    if (found.group(2) and closed) or kind:
                        self._appositions.setdefault(found.group(1).lower(), []).append((m.start, cid))
        return self._appositions

    def last_named(self, at: int, n: int) -> list[str]:
        """The last n characters named in the narration before `at`, the last first."""
        out: list[str] = []
        i = bisect.bisect_left(self.narration_starts, at) - 1
        while i >= 0 and len(out) < n and at - self.narration[i][0].start < 3000:
            if self.narration[i][1] not in out:
                out.append(self.narration[i][1])
            i -= 1
        return out

    def person(self, cid: str) -> bool:
        """A character with a gender, or a title ("Captain Blake"): a person, not a place."""
        return cid in self.persons

    def other_gender(self, who: str | None, gender: str | None) -> bool:
        """`who` is known to be of the other sex than a tag or the narration says (m or f)."""
        return gender in ("m", "f") and self.gender.get(who) not in (None, gender)

    def object(self, m: Mention) -> bool:
        """Named after a preposition or as a possessor ("spoke of Rodney", "Fielding's"): not
        who the next "he" is about."""
        return bool(_OBJECT.search(self.text[max(0, m.start - 12):m.start]) or _OWNER.match(self.text, m.end))

    def _after_pronoun(self, m: Mention, gender: str) -> bool:
        """A he or she (his, her) of m's gender earlier in its sentence is someone else, mostly its
        subject ("she now urged Fanny's taking one"; "the discontentedness of her mother and Kitty"):
        the name is not whom the next "she" is about."""
        key = (m.start, gender)
        if key not in self._after:
            start = sentence_start(self.text, m.start, max(0, m.start - 300))
            # but "her mother Elena Petrovna": the name is the noun's, a character of its own
            self._after[key] = any(not (p.group(0).lower() in ("his", "her") and noun(self.text[p.end():m.start].strip()))
                                   for p in _PRONOUN_OF[gender].finditer(self.text, start, m.start))
        return self._after[key]

    def role_at(self, m: re.Match) -> str | None:
        """Whom "the doctor", "The count" at m (a _THE_ROLE match) names, if the narration gave
        someone that role or title: an antecedent for "he said" as a name is."""
        if m.start() not in self._roles:
            word, cid = m.group(1), None
            if word not in self._kinds:
                self._kinds[word] = noun(word)
            kind = self._kinds[word]
            if not ((kind and kind[0] in ("title", "role")) or (not kind and word.lower() in self.appositions())):
                self._roles[m.start()] = None  # "the house", "the girl": no one the text named so
                return None
            i = bisect.bisect_right(self._span_starts, m.start()) - 1
            inside = i >= 0 and m.start() < self._spans[i][1]
            if not inside and not _OBJECT.search(self.text[max(0, m.start() - 12):m.start()]):  # "turned to the German"
                cid = (self.last_titled(m.start(), kind[1], ROLE_REACH) if kind and kind[0] == "title"
                       else self.role_holder(word, m.start()))
            self._roles[m.start()] = cid
        return self._roles[m.start()]

    def last_of_gender(self, before: int, gender: str, speakers: list[tuple[int, str]],
                       skip: set | None = None) -> str | None:
        """The character of this gender named or heard speaking most recently before `before`
        (named by a role or title too: "The doctor took her wrist. 'Ah,' he said")."""
        i = bisect.bisect_left(self.narration_starts, before) - 1
        named = None
        for _ in range(200):
            if i < 0:
                break
            m, cid = self.narration[i]
            if self.gender.get(cid) == gender and cid not in (skip or ()) and not self.object(m) \
                    and not self._after_pronoun(m, gender):
                named = (m.start, cid)
                break
            i -= 1
        heard = next(((at, cid) for at, cid in reversed(speakers)
                      if at < before and self.gender.get(cid) == gender and cid not in (skip or ())), None)
        # a role or title after the last name of that gender: "The doctor took her wrist"
        role = None
        if self._the is None:
            self._the = list(_THE_ROLE.finditer(self.text))
            self._the_starts = [m.start() for m in self._the]
        j = bisect.bisect_left(self._the_starts, before) - 1
        floor = max(named[0] if named else 0, before - ROLE_BACK)
        while j >= 0 and self._the_starts[j] >= floor:
            cid = self.role_at(self._the[j])
            if cid and self.gender.get(cid) == gender and cid not in (skip or ()):
                role = (self._the_starts[j], cid)
                break
            j -= 1
        best = max((x for x in (named, heard, role) if x), default=None)
        return best[1] if best else None


# a role in apposition to a name: "The investigator, Semyon Glinka," / "Gurvich, the doctor,"
_ROLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z-]+\s+)?([a-z]+)(,?)\s*$")
_KIN = ("family", "married", "kin")  # "her father, Nikolai Ilyich,": "said her father" is he
_ROLE_AFTER = re.compile(r"^,\s+(?:the|our|their|a|an)\s+(?:[a-z-]+\s+)?([a-z]+)\s*([,.;])")
_THE_ROLE = re.compile(r"\b[Tt]he\s+(?:(?:old|young|little|retired|good)\s+)?([A-Za-z]+)")  # "The doctor", "the count"
_PRONOUN_OF = {"m": re.compile(r"\b(?:[Hh]e|[Hh]is)\b"), "f": re.compile(r"\b(?:[Ss]he|[Hh]er)\b")}


@dataclass(slots=True)
class _Turn:
    """One utterance (its pieces) while the speakers are being worked out."""

    group: list
    first: int  # paragraph indexes
    last: int
    p_start: int
    p_end: int
    vocatives: list[Vocative]
    unfit: set  # characters who cannot be the speaker: called by name, or of the tag's other gender
    speaker: str | None = None
    how: str = "none"
    talk: int = 0  # the conversation it belongs to
    said: str | None = None  # the gender a pronoun or noun tag gives ("she said"), or I
    lead: bool = False  # untagged, but the one character its paragraph names
    cue: bool = False  # untagged, but called by name in the turn before
    told: str | None = None  # the one the narration says it is spoken to ("she asked the Gryphon")
    told_other: bool = False  # spoken to someone outside the cast ("said the Gryphon to Alice's sister")
    acting: bool = False  # untagged, and its speaker is named in the paragraph's narration
    own_name: str | None = None  # the character whose name the turn gives as its own ("My name is ...")
    answered: bool = False  # own_name answers a name question ("Your name?" "Korobotchka.")
    guess: str | None = None  # the speaker the tags and the paragraph gave, before the turn-taking
    hearer: str | None = None  # the gender of the one the words call "sir" or "madam"
    spoken_of: set = field(default_factory=set)  # characters the words name, not calling them
    acts: str | None = None  # m or f: a he or she opens the narration's sentence before (or right after) the words
    silent: str | None = None  # who the narration before the words says nothing ("He said nothing.")


def dialogue(doc: Document, result: Cast | None = None) -> Dialogue:
    """Every quotation of `doc` with its speaker, addressees and vocatives."""
    result = result or build_cast(doc)
    pieces = quotes_mod.find(doc)
    index = _Index(result, pieces, doc.text)
    turns = _first_pass(doc, pieces, index)
    for t in turns:
        called = {v.start for v in t.vocatives}
        t.spoken_of = {cid for g in t.group for m, cid in index.speech_in(g.start, g.end)
                       if m.start not in called} - {t.own_name}  # "My name is Anne" is said by Anne
    _unnamed_roles(turns, index, doc.chapter_at)
    _introduced(turns)
    # who says "I said" is known once named, even in a story too short to count as told in the first person
    index.narrator, first_person = _narrator(turns, index)
    narrator = index.narrator if first_person else None
    for t in turns:
        t.guess = t.speaker
        t.hearer = _hearer(doc.text, t.group)
        t.acts = _acts(doc.text, t)
        t.silent = _silent(doc.text, t, index)
    _conversations(turns, index)
    _two_parties(turns, index, narrator)
    _decode(turns, index)
    out = _assemble(doc.text, turns, index)
    out.same_speaker = _same_speaker(turns)
    return out


MIN_ROLE = 10  # tags with one role noun ("said the doctor") before it may stand for a named character
ROLE_SHARE = 0.4  # of those tags near which that character is named
ROLE_LIFT = 2.0  # times more often than near the novel's turns at large (not the hero, who is everywhere)
ROLE_WINDOW = 1500  # characters of narration before a tag's paragraph searched for the name
ROLE_ANSWERS = 0.15  # at most, of those tags, next to a turn of that character's own (two people)


def _unnamed_roles(turns: list[_Turn], index: _Index, chapter_at) -> None:
    """"Said the doctor", "said the Jew": a role noun a novel keeps using for one of its named
    characters (Mr. Losberne, Fagin) is the one named in the narration around many of its tags,
    far more often than around the others, and besides those it talks with."""
    by_phrase: dict[str, list[int]] = {}
    for i, t in enumerate(turns):
        if t.speaker and t.speaker.startswith("?") and t.speaker != NARRATOR:
            by_phrase.setdefault(t.speaker, []).append(i)
    if not any(len(found) >= MIN_ROLE for found in by_phrase.values()):
        return
    near = [{cid for _, cid in index.narration_in(t.p_start - ROLE_WINDOW, t.p_end) if index.person(cid)}
            for t in turns]
    everywhere = Counter(cid for around in near for cid in around)
    speakers = {t.speaker for t in turns if t.how == "explicit"}  # one who never speaks is no one's role
    for phrase, found in by_phrase.items():
        if len(found) < MIN_ROLE or (noun(phrase.split()[-1]) or ("",))[0] == "unknown":
            continue  # "the stranger" is someone the narration does not know
        votes: Counter = Counter()
        answering: Counter = Counter()  # who speaks right before or after: someone else
        for i in found:
            t = turns[i]
            beside = [turns[j] for j in (i - 1, i + 1) if 0 <= j < len(turns) and _same_talk(turns, i, j)]
            others = {u.speaker for u in beside}
            answering.update(others)
            others |= {v.character for v in t.vocatives}
            # named in the words, not called: "He lived with Grandfather Ilya all his life" is said
            # of someone else than the doctor, to him or by him
            others |= t.spoken_of.union(*(u.spoken_of for u in beside))
            votes.update(c for c in near[i] - others if c in speakers
                         and (t.said not in ("m", "f") or index.gender.get(c) == t.said))
        ranked = votes.most_common(2)
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            continue  # two fit it as well: it is neither's
        for cid, n in ranked[:1]:
            if (n >= ROLE_SHARE * len(found) and n / len(found) >= ROLE_LIFT * everywhere[cid] / len(turns)
                    and answering[cid] <= ROLE_ANSWERS * n):
                # a doctor in a chapter that never names Dr. Lvov is another doctor
                named_in = {chapter_at(m.start) for m, c in index.narration if c == cid}
                for i in found:
                    if chapter_at(turns[i].p_start) in named_in:
                        turns[i].speaker = cid


INTRODUCED = 3  # turns within which a stranger who speaks and one who gives their name are one


def _introduced(turns: list[_Turn]) -> None:
    """"'Forgive me,' said the stranger. ... 'My name is Shatov.'": the stranger of that
    conversation is Shatov from then on, "said the stranger" too."""
    for k, t in enumerate(turns):
        if not t.own_name:
            continue
        near = {u.speaker for u in turns[max(0, k - INTRODUCED):k]
                if u.talk == t.talk and u.speaker and u.speaker[0] == "?" and u.speaker != NARRATOR
                and (noun(u.speaker.split()[-1]) or ("",))[0] == "unknown"}
        if len(near) == 1:
            stranger = near.pop()
            for u in turns[max(0, k - INTRODUCED):]:
                if u.talk == t.talk and u.speaker == stranger:
                    u.speaker = t.own_name


def _first_pass(doc: Document, pieces: list[quotes_mod.Piece], index: _Index) -> list[_Turn]:
    """Tags first, and a reading of the turn-taking in text order (which "he said" needs)."""
    text = doc.text
    groups: dict[int, list[quotes_mod.Piece]] = {}
    for p in pieces:
        groups.setdefault(p.turn, []).append(p)
    turns: list[_Turn] = []
    history: list[tuple[str | None, str | None, str | None]] = []  # (speaker, addressee, called by name)
    heard: list[tuple[int, str]] = []  # where each speaker spoke, for "he said"
    in_paragraph: dict[int, list] = {}
    for p in pieces:
        in_paragraph.setdefault(p.paragraph, []).append(p)
    talk = 0
    ordered = list(groups.values())
    for k, group in enumerate(ordered):
        paragraph = doc.paragraphs[group[0].paragraph] if doc.paragraphs else None
        p_start = paragraph.start if paragraph else 0
        p_end = doc.paragraphs[group[-1].paragraph].end if doc.paragraphs else len(text)
        if k + 1 < len(ordered) and ordered[k + 1][0].paragraph == group[-1].paragraph \
                and quotes_mod.led_in(text[p_start:group[0].start]):
            # "Margaret said, 'Could you...?' he said, 'Thank you'": the tag after her words is his
            p_end = group[-1].end + 1
        gap = group[0].paragraph - turns[-1].last if turns else GAP + 1
        if gap > 1:
            history = []  # narration between: the turn-taking starts again
        if gap > GAP:
            talk += 1  # a new conversation
        vocatives = [_vocative(text, m, cid, g) for g in group for m, cid in index.speech_in(g.start, g.end)]
        vocatives = [v for v in vocatives if v is not None]
        read_out = _READING.search(text[group[0].end:min(p_end, group[0].end + 60)])
        if read_out:
            vocatives = []  # "My dear Vassa," Natalia read: a letter's words address its reader, not the room
        answering = bool(turns) and gap == 1 and _asks_name(text, turns[-1])
        own = None if read_out else _own_name(text, group, index, answering)
        vocatives = [v for v in vocatives if v.character != own]  # "Korobotchka, the widow ...": no call
        called = {v.character for v in vocatives}  # nobody calls themselves by name
        parties = list(dict.fromkeys(c for turn_ in reversed(history) for c in turn_ if c))[::-1]
        talk_now = (parties, history[-1][0] if history else None)
        speaker, how, said = _tagged(text, group, p_start, p_end, index, heard, talk_now)
        if speaker is None and group[0].paragraph > 0 and not text[p_start:group[0].start].strip(" \t\n“”\"'‘’"):
            # Katharine saw it and exclaimed:¶ “Don't call that cab.” — the tag ends the paragraph before,
            # after its own words if it has any ("'...' Rodney hesitated, but he exclaimed:")
            before = doc.paragraphs[group[0].paragraph - 1]
            lead_start = max([p.end + 1 for p in in_paragraph.get(group[0].paragraph - 1, [])], default=before.start)
            if lead_start < before.end and re.search(r"(?::|—|–|--|,)\s*$", text[lead_start:before.end]):
                speaker, how, said = _tagged(text, group, lead_start, before.end, index, heard, talk_now,
                                             lead=True)
        if how == "explicit" and speaker in called:
            # "'Varenka,' Varenka put in": the tag names her; she says her own name
            vocatives = [v for v in vocatives if v.character != speaker]
            called.discard(speaker)
        unfit = set(called)
        if speaker is None or speaker in called:
            # "returned she", but no woman named yet: the turn-taking may not give a man
            said = said or _tag_gender(text, group, p_end)
            if said in ("m", "f"):
                unfit |= {c for c, g in index.gender.items() if g and g != said}
            speaker, how = _implicit(group, p_start, p_end, index, history, unfit, heard)
        if own and (how != "explicit" or not speaker or speaker[0] == "?"):
            speaker, how = own, "implicit"  # "What is your name?" "Anne Shirley," faltered the child.
        turns.append(_Turn(group, group[0].paragraph, group[-1].paragraph, p_start, p_end, vocatives, unfit,
                           speaker, how, talk, said))
        # "Mrs. Hurst began again. 'I have...'": the one character the paragraph's narration names
        narration = index.narration_in(p_start, p_end)
        named_here = {c for _, c in narration if c not in unfit}
        subjects_here = {c for m, c in narration if c in named_here and not index.object(m)}
        # "Mrs. Vane winced. 'Happy!' she echoed": the one woman the paragraph names (not as an
        # object: "She forgot about Adela") is the "she", whatever the turn-taking says; named
        # before the quote, she is the "she" however it was resolved
        same_gender = {c for c in subjects_here if index.gender.get(c) == said} \
            if how == "anaphoric" and said in ("m", "f") else set()
        if len(same_gender) == 1 and same_gender <= {c for _, c in index.narration_in(p_start, group[0].start)}:
            speaker = turns[-1].speaker = next(iter(same_gender))
        turns[-1].lead = (how == "implicit" and named_here == {speaker}) or same_gender == {speaker} \
            or (own is not None and own == speaker)
        turns[-1].own_name = own
        turns[-1].answered = own is not None and answering
        turns[-1].cue = how == "implicit" and bool(history) and speaker == history[-1][2] and not named_here
        turns[-1].acting = how == "implicit" and speaker in subjects_here
        who = _titled_actor(text, group, p_start, p_end, index) if how in ("implicit", "none") else None
        if who and not named_here and who not in unfit:
            speaker, how = who, "implicit"
            turns[-1].speaker, turns[-1].how, turns[-1].lead = who, how, True
        named = next((v.character for v in vocatives if v.character and v.character != speaker), None)
        turns[-1].told, turns[-1].told_other = _spoken_to(text, group, p_start, p_end, index, speaker)
        addressee = named or turns[-1].told or next((s for s, _, _ in reversed(history) if s and s != speaker), None)
        history = [*history, (speaker, addressee, named or turns[-1].told)][-4:]
        if speaker and speaker[0] != "?" and how != "implicit":  # a guess is no evidence for "he said"
            heard.append((group[0].start, speaker))
    return turns


# "said Alice to the Hatter", "Sonya said to Natasha", "turning to Margaret"; not "addressed the
# telegram to Abbott"
_TO = re.compile(r"\b(\w+)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}(?:to|towards)\s+(?:the\s+)?$")
_TURNING = re.compile(r"turn(?:s|ed|ing)")
TOLD_REACH = 100  # characters from the quote within which a tag names the one spoken to
_VERB_OBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he|I)\s+(?:\w+ly\s+)?(\w+(?:\s+\w+)??)\s+(?:the\s+)?$")


def _spoken_to(text: str, group, p_start: int, p_end: int, index: _Index,
               speaker: str | None) -> tuple[str | None, bool]:
    """Whom the paragraph's narration says the words are spoken to: "she asked the Gryphon",
    "said Alice to the Hatter", "turning to Margaret"; and whether they are spoken to someone
    the cast does not hold ("said Dolokhov to Natasha's brother")."""
    other = False
    for a, b in _around(group, p_start, p_end):
        for m, cid in index.narration_in(a, b):
            if m.start - a > TOLD_REACH and b - m.end > TOLD_REACH:
                continue  # a tag sits next to the quote, not in the middle of a long narration
            if cid == speaker:
                continue
            before = SENTENCE_END.split(text[max(a, m.start - 60):m.start])[-1]
            to = _TO.search(before) if " to" in before[-12:] or "towards" in before[-12:] else None
            told = to and (verb_rx().fullmatch(to.group(1)) or _TURNING.fullmatch(to.group(1)))
            if _OWNER.match(text, m.end):
                other = other or bool(told)  # not spoken to Natasha, but to her brother
                continue
            if told:
                return cid, False
            verb = _VERB_OBJECT.search(before)
            if verb and verb_rx().fullmatch(verb.group(1)):
                return cid, False
    return None, other


# "My name is Alice", "Yes, I am Raskolnikov!", "Polenka, my name is Rodion"
# ("You think I am Ivan?" is no such answer)
_OWN = re.compile(r"(?:(?:[Yy]es|[Nn]o|[Oo]h|[Aa]h|[Ww]ell|[Ww]hy|[Bb]ut|[Aa]nd)[,!]?\s+|[A-Z][a-z]+[,!]\s+)?"
                  r"(?:[Mm]y name is|[Mm]y name[’']s|I am|I[’']m|[Tt]hey call me)\s+")


_ALONE = re.compile(r"\s*(?:[,.!?;:—–]|--|$)")


def _asks_name(text: str, turn: _Turn) -> bool:
    """The turn ends asking the other's name ("... And your Christian name and patronymic?")."""
    last = turn.group[-1]
    return bool(_ASKS_NAME.search(text, max(last.start, last.end - 80), last.end))


def _own_name(text: str, group, index: _Index, answering: bool) -> str | None:
    """The character a turn gives as its speaker's own name, first thing: "My name is Alice", "I
    am Raskolnikov"; or, answering "your name?", a name alone ("Korobotchka, the widow of a
    Collegiate Secretary")."""
    start = group[0].start
    own = _OWN.match(text, start, group[0].end)
    if own is None and not answering:
        return None
    start = own.end() if own else start
    first = index.speech_in(start, start + 2)
    if not first or _OWNER.match(text, first[0][0].end):
        return None  # not "Natasha's sister"
    if own is None and not _ALONE.match(text, first[0][0].end):
        return None  # "Masha sent me, sir": a name, but not the answer
    return first[0][1]


def _same_speaker(turns: list[_Turn]) -> list[tuple[str, str]]:
    """Two names one speaker gave as their own, answering name questions two turns apart in one
    unbroken exchange ("I am Lebedev" ... "And I am Kolya" are two officers introducing themselves)."""
    return [(turns[k - 2].own_name, t.own_name) for k, t in enumerate(turns)
            if k >= 2 and t.answered and turns[k - 2].answered and turns[k - 2].own_name != t.own_name
            and _same_talk(turns, k - 2, k)]


def _titled_actor(text: str, group, p_start: int, p_end: int, index: _Index) -> str | None:
    """"The Colonel stood. 'Dunyasha, my coat.'": a title in the paragraph's narration stands for
    the last character named with it."""
    titled = _TITLED.search(text, p_start, p_end)
    if titled is None or titles.find(titled.group(1)) is None or any(g.start <= titled.start() < g.end for g in group):
        return None
    return index.last_titled(titled.start(), titled.group(1))


def _assemble(text: str, turns: list[_Turn], index: _Index) -> Dialogue:
    """Quotes with addressees (the vocatives, else the other party nearby) and permissions."""
    out: list[Quote] = []
    permissions: list[Permission] = []
    for k, t in enumerate(turns):
        speaker = t.speaker
        addressees = list(dict.fromkeys(v.character for v in t.vocatives if v.character and v.character != speaker))
        if not addressees and not t.told_other:
            # the one who answers, else the one answered (+176 addressees on PDNC over the one
            # answered first; both halves of the novels gained)
            near = [turns[j] for j in (k + 1, k - 1, k - 2, k - 3) if 0 <= j < len(turns) and turns[j].talk == t.talk]
            other = next((n.speaker for n in near if n.speaker and n.speaker != speaker and n.speaker[0] != "?"), None)
            addressees = [t.told] if t.told and t.told != speaker else [other] if other else []
        for g in t.group:
            for m in _PERMISSION.finditer(text, g.start, g.end):
                permissions.append(Permission(m.start(), speaker, m.group(1)))
        who = Who(None, speaker[1:]) if speaker and speaker[0] == "?" else Who(speaker, index.names.get(speaker))
        listeners = [Who(a, index.names.get(a)) for a in addressees]
        for g in t.group:
            mine = [v for v in t.vocatives if g.start <= v.start < g.end]
            out.append(Quote(g.start, g.end, who, listeners, mine, k, t.how))
    return Dialogue(out, permissions)


def _narrator(turns: list[_Turn], index: _Index) -> tuple[str | None, bool]:
    """The first-person narrator is the character the others call by name when talking to
    them: the vocatives in the two turns on either side of an "I said", in its conversation
    (across a little narration: "He thought about this. 'Shall I open it, Volodya?'"), but not one the
    narration names ("Olga and Sergei had quarrelled; I saw it at once").  Returns who the
    narrator is (NARRATOR when unnamed, None when unnamed and few say "I said"), and whether
    the story is told in the first person (MIN_TOLD "I said" turns or more)."""
    votes: Counter = Counter()
    for k, t in enumerate(turns):
        if t.speaker != NARRATOR:
            continue
        for j in (k - 1, k + 1, k - 2, k + 2):
            if 0 <= j < len(turns) and turns[j].speaker != NARRATOR and turns[j].talk == t.talk:
                votes.update({v.character for v in turns[j].vocatives if v.character})
        votes.subtract({v.character for v in t.vocatives if v.character})  # the narrator calls others
    told = sum(t.said == "I" for t in turns)
    named = Counter(c for _, c in index.narration)
    spoken = Counter(c for _, c in index.speech)
    ranked = [(c, n) for c, n in votes.most_common() if named[c] <= NARRATED * (named[c] + spoken[c])][:2]
    if ranked and ranked[0][1] >= MIN_NARRATOR and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        for t in turns:
            if t.speaker == NARRATOR:
                t.speaker = ranked[0][0]
        return ranked[0][0], told >= MIN_TOLD
    return (NARRATOR, True) if told >= MIN_TOLD else (None, False)


def _conversations(turns: list[_Turn], index: _Index) -> None:
    """Untagged turns again, now that every named tag is known: the exchange alternates, so a
    turn is spoken by whoever spoke two turns before or after (the nearer named tag).  A
    pronoun tag takes that speaker too when the gender agrees: "she said" between Natasha's
    turns is Natasha, whoever else was last named in the narration.  A turn whose speaker its own
    paragraph names keeps them ("Denisov looked at Pierre. 'Nonsense.'")."""
    named = [t.how == "explicit" or t.said == "I" or t.lead or t.cue for t in turns]
    for k, t in enumerate(turns):
        if named[k] or t.acting:
            continue
        found = _alternation(turns, named, k)
        if found and index.other_gender(found, t.acts):
            continue  # "She smiled. 'Stay.'": not the man the alternation gives
        if found and (t.how != "anaphoric" or (t.said and index.gender.get(found) == t.said)):
            t.speaker, t.how = found, t.how if t.how == "anaphoric" else "implicit"


def _alternation(turns: list[_Turn], named: list[bool], k: int) -> str | None:
    """The speaker of the nearest named turn 2, 4, 6 or 8 turns from k, in an unbroken exchange."""
    for step in STEPS:
        for j in (k - step, k + step):
            if 0 <= j < len(turns) and named[j] and _same_talk(turns, j, k):
                s = turns[j].speaker
                between = turns[min(j, k) + 1].speaker if named[min(j, k) + 1] else None
                if s and s not in turns[k].unfit and s != between:
                    return s
    return None


def _two_parties(turns: list[_Turn], index: _Index, narrator: str | None = None) -> None:
    """An unbroken exchange between two people alternates from end to end: weigh every sign of
    who speaks which turn (tags, the narration, names called out), pick the two people and the
    order the signs favour, and give them the turns no tag or narration settles."""
    k = 0
    while k < len(turns):
        end = k + 1
        while end < len(turns) and turns[end].first - turns[end - 1].last == 1:
            end += 1
        if end - k >= MIN_RUN:
            _settle_run(turns[k:end], index, narrator)
        k = end


def _settle_run(run: list[_Turn], index: _Index, narrator: str | None = None) -> None:
    """One run of turns in consecutive paragraphs: votes per turn, then the order of two parties.
    In a story told in the first person, the narrator is the other party of a run that shows
    only one."""
    votes: list[Counter] = [Counter() for _ in run]
    for i, t in enumerate(run):
        if t.speaker and t.speaker[0] != "?":
            votes[i][t.speaker] += _WEIGHT.get(t.how, 0) + (2 if t.lead or t.cue else 0) + (2 if t.said == "I" else 0)
        for v in t.vocatives:  # called by name: not the speaker now, likely the next one
            if v.character:
                votes[i][v.character] -= 2
                for j in (i - 1, i + 1):
                    if 0 <= j < len(run):
                        votes[j][v.character] += 1
    total: Counter = Counter()
    for c in votes:
        total.update({who: n for who, n in c.items() if n > 0})
    top = [who for who, _ in total.most_common(2)]
    if narrator and narrator not in top:
        # only guesses put anyone but one party in the run: the narrator is the other
        shown = {t.speaker for t in run if t.how != "implicit" or t.lead} | \
            {v.character for t in run for v in t.vocatives if v.character}
        total = Counter({who: n for who, n in total.items() if who in shown})
        if len(total) == 1:
            top = [next(iter(total)), narrator]
    if len(top) < 2 or sum(total[w] for w in top) < SHARE * sum(total.values()):
        return
    a, b = top
    even = sum(votes[i][a] - votes[i][b] for i in range(0, len(run), 2))
    odd = sum(votes[i][a] - votes[i][b] for i in range(1, len(run), 2))
    if even == odd:
        return
    order = (a, b) if even > odd else (b, a)
    for i, t in enumerate(run):
        who = order[i % 2]
        if t.how == "explicit" or t.lead or t.cue or t.acting or t.said == "I" or who in t.unfit:
            continue
        if (t.how == "anaphoric" and t.said and index.gender.get(who) != t.said) or \
                index.other_gender(who, t.acts):
            continue
        t.speaker = who


# How much each sign counts for a speaker in _decode (log-odds, roughly). Set on PDNC, where the
# decoder with its first signs gained 0.8 points of speaker accuracy over the passes alone (24 of
# 27 novels gained; each half of the novels, taken alternately, gained), and "sir", the scene and
# the names spoken of 0.7 more. Before those three, moving any one weight up or down by half
# changed the figure by at most 0.3 point, and no such move gained over 0.03 point on both halves.
# "before" (the speakers of the exchange just before, across a little narration) gained 0.35
# point more (17 novels up, 9 down; each half of the novels gained); then "lead" 3 -> 4, 0.1 (both halves).
# "acts" (a he or she opening the paragraph's narration is the speaker's gender, and the passes
# respecting it) gained 0.05 point (+21 speakers on one half, -1 on the other; 1 and 4 did as well).
# "silent" (the one the narration says said nothing does not speak next) changed PDNC by -1.
# "called" 2 -> 3 after the party sign: +18 (+6 and +12 on the two halves; 2.5 and 4 gained too).
SIGN = {"tag": 8.0, "lead": 4.0, "anaphoric": 2.0, "guess": 0.3, "passes": 1.0, "self": 4.0,
        "called": 3.0, "calls": 1.0, "again": 3.0, "alternates": 2.0, "sir": 2.0,
        "scene": 3.0, "named": 6.0, "named_near": 2.0, "before": 1.0, "acts": 2.0, "party": 1.0,
        "silent": 2.0}
PARTIES = 6  # people an exchange is decoded among, besides those the tags and the passes name
# How much each sign counts for someone being a party of an exchange. The two likeliest get the
# "party" sign on every untagged turn. Chosen for how often the two strongest are the two who
# speak, in exchanges of two on PDNC: 70% of those quotations with the weights the signs had before
# (each sign 1, a tag 3, a name in the narration 0.5), 75% with these, set on either half of the
# novels and holding on the other. An implicit guess is weak (the last one named, mostly), a name
# the words speak of is seldom a party, a first-person narrator mostly is. With the "party" sign
# (1; 0.75 and 1.5 gained less) speaker accuracy rose 0.68 point (+155 and +91 speakers on the two
# halves); the narrator's weight (2; 1 and 3 gained less) 0.2 more, in the three novels told so.
PARTY = {"tag": 6.0, "anaphoric": 2.0, "lead": 2.0, "guess": 0.25, "called": 2.0, "spoken_of": -2.0,
         "named": 1.0, "before": 1.0, "earlier": 1.0, "opener": 1.0, "narrator": 2.0}
BEFORE_TURNS = 6  # turns before an exchange whose speakers it likely goes on with
_NO = float("-inf")


def _decode(turns: list[_Turn], index: _Index) -> None:
    """Each unbroken exchange (turns in consecutive paragraphs) read as a whole: the sequence of
    speakers that best fits every sign at once (tags, the narration, names called out, what the
    passes concluded) when a speaker rarely speaks twice running and mostly answers the one who
    spoke before (Viterbi over pairs of consecutive speakers)."""
    start = 0
    for k in range(1, len(turns) + 1):
        if k == len(turns) or turns[k].first - turns[k - 1].last != 1:
            # a conversation goes on across a few lines of narration ("He laughed."): who spoke
            # just before it are likely to speak after it
            went_on = start and turns[start].first - turns[start - 1].last <= GAP
            earlier = [t.speaker for t in turns[max(0, start - BEFORE_TURNS):start] if went_on and t.speaker
                       and (t.speaker[0] != "?" or t.speaker == NARRATOR)]  # "I said" a little before
            _decode_run(turns, start, k, index, earlier)
            start = k


def _decode_run(turns: list[_Turn], a: int, b: int, index: _Index, earlier: list[str]) -> None:
    """Decode turns[a:b], an unbroken exchange, among the people its signs point to; `earlier` are
    the speakers of the last turns before it, when only a little narration parts them."""
    run = turns[a:b]
    if all((t.how == "explicit" and t.guess) or t.said == "I" for t in run):
        return  # the tags settle it
    scene = turns[a - 1].p_end if a else 0  # the narration before the exchange
    before = index.narration_in(scene, run[0].p_start)[-6:]
    opener = _last_subject(scene, run[0].p_start, index)
    weight: Counter = Counter()
    for t in run:
        if t.guess:
            weight[t.guess] += PARTY["tag" if t.how == "explicit" else "anaphoric" if t.how == "anaphoric" else
                                     "lead" if t.lead or t.cue or t.acting else "guess"]
        for v in t.vocatives:
            if v.character:
                weight[v.character] += PARTY["called"]
        for c in t.spoken_of:
            weight[c] += PARTY["spoken_of"]
        for _, cid in index.narration_in(t.p_start, t.p_end):
            if index.person(cid):
                weight[cid] += PARTY["named"]
    for _, cid in before:
        if index.person(cid):
            weight[cid] += PARTY["before"]
    for c in earlier:
        weight[c] += PARTY["earlier"]
    if opener:
        weight[opener] += PARTY["opener"]
    if index.narrator and index.narrator[0] != "?":
        weight[index.narrator] += PARTY["narrator"]  # who tells the story is at most of its talks
    parties = [c for c, n in weight.most_common(PARTIES) if n > 0]
    likeliest = _likeliest(parties, weight, {t.said for t in run if t.how == "anaphoric"} & {"m", "f"}, index)
    parties += [c for c in dict.fromkeys(t.speaker for t in run) if c and c not in parties]
    # and whoever a tag names, "he said" too
    parties += [t.guess for t in run if t.guess and t.guess not in parties
                and (t.how in ("explicit", "anaphoric") or t.said == "I")]
    if len(parties) < 2:
        return
    called = [{v.character for v in t.vocatives} | ({t.told} if t.told else set()) for t in run]
    signs = [{who: _sign(run, i, who, index, called) for who in parties} for i in range(len(run))]
    for i, t in enumerate(run):
        for who in likeliest:
            if signs[i][who] > _NO and not (t.how == "explicit" and t.guess):
                signs[i][who] += SIGN["party"]
        for who in set(earlier) & signs[i].keys():
            if signs[i][who] > _NO and not (t.how == "explicit" and t.guess):
                signs[i][who] += SIGN["before"]
    if opener in signs[0] and signs[0][opener] > _NO and run[0].how != "explicit":
        signs[0][opener] += SIGN["scene"]
    # best score of a sequence ending in (speaker before, speaker now), and the pair before that
    best = {(None, who): e for who, e in signs[0].items() if e > _NO}
    if not best:
        return
    back = []
    for i in range(1, len(run)):
        new, came = {}, {}
        viable = [(who, e) for who, e in signs[i].items() if e > _NO]
        for (two, one), score in best.items():
            for who, e in viable:
                total = score + e - (SIGN["again"] if who == one else 0) + (SIGN["alternates"] if who == two else 0)
                if total > new.get((one, who), _NO):
                    new[(one, who)], came[(one, who)] = total, (two, one)
        if not new:
            return
        best = new
        back.append(came)
    pair = max(best, key=best.get)
    order = [pair[1]]
    for came in reversed(back):
        pair = came[pair]
        order.append(pair[1])
    for t, who in zip(run, reversed(order), strict=True):
        if who and who != t.speaker:
            t.speaker, t.how = who, "implicit" if t.how == "none" else t.how


def _likeliest(parties: list[str], weight: Counter, genders: set, index: _Index) -> list[str]:
    """The two parties of an exchange with the most weight between them, a woman among them if a
    tag says "she said", a man if one says "he said" (+61 speakers on PDNC, both halves gaining)."""
    pairs = [(weight[x] + weight[y], x, y) for i, x in enumerate(parties) for y in parties[i + 1:]
             if all(index.gender.get(x) in (g, None) or index.gender.get(y) in (g, None) for g in genders)]
    return list(max(pairs, key=lambda p: p[0])[1:]) if genders and pairs else parties[:2]


def _hearer(text: str, group) -> str | None:
    """The sex of the one the words call "sir" or "madam" (data/hearer_words.tsv), if only one."""
    words = " ".join(text[g.start:g.end] for g in group)
    found = {gender for gender, rx in hearer_words().items() if rx.search(words)}
    return found.pop() if len(found) == 1 else None


def _last_subject(a: int, b: int, index: _Index) -> str | None:
    """Whom the last sentence of the narration a:b is about (tags.sentence_subject: the name or
    he or she opening its last clause that has one)."""
    text = index.text
    a = max(a, b - 600)  # a sentence is shorter than this
    b = a + len(text[a:b].rstrip())
    found = sentence_subject(text, b - 1, a, index) if b > a else None
    if found is None:
        return None
    kind, value = found[0]
    if kind == "name":
        return value
    ends = [m.end() for m in SENTENCE_END.finditer(text, a, b - 1)]  # a he or she: whom it stood for then
    return index.last_of_gender(ends[-1] if ends else a, value, []) if value in ("m", "f") else None


def _sign(run: list[_Turn], i: int, who: str, index: _Index, called: list[set]) -> float:
    """How strongly the signs say `who` speaks run[i]; `called` holds whom each turn calls by name
    or is told to be spoken to."""
    t = run[i]
    if t.how == "explicit" and t.guess:
        return SIGN["tag"] if who == t.guess else -SIGN["tag"]
    if who in t.unfit:
        return _NO
    if t.how == "anaphoric" and index.other_gender(who, t.said):
        return _NO
    if t.said in ("m", "f") and who in (index.narrator, NARRATOR):
        return _NO  # in a story told in the first person, "he said" is never the narrator
    if t.said == "I":
        return SIGN["tag"] if who == t.guess else -SIGN["tag"]
    e = SIGN["passes"] if who == t.speaker else 0.0
    if t.acts and not t.said and (who == index.narrator or index.other_gender(who, t.acts)):
        e -= SIGN["acts"]  # "She raised her eyebrows. 'Ah, don't say that.'": a woman speaks, not the "I"
    if who == t.guess:
        e += SIGN["lead"] if t.lead or t.cue or t.acting else SIGN["anaphoric"] if t.how == "anaphoric" else SIGN["guess"]
    if who in called[i]:
        e -= SIGN["self"]
    if who == t.silent:
        e -= SIGN["silent"]  # "She looked at him. He said nothing. 'Well?'" is hers
    if i > 0 and who in called[i - 1]:
        e += SIGN["called"]  # "Natasha, come here." or "she asked the Gryphon": the one spoken to answers
    if i + 1 < len(run) and who in called[i + 1]:
        e += SIGN["calls"]
    if who in t.spoken_of:
        e -= SIGN["named"]  # "Natasha will be late": said of her, seldom by her
    for j in (i - 1, i + 1):
        if 0 <= j < len(run) and who in run[j].spoken_of:
            e -= SIGN["named_near"]  # nor to her
    gender = index.gender.get(who)
    for j in (i - 1, i + 1):
        if gender and 0 <= j < len(run) and run[j].hearer:
            e += SIGN["sir"] if run[j].hearer == gender else -SIGN["sir"]
    return e


def _same_talk(turns: list[_Turn], j: int, k: int) -> bool:
    """Turns j..k follow one another in one conversation, with no narration between them."""
    lo, hi = min(j, k), max(j, k)
    return all(turns[i + 1].first - turns[i].last == 1 for i in range(lo, hi))


def _around(group, p_start: int, p_end: int) -> list[tuple[int, int]]:
    """The narration of a paragraph around its quoted pieces: before, between and after them."""
    edges = [p_start] + [x for g in group for x in (g.start - 1, g.end + 1)] + [p_end]
    return list(zip(edges[::2], edges[1::2], strict=True))


_SILENT = re.compile(r"\s+(?:nothing|no more|not a word|never a word)\b")  # "He said nothing.": no tag


def _tagged(text: str, group, p_start: int, p_end: int, index: _Index, heard, talk,
            lead: bool = False) -> tuple[str | None, str, str | None]:
    """A speech tag next to the quote: 'said Natasha', 'Natasha asked', 'he said', 'said the girl'.

    With `lead`, p_start:p_end is the narration paragraph that leads into the quote.  Returns the
    speaker, how they were found, and the gender the tag gives ("she said": f)."""
    # only the narration right before or after each piece can tag it
    reach = 2 * TAG_REACH + 30
    regions = []
    for a, b in [(p_start, p_end)] if lead else _around(group, p_start, p_end):
        a, b = max(a, p_start), min(b, p_end)
        if b - a > 2 * reach:
            regions += [(a, a + reach), (b - reach, b)]
        elif b > a:
            regions.append((a, b))
    best: tuple[int, str | None, str] | None = None
    for a, b in regions:
        found_at = [(v.start(), subject(text, v, a, b, index) or _closing(text, v, b, p_start, lead, group, index))
                    for v in verb_rx().finditer(text, a, b) if not _SILENT.match(text, v.end())]
        noun_tag = speech_noun(text, a, b, index)  # "was Henry's answer"
        if noun_tag is not None:
            found_at.append((noun_tag[0], noun_tag[1:]))
        for at, found in found_at:
            if found is None:
                continue
            if not lead and found[0][0] == "name":  # "Ralph replied": the tag starts at the name
                at = max([m.start for m, cid in index.narration_in(max(a, at - TAG_REACH), at) if cid == found[0][1]],
                         default=at)
            distance = p_end - at if lead else min(abs(at - g.end) for g in group)
            if best is None or distance < best[0]:
                best = (distance, *found)
    if best is None:
        return None, "none", None
    _, ref, how = best
    said = ref[1] if ref[0] == "pronoun" else ref[3] if ref[0] == "noun" and ref[2] != "title" else None
    said = "I" if said == "narrator" else said if said in ("m", "f") else None
    speaker = _resolve(ref, group[0].start, index, heard, talk)
    if ref[0] == "noun" and ((speaker and speaker[0] == "?") or ref[2] in ("title", "role")):
        # "said the waiter", "said the Colonel": the tag says who, in its way, and the turn-taking
        # must not overrule it ("said her mother" may be overruled, as "she said" may: PDNC agrees)
        how = "explicit"
    return speaker, how, said


_CLAUSE_OPENS = re.compile(r"[.!?;]\s+|[,;:]\s*(?:and|but|then|while|so|yet)\b")
_NOUN_SUBJECT = re.compile(r"[\s\"“”’']*(?:(?:the|a|an|his|her|their|my|our|your)\s+[a-z]|"
                           r"[A-Z][\w.’' -]*?[’']s\s+[a-z])", re.I)
_OPEN_TAIL = re.compile(r"[^.!?;\"“”]{0,80}")


def _closing(text: str, verb: re.Match, b: int, p_start: int, lead: bool, group,
             index: _Index) -> tuple[tuple, str] | None:
    """A speech verb that leads into the words with no subject of its own ("He coloured, looked
    doubtingly, and, after some hesitation, said,"): the subject of its sentence."""
    if not (lead or any(g.start > verb.end() for g in group)) or not _OPEN_TAIL.fullmatch(text, verb.end(), b):
        return None
    head = text[max(p_start, verb.start() - 6 * TAG_REACH):verb.start()]
    opens = [m.end() for m in _CLAUSE_OPENS.finditer(head)]
    if _NOUN_SUBJECT.match(head, opens[-1] if opens else 0):
        return None  # "and the old butler, who had followed her in, said": a subject, not a name
    found = sentence_subject(text, verb.start(), p_start, index)
    return found if found is not None and found[0][0] == "name" else None


def _resolve(ref: tuple, at: int, index: _Index, heard, talk) -> str | None:
    """The character a tag's subject stands for; '?the mariner' for a speaker outside the cast."""
    kind = ref[0]
    if kind == "name":
        return ref[1]
    if kind == "unnamed":
        return index.role_holder(ref[1], at) or "?" + ref[1]
    if kind == "pronoun":
        gender = ref[1]
        if gender == "narrator":
            return NARRATOR
        # the one named or heard last, not a party of the exchange: "He groaned. 'I feared as
        # much,' said he" continues whoever the narration is about (measured on PDNC)
        return index.last_of_gender(at, gender, heard)
    _, phrase, noun_kind, value = ref
    if noun_kind == "title":  # "the admiral": Admiral Kutuzkin, or "Kutuzkin, a retired admiral"
        return index.last_titled(at, value) or index.role_holder(phrase, at) or "?" + phrase
    owner = re.match(r"(his|her)\s", phrase, re.I)
    if noun_kind == "role" and not owner:
        return index.role_holder(phrase, at) or "?" + phrase  # "said the doctor": Dr. Kraft
    if noun_kind in ("role", "unknown", "new") or (value is None and not owner):
        return "?" + phrase  # "said the waiter", "said a voice": someone the text does not name
    # "said the gentleman" is not the one who spoke last; "her mother" is not the "her"
    skip = {talk[1]}
    if owner:
        whose = index.last_of_gender(at, {"his": "m", "her": "f"}[owner.group(1).lower()], heard)
        skip.add(whose)
        relative = _relative(index, whose, value, talk, noun_kind == "married") \
            if noun_kind in ("family", "married") and whose else None
        # "said her father" of "her father, Nikolai Ilyich,": the narration named him so
        relative = relative or (index.role_holder(phrase, at) if noun_kind in _KIN else None)
        if relative and relative != whose:
            return relative
    if value == "other":
        return _in_talk(talk, index, None, skip)
    if value is None:  # "rejoined his companion": a party of the exchange, not the "his"; before
        # anyone else has spoken, the one named last besides him ("Rogozhin and the Prince walked on")
        others = [c for c in index.last_named(at, 3) if c not in skip and index.person(c)]
        return _in_talk(talk, index, None, skip) or (others[0] if others else "?" + phrase)
    if value in ("latter", "former"):
        named = index.last_named(at, 2)
        return named[value == "former"] if len(named) == 2 else "?" + phrase
    return _in_talk(talk, index, value, skip) or index.last_of_gender(at, value, heard, skip) or "?" + phrase


def _relative(index: _Index, whose: str, gender: str, talk, married: bool = False) -> str | None:
    """"Her father", "his sister": the one other character of that gender who shares the surname
    of the one whose kin they are (the patronymic's father first: Avdotya Romanovna's father is a
    Roman; a mother or wife one called Mrs.; then a party of the exchange)."""
    of = index.people.get(whose)
    if of is None or not of.surname:
        return None
    kin = [c for c in index.people.values() if c.id != whose and c.surname == of.surname and c.gender == gender]
    for narrowed in ([c for c in kin if of.patronymic and c.given & of.patronymic],
                     [c for c in kin if married and c.married], kin, [c for c in kin if c.id in talk[0]]):
        if len(narrowed) == 1:
            return narrowed[0].id
    return None


def _in_talk(talk: tuple[list[str], str | None], index: _Index, gender: str | None,
             skip: set | None = None) -> str | None:
    """The party of the current exchange with this gender (any, for "the other"), the one who
    spoke last only when nobody else fits (and never one in `skip`)."""
    parties, last = talk
    fitting = [c for c in parties if (gender is None or index.gender.get(c) == gender) and c not in (skip or ())]
    others = [c for c in fitting if c != last]
    if others:
        return others[-1]
    return fitting[-1] if fitting and gender is not None else None


def _tag_gender(text: str, group, p_end: int) -> str | None:
    """The gender of a pronoun tag right after the first piece ("returned she"), if any."""
    m = re.match(r"[”\"’',\s]*\w+\s+(he|she)\b|[”\"’',\s]*(he|she)\s+\w+", text[group[0].end:min(p_end, group[0].end + 30)])
    if not m:
        return None
    return PRONOUNS[(m.group(1) or m.group(2)).lower()]


def _implicit(group, p_start: int, p_end: int, index: _Index, history, called: set,
              heard: list[tuple[int, str]]) -> tuple[str | None, str]:
    """No tag: the character acting in the paragraph (named, or a he or she opening a sentence
    of its narration), else the turn-taking of the exchange.

    Only characters with a gender are taken from the narration: a place (Marabar, the Deccan)
    never has one, a person almost always does (a name, a title or the pronouns after it)."""
    named = [(m, cid) for m, cid in index.narration_in(p_start, p_end) if cid not in called and index.gender.get(cid)]
    subjects = [cid for m, cid in named if not index.object(m)]
    if subjects:
        return subjects[0], "implicit"
    # "He handed the letter to Anna Pavlovna": the he, not the one he handed it to
    acting = _acting_pronoun(group, p_start, p_end, index, heard)
    if acting and acting not in called:
        return acting, "implicit"
    if named:
        return named[0][1], "implicit"
    if history and history[-1][2] and history[-1][2] not in called and history[-1][2] != history[-1][0]:
        return history[-1][2], "implicit"  # "Natasha, come here." — the next words are Natasha's
    if len(history) >= 2 and history[-2][0] and history[-2][0] != history[-1][0] and history[-2][0] not in called:
        return history[-2][0], "implicit"
    if history and history[-1][1] and history[-1][1] not in called:
        return history[-1][1], "implicit"
    before = index.narration_in(max(0, p_start - 3000), p_start)
    last = history[-1][0] if history else None
    for _, cid in reversed(before):
        if cid != last and cid not in called and index.gender.get(cid):
            return cid, "implicit"
    return None, "none"


def _silent(text: str, t: _Turn, index: _Index) -> str | None:
    """Who the paragraph's narration before the words says nothing: not their speaker."""
    for m in _SAYS_NOTHING.finditer(text, t.p_start, t.group[0].start):
        if m.group(1):
            return index.last_of_gender(m.start(), PRONOUNS[m.group(1).lower()], [])
        named = index.narration_in(m.start(), m.start() + 2)
        if named:
            return named[0][1]
    return None


_SAYS_NOTHING = re.compile(r"(?:\b(He|She)|\b[A-Z][\w’'-]+)\s+(?:said|answered|replied)\s+(?:nothing|no more|not a word)")


def _acts(text: str, t: _Turn) -> str | None:
    """m or f: the he or she opening the last sentence of the narration before the words, else the
    first sentence right after them ("'Poor old darling.' She stroked his head."), when the words
    do not speak of a he or she ("She had been crying. 'What is wrong with her?'")."""
    found = list(_ACTS.finditer(text, t.p_start, t.group[0].start)) if t.group[0].start > t.p_start else []
    if not found:
        after = _ACTS_AFTER.match(text, t.group[-1].end, t.p_end)
        found = [after] if after else []
    if not found:
        return None
    gender = PRONOUNS[found[-1].group(1).lower()]
    words = " ".join(text[g.start:g.end] for g in t.group)
    return None if _THIRD[gender].search(words) else gender


_THIRD = {"m": re.compile(r"\b(?:he|him|his|himself)\b", re.I), "f": re.compile(r"\b(?:she|her|hers|herself)\b", re.I)}
_ACTS_AFTER = re.compile(r"[\"“”’'!?.,;—–-]*\s+(He|She)\s+(?!said|says|asked)[a-z]+")
_ACTS = re.compile(r"(?:^|(?<=[.!?;]))[\s\"“”’']*(He|She)\s+(?!said|says|asked)[a-z]+", re.M)


def _acting_pronoun(group, p_start: int, p_end: int, index: _Index, heard) -> str | None:
    """"She smiled. 'Of course.'": whom a he or she opening a sentence of the paragraph's
    narration stands for."""
    for a, b in _around(group, p_start, p_end):
        m = _ACTS.search(index.text, a, b) if b > a else None
        if m:
            return index.last_of_gender(m.start(1), PRONOUNS[m.group(1).lower()], heard)
    return None


_APPOSITION = re.compile(r"\s*,\s*(?:the|a|an)\s+[a-z-]+(?:\s+[a-z-]+)?\s*,\s*[a-z]")


def _vocative(text: str, m: Mention, cid: str, piece) -> Vocative | None:
    """A name set off by commas at the start or end of the words, or alone with ! or ?."""
    before = text[piece.start:m.start]
    after = text[m.end:piece.end]
    # at the start of the words, after "Oh," or "My dear", or after a comma: "Yes, Natasha"
    # or opening a sentence of the words after "My dear": "... the sea. My dear Isabella, I have"
    opens = re.fullmatch(r"[\s“”\"'‘’—–-]*(?:(?:oh|ah|well|yes|no|my|dear|dearest|my dear|good|poor)[,!\s]+)*",
                         before, re.I) or re.search(r"[,!?;]\s*(?:(?:oh|ah|my dear|dear|my)\s+)?$", before, re.I) \
        or re.search(r"[.!?]\s+(?:my dear|dear|dearest|my)\s+$", before, re.I)
    closes = after.strip() == "" or re.match(r"\s*[,!?.;:—–]", after)
    if not (opens and closes):
        return None
    if re.fullmatch(r"[\s“”\"'‘’]*(?:(?:poor|dear|my|old|little)\s+)*", before, re.I) and re.fullmatch(r"\s*\.?\s*", after):
        # "What is his name?" "Bingley." — an answer, not a call; nor "his inquiries after 'poor
        # Isabella'", a name the narration quotes
        return None
    if _APPOSITION.match(after):
        return None  # "Besides, Pestryakov, the student, was seen": said of him, not to him
    return Vocative(m.start, m.end, text[m.start:m.end], cid, _register(m.text))


@lru_cache(maxsize=4096)
def _register(form: str) -> str | None:
    from .errors import ImyaError
    from .forms import classify

    try:
        return classify(form).register
    except ImyaError:
        return None
