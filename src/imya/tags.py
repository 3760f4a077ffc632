"""Speech tags: the verb that marks a quotation as speech (said, whispered, went on) and the
subject it takes: a name ("said Natasha"), a pronoun ("she said", "I said"), or a noun ("said the
Colonel", "her mother answered", "said a tall stranger").

The verbs are in data/speech_verbs.tsv and the nouns in data/person_nouns.tsv.  Who a pronoun
or a noun stands for is the dialogue's business (dialogue.py), which knows the exchange.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .data import rows

if TYPE_CHECKING:
    from .dialogue import _Index

TAG_REACH = 40  # characters between a speech verb and the name or pronoun it takes
PRONOUNS = {"he": "m", "she": "f", "i": "narrator"}
# between a name and its speech verb: "Natasha quickly said", "Anne herself answered"
_SUBJECT_GAP = re.compile(r"[\s,]*(?:\w+ly\s+|had\s+|has\s+|herself\s+|himself\s+|then\s+|at once\s+)?"
                          r"|['’ ]s\s+")  # or a gerund's owner: "by Miss Tilney's saying"
# between a speech verb and its name: "said Natasha", "said dour Major Callendar", "returned the
# obstinate Bounderby"; not "said to Natasha"
_OF_BEFORE = re.compile(r"\bof\s+$")  # "a volume of Shakespeare, exclaimed": not the one who speaks
_AFTER_GAP = re.compile(r"[\s,]*(?:\w+ly\s+)?(?:the\s+)?(?:(?!(?:to|of|with|for|at|by|from|in|on|about|and|but|"
                        r"as|when|that|so|if|then|not|this|his|her|their|its|my|your|our|a|an)\b)[a-z-]+\s+)?")
# "Anna Pavlovna, wiping her hands on her apron, added:": a participle's phrase set off by commas
_PARTICIPLE_APART = re.compile(r",\s*\w+(?:ing|ed)\b[^.!?;:\"“”]{0,80}?,\s*(?:(?:then|now|\w+ly)\s+)*")
# "Ronny, who was about to leave, approached Fielding and said:": the sentence's subject speaks
_AND_SAID = re.compile(r"\band\s+(?:\w+ly\s+)?$")
# or a clause about them: "Catherine, who, in rather a solemn tone of voice, uttered"
_RELATIVE = re.compile(r",\s*who\b[^.;:!?\"“”]*?(?:,\s*)?")
_DETERMINER = r"(?:the|his|her|their|my|our|your|an?)"
_NOUN_AFTER = re.compile(_DETERMINER + r"\s+((?:[A-Za-z-]+ ){0,2}[A-Za-z-]+)", re.I)
_NOUN_BEFORE = re.compile(r"\b(" + _DETERMINER + r"\s+(?:[A-Za-z-]+ ){0,2}?[A-Za-z-]+)\s+(?:\w+ly\s+)?$", re.I)
NOUN_KINDS = ("kin", "family", "married", "person", "role", "unknown")
# where a sentence ends: not after "Mrs." ("Mrs. Herriton"), nor at a hard-wrapped line's end
SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?;\"“”]|\n[ \t]*\n")
# where a clause can open with its subject, besides the sentence's start: after ", and" ("Philip
# sprang up, and Gino ... said"); an adverb or two may come first ("Then Mrs. Honeychurch")
_CLAUSE = re.compile(r"[,;:]\s*(?:and|but|then|while|so|yet)\b", re.I)
# the rest of a tag, tried at every speech verb: compiled once
# "But as the chairman was opening his mouth, Syme sprang to his feet and said": a name opening a
# clause after a comma, a verb after it (not "Natasha, Sonya and Petya")
_NAMED_CLAUSE = re.compile(r",\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?!and\b|or\b|nor\b)[a-z]+")
_APPOSED_SUBJECT = re.compile(r"[\s\"“”’']*(?:[Hh]er|[Hh]is|[Tt]heir|[Tt]he)\s+(?:[a-z-]+\s+)?[a-z]+,\s+"
                              r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}),\s+[a-z]+")
_PARTICIPLE_BEFORE = re.compile(r",\s*$")  # "to Marjorie, saying"
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$")  # "from her work to say"
_FOR_BEFORE = re.compile(r"\bfor\s+$")  # "waited for Liza to say"
_PRONOUN_OPENS = re.compile(r"(he|she|I)\b", re.I)
_PRONOUN_BEFORE = re.compile(r"\b([Hh]e|[Ss]he|I)\s+(?:\w+ly\s+)?$")
_PRONOUN_AFTER = re.compile(r"\s+(he|she|I)\b")
_POSSESSED = re.compile(r"['’]s\b")
_APPOSED = re.compile(r",\s+")  # a name right after a tag's noun: "said his father, Semyon Rudin"
_TITLE_BEFORE = re.compile(r"(?<!\w )\b([A-Z][a-z]+)\s+(?:\w+ly\s+)?$")  # "Mademoiselle answered"
_TITLE_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b(?![’'\s]*[A-Z])")  # a title alone, not "Madame Reisz"
_PLAIN_NOUN = re.compile(r"\s+the\s+([A-Za-z]+)\s*(?=[,.;:!?—–]|$)")
_ADVERBS = re.compile(r"\s*(?:(?:then|and|but|so|now|even|at last|at once|suddenly)\s+)*", re.I)


# not a gender but which of the people around: the other party of the exchange, or the last or
# the one before of the two named last ("said the latter")
ORDINALS = ("other", "latter", "former")


@cache
def person_nouns(text: str | None = None) -> dict[str, tuple[str | None, str]]:
    """Nouns that stand for a person in a tag ("said the girl") → (gender or other, kind);
    `text` stands in for the file (tests use it)."""
    from .errors import DataError

    out = {}
    for number, (noun, gender, kind) in rows("person_nouns.tsv", ("noun", "gender", "kind"), text):
        if gender not in ("m", "f", "-", *ORDINALS) or kind not in NOUN_KINDS:
            raise DataError(f"person_nouns.tsv:{number}: gender must be m, f, -, {', '.join(ORDINALS)}, and kind one of "
                            f"{', '.join(NOUN_KINDS)}")
        out[noun] = (None if gender == "-" else gender, kind)
    return out


@cache
def hearer_words(text: str | None = None) -> dict[str, re.Pattern]:
    """m and f → a pattern for the words that call the one spoken to by a form of that sex,
    set off by commas or alone ("Yes, sir."); `text` stands in for the file (tests use it)."""
    from .errors import DataError

    words: dict[str, list[str]] = {"m": [], "f": []}
    seen = set()
    for number, (phrase, gender) in rows("hearer_words.tsv", ("words", "gender"), text):
        if gender not in words or phrase.lower() in seen:
            raise DataError(f"hearer_words.tsv:{number}: {phrase!r} is listed twice or its gender is not m or f")
        seen.add(phrase.lower())
        words[gender].append(re.escape(phrase))
    return {g: re.compile(rf"(?:^|[,!?.]\s*)(?:{'|'.join(ws)})(?=\s*[,!?.]|$)", re.I) for g, ws in words.items()}


@cache
def role_titles(text: str | None = None) -> dict[str, frozenset[str]]:
    """A role noun ("doctor") → the titles, in lower case, that name the same person ("doctor",
    "dr"); `text` stands in for the file (tests use it)."""
    from . import titles
    from .errors import DataError

    out = {}
    for number, (word, listed) in rows("role_titles.tsv", ("noun", "titles"), text):
        names = [t.strip() for t in listed.split(",") if t.strip()]
        if person_nouns().get(word, (None, None))[1] != "role" or word in out:
            raise DataError(f"role_titles.tsv:{number}: {word!r} is not a role of person_nouns.tsv, or is listed twice")
        if not names or any(titles.find(t) is None for t in names):
            raise DataError(f"role_titles.tsv:{number}: every title must be one of titles.tsv")
        out[word] = frozenset(t.lower() for t in names)
    return out


def noun(word: str) -> tuple[str, str | None] | None:
    """(kind, value) for a word that can name a speaker: ('title', 'Colonel'), ('kin', 'f') for
    mother, ('role', None) for waiter; None for a word that cannot."""
    from . import titles

    low = word.lower()
    title = titles.find(word)
    # "said the Colonel"; a rank or nobility in lower case too ("said the count", as Hemingway writes)
    if title is not None and (word[:1].isupper() or (title.kind in ("rank", "nobility", "clergy")
                                                     and low not in person_nouns())):  # "the lady" is no title
        return "title", title.text
    if low in person_nouns():
        gender, kind = person_nouns()[low]
        return kind, gender
    if low.endswith(("woman", "women")):
        return "role", "f"
    if low.endswith("man") and len(low) > 4:  # policeman, barman, Englishman
        return "role", "m"
    return None


def noun_phrase(phrase: str, head_last: bool) -> tuple[str, str, str | None] | None:
    """(phrase, kind, value) for "the old man", "his mother", "the Colonel", "a tall stranger":
    the phrase up to its head noun.  With "a", a speaker never met before (kind 'new')."""
    parts = phrase.split()
    order = list(reversed(parts) if head_last else parts)
    for i, w in enumerate(order):
        found = noun(w)
        if found is not None and found[1] == "other" and any(noun(x) for x in order[i + 1:]):
            continue  # "the other Prince": a prince, not the other party
        if found is not None:
            kind, value = found
            if parts[0].lower() in ("a", "an"):
                kind = "new"
            return " ".join(parts[:len(parts) - i] if head_last else parts[:i + 1]), kind, value
    return None


@cache
def verb_rx() -> re.Pattern:
    verbs = [v.lower() for _, (v,) in rows("speech_verbs.tsv", ("verb",))]
    return re.compile(r"\b" + _trie([v.split() for v in verbs]) + r"\b", re.I)


def _trie(phrases: list[list[str]]) -> str:
    """One regex for many words or phrases, shared beginnings factored out: a plain alternation
    of 160 verbs is tried verb by verb at every letter, and tags are looked for everywhere."""
    tree: dict = {}
    for words in phrases:
        node = tree
        for ch in " ".join(words):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # the longest form first: "went on" before "went", "cries" before "cri"
        return f"(?:{body})?" if ends else body

    return build(tree)


@cache
def _speech_noun_rx() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """After a quote, "was Henry's answer", "came the Countess's reply", or opening the narration
    after it, "The Countess's voice came up through the floor"; before one, "His answer was:"."""
    nouns = "|".join(re.escape(n.lower()) for _, (n,) in rows("speech_nouns.tsv", ("noun",)))
    owner = (r"(?P<owner>[Hh]is|[Hh]er|[Mm]y|(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,2}?['’]s)"
             r"\s+(?:[a-z-]+\s+){0,2}?")
    after = re.compile(rf"[\s,;—–-]*(?:was|came)\s+{owner}(?:{nouns})\b")
    opening = re.compile(rf"[\s,;—–-]*{owner}(?:{nouns}|voice)\s+(?:was|came|rang|sounded)\b")
    before = re.compile(rf"{owner}(?:{nouns})\s+(?:was|came)\b[^\"“”.!?]{{0,20}}$")
    return after, opening, before


def speech_noun(text: str, a: int, b: int, index: _Index) -> tuple[int, tuple, str] | None:
    """A tag made of a speech noun and its owner at the start of the narration a:b (after a quote)
    or at its end (before one): (where, subject, how) as `subject` gives them."""
    after, opening, before = _speech_noun_rx()
    m = after.match(text, a, b) or opening.match(text, a, b) or before.search(text, a, b)
    if m is None:
        return None
    owner = m.group("owner")
    if owner.lower() in ("his", "her", "my"):
        gender = {"his": "m", "her": "f", "my": "narrator"}[owner.lower()]
        return m.start(), ("pronoun", gender), "anaphoric"
    named = index.narration_in(m.start("owner"), m.end("owner"))
    if named:
        return m.start(), ("name", named[-1][1]), "explicit"
    # "the Countess's answer": whom the title names
    word = re.sub(r"^[Tt]he\s+|['’]s$", "", owner)
    title = noun(word)
    return (m.start(), ("noun", "the " + word, "title", title[1]), "explicit") if title and title[0] == "title" else None


def speech_verb(text: str) -> re.Match | None:
    """The first speech verb in `text` (said, asked, went on...)."""
    return verb_rx().search(text)


def sentence_start(text: str, at: int, floor: int) -> int:
    """Where the sentence holding `at` starts, looking back no further than `floor` (a cheap
    SENTENCE_END read backwards: "Mr." and "Mrs." end no sentence)."""
    end = at
    while True:
        i = max(text.rfind(ch, floor, end) for ch in ".!?;\"“”")
        if i < 0:
            return floor
        if text[i] == "." and text[max(floor, i - 3):i].endswith(("Mr", "Mrs", "Ms", "Dr", "St")):
            end = i
            continue
        return i + 1


def sentence_subject(text: str, at: int, a: int, index: _Index) -> tuple[tuple, str] | None:
    """The subject of the clause a speech verb ends ("Then Mrs. Honeychurch opened her door and
    said"; "Philip sprang up, and Gino took him by the shoulders and said"): the name or he, she
    or I opening the last clause that has one; a he or she there is the sentence's first subject
    when that one is named and of that gender ("Brenda read it, but she showed it to Marjorie")."""
    start = sentence_start(text, at, max(a, at - 6 * TAG_REACH))
    found: list[tuple[tuple, str]] = []
    opened = _APPOSED_SUBJECT.match(text, start, at)  # "Her husband, Arkady Lapin, came in"
    openings = [opened.start(1) if opened else start] + [m.end() for m in _CLAUSE.finditer(text, start, at)] \
        + [m.start(1) for m in _NAMED_CLAUSE.finditer(text, start, at)]
    for opening in sorted(openings):
        pos = _ADVERBS.match(text, opening).end()
        pronoun = _PRONOUN_OPENS.match(text[pos:pos + 4])
        if pronoun:
            found.append((("pronoun", PRONOUNS[pronoun.group(1).lower()]), "anaphoric"))
            continue
        named = index.narration_in(pos, min(at, pos + 3))
        if named and not index.object(named[0][0]):
            found.append((("name", named[0][1]), "explicit"))
    if not found:
        return None
    last = found[-1]
    if last[0][0] == "pronoun":
        first = found[0]
        if first[0][0] == "name" and index.gender.get(first[0][1]) == last[0][1]:
            return first
    return last


def subject(text: str, verb: re.Match, a: int, b: int, index: _Index) -> tuple[tuple, str] | None:
    """What the speech verb has as subject: ('name', id), ('pronoun', gender) or ('noun', ...)."""
    before = text[max(a, verb.start() - 4):verb.start()]
    named_before = index.narration_in(max(a, verb.start() - 2 * TAG_REACH), verb.start())
    if (verb.group(0).endswith("ing") and _PARTICIPLE_BEFORE.search(before)) or _INFINITIVE_BEFORE.search(before):
        # "Brenda showed it to Marjorie, saying", "Lady Bertram lifted her eyes from William to
        # say": the one the sentence is about, not the last name; but "gave it to Liza, who read
        # it, saying" and "waited for Liza to say" are Liza's
        for m, cid in named_before[-1:]:
            gap = text[m.end:verb.start()]
            after_for = _FOR_BEFORE.search(text[max(0, m.start - 5):m.start])
            if _RELATIVE.fullmatch(gap) or (gap.strip() == "to" and after_for):
                return ("name", cid), "explicit"
        found = sentence_subject(text, verb.start(), a, index)
        if found is not None:
            return found
    for m, cid in named_before:
        gap = text[m.end:verb.start()]
        after_of = _OF_BEFORE.search(text, max(0, m.start - 4), m.start)
        if not after_of and (_SUBJECT_GAP.fullmatch(gap) or _PARTICIPLE_APART.fullmatch(gap)
                             or (_RELATIVE.fullmatch(gap) and len(gap) <= 2 * TAG_REACH)):
            return ("name", cid), "explicit"
    # "she asked the Gryphon", "I asked Mike": a pronoun before the verb is the subject, the name
    # after it the one spoken to
    before = _PRONOUN_BEFORE.search(text[max(a, verb.start() - 20):verb.start()])
    if before is not None:
        return ("pronoun", PRONOUNS[before.group(1).lower()]), "anaphoric"
    # a name after the verb is its subject ("said Natasha"), unless a noun before it is: "the doctor
    # asked Natasha" speaks to her
    noun_before = _NOUN_BEFORE.search(text[max(a, verb.start() - TAG_REACH):verb.start()])
    spoken_to = noun_before is not None and noun_phrase(noun_before.group(1), head_last=True) is not None
    for m, cid in [] if spoken_to else index.narration_in(verb.end(), min(b, verb.end() + TAG_REACH)):
        if _AFTER_GAP.fullmatch(text, verb.end(), m.start) and not _POSSESSED.match(text, m.end):
            return ("name", cid), "explicit"  # not "said Pierre's father"
    if _AND_SAID.search(text, max(a, verb.start() - 16), verb.start()):
        found = sentence_subject(text, verb.start(), a, index)
        if found is not None:
            return found
    pronoun = _PRONOUN_AFTER.match(text[verb.end():min(b, verb.end() + 6)])
    if pronoun is not None:
        return ("pronoun", PRONOUNS[pronoun.group(1).lower()]), "anaphoric"
    titled = _TITLE_AFTER.match(text, verb.end(), min(b, verb.end() + TAG_REACH)) \
        or _TITLE_BEFORE.search(text, max(a, verb.start() - 20), verb.start())
    title = noun(titled.group(1)) if titled else None
    if title is not None and title[0] == "title":
        return ("noun", titled.group(1), "title", title[1]), "explicit"  # "answered Mademoiselle"
    after = _NOUN_AFTER.match(text, verb.end() + 1, min(b, verb.end() + TAG_REACH)) \
        if text[verb.end():verb.end() + 1].isspace() else None
    before = _NOUN_BEFORE.search(text[max(a, verb.start() - TAG_REACH):verb.start()])
    if after is not None:
        phrase = noun_phrase(after.group(0), head_last=False)
        named = _APPOSED.match(text, after.end(), b)
        named = index.narration_in(named.end(), named.end() + 1) if named else []
        if phrase is not None and named:
            return ("name", named[0][1]), "explicit"  # "said his father, Semyon Rudin"
        if phrase is not None:
            return ("noun", *phrase), "anaphoric"
    if before is not None:
        phrase = noun_phrase(before.group(1), head_last=True)
        if phrase is not None:
            return ("noun", *phrase), "anaphoric"
    # "said the mariner." — a plain noun closing the tag names a speaker imya cannot place
    plain = _PLAIN_NOUN.match(text[verb.end():min(b, verb.end() + TAG_REACH)])
    if plain is not None:
        return ("unnamed", "the " + plain.group(1)), "explicit"
    return None
