"""`explain`: what each part of a name is — the records behind `imya explain`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from . import kb, patronymic, titles
from .errors import ImyaError
from .names import NameRef, ref
from .search import Match, lookup
from .surnames import surname as analyse_surname
from .surnames import to_cyrillic as surname_cyrillic
from .text import CYRILLIC_READING, fix_lookalikes, script, strip_stress
from .translit import to_latin

MAX_QUERY = 1000  # characters; a name is never longer


@dataclass(slots=True)
class FullName:
    cyrillic: str
    latin: str
    gender: str
    register: str | None = None  # the form's register for this name (diminutives)


@dataclass(slots=True)
class Part:
    """One word of a query, explained.  Field names are a stable JSON contract."""

    text: str
    kind: str  # given | diminutive | patronymic | surname | unknown
    cyrillic: str | None = None
    gender: str | None = None  # m | f | mf
    standard_latin: str | None = None
    register: str | None = None
    full_names: list[FullName] = field(default_factory=list)
    father: list[NameRef] = field(default_factory=list)
    masculine: NameRef | None = None
    feminine: NameRef | None = None
    notes: list[str] = field(default_factory=list)
    spelling: str | None = None  # how the text spells it: standard, variant, old, nonstandard...
    western: list[str] = field(default_factory=list)
    french: list[str] = field(default_factory=list)
    forms: dict[str, list[NameRef]] = field(default_factory=dict)  # a given name's diminutives
    alternatives: list[Part] = field(default_factory=list)  # other readings of the same text


@dataclass(slots=True)
class Explanation:
    query: str
    parts: list[Part]

    def to_dict(self) -> dict:
        return asdict(self)


def _gender_word(g: str | None) -> str:
    return {"m": "a man's", "f": "a woman's", "mf": "a man's or a woman's"}.get(g or "", "a")


def _counterpart(name: kb.GivenName) -> NameRef | None:
    """Александр ↔ Александра, Евгений ↔ Евгения: the other gender's name, if any."""
    names = kb.load().names
    c = name.cyrillic
    options = [c + "а", c[:-2] + "ия", c[:-1] + "а"] if name.gender == "m" else [c[:-1], c[:-2] + "ий"]
    for o in options:
        other = names.get(o)
        if other is not None and other.gender != name.gender:
            return NameRef(other.cyrillic, other.latin)
    return None


def _given_part(text: str, m: Match) -> Part:
    n: kb.GivenName = m.entry
    forms: dict[str, list[NameRef]] = {}
    for d, f in kb.load().forms_of.get(n.cyrillic, ()):
        forms.setdefault(f.register, []).append(NameRef(d.cyrillic, d.latin or to_latin(d.cyrillic)))
    part = Part(text, "given", n.cyrillic, n.gender, n.latin, "full",
                [FullName(n.cyrillic, n.latin, n.gender)], spelling=m.spelling,
                western=list(n.western), french=list(n.french), forms=forms)
    other = _counterpart(n)
    own = NameRef(n.cyrillic, n.latin)
    part.masculine, part.feminine = (own, other) if n.gender == "m" else (other, own)
    part.notes.append(f"{n.latin} ({n.cyrillic}) is {_gender_word(n.gender)} given name")
    if m.spelling not in ("cyrillic", "standard"):
        part.notes.append(f"{text}: {m.detail}")
    if n.western:
        part.notes.append(f"English equivalent: {', '.join(n.western)}")
    if n.french:
        part.notes.append(f"French form used by the 19th-century gentry: {', '.join(n.french)}")
    if n.era == "old":
        part.notes.append("an old name: common in the 19th century and before, rare today")
    if n.note:
        part.notes.append(n.note)
    return part


def _diminutive_part(text: str, m: Match) -> Part:
    d: kb.Diminutive = m.entry
    registers = kb.load().registers
    latin = d.latin or to_latin(d.cyrillic)
    full = [FullName(f.name.cyrillic, f.name.latin, f.name.gender, f.register) for f in d.of]
    regs = list(dict.fromkeys(f.register for f in d.of))
    part = Part(text, "diminutive", d.cyrillic, d.gender, latin, regs[0], full, spelling=m.spelling)
    owner_list = list(dict.fromkeys(_owner(f.name) for f in d.of))
    owners = " or ".join(owner_list)
    label = registers[regs[0]]["label"] if len(regs) == 1 else "/".join(regs) + " form"
    part.notes.append(f"{latin} ({d.cyrillic}) is the {label} of {owners}")
    if m.spelling not in ("cyrillic", "standard"):
        part.notes.append(f"{text}: {m.detail}")
    for r in regs:
        part.notes.append(f"{registers[r]['label']}: {registers[r]['use']}")
    if len(owner_list) > 1:
        part.notes.append(f"ambiguous: {latin} can stand for {len(owner_list)} names; the story must say which")
    for f in d.of:
        if f.note:
            part.notes.append(f.note)
    return part


def _owner(n: kb.GivenName) -> str:
    """Natalia (Наталья/Наталия, f, = Natalie): spellings of one name are shown together."""
    same = [o.cyrillic for o in kb.load().same_latin[n.latin, n.gender]]
    west = f", = {n.western[0]}" if n.western else ""
    return f"{n.latin} ({'/'.join(same)}, {n.gender}{west})"


def _patronymic_part(text: str, p: patronymic.Parsed, spelling: str | None, detail: str) -> Part:
    part = Part(text, "patronymic", p.cyrillic, p.gender, to_latin(p.cyrillic),
                "colloquial" if p.colloquial_of else "patronymic", father=p.fathers, spelling=spelling)
    fathers = " or ".join(f"{f.latin} ({f.cyrillic})" for f in p.fathers)
    who = "son" if p.gender == "m" else "daughter"
    part.notes.append(f"{part.standard_latin} is a patronymic: {who} of {fathers}")
    if p.colloquial_of:
        part.notes.append(f"spoken contraction of {p.colloquial_of} ({to_latin(p.colloquial_of)})")
    if spelling not in (None, "cyrillic", "standard"):
        part.notes.append(f"{text}: {detail}")
    derived = patronymic.derive(p.fathers[0].cyrillic) if p.fathers else None
    if derived is not None:
        part.masculine = NameRef(derived.male.cyrillic, derived.male.latin)
        part.feminine = NameRef(derived.female.cyrillic, derived.female.latin)
    part.notes.extend(p.notes)
    return part


def _lexicon_parts(text: str, matches: list[Match]) -> list[Part]:
    parts = []
    for m in matches:
        if m.kind == "given":
            parts.append(_given_part(text, m))
        elif m.kind == "diminutive":
            parts.append(_diminutive_part(text, m))
        else:
            parsed = patronymic.parse(m.entry.cyrillic)
            parts.append(_patronymic_part(text, parsed, m.spelling, m.detail))
    return parts


def _surname_part(text: str) -> Part:
    s = analyse_surname(text)
    cyr = s.feminine.cyrillic if s.gender == "f" else s.masculine.cyrillic
    lat = s.feminine.latin if s.gender == "f" else s.masculine.latin
    kind = "surname"
    part = Part(text, kind, cyr, s.gender, lat, None, masculine=s.masculine, feminine=s.feminine,
                notes=list(s.notes))
    part.notes.append(f"the family: {s.plural.latin} ({s.plural.cyrillic})")
    return part


def _to_cyrillic(text: str) -> str:
    return text if script(text) == "cyrillic" else surname_cyrillic(text)


def _initial_part(text: str, gender_hint: str | None) -> Part:
    letter = text.rstrip(".")
    part = Part(text, "unknown")
    part.notes.append(f"{text} looks like an initial")
    cyr = {"B": "В", "H": "Н", "P": "Р", "C": "С", "Y": "У", "X": "Х"}.get(letter)
    if cyr is not None:
        reading = CYRILLIC_READING[cyr]
        names = [n for n in kb.load().names.values()
                 if n.cyrillic.startswith(cyr) and (gender_hint in (None, "mf") or n.gender == gender_hint)]
        names.sort(key=lambda n: (n.era == "old", n.latin))
        examples = ", ".join(f"{n.latin} ({n.cyrillic})" for n in names[:5])
        part.notes.append(
            f"'{letter}' is also the Cyrillic letter {cyr}, which is {reading} in English: "
            f"if the source was Cyrillic, {text} is {reading}., as for {examples}"
        )
    return part


def _unknown_part(text: str) -> Part:
    part = Part(text, "unknown")
    if script(text) == "latin":
        cyr = _to_cyrillic(text)
        part.notes.append(f"not a Russian name imya knows; in Cyrillic it would be {cyr}")
    elif script(text) == "cyrillic":
        part.cyrillic = text
        part.standard_latin = to_latin(text)
        part.notes.append(f"not a Russian name imya knows; in English: {part.standard_latin}")
    return part


def _readings(word: str, count: int, gender_hint: str | None) -> list[Part]:
    """All readings of one word of a query, best first."""
    title = titles.find(word)
    if title is not None:
        return [Part(word, "unknown", gender=title.gender, notes=[f"{word} is a title, not a name: {title.note}"])]
    letters = word.rstrip(".")
    if len(letters) == 1 and letters.isalpha():
        return [_initial_part(word, gender_hint)]
    parts = _lexicon_parts(word, lookup(word))
    if parts:
        return parts
    cyr = _to_cyrillic(word)
    if patronymic.looks_like_patronymic(cyr):
        parsed = patronymic.parse(cyr)
        if parsed is not None:
            return [_patronymic_part(word, parsed, None, "")]
    try:
        surname = _surname_part(word)
    except ImyaError:  # O'Brien, D'Artagnan: not a Russian surname, but not an error either
        return [_unknown_part(word)]
    if surname.gender is not None or count > 1:
        return [surname]
    return [_unknown_part(word)]


def _check_agreement(parts: list[Part]) -> None:
    """Note a surname or patronymic whose gender disagrees with the given name."""
    anchors = [p for p in parts if p.kind in ("given", "diminutive") and p.gender in ("m", "f")]
    titled = [p for p in parts if p.kind == "unknown" and p.gender in ("m", "f")]
    gender = anchors[0].gender if anchors else titled[0].gender if titled else None
    if gender is None:
        return
    woman = gender == "f"
    for p in parts:
        if p.kind == "surname" and p.gender in ("m", "f") and p.gender != gender:
            right = p.feminine if woman else p.masculine
            p.notes.append(
                f"{p.text} is the {'masculine' if woman else 'feminine'} form: "
                f"{'a woman' if woman else 'a man'} is {right.latin} ({right.cyrillic})"
            )
        if p.kind == "patronymic" and p.gender != gender and p.masculine and p.feminine:
            right = p.feminine if woman else p.masculine
            p.notes.append(
                f"{p.text} is a {'man' if woman else 'woman'}'s patronymic: "
                f"{'a daughter' if woman else 'a son'} is {right.latin} ({right.cyrillic})"
            )


# Punctuation a name copied from prose carries ("Natasha!", «Маша,»); a full stop is
# kept only where it marks an initial (A.) or a title (Mr.).
_AROUND = "!?,;:\"'“”‘’„«»()[]{}…—–*_"


def _clean(query: str) -> list[tuple[str, list[str]]]:
    if len(query) > MAX_QUERY:
        raise ImyaError(f"a name of {len(query)} characters is too long (limit {MAX_QUERY})")
    text = strip_stress(" ".join(query.split()))
    if not text:
        raise ImyaError("empty name: give a name to explain")
    if not any(c.isalpha() for c in text):
        raise ImyaError(f"{query!r} has no letters: give a name in Latin or Cyrillic")
    words = []
    for word in text.split(" "):
        word = word.strip(_AROUND)
        if len(word.rstrip(".")) > 1 and titles.find(word) is None:
            word = word.rstrip(".")  # a sentence's full stop, not an initial's or a title's
        notes: list[str] = []
        if script(word) == "mixed":
            word, notes = fix_lookalikes(word)
        if any(c.isalpha() for c in word):
            words += [(w, notes + n) for w, n in _double_given(word)]
    return words


def _double_given(word: str) -> list[tuple[str, list[str]]]:
    """Anna-Maria is two given names; Rimsky-Korsakov stays one word for the surname reader."""
    halves = [h for h in word.split("-") if h]
    if len(halves) < 2 or not all(any(m.kind in ("given", "diminutive") for m in lookup(h)) for h in halves):
        return [(word, [])]
    note = f"one of the double given name {word}: rare in Russia, where it reads as foreign or very modern"
    return [(h, [note]) for h in halves]


def explain(query: str) -> Explanation:
    """Explain a name or full name in any spelling, Latin or Cyrillic.

    A multi-word query is split into its parts (given name, patronymic, surname).

    >>> explain("Djenya").parts[0].full_names[0].latin
    'Yevgeny'
    """
    words = _clean(query)
    parts: list[Part] = []
    gender_hint = None
    for word, mixed_notes in words:
        readings = _readings(word, len(words), gender_hint)
        best, rest = readings[0], readings[1:]
        best.alternatives = rest
        spellings = [r for r in rest if (r.kind, r.standard_latin) == (best.kind, best.standard_latin)]
        if spellings:
            others = ", ".join(r.cyrillic for r in spellings)
            best.notes.append(f"{best.standard_latin} is also written {others} in Russian: one name, two spellings")
        others = [r for r in rest if r not in spellings]
        if best.kind in ("given", "diminutive") and others:
            names = ", ".join(f"{r.standard_latin} ({r.cyrillic}, {r.kind})" for r in others)
            best.notes.append(f"ambiguous: {word} can also be {names}")
        if best.gender in ("m", "f"):
            gender_hint = gender_hint or best.gender
        best.notes[:0] = mixed_notes
        parts.append(best)
    _check_agreement(parts)
    return Explanation(query, parts)


__all__ = ["Explanation", "FullName", "Part", "explain", "ref"]
