"""Surnames: gender from the ending, and the masculine, feminine and family forms."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from .data import rows
from .errors import DataError, ImyaError
from .names import NameRef
from .spelling import light
from .text import script
from .translit import rules_to_cyrillic, to_latin


@dataclass(frozen=True, slots=True)
class Ending:
    masculine: str
    feminine: str
    plural: str
    masculine_latin: tuple[str, ...]
    feminine_latin: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class Surname:
    query: str
    gender: str | None  # m, f, mf (the same for both), None (ending not recognised)
    masculine: NameRef
    feminine: NameRef
    plural: NameRef  # Cyrillic family form; Latin "the Romanovs"
    notes: list[str] = field(default_factory=list)


ENDING_COLUMNS = ("masculine", "feminine", "plural", "masculine_latin", "feminine_latin", "note")


@cache
def _endings() -> list[Ending]:
    return [Ending(m, f, p, tuple(ml.split(",")), tuple(fl.split(",")), note)
            for _, (m, f, p, ml, fl, note) in rows("surname_endings.tsv", ENDING_COLUMNS)]


@cache
def _invariable() -> list[tuple[str, tuple[str, ...], str]]:
    columns = ("cyrillic", "latin", "note")
    return [(c, tuple(lat.split(",")), note) for _, (c, lat, note) in rows("surname_invariable.tsv", columns)]


@cache
def _known() -> dict[str, tuple[str, str, str]]:
    """Folded Latin spelling → (its Cyrillic, the row's surname, its usual English), for
    surnames the letter rules get wrong (Gogol) or whose feminine hides the masculine (Tolstaya)."""
    from .translit import SCHEME_TITLES

    out: dict[str, tuple[str, str, str]] = {}
    for number, (cyr, latins, _note) in rows("surname_spellings.tsv", ("cyrillic", "latin", "note")):
        if script(cyr) != "cyrillic" or not cyr.isalpha():
            raise DataError(f"surname_spellings.tsv:{number}: {cyr!r} is not a Cyrillic surname")
        built = _cyrillic(cyr)
        english = latins.split(",")[0] or to_latin(cyr)
        for form in {cyr, built.masculine.cyrillic, built.feminine.cyrillic}:
            for scheme in SCHEME_TITLES:
                out.setdefault(light(to_latin(form, scheme)), (form, cyr, english))
        for latin in filter(None, latins.split(",")):
            out[light(latin)] = (cyr, cyr, english)
    return out


def to_cyrillic(word: str) -> str:
    """The Cyrillic of a Latin surname: from the table of known ones, else by the letter rules."""
    known = _known().get(light(word))
    return known[0] if known else rules_to_cyrillic(word, 1)[0][0]


def english_plural(latin: str) -> str:
    """The family in English: the Romanovs, the Tolstoys, the Abramoviches."""
    suffix = "es" if latin.endswith(("ch", "sh", "s", "x", "z")) else "s"
    return f"the {latin}{suffix}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _invariable_result(query: str, cyr: str, latin: str, note: str) -> Surname:
    same = NameRef(cyr, latin)
    plural = NameRef(cyr, english_plural(latin))
    return Surname(query, "mf", same, same, plural, [f"the same for a man and a woman: {note}"])


def surname(text: str) -> Surname:
    """Analyse a surname in Latin or Cyrillic.

    >>> surname("Romanova").masculine.latin
    'Romanov'
    """
    query = text.strip()
    sc = script(query)
    if sc not in ("latin", "cyrillic") or not query.replace("-", "").isalpha():
        raise ImyaError(f"{text!r} is not a surname in Latin or Cyrillic letters")
    # IVANOVA or ivanova: built forms need one case, so read it as Ivanova; mixed case stays.
    word = query.strip("-")
    word = word.title() if word.isupper() or word.islower() else word
    pieces = [p for p in word.split("-") if p]
    if len(pieces) > 1:
        return _double(query, [_single(p, sc) for p in pieces])
    return replace(_single(word, sc), query=query)


def _single(word: str, sc: str) -> Surname:
    result = _cyrillic(word) if sc == "cyrillic" else _latin(word)
    known = _known().get(light(to_latin(word) if sc == "cyrillic" else word))
    if known and sc == "cyrillic" and _no_yo(known[0]) != _no_yo(word):
        known = None  # Илюшин is a surname of its own, not a misspelt Ильюшин
    if known and result.gender in ("m", "f") and (k := _cyrillic(known[1])).gender in ("m", "f"):
        result = _as_known(result, k, known[2])
    return result


def _double(query: str, parts: list[Surname]) -> Surname:
    """A double surname: each part takes its own form (Римский-Корсаков → Римская-Корсакова)."""
    def join(forms: list[NameRef]) -> NameRef:
        return NameRef("-".join(f.cyrillic for f in forms), "-".join(f.latin for f in forms))

    masc, fem = join([p.masculine for p in parts]), join([p.feminine for p in parts])
    plural = NameRef("-".join(p.plural.cyrillic for p in parts), english_plural(masc.latin))
    genders = [p.gender for p in parts if p.gender in ("m", "f")]
    gender = genders[-1] if genders else ("mf" if any(p.gender == "mf" for p in parts) else None)
    notes = [f"double surname: each part takes its own form ({masc.latin} → {fem.latin})" if masc != fem
             else "double surname: neither part changes for a woman"]
    if len(set(genders)) > 1:
        notes.append("the parts disagree in gender: both should be masculine or both feminine")
    notes += [f"{p.query}: {p.notes[0]}" for p in parts if p.notes]
    return Surname(query, gender, masc, fem, plural, notes)


def _cyrillic(query: str) -> Surname:
    low = query.lower()
    for cyr, _latins, note in _invariable():
        if low.endswith(cyr):
            return _invariable_result(query, query, to_latin(query), note)
    matches = [(len(ending), gender, e) for e in _endings()
               for gender, ending in (("f", e.feminine), ("m", e.masculine))
               if low.endswith(ending) and len(low) > len(ending) + 1]
    if not matches:
        return _unknown(query, query, to_latin(query))
    # The longest ending decides (Горькая: -кая before -ая); the table's order breaks ties.
    length, gender, e = max(matches, key=lambda m: m[0])
    return _build(query, gender, query[: len(query) - length], e, latin_stem=None)


def _latin(query: str) -> Surname:
    low = light(query)
    for _cyr, latins, note in _invariable():
        if any(low.endswith(lat) for lat in latins):
            return _invariable_result(query, to_cyrillic(query), query, note)
    matches = []
    for e in _endings():
        for gender, latins in (("f", e.feminine_latin), ("m", e.masculine_latin)):
            for lat in latins:
                if low.endswith(lat) and len(low) > len(lat) + 1:
                    matches.append((len(lat), gender, lat, e))
    if not matches:
        return _unknown(query, to_cyrillic(query), query)
    # The longest ending decides (-skaya before -aya); the table's order breaks ties.
    length, gender, lat, e = max(matches, key=lambda m: m[0])
    stem = query[: len(query) - length]
    result = _build(query, gender, _cyrillic_stem(query, gender, e, stem), e, latin_stem=stem)
    standard = e.feminine_latin[0] if gender == "f" else e.masculine_latin[0]
    if lat != standard:
        from .search import old_spelling_rules

        old = [n for rx, rep, n in old_spelling_rules() if rx.search(low) and rx.sub(rep, low).endswith(standard)]
        result.notes.append(old[0] if old else f"-{lat} is a less usual spelling of -{standard}")
    return result


def _no_yo(cyrillic: str) -> str:
    return cyrillic.lower().replace("ё", "е")


def _as_known(result: Surname, known: Surname, english: str) -> Surname:
    """A surname from the table: its Cyrillic (Gorbachev is Горбачёв) and, for a woman, the
    masculine it comes from (Tolstaya is a Tolstoy, not a Tolsty)."""
    masc = result.masculine.latin if result.gender == "m" else english
    return replace(result, masculine=NameRef(known.masculine.cyrillic, masc),
                   feminine=NameRef(known.feminine.cyrillic, result.feminine.latin),
                   plural=NameRef(known.plural.cyrillic, english_plural(masc)),
                   notes=[n for n in result.notes if not n.startswith("the masculine could also")])


def _cyrillic_stem(query: str, gender: str, e: Ending, latin_stem: str) -> str:
    """The Cyrillic stem: the whole word converted (Vasiliev → Васильев, where "Vasili" alone
    would give Васили-), then its Cyrillic ending cut; the stem alone if the ending differs."""
    whole = rules_to_cyrillic(query, 1)[0][0]
    ending = e.feminine if gender == "f" else e.masculine
    if whole.lower().endswith(ending) and len(whole) > len(ending):
        return whole[: len(whole) - len(ending)]
    return rules_to_cyrillic(latin_stem, 1)[0][0]


def _build(query: str, gender: str, stem: str, e: Ending, latin_stem: str | None) -> Surname:
    masc, fem, plural = _cap(stem + e.masculine), _cap(stem + e.feminine), _cap(stem + e.plural)
    if latin_stem is None:
        masc_lat, fem_lat = to_latin(masc), to_latin(fem)
    else:
        masc_lat = latin_stem + e.masculine_latin[0]
        fem_lat = latin_stem + e.feminine_latin[0]
    notes = [f"{'feminine' if gender == 'f' else 'masculine'} form; {e.note}"]
    if gender == "f":  # Белая: Белый or Белой; the feminine alone cannot tell
        notes += [f"the masculine could also be {_cap(stem + o.masculine)}"
                  for o in _endings() if o.feminine == e.feminine and o is not e]
    return Surname(query, gender, NameRef(masc, masc_lat), NameRef(fem, fem_lat),
                   NameRef(plural, english_plural(masc_lat)), notes)


def _unknown(query: str, cyr: str, latin: str) -> Surname:
    same = NameRef(cyr, latin)
    note = "the ending is not a gendered Russian one: the surname is probably the same for a man and a woman"
    return Surname(query, None, same, same, NameRef(cyr, english_plural(latin)), [note])
