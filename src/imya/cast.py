"""The cast of a document: its characters under all their names, and their families.

Full names anchor characters (Rodion Romanovich Raskolnikov; Pulcheria
Alexandrovna); every other mention joins the character its parts agree with: a
short form the character whose given name owns it (Rodya → Rodion), a surname
the character of that surname and gender, a patronymic the one who bears it.
When several characters fit (a father and son sharing a surname), each mention
goes to the one named nearest to it, and the form is reported as ambiguous with
all the characters it could name, rather than the guess being hidden.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import mentions as mentions_mod
from .document import Document
from .mentions import Mention
from .patronymic import nearest as nearest_patronymics
from .patronymic import parse as parse_patronymic
from .spelling import latin_keys
from .translit import to_latin

# English "Mrs. Bennet" is the wife, never her daughter "Miss Elizabeth Bennet": a married
# title joins only someone already called by it (or known by the surname alone).
MARRIED_TITLES = ("mrs",)
MAIDEN_TITLES = ("miss",)  # and "Miss Honeychurch" is the daughter, never "Mrs. Honeychurch"
# "Lady Bertram", before a surname, is a wife (Sir Thomas's), never her daughter Maria Bertram;
# before a given name (Lady Catherine) a peer's daughter by birth, whom "Lady X" may also name
LADIES = ("lady",)
# A rank or a knighthood names fewer people than Mr. does: "Sir Thomas" is the baronet, not his
# son Tom (Thomas) Bertram, when only the father has been called Sir
KNIGHTS = ("sir",)
RANKS = ("rank", "nobility", "clergy")  # kinds of titles.tsv
PLAIN_MEN = frozenset({"mr", "mister"})  # what a man is called who has no rank
NEARBY = 4000  # characters: how far a mention looks for the character it means
MIN_PLACE, PLACE_SHARE = 3, 0.4  # "in X", "from X" this often makes X a place
MIN_VOTES = 3  # he's and she's after a name before they tell its gender
NEAR_ENOUGH = 1  # a one-part name joins a character only if named near them this often


@dataclass(frozen=True, slots=True)
class Slots:
    """A mention reduced to what identifies a person."""

    given: frozenset[str]  # candidate given names (Cyrillic, or "lat:..." for other names)
    patronymic: frozenset[str] | None  # the father's possible names (Nikolaitch = Nikolaevitch)
    surname: str | None
    gender: str | None
    has_title: bool
    soft_gender: bool = False  # the gender comes only from a surname's ending (translations blur it)
    loose: str | None = None  # one unknown word alone: a given name or a surname (Harriet, Knightley)
    married: bool = False  # called by a married woman's title (Mrs.)
    maiden: bool = False  # called Miss
    lone_surname: bool = False  # the text also uses the surname alone: a surname, not a semi-patronymic
    lady: bool = False  # called Lady: "Lady Brett Ashley" may be "Lady Ashley", a married woman's form
    ranks: frozenset[str] = frozenset()  # titles that set a person apart (Sir, Colonel, Prince), lowercased
    titles: frozenset[str] = frozenset()  # every title of the mention, lowercased

    def size(self) -> int:
        return bool(self.given) + bool(self.patronymic) + bool(self.surname) + bool(self.loose)


@lru_cache(maxsize=4096)
def _fathers(patronymic: str) -> frozenset[str]:
    from .kb import load

    parsed = parse_patronymic(patronymic)
    fathers = frozenset(f.cyrillic for f in parsed.fathers) if parsed else frozenset()
    if not any(f in load().names for f in fathers):  # a misprint (Vassilvitch): the nearest spellings' fathers
        near = (parse_patronymic(p) for p in nearest_patronymics(patronymic))
        fathers = frozenset(f.cyrillic for p in near if p for f in p.fathers) or fathers
    return fathers or frozenset({patronymic.lower()})


def slots(m: Mention) -> Slots:
    """Given name, patronymic and surname of a mention; in "A B C" only the last word is a surname."""
    given: frozenset[str] = frozenset()
    patronymic = surname = None
    names = [w for w in m.words if w.role not in ("title", "initial", "particle")]
    for i, w in enumerate(names):
        last = i == len(names) - 1
        if w.role == "patronymic" and len(names) == 1 and not w.known and w.gender == "m":
            surname = w.text.lower()  # Sobakevitch alone, from no Russian father's name: a surname
        elif w.role == "patronymic" and patronymic is None and (i > 0 or len(names) == 1):
            patronymic = _fathers(w.value)
        elif w.role in ("given", "diminutive") and not given and (not last or len(names) == 1):
            # James Barnes is not a Yakov: an English equivalent beside a surname that is not
            # Russian keeps its own name; alone or with a patronymic it is the Russian one (Paul Ivanovitch)
            english_surname = len(names) > 1 and names[-1].role == "name"
            own = frozenset({f"lat:{w.text.lower()}"})
            if any(x.role == "patronymic" for x in names):
                given = frozenset(w.owners)
            elif english_surname and not w.known:
                given = own  # Luca Signorelli is not a misspelt Luka, and Lucy is not him
            else:  # alone it may be either: it joins Elizabeth Bennet and Konstantin alike
                given = frozenset(w.owners) | own
        elif not last and not given:
            given = frozenset({f"lat:{w.text.lower()}"})
        elif w.role == "diminutive" and not given:  # Lizzy Bennet
            given = frozenset(w.owners)
        elif (last and len(names) > 1) or w.role in ("surname", "name"):
            surname = w.value if w.role in ("surname", "name") else w.text.lower()
    given = _with_variants(given)
    soft = all(w.role in ("surname", "name") for w in m.words)
    loose = None
    has_title = any(w.role == "title" for w in m.words)
    if len(names) == 1 and names[0].role == "name" and not has_title:  # Madame Lippevechsel: a surname
        loose, surname = names[0].value, None
    titles = {w.value.rstrip(".") for w in m.words if w.role == "title"}
    lady = bool(titles & set(LADIES))
    married = bool(titles & set(MARRIED_TITLES)) or (lady and bool(surname or loose) and not given)
    maiden = bool(titles & set(MAIDEN_TITLES))
    ranks = frozenset(t.lower() for t in titles if t.lower() in KNIGHTS or _title(t, "kind") in RANKS)
    return Slots(given, patronymic, surname, m.gender, has_title, soft, loose, married, maiden=maiden, lady=lady,
                 ranks=ranks, titles=frozenset(t.lower() for t in titles))


def _title(title: str, field: str) -> str | None:
    """The kind or gender of a title, as titles.tsv gives it."""
    from .titles import find

    found = find(title)
    return getattr(found, field) if found else None


@lru_cache(maxsize=4096)
def _with_variants(given: frozenset[str]) -> frozenset[str]:
    """The names and the other forms of each (Avdotya is also Yevdokia): data/name_variants.tsv."""
    from .kb import variants

    table = variants()
    return given.union(*(table.get(g, ()) for g in given))


@dataclass
class Character:
    id: str
    given: frozenset[str] = frozenset()
    patronymic: frozenset[str] | None = None
    surname: str | None = None
    gender: str | None = None
    forms: Counter = field(default_factory=Counter)
    first_offset: int = -1
    last_offset: int = -1
    offsets: list[int] = field(default_factory=list)  # where the character is named
    married: bool = False  # called Mrs. somewhere
    maiden: bool = False  # called Miss somewhere
    guessed: bool = False  # the gender comes from the pronouns after the name only
    ranks: set = field(default_factory=set)  # the titles of Slots.ranks it has been named with
    titles: set = field(default_factory=set)  # every title it has been named with
    ranked: tuple[int, int] = (-1, -1)  # where it is first and last named with a rank
    best: tuple[bool, int, int, str] = (False, 0, 0, "")  # (not in capitals, parts, count, text)

    @property
    def name(self) -> str:
        return self.best[3]

    @property
    def mentions(self) -> int:
        return sum(self.forms.values())

    def agreement(self, s: Slots) -> int:
        """How many parts of the mention this character has too."""
        return (bool(s.given and self.given & s.given) + bool(s.patronymic and self.patronymic)
                + bool(s.surname and (self.surname == s.surname or self._semi_patronymic(s)))
                + self._loose_agrees(s))

    def _loose_agrees(self, s: Slots) -> bool:
        return bool(s.loose) and (f"lat:{s.loose}" in self.given or self.surname == s.loose)

    def fits(self, s: Slots, strict: bool = True) -> bool:
        """The mention could name this character: no part disagrees, at least one agrees."""
        if s.gender and self.gender and s.gender != self.gender and (strict or not s.soft_gender):
            return False
        if s.married and not self.married and (self.given or self.ranks):
            return False
        if (s.maiden and self.married and not self.maiden) or (s.married and self.maiden and not self.married):
            return False
        if s.loose:
            return self._loose_agrees(s)
        agree = 0
        if s.given:
            if self.given and not (s.given & self.given):
                return False
            agree += bool(self.given)
        if s.patronymic:
            if self.patronymic and not (s.patronymic & self.patronymic):
                return False
            agree += bool(self.patronymic)
        if s.surname:
            if self._semi_patronymic(s):
                agree += 1
            elif self.surname and s.surname != self.surname:
                return False
            else:
                agree += bool(self.surname)
        return agree > 0

    def _semi_patronymic(self, s: Slots) -> bool:
        """'Yevgeny Vassilyev' for Yevgeny Vassilyitch: the old semi-patronymic, not a surname."""
        return bool(s.given and self.given & s.given and self.patronymic and not s.lone_surname
                    and any(_semi_key(f) == s.surname for f in self.patronymic))

    def absorb(self, s: Slots) -> None:
        self.married = self.married or s.married or s.lady
        self.maiden = self.maiden or s.maiden
        if s.loose and not (self.given or self.surname):
            self.given, self.surname = frozenset({f"lat:{s.loose}"}), s.loose
        if s.given:
            self.given = (self.given & s.given) or s.given if self.given else s.given
        if s.patronymic:
            self.patronymic = (self.patronymic & s.patronymic) or s.patronymic if self.patronymic else s.patronymic
        self.surname = self.surname or s.surname
        self.gender = self.gender or s.gender or _gender_of(self.given)

    def add(self, m: Mention, s: Slots) -> None:
        self.forms[m.text] += 1
        self.ranks |= s.ranks
        self.titles |= s.titles
        if s.ranks:
            self.ranked = (m.start if self.ranked[0] < 0 else min(self.ranked[0], m.start), max(self.ranked[1], m.start))
        if self.first_offset < 0 or m.start < self.first_offset:
            self.first_offset = m.start
        self.last_offset = m.start
        self.offsets.append(m.start)
        # the fullest, most used form names the character; a form in capitals only if nothing else
        rank = (not m.text.isupper(), s.size(), self.forms[m.text], m.text)
        if rank[:3] > self.best[:3]:
            self.best = rank


@lru_cache(maxsize=4096)
def _semi_key(father: str) -> str | None:
    """The surname key the semi-patronymic of a son of `father` would have (Васильев → vasilev)."""
    from .patronymic import semi_patronymic

    form = semi_patronymic(father) if not father.startswith("lat:") else None
    return latin_keys(to_latin(form))[0] if form else None


def _gender_of(given: frozenset[str]) -> str | None:
    from .kb import load

    genders = {load().names[g].gender for g in given if g in load().names}
    if not genders:  # an English name imya's Russian lexicon does not know: Ralph, Harriet
        english = mentions_mod.english_given_names()
        genders = {english.get(g[4:].capitalize()) for g in given if g.startswith("lat:")} - {None}
    return genders.pop() if len(genders) == 1 and genders <= {"m", "f"} else None


@dataclass(frozen=True, slots=True)
class Family:
    members: list[str]
    relation: str  # siblings | parent and child | family
    evidence: str


@dataclass
class Cast:
    characters: list[Character]
    ambiguous: list[dict]
    families: list[Family]
    mentions: list[tuple[Mention, str]] = field(default_factory=list)  # each mention and its character id

    def character(self, cid: str) -> Character:
        return next(c for c in self.characters if c.id == cid)

    def to_dict(self) -> dict:
        return {
            "characters": [{"id": c.id, "name": c.name, "gender": c.gender,
                            "forms": [{"text": t, "count": n} for t, n in c.forms.most_common()],
                            "first_offset": c.first_offset} for c in self.characters],
            "ambiguous": self.ambiguous,
            "families": [{"members": f.members, "relation": f.relation, "evidence": f.evidence}
                         for f in self.families],
        }


def cast(doc: Document) -> Cast:
    """The characters of `doc`, most mentioned first, with their families."""
    found = mentions_mod.find(doc)
    parsed = {text: slots(m) for text, m in {m.text: m for m in found}.items()}  # once a name
    # "Ivan Petrov" whom the text also calls "Petrov" has a surname, not an old semi-patronymic
    alone = {s.surname for s in parsed.values() if s.size() == 1 and s.surname}
    parsed = {t: replace(s, lone_surname=True) if s.given and s.surname in alone else s for t, s in parsed.items()}
    people = _anchor_characters(found, parsed)
    _tagged_characters(doc, people)
    assigned: dict[str, Counter] = {}
    who: list[tuple[Mention, Character]] = []

    def give(c: Character, m: Mention) -> None:
        c.add(m, parsed[m.text])
        assigned.setdefault(m.text, Counter())[id(c)] += 1
        who.append((m, c))

    # Full names go to their character at once; single names wait in groups of one kind.
    groups: dict[tuple, list[Mention]] = {}
    best_fits: dict[str, list[Character]] = {}  # anchors of one text fit the same characters
    for m in found:
        s = parsed[m.text]
        if s.size() >= 2:
            if m.text not in best_fits:
                fitting = [c for c in people if c.fits(s)]
                most = max(c.agreement(s) for c in fitting)
                best = [c for c in fitting if c.agreement(s) == most]
                # "Newland Archer" is the man, not "Mrs. Newland Archer", his wife
                best_fits[m.text] = [c for c in best if c.married == s.married] or best
            give(_choose(best_fits[m.text], m.start), m)
        else:
            key = (s.given, s.patronymic, s.surname, s.loose, s.gender, s.has_title, s.soft_gender, s.married,
                   s.maiden, s.ranks)
            groups.setdefault(key, []).append(m)
    # Newland Archer's pronouns make him a man before "Mrs. Archer" looks for her character.
    _genders_from_pronouns(doc.text, sorted(who, key=lambda mc: mc[0].start))
    contested: dict[str, list[Character]] = {}
    # "Mr. Charles", "Mr. Tom": a son or brother named so to tell him from the family's bare "Mr. Wilcox"
    qualified = frozenset(g for s in parsed.values() if s.titles & PLAIN_MEN and s.given for g in s.given)
    for group in sorted(groups.values(), key=len, reverse=True):
        fitting = _place_group(group, parsed, people, give, doc.text, qualified)
        if len(fitting) > 1:
            contested[group[0].text] = fitting
    places = _places(doc.text, who)
    people = [c for c in people if c.mentions and id(c) not in places]
    who = [(m, c) for m, c in who if id(c) not in places]
    people.sort(key=lambda c: (-c.mentions, c.first_offset))
    _name_ids(people)
    by_obj = {id(c): c.id for c in people}
    ambiguous = []
    for text, counts in assigned.items():
        candidates = [by_obj[k] for k, _ in counts.most_common() if k in by_obj]
        candidates += [c.id for c in contested.get(text, ()) if c.id not in candidates and id(c) in by_obj]
        if len(candidates) > 1:
            ambiguous.append({"text": text, "candidates": candidates})
    who.sort(key=lambda mc: mc[0].start)
    _genders_from_pronouns(doc.text, who)
    return Cast(people, ambiguous, families(people), [(m, c.id) for m, c in who])


# Subject and reflexive pronouns only: "Katharine took his arm" says nothing of Katharine.
_HE = re.compile(r"\b(?:he|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|herself)\b", re.I)
_SPEECH = re.compile(r"[\"“”]")  # speech is about someone else


# Before a place far more often than before a person: people are mostly subjects, places come
# after "in", "at", "to", "from", "of" ("in York", "from Monteriano"; but "in Natasha's room")
_LOCATIVE = re.compile(r"\b(?:in|into|at|to|from|through|across|near|towards|within|throughout|of|on)\s+"
                       r"(?:the\s+)?$", re.I)


def _places(text: str, who: list[tuple[Mention, Character]]) -> set[int]:
    """Characters that are places: named after "in", "at", "from"... this often (Monteriano,
    York, Coketown), unless a Russian name or a title shows a person.  On PDNC the rule drops
    314 non-characters (4,939 mentions) and 4 of its "characters": a house (Kellynch Hall), a
    restaurant (Simpson's), Ruskin and Shakespeare, named mostly as authors read."""
    seen: Counter = Counter()
    placed: Counter = Counter()
    people = set()  # a Russian name, surname or a title is a person ("to Alexander Petrovitch", "of Zorin")
    for m, c in who:
        if c.patronymic or any(not g.startswith("lat:") for g in c.given) \
                or any(w.role == "title" or (w.role == "surname" and w.gender) for w in m.words):
            people.add(id(c))
        seen[id(c)] += 1
        if _LOCATIVE.search(text[max(0, m.start - 16):m.start]) and text[m.end:m.end + 2] not in ("'s", "’s"):
            placed[id(c)] += 1
    return {k for k, n in placed.items() if k not in people and n >= MIN_PLACE and n >= PLACE_SHARE * seen[k]}


def _he_she(text: str, m: Mention, stop: int) -> tuple[int, int]:
    """The he's and she's in the narration right after a name (80 characters at most, up to
    `stop` and never into speech)."""
    after = text[m.end:min(m.end + 80, stop)]
    after = after[:end.start()] if (end := _SPEECH.search(after)) else after
    return len(_HE.findall(after)), len(_SHE.findall(after))


def _pronoun_votes(text: str, group: list[Mention]) -> str | None:
    """The gender the he's and she's right after these mentions give, if they give one."""
    counts = [_he_she(text, m, m.end + 80) for m in group]
    he, she = sum(h for h, _ in counts), sum(s for _, s in counts)
    if he + she < MIN_VOTES:
        return None
    return "m" if he > 2 * she else "f" if she > 2 * he else None


def _genders_from_pronouns(text: str, who: list[tuple[Mention, Character]]) -> None:
    """A character whose names say nothing of gender (Harriet, Knightley) takes it from the
    titles they are given, else from the pronouns that follow their name: "Harriet ... she"."""
    titled: dict[int, Counter] = {}  # "Mr. Denham" makes Ralph Denham a man, whatever the pronouns say
    for m, c in who:
        if (c.gender is None or c.guessed) and m.gender and any(w.role == "title" for w in m.words):
            titled.setdefault(id(c), Counter())[m.gender] += 1
    for _, c in who:
        if (c.gender is None or c.guessed) and id(c) in titled and len(titled[id(c)]) == 1:
            c.gender, c.guessed = next(iter(titled[id(c)])), False
    votes: dict[int, list[int]] = {}
    for k, (m, c) in enumerate(who):
        if c.gender is None:
            # up to the next name: "the Caterpillar ... and Alice ... she" is about Alice
            stop = who[k + 1][0].start if k + 1 < len(who) and who[k + 1][1] is not c else m.end + 80
            he, she = _he_she(text, m, stop)
            v = votes.setdefault(id(c), [0, 0])
            v[0] += he
            v[1] += she
    for _, c in who:
        he, she = votes.get(id(c), (0, 0))
        if c.gender is None and he + she >= MIN_VOTES:
            if he >= 2 * she:
                c.gender, c.guessed = "m", True
            elif she >= 2 * he:
                c.gender, c.guessed = "f", True


def _anchor_characters(found: list[Mention], parsed: dict[str, Slots]) -> list[Character]:
    """Characters made from full names (two or more parts).

    Fullest first; then name + patronymic; then names with a surname, those whose
    surname the text uses most first, so that "Yevgeny Bazarov" claims the hero
    before a passing "Yevgeny Onegin" can.
    """
    people: list[Character] = []
    anchors = Counter(m.text for m in found if parsed[m.text].size() >= 2)
    surname_use = Counter(parsed[m.text].surname for m in found if parsed[m.text].surname)

    def order(item: tuple[str, int]) -> tuple:
        s = parsed[item[0]]
        return (-s.size(), s.surname is not None, -surname_use[s.surname], -item[1])

    weight: Counter = Counter()  # how often each character's full names occur
    for text, count in sorted(anchors.items(), key=order):
        s = parsed[text]
        fitting = [c for c in people if c.fits(s)]
        if fitting:
            # the character sharing the most parts, then the one most often named in full
            c = max(fitting, key=lambda c: (c.agreement(s), weight[id(c)]))
        else:
            c = Character(id="")
            people.append(c)
        c.absorb(s)
        weight[id(c)] += count
    return people


def _tagged_characters(doc: Document, people: list[Character]) -> None:
    """AO3 and FanFicFare list a story's characters by full name ("Natasha Romanoff (Marvel)"):
    each is a character the text's short forms and surnames may join, named by the tag unless
    the text names them as fully.  A tag the text never uses leaves no character."""
    tags = doc.metadata.get("characters", [])
    for tag in tags if isinstance(tags, list) else []:
        m = mentions_mod.parse_name(re.sub(r"\s*\(.*?\)\s*$", "", tag))  # the fandom in brackets
        s = slots(m) if m else None
        if s is None or s.size() < 2:
            continue
        fitting = [c for c in people if c.fits(s)]
        c = max(fitting, key=lambda c: c.agreement(s)) if fitting else Character(id="")
        if not fitting:
            people.append(c)
            c.best = (True, s.size(), 0, m.text)
        c.absorb(s)


def _place_group(group: list[Mention], parsed: dict[str, Slots], people: list[Character], give,
                 text: str, qualified: frozenset = frozenset()) -> list[Character]:
    """Give a group of one-part mentions (Rodya, Raskolnikov) to the characters they fit.

    A character whose given name fits but who is never named near the group's
    mentions is someone else: Chichikov's servant Petrushka is not the landowner
    Pyotr Petrovich.
    """
    s = parsed[group[0].text]
    # a surname alone fits only characters of that surname, a given name alone only those of that
    # name: looked for there first, as Character.fits would find (a novel has a thousand characters)
    if s.surname and not (s.given or s.patronymic or s.loose):
        pool = [c for c in people if c.surname == s.surname]
    elif s.given and not (s.surname or s.patronymic or s.loose):
        pool = [c for c in people if c.given & s.given]
    elif s.loose:
        lat = f"lat:{s.loose}"
        pool = [c for c in people if c.surname == s.loose or lat in c.given]
    else:
        pool = people
    fitting = [c for c in pool if c.fits(s)]
    # "Odintsov" for Anna Sergyevna Odintsov: the English keeps -ov; but when "he" follows it,
    # "Marmeladov" is the father, not his daughter Sonia Marmeladov
    if not fitting and s.soft_gender and _pronoun_votes(text, group) != s.gender:
        fitting = [c for c in pool if c.fits(s, strict=False)]
    if s.ranks:
        span = (min(m.start for m in group), max(m.start for m in group))
        fitting = [c for c in fitting if _rank_fits(s, c, span)]
    elif s.titles & PLAIN_MEN:  # and "Mr. Tilney" is not the Captain
        fitting = [c for c in fitting if not c.ranks or c.titles & PLAIN_MEN]
        if s.surname and not s.given and len(fitting) >= 2 and any(c.given & qualified for c in fitting):
            fitting = []  # of a family of men, one called "Mr. Charles": "Mr. Wilcox" is their father
    fitting = _best_fitting(s, group, fitting, text)
    offsets = {id(c): sorted(c.offsets) for c in fitting}
    near = {id(c): sum(_is_near(offsets[id(c)], m.start) for m in group) for c in fitting}
    if s.given or s.loose:  # a given name is shared by many people; a surname or patronymic is better evidence
        fitting = [c for c in fitting if near[id(c)] >= NEAR_ENOUGH or not offsets[id(c)]]
    if not fitting and s.given and not s.surname and not s.patronymic:
        # "Rodney", "Mr. Rodney": an English given name that is William Rodney's surname here
        key = _bare_key(s.given)
        as_surname = replace(s, given=frozenset(), surname=key)
        fitting = [c for c in people if key and c.surname == key and c.fits(as_surname)
                   and c.best[0]]  # not "TOMORROW LOVE JAKE", a telegram in capitals
    if not fitting:
        c = Character(id="")
        c.absorb(s)
        people.append(c)
        fitting = [c]
    # "Bounderby" is Josiah, not Loo Bounderby named nearer: a surname alone names a man, unless a
    # "she" follows it
    bare = (s.surname or s.loose) and not s.given and s.gender is None and len({c.gender for c in fitting}) > 1
    ranked = [c for c in fitting if s.ranks & c.ranks] or fitting  # the group shares its ranks
    for m in group:
        pool = ranked
        if bare and not _he_she(text, m, m.end + 80)[1]:
            pool = [c for c in pool if c.gender == "m"] or pool
        chosen = min(pool, key=lambda c: _closeness(offsets.get(id(c), []), m.start, c))
        give(chosen, m)
    return fitting


def _bare_key(given: frozenset[str]) -> str | None:
    """The word itself of a one-word given name ("lat:rodney" → rodney), as a surname key."""
    own = [g[4:] for g in given if g.startswith("lat:")]
    return own[0] if len(own) == 1 else None


def _rank_fits(s: Slots, c: Character, span: tuple[int, int]) -> bool:
    """A rank names the one who has been called by it, or someone called by no title yet: "General
    Tilney" is neither Mr. Tilney nor Captain Tilney, his sons, and "Admiral Croft" is not Mrs Croft;
    but a woman's rank may name a woman called Madame ("Countess Olenska", "Madame Olenska"), and
    a man's new rank the man his old one named, once the text stops using it ("Lieutenant Orlov"
    ... "Captain Orlov"); father and son are named by their ranks in turn."""
    if c.ranks & s.ranks or not c.titles:
        return True
    if c.ranks:
        return c.ranked[1] < span[0] or span[1] < c.ranked[0]
    return all(_title(t, "gender") == "f" for t in s.ranks | c.titles)


def _best_fitting(s: Slots, group: list[Mention], fitting: list[Character], text: str) -> list[Character]:
    """Of several characters a name fits, those of its gender when theirs is known: "Mr.
    Bounderby" is Josiah, not Loo Bounderby, whose gender is not known yet; so is a "Bounderby"
    that "he" follows."""
    if len(fitting) < 2:
        return fitting
    gender = s.gender or (_pronoun_votes(text, group) if s.surname or s.loose else None)
    return [c for c in fitting if gender and c.gender == gender] or fitting


def _closeness(offsets: list[int], at: int, c: Character) -> tuple:
    """How a mention ranks a character it fits: named nearby first, the nearest; else the one named
    most so far ("Margaret" far from "on Margaret Oniton was destined", a slip, is Margaret Schlegel)."""
    distance = _distance(offsets, at)
    return (0, distance, -c.mentions) if distance <= NEARBY else (1, -c.mentions, distance)


def _is_near(offsets: list[int], at: int) -> bool:
    return _distance(offsets, at) <= NEARBY


def _distance(offsets: list[int], at: int) -> int:
    i = bisect.bisect_left(offsets, at)
    best = 1 << 30
    if i < len(offsets):
        best = offsets[i] - at
    if i:
        best = min(best, at - offsets[i - 1])
    return best


def _choose(fitting: list[Character], offset: int) -> Character:
    if len(fitting) == 1:
        return fitting[0]
    recent = [c for c in fitting if c.last_offset >= 0 and offset - c.last_offset <= NEARBY]
    if recent:
        return max(recent, key=lambda c: c.last_offset)
    return max(fitting, key=lambda c: (c.mentions, -c.first_offset))


def _name_ids(people: list[Character]) -> None:
    seen: Counter = Counter()
    for c in people:
        base = re.sub(r"[^a-z0-9]+", "_", to_latin(c.name).lower()).strip("_") or "character"
        seen[base] += 1
        c.id = base if seen[base] == 1 else f"{base}_{seen[base]}"


def families(people: list[Character]) -> list[Family]:
    """Relations read off the names: shared surnames, patronymics and fathers' names."""
    out: list[Family] = []
    by_surname: dict[str, list[Character]] = {}
    for c in people:
        if c.surname and c.mentions >= 2:
            by_surname.setdefault(c.surname, []).append(c)
    for members in by_surname.values():
        if len(members) < 2:
            continue
        out.append(Family([c.id for c in members], "family", f"they share the surname {_surname_text(members[0])}"))
        for a in members:
            for b in members:
                if a is b or not b.patronymic:
                    continue
                if a.id < b.id and a.patronymic and a.patronymic & b.patronymic:
                    father = to_latin(sorted(a.patronymic & b.patronymic)[0])
                    out.append(Family([a.id, b.id], "siblings",
                                      f"same surname and patronymic: both children of a man called {father}"))
                # Ivan Petrovich and his son Pyotr Ivanovich, named for his grandfather: each name
                # makes the other the father, so neither is said to be
                if a.given & b.patronymic and a.gender != "f" and not (b.given & (a.patronymic or frozenset())):
                    father = to_latin(sorted(a.given & b.patronymic)[0])
                    out.append(Family([a.id, b.id], "parent and child",
                                      f"same surname, and {b.name}'s patronymic names a father called {father}"))
    return out


def _surname_text(c: Character) -> str:
    for text, _ in c.forms.most_common():
        words = text.split()
        if len(words) >= 1 and words[-1].lower().startswith(c.surname[:3]):
            return words[-1]
    return c.surname
