"""Mentions: the person names in a document, each parsed into title, given name,
patronymic and surname.

A mention is a run of capitalised words (a line break inside it is fine: names
are split by hard wrapping).  Words that are places, peoples, days or sentence
openers (data/not_names.tsv) split runs.  A single word is taken as a name when
imya knows it as a Russian name form, or when the text never writes it in lower
case (Raskolnikov, Knightley), so that sentence-initial "Well" or "Perhaps" stay out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from . import titles
from .data import rows
from .document import Document
from .patronymic import looks_like_patronymic
from .search import lookup
from .spelling import latin_keys
from .surnames import surname as analyse_surname
from .text import script

_WORD = (r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ]{2,}(?:[-’'][A-ZА-ЯЁ]+)*\b"  # names in capitals (letter signatures)
         r"|[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zà-öø-ÿа-яё]*(?:[A-Z][a-zà-öø-ÿ]+)?(?:[-’'][A-Za-zà-öø-ÿа-яё]+)*\.?)")
_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.$")
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
# Lower-case particles inside a name: Catherine de Bourgh, Ludwig van Beethoven; "of" only after
# a title (the Duchess of Monmouth).
PARTICLES = ("de", "du", "des", "van", "von", "der", "den", "da", "di", "del", "della", "le", "la", "ten", "ter",
             "of")
SAINTS = ("St", "St.", "Saint")  # inside a surname: Reggie St Cloud, Lady St. Clair
_RUN = re.compile(rf"{_WORD}(?:{_GAP}(?:(?:{'|'.join(PARTICLES)}){_GAP})*{_WORD})*")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-zà-öø-ÿ][a-zà-öø-ÿ’'-]*")
# Russian given names and pet forms end in a vowel in English spelling (Fenitchka,
# Athanasi, Evdoxie): only such words are matched loosely, so William does not become Вилен.
_RUSSIAN_ENDING = re.compile(r"[aeiouy]$")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
MAX_WORDS = 5  # a longer run is a title or a heading, not a name


@cache
def english_pet_names() -> dict[str, str]:
    return dict(r for _, r in rows("english_pet_names.tsv", ("form", "full")))


@cache
def english_given_names(text: str | None = None) -> dict[str, str]:
    """English given names → m, f or mf (Ralph, Katharine, Leslie): their bearers' gender when
    the Russian lexicon does not know the name; `text` stands in for the file (tests use it)."""
    from .errors import DataError

    out = {}
    for number, (name, gender) in rows("english_given_names.tsv", ("name", "gender"), text):
        if gender not in ("m", "f", "mf") or name in out:
            raise DataError(f"english_given_names.tsv:{number}: {name!r} is listed twice or its gender "
                            "is not m, f or mf")
        out[name] = gender
    return out


@cache
def not_names() -> dict[str, str]:
    out = {}
    for _, (word, kind) in rows("not_names.tsv", ("word", "kind")):
        out[word.lower()] = kind
        if kind == "religion_or_calendar":  # "on Thursdays", "at Christmas" and its plural alike
            out.setdefault(word.lower() + "s", kind)
    return out


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # as written, without a possessive 's
    role: str  # title | initial | particle | given | diminutive | patronymic | surname | name
    value: str  # canonical: Cyrillic of a known form, a surname key, or the lowercased word
    gender: str | None
    owners: tuple[str, ...] = ()  # given names a diminutive can stand for (Саша: Александр, Александра)
    known: bool = False  # imya's lexicon knows this form
    foreign: bool = False  # an English or French equivalent (James for Yakov, Paul for Pavel)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str  # the name as written, whitespace folded
    words: tuple[Word, ...]

    @property
    def gender(self) -> str | None:
        """Title first, then given name and patronymic, then the surname's ending.

        Translations often give a woman the masculine surname (Madame Odintsov).
        """
        names = [w for w in self.words if w.role not in ("title", "initial", "particle")]
        # an English given name counts only before a surname: alone, Bertram may be the family
        first = names[0] if len(names) > 1 and names[0].role == "name" else None
        for roles in (("title",), ("given", "diminutive", "patronymic"), ("surname",)):
            genders = {w.gender for w in self.words if (w.role in roles or (w is first and "given" in roles))
                       and w.gender in ("m", "f")}
            if len(genders) == 1:
                return genders.pop()
        return None

    def slot(self, role: str) -> Word | None:
        return next((w for w in self.words if w.role == role), None)


@lru_cache(maxsize=65536)
def parse_word(text: str, first: bool) -> Word | None:
    """What one capitalised word is; None if it cannot be part of a name."""
    if _INITIAL.match(text):
        return Word(text, "initial", text[0], None)
    if text in PARTICLES or text in SAINTS:
        return None if first else Word(text, "particle", text, None)
    if text.isupper() and len(text) > 2:  # PULCHERIA RASKOLNIKOV
        return parse_word(text.capitalize(), first)
    bare = _POSSESSIVE.sub("", text)
    t = titles.find(bare)
    if t is not None and first:
        return Word(t.text, "title", t.text.lower(), t.gender if t.gender != "mf" else None)
    kind = not_names().get(bare.lower().rstrip("."))
    if (kind and not (kind == "place_word" and not first)) or bare.endswith(".") or not bare.replace("-", "").isalpha():
        return None
    if len(bare) < 2 or re.match(r"^\w-", bare):  # initials, stammering ("N-no")
        return None
    if script(bare) == "mixed":  # a Cyrillic look-alike inside: the linter's business, not a name
        return None
    matches = lookup(bare)
    full = english_pet_names().get(bare)
    if full is not None and not any(m.spelling != "nonstandard" for m in matches):
        # Lizzy is Elizabeth: the short form joins whoever bears the full name (Dolly stays Darya's)
        whole = parse_word(full, first)
        if whole is not None and whole.role in ("given", "diminutive", "name"):
            owners = whole.owners or (f"lat:{whole.value}",)
            return Word(bare, "diminutive", whole.value, whole.gender, owners, True)
    # Romanova, Belaya: a surname's ending, not a misspelt name (Романовна, Белла)
    looks_surname = re.search(r"(?:ovna|evna|ichna|inichna|ova|eva|ina|yna|aya|sky|skiy|oy)$", bare)
    if looks_surname and matches and all(m.spelling == "nonstandard" for m in matches):
        matches = []
    if not matches and bare.isascii() and _RUSSIAN_ENDING.search(bare) and not looks_surname:
        from .search import fuzzy

        matches = [m for m in fuzzy(bare) if m.kind in ("given", "diminutive")]
        matches = matches if len({m.entry.cyrillic for m in matches}) <= 2 else []
    names = [m for m in matches if m.kind in ("given", "diminutive")]
    if names:
        # Vassa is a name of its own and Vasilisa's short form: it may stand for either
        owners = tuple(dict.fromkeys(o for m in names for o in (
            (m.entry.cyrillic,) if m.kind == "given" else (f.name.cyrillic for f in m.entry.of))))
        m = names[0]
        known = m.spelling not in ("nonstandard", "western", "french")
        # translations write Paul Ivanovitch: an English name can stand for the Russian one
        foreign = all(x.spelling in ("western", "french") for x in names)
        role = "given" if m.kind == "given" and len(owners) == 1 else "diminutive"
        genders = {x.entry.gender for x in names}
        gender = genders.pop() if len(genders) == 1 else "mf"
        return Word(bare, role, m.entry.cyrillic, gender, owners, known, foreign)
    for m in matches:
        if m.kind == "patronymic":
            return Word(bare, "patronymic", m.entry.cyrillic, m.entry.gender, (), m.spelling != "nonstandard")
    from .translit import rules_to_cyrillic

    cyr = bare if re.match("[А-ЯЁ]", bare) else rules_to_cyrillic(bare, 1)[0][0]
    if looks_like_patronymic(cyr) and len(bare) > 6:
        return Word(bare, "patronymic", cyr, "f" if cyr.endswith("на") else "m")
    s = analyse_surname(bare)
    if s.gender in ("m", "f") and not _WEAK_Y.search(bare):
        key = latin_keys(s.masculine.latin)[0] if s.masculine.latin.isascii() else s.masculine.cyrillic.lower()
        return Word(bare, "surname", key, s.gender)
    english = english_given_names().get(bare)
    return Word(bare, "name", bare.lower(), english if english in ("m", "f") else None)


MIN_NAMED_INTERJECTION = 20  # times inside sentences, never in lower case
# A bare -y is the ending of Bely, but far more often of an English pet name (Lizzy, Janey,
# Harry); only the fuller adjectival endings (-sky, -oy, -ky, -iy) make a surname's gender.
_WEAK_Y = re.compile(r"(?<![oiygh])(?<![^c]k)y$")


def parse_name(name: str) -> Mention | None:
    """A name written on its own, as in a story's tags ("Natasha Romanoff"), parsed word by word;
    None if a word cannot be part of a name."""
    words = [parse_word(w, i == 0) for i, w in enumerate(name.split())]
    if not words or None in words:
        return None
    return Mention(0, len(name), " ".join(name.split()), tuple(words))


def lowercase_counts(text: str) -> Counter:
    return Counter(_LOWER_WORD.findall(text))


# After a lower-case word, a comma, a dash or an underscore (italics); not after an opening
# quote, which starts a sentence ("Tomorrow we go").  The capitalised words are found first and
# what comes before each looked at after: a look-behind tried at every character is three times slower.
_CAPITALISED = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+")
_MID_AFTER = frozenset("abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ,;:-—–")


def mid_sentence_words(text: str) -> Counter:
    """Capitalised words the text writes inside a sentence (names, not sentence openers), counted."""
    out: Counter = Counter()
    for m in _CAPITALISED.finditer(text):
        i = m.start()
        before = text[i - 1:i]
        if before in ("(", "_") or (before in (" ", "\n") and text[i - 2:i - 1] in _MID_AFTER):
            out[m.group()] += 1
    return out


def find(doc: Document) -> list[Mention]:
    """Every name mention in the story paragraphs of `doc`, in text order."""
    text = doc.text
    lower = lowercase_counts(text)
    mid = mid_sentence_words(text)
    spans = [(p.start, p.end) for p in doc.story()] if doc.paragraphs else [(0, len(text))]
    # an interjection the text capitalises inside sentences again and again is a name: Pooh
    named = frozenset(w for w, n in mid.items() if n >= MIN_NAMED_INTERJECTION and not lower.get(w.lower())
                      and not_names().get(w.lower()) == "interjection") | _calendar_names(text)
    epithets = _epithets(text)
    out: list[Mention] = []
    # a novel repeats its runs ("Raskolnikov", "Mr. Darcy"): each is split once, with what it
    # depends on around it (a "the" before, a place word after)
    done: dict[tuple, list[tuple[int, int, str, tuple[Word, ...]]]] = {}
    for start, end in spans:
        for run in _RUN.finditer(text, start, end):
            after = _NEXT_WORD.match(text, run.end(), run.end() + 20)
            place = after is not None and not_names().get(after.group(1)) == "place_word"
            key = (run.group(0), text[max(0, run.start() - 4):run.start()] == "the ", place)
            found = done.get(key)
            if found is None:
                found = done[key] = [(m.start - run.start(), m.end - run.start(), m.text, m.words)
                                     for m in _split(run, lower, mid, named, epithets)]
            out.extend(Mention(run.start() + a, run.start() + b, name, words) for a, b, name, words in found)
    # "the Sokolovskys", "the Kirsanovs": a family, not a person (but Mr. Sikes is not a family of Sikes)
    names = {m.text for m in out}
    return [m for m in out if not (m.text.endswith("s") and (m.text[:-1] in names or m.text[:-2] in names)
                                   and text[max(0, m.start - 4):m.start].lower() == "the ")
            and not (m.text in named and not_names().get(m.text.lower()) == "religion_or_calendar"
                     and _month_use(text, m.start, m.end) != "name")]


# "May answered", "told May Welland": a month that is also a given name, used the way names are
# used, not after "in", "of" or "last", before a number, or as a modal ("May I", "May the Lord")
_MONTH_BEFORE = frozenset({"in", "of", "by", "from", "since", "until", "till", "during", "through",
                           "early", "late", "last", "next", "this", "that", "the", "mid", "first", "every",
                           "each", "one", "a", "before", "after"})
_MODAL_AFTER = frozenset({"i", "we", "you", "he", "she", "it", "they", "the", "a", "an", "not", "god", "heaven",
                          "your", "my", "his", "her", "our", "their", "this", "that", "all", "there", "one"})
MIN_CALENDAR_NAME = 15  # name-like uses, which must also outnumber the month's three to one


def _calendar_names(text: str) -> frozenset[str]:
    """Months that are given names (May, June, April) and that this text uses as a name."""
    out = set()
    for word, kind in not_names().items():
        name = word.capitalize()
        if kind != "religion_or_calendar" or english_given_names().get(name) not in ("m", "f"):
            continue
        # no \b before the word: it would cost the search its fast scan for the literal
        uses = Counter(_month_use(text, m.start(), m.end()) for m in re.finditer(rf"{name}\b", text)
                       if not text[m.start() - 1:m.start()].isalnum())
        if uses["name"] >= MIN_CALENDAR_NAME and uses["name"] >= 3 * uses["month"]:
            out.add(name)
    return frozenset(out)


_WORD_BEFORE = re.compile(r"(\w+)[\s,.;:!?\"“”_]*$")
_WORD_AFTER = re.compile(r"\s+([\w’']+)")


def _month_use(text: str, start: int, end: int) -> str:
    """How the month-name at text[start:end] is used: "month", "modal" or "name"."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _WORD_AFTER.match(text, end, end + 30)
    word = after.group(1) if after else ""
    if (before and (before.group(1).lower() in _MONTH_BEFORE or before.group(1)[:1].isdigit())) or word[:1].isdigit():
        return "month"  # "in May", "3rd May.", "May 1870"
    return "modal" if word.lower() in _MODAL_AFTER else "name"  # "said May." is a name


# no \b before "the": the search scans for the literal far faster without it (checked below)
_EPITHET = re.compile(r"the ([A-Z][a-z]+ [A-Z][a-z]+)\b(?! [A-Z])")
MIN_EPITHET = 5  # times "the White Rabbit" recurs before it is a name, not an adjective and a name


def _epithets(text: str) -> frozenset[str]:
    """"The White Rabbit", "the Invisible Man": a capitalised pair after "the" that recurs and
    speaks ("said the White Rabbit") is a name ("the Civil Service" never speaks)."""
    from .tags import verb_rx

    hits = [(m.group(1), m.start()) for m in _EPITHET.finditer(text) if not text[m.start() - 1:m.start()].isalnum()]
    recurring = Counter(pair for pair, _ in hits)
    after_verb = re.compile(r"(?i:" + verb_rx().pattern + r")\s+$")
    return frozenset(pair for pair, at in hits
                     if recurring[pair] >= MIN_EPITHET and after_verb.search(text, max(0, at - 25), at))


_WORD = re.compile(r"\S+")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _split(run: re.Match, lower: Counter, mid: Counter, named: frozenset = frozenset(),
           epithets: frozenset = frozenset()) -> list[Mention]:
    """Cut a run of capitalised words at non-name words; keep the plausible names."""
    pieces: list[list[tuple[int, int, str]]] = [[]]
    after_the = run.string[max(0, run.start() - 4):run.start()] == "the "
    # "the March Hare": an epithet keeps a word that is no name alone
    lead = _POSSESSIVE.sub("", " ".join(run.group(0).split()[:2])).rstrip(".,;:!?")
    pinned = 2 if after_the and lead in epithets else 0
    matches = list(_WORD.finditer(run.group(0)))
    words_here = [w.group(0) for w in matches]
    for i, w in enumerate(matches):
        word = w.group(0)
        sentence_end = word.endswith(".") and titles.find(word) is None and not _INITIAL.match(word)
        bare = _POSSESSIVE.sub("", word[:-1] if sentence_end else word)
        base = run.start() + w.start()
        kind = not_names().get(bare.lower().rstrip("."))
        if word in SAINTS:  # "Reggie St Cloud", "Lady St. Clair": inside a name; "St Cloud" alone is Cloud
            if pieces[-1]:
                pieces[-1].append((base, base + len(word), word))
            continue
        # "Mr. Abbey", "Mrs. Castle", "Francis Place": after a title or a given name alone, a
        # house word is a surname (but "Wickham Place", "Howards End" are places)
        surname_here = kind == "place_word" and len(pieces[-1]) == 1 and (
            titles.find(pieces[-1][0][2]) is not None or _given_name(pieces[-1][0][2]))
        if kind and titles.find(bare) is None and bare not in named and i >= pinned and not surname_here:
            if kind == "place_word":
                pieces[-1] = []  # Vasilyevsky Island: the name before it is the place's
            pieces.append([])
            continue
        if bare == "of" and not (pieces[-1] and all(titles.find(x) is not None for _, _, x in pieces[-1])
                                 and not (i + 1 < len(words_here)
                                          and _given_name(_POSSESSIVE.sub("", words_here[i + 1]).rstrip(".,;:!?")))):
            # "Anna of the house", "a Tale of Two Cities": no name goes on past "of"; nor does a
            # title before a person's name ("asked the Count of Masha"), but "the Duchess of Monmouth"
            pieces.append([])
            continue
        if pieces[-1] and titles.find(bare) is not None and titles.find(pieces[-1][-1][2]) is None:
            pieces.append([])  # "Mrs. Moore Miss Quested" (a list, a line wrap): a title starts a new name
        pieces[-1].append((base, base + len(bare), bare))
        if bare != word:  # a possessive or a full stop ends the name
            pieces.append([])
    # "Kazansky station", "Nevsky prospect": a place word in lower case right after the run
    after = _NEXT_WORD.match(run.string, run.end(), run.end() + 20)
    if after and not_names().get(after.group(1)) == "place_word":
        pieces[-1] = []
    out = []
    for n, piece in enumerate(pieces):
        # "the Lilas Brett ordered": after "the", a first word that is no title is a place or a thing
        epithet = n == 0 and after_the and " ".join(w for _, _, w in piece) in epithets
        if n == 0 and after_the and len(piece) > 1 and titles.find(piece[0][2]) is None and not epithet:
            piece = piece[1:]
        # a sentence opener glued to a name ("Meanwhile Katerina Ivanovna", "Later Alyosha"); a name
        # the text keeps capitalised is no opener ("May Welland"), unless a given name follows it
        # ("May Sasha come riding?": the verb)
        while (len(piece) > 1 and not epithet and titles.find(piece[0][2]) is None
               and (_given_name(piece[1][2]) if piece[0][2] in named else _opener(piece[0][2], lower, mid))):
            piece = piece[1:]
        if not piece or len(piece) > MAX_WORDS:
            continue
        words = []
        for i, (_, _, w) in enumerate(piece):
            parsed = parse_word(w, i == 0)
            if w in named or (epithet and parsed is None):  # "Pooh", "the March Hare", "May"
                gender = english_given_names().get(w)
                parsed = Word(w, "name", w.lower(), gender if gender in ("m", "f") else None)
            if parsed is None:
                break
            words.append(parsed)
        else:
            if words and words[-1].role in ("title", "initial", "particle"):
                continue  # a title alone ("the Prince") or a bare initial is not a name here
            if all(titles.find(w) is not None for _, _, w in piece):
                continue  # titles only: "Comrade Colonel", "Lieutenant Colonel"
            # the Duchess of Monmouth: Monmouth is her title's place, not a surname a bare
            # "Monmouth" (the Duke) would join, and has no gender ("the Princess of Chernigov")
            words = [replace(w, value="of " + w.value, gender=None) if k and words[k - 1].text == "of" else w
                     for k, w in enumerate(words)]
            cut = _second_person(words)
            parts = [(piece[:cut], words[:cut]), (piece[cut:], words[cut:])] if cut else [(piece, words)]
            for part, part_words in parts:
                if epithet or _plausible(part_words, lower, mid):
                    text = " ".join(w for _, _, w in part)
                    out.append(Mention(part[0][0], part[-1][1], text, tuple(part_words)))
    return out


def _given_name(word: str) -> bool:
    """A given name or pet form of the lexicon, known or read loosely (Sasha; not Welland)."""
    parsed = parse_word(word, False)
    return parsed is not None and parsed.role in ("given", "diminutive")


def _second_person(words: list[Word]) -> int:
    """Where a second name starts in a run of two ("show Rodya Pyotr Petrovitch's letter"): a
    given name and patronymic after another given name, which no one person's name has."""
    for k in range(1, len(words) - 1):
        if words[k - 1].role in ("given", "diminutive") and words[k].role in ("given", "diminutive") \
                and words[k + 1].role == "patronymic":
            return k
    return 0


def _ordinary(w: Word, lower: Counter, mid: Counter) -> bool:
    """A word the text also writes in lower case ("Well", "Perhaps"), unless it capitalises it
    inside sentences more often: a name form imya knows (Bill, bill) or, far more often, any
    word (Rabbit, Owl)."""
    low = lower.get(w.text.lower(), 0)
    if low == 0:
        return False
    known_name = w.role in ("given", "diminutive", "patronymic")
    return mid[w.text] <= low if known_name else mid[w.text] < max(10, 5 * low)


_CONTRACTION = re.compile(r"[A-Z][a-z]*[’'](?:m|ll|d|ve|re|t)")  # I'm, It'll, Don't


def _opener(word: str, lower: Counter, mid: Counter) -> bool:
    """A capitalised word that is an ordinary word starting a sentence, not a name."""
    if _CONTRACTION.fullmatch(word):
        return True  # "I'm Natasha": the name is still a name
    low = lower.get(word.lower(), 0)
    if low and mid[word] <= low:
        return True  # ordinary whatever it is: no need to parse it
    parsed = parse_word(word, False)
    if parsed is None:
        return lower.get(word.lower(), 0) > 0
    if _ordinary(parsed, lower, mid):
        return True
    # "Harriet Blake came in": an English given name opening the sentence is still a name
    return word not in mid and not parsed.known and parsed.role == "name" and parsed.gender is None


def _plausible(words: list[Word], lower: Counter, mid: Counter) -> bool:
    names = [w for w in words if w.role not in ("title", "initial", "particle")]
    if not names:
        return False
    if len(words) > 1 and any(w.known for w in names):
        return True
    if len(names) == 1 and words[0].role == "title" and words[0].value != "sir" \
            and titles.find(words[0].text).kind == "honorific":
        return True  # "Mrs. Hall", "Miss Price": after Mrs. or Miss even a word of the language is a surname
    if len(names) == 2 and names[0].role == "name" and names[0].gender and not _ordinary(names[0], lower, mid):
        return True  # "Jonathan Small", "Minty Brown": an English given name makes a word its surname
    if any(_ordinary(w, lower, mid) for w in names):
        return False
    # one unknown word that only ever opens sentences ("Accordingly") is not a name
    return len(words) > 1 or names[0].role in ("given", "diminutive", "patronymic") or names[0].text in mid
