"""The names knowledge base: the package's data files, validated and indexed.

Data lives in `imya/data/` (see the README there); this module only reads it.
Every malformed row is reported as `file:line: what is wrong`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache

from .data import read as read_data
from .data import rows
from .errors import DataError
from .spelling import cyrillic_keys, latin_keys, light
from .text import CYRILLIC_WORD, LATIN_TO_CYRILLIC_LOOKALIKE, cyrillic_norm

NAME_COLUMNS = (
    "name", "gender", "latin", "variants", "western", "french", "patronymic_m",
    "patronymic_f", "colloquial_m", "colloquial_f", "era", "note",
)
DIMINUTIVE_COLUMNS = ("name", "form", "register", "latin", "note")
VARIANT_KINDS = ("folk", "church", "colloquial", "spelling", "conflated")
DIMINUTIVE_REGISTERS = ("short", "affectionate", "rough", "foreign")
ERAS = ("modern", "old", "both")
_LATIN_CELL = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F' .-]*$")


@dataclass(frozen=True, slots=True)
class GivenName:
    """A full given name (имя) with what the data says about it."""

    cyrillic: str
    gender: str
    latin: str
    variants: tuple[str, ...]
    western: tuple[str, ...]
    french: tuple[str, ...]
    patronymic_m: tuple[str, ...]
    patronymic_f: tuple[str, ...]
    colloquial_m: tuple[str, ...]
    colloquial_f: tuple[str, ...]
    era: str
    note: str


@dataclass(frozen=True, slots=True)
class FormOf:
    """One full name a diminutive belongs to, and its register for that name."""

    name: GivenName
    register: str
    note: str


@dataclass(slots=True)
class Diminutive:
    """A short, affectionate, rough or foreign form; may belong to several names."""

    cyrillic: str
    latin: str
    of: list[FormOf] = field(default_factory=list)

    @property
    def gender(self) -> str:
        genders = {f.name.gender for f in self.of}
        return genders.pop() if len(genders) == 1 else "mf"


@dataclass(frozen=True, slots=True)
class Patronymic:
    """A patronymic the data knows, with the fathers' names it comes from."""

    cyrillic: str
    gender: str
    fathers: tuple[GivenName, ...]
    colloquial_of: str | None  # the full patronymic, for a spoken contraction


Entry = GivenName | Diminutive | Patronymic


@dataclass
class KnowledgeBase:
    names: dict[str, GivenName]
    diminutives: dict[str, Diminutive]
    patronymics: dict[str, Patronymic]
    registers: dict[str, dict[str, str]]
    by_cyrillic: dict[str, list[Entry]]
    by_key: dict[str, list[Entry]]
    by_western: dict[str, list[tuple[GivenName, str]]]
    forms_of: dict[str, list[tuple[Diminutive, FormOf]]]  # full name → its diminutives
    same_latin: dict[tuple[str, str], list[GivenName]]  # (latin, gender) → names: Наталья, Наталия


DATA_FILES = ("given_names.tsv", "diminutives.tsv", "registers.toml")


def check_cyrillic(word: str, where: str) -> str:
    """Return `word` if it is a well-formed capitalised Cyrillic name, else raise."""
    if CYRILLIC_WORD.match(word):
        return word
    for i, ch in enumerate(word, 1):
        if ch in LATIN_TO_CYRILLIC_LOOKALIKE:
            raise DataError(
                f"{where}: {word!r} has the Latin letter {ch!r} at {i} "
                f"(looks like Cyrillic {LATIN_TO_CYRILLIC_LOOKALIKE[ch]!r})"
            )
    raise DataError(f"{where}: {word!r} is not a capitalised Cyrillic word")


def _cyr_list(cell: str, where: str) -> tuple[str, ...]:
    return tuple(check_cyrillic(v, where) for v in _split(cell))


def _latin_list(cell: str, where: str) -> tuple[str, ...]:
    values = _split(cell)
    for v in values:
        if not _LATIN_CELL.match(v):
            raise DataError(f"{where}: {v!r} is not a Latin spelling")
    return values


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split(",") if v.strip())


def _load_names(text: str) -> dict[str, GivenName]:
    names: dict[str, GivenName] = {}
    for number, c in rows("given_names.tsv", NAME_COLUMNS, text):
        where = f"given_names.tsv:{number}"
        rec = dict(zip(NAME_COLUMNS, c, strict=True))
        cyr = check_cyrillic(rec["name"], where)
        if cyr in names:
            raise DataError(f"{where}: duplicate name {cyr!r}")
        if rec["gender"] not in ("m", "f"):
            raise DataError(f"{where}: gender must be m or f, not {rec['gender']!r}")
        if rec["era"] not in ERAS:
            raise DataError(f"{where}: era must be one of {', '.join(ERAS)}, not {rec['era']!r}")
        if not rec["latin"]:
            raise DataError(f"{where}: the standard Latin spelling is missing")
        patr = [_cyr_list(rec[k], where) for k in NAME_COLUMNS[6:10]]
        if rec["gender"] == "f" and any(patr):
            raise DataError(f"{where}: a woman's name cannot form patronymics")
        if rec["gender"] == "m" and not (patr[0] and patr[1]):
            raise DataError(f"{where}: a man's name needs both patronymics")
        for full, spoken in ((patr[0], patr[2]), (patr[1], patr[3])):
            same = set(full) & set(spoken)
            if same:
                raise DataError(f"{where}: {same.pop()} is the full patronymic, not a contraction")
        names[cyr] = GivenName(
            cyr, rec["gender"], _latin_list(rec["latin"], where)[0],
            _latin_list(rec["variants"], where), _latin_list(rec["western"], where),
            _latin_list(rec["french"], where), *patr, rec["era"], rec["note"],
        )
    return names


def _load_diminutives(text: str, names: dict[str, GivenName]) -> dict[str, Diminutive]:
    forms: dict[str, Diminutive] = {}
    seen: set[tuple[str, str]] = set()
    for number, c in rows("diminutives.tsv", DIMINUTIVE_COLUMNS, text):
        where = f"diminutives.tsv:{number}"
        name, form, register, latin, note = c
        if name not in names:
            raise DataError(f"{where}: {name!r} is not in given_names.tsv")
        check_cyrillic(form, where)
        if register not in DIMINUTIVE_REGISTERS:
            raise DataError(
                f"{where}: unknown register {register!r}; use one of {', '.join(DIMINUTIVE_REGISTERS)}"
            )
        if (name, form) in seen:
            raise DataError(f"{where}: duplicate form {form!r} of {name!r}")
        seen.add((name, form))
        if latin:
            _latin_list(latin, where)
        dim = forms.get(form)
        if dim is None:
            dim = forms[form] = Diminutive(form, latin)
        elif latin and not dim.latin:
            dim.latin = latin
        dim.of.append(FormOf(names[name], register, note))
    return forms


def _patronymics(names: dict[str, GivenName]) -> dict[str, Patronymic]:
    fathers: dict[tuple[str, str, str | None], list[GivenName]] = {}
    for n in names.values():
        for gender, full, colloquial in (("m", n.patronymic_m, n.colloquial_m),
                                         ("f", n.patronymic_f, n.colloquial_f)):
            for p in full:
                fathers.setdefault((p, gender, None), []).append(n)
            for p in colloquial:
                fathers.setdefault((p, gender, full[0]), []).append(n)
    out: dict[str, Patronymic] = {}
    for (p, gender, of), who in fathers.items():
        if p not in out or (out[p].colloquial_of and not of):
            out[p] = Patronymic(p, gender, tuple(who), of)
    return out


def _add(index: dict, key: str, entry) -> None:
    bucket = index.setdefault(key, [])
    if entry not in bucket:
        bucket.append(entry)


@cache
def load() -> KnowledgeBase:
    """Read, validate and index the package's data files (once per process)."""
    return build({f: read_data(f) for f in DATA_FILES})


def build(files: dict[str, str]) -> KnowledgeBase:
    """Validate and index data given as file name → text (see DATA_FILES)."""
    try:
        registers = tomllib.loads(files["registers.toml"])
    except tomllib.TOMLDecodeError as e:
        raise DataError(f"registers.toml: {e}") from None
    missing = [r for r in (*DIMINUTIVE_REGISTERS, "full", "patronymic", "colloquial") if r not in registers]
    if missing:
        raise DataError(f"registers.toml: registers {', '.join(missing)} are not described")
    names = _load_names(files["given_names.tsv"])
    diminutives = _load_diminutives(files["diminutives.tsv"], names)
    patronymics = _patronymics(names)
    by_cyrillic: dict[str, list[Entry]] = {}
    by_key: dict[str, list[Entry]] = {}
    by_western: dict[str, list[tuple[GivenName, str]]] = {}
    for table in (names, diminutives, patronymics):
        for cyr, entry in table.items():
            _add(by_cyrillic, cyrillic_norm(cyr), entry)
            for k in cyrillic_keys(cyr):
                _add(by_key, k, entry)
    for n in names.values():
        for spelled in (n.latin, *n.variants):
            for k in latin_keys(spelled):
                _add(by_key, k, n)
        for kind, values in (("western", n.western), ("french", n.french)):
            for v in values:
                _add(by_western, light(v), (n, kind))
    forms_of: dict[str, list[tuple[Diminutive, FormOf]]] = {}
    for d in diminutives.values():
        if d.latin:
            for k in latin_keys(d.latin):
                _add(by_key, k, d)
        for f in d.of:
            forms_of.setdefault(f.name.cyrillic, []).append((d, f))
    same_latin: dict[tuple[str, str], list[GivenName]] = {}
    for n in names.values():
        same_latin.setdefault((n.latin, n.gender), []).append(n)
    return KnowledgeBase(names, diminutives, patronymics, registers, by_cyrillic, by_key, by_western,
                         forms_of, same_latin)


@cache
def variants() -> dict[str, frozenset[str]]:
    """Given name → the other full names that are forms of it (Катерина ↔ Екатерина), from
    data/name_variants.tsv."""
    return load_variants(read_data("name_variants.tsv"), load().names)


def load_variants(text: str, names: dict[str, GivenName]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for number, (name, variant, kind) in rows("name_variants.tsv", ("name", "variant", "kind"), text):
        where = f"name_variants.tsv:{number}"
        for n in (name, variant):
            if n not in names:
                raise DataError(f"{where}: {n} is not a row of given_names.tsv")
        if name == variant or names[name].gender != names[variant].gender:
            raise DataError(f"{where}: {name} and {variant} must be two names of one gender")
        if kind not in VARIANT_KINDS:
            raise DataError(f"{where}: kind must be one of {', '.join(VARIANT_KINDS)}")
        if variant in out.get(name, ()):
            raise DataError(f"{where}: {name} and {variant} are already paired")
        out.setdefault(name, set()).add(variant)
        out.setdefault(variant, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}
