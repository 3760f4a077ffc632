"""A character as the address engine sees them: name parts, gender, age, titles."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import kb
from .errors import ImyaError

AGES = ("child", "young", "adult", "elder")


@dataclass(slots=True)
class Person:
    id: str
    name: str  # as the author writes it
    given: kb.GivenName | None = None
    patronymic: str | None = None  # Cyrillic
    surname_m: str | None = None  # Latin masculine / feminine surname forms as written
    surname_f: str | None = None
    gender: str | None = None  # m | f
    age: str = "adult"
    titles: tuple[str, ...] = ()  # ranks and titles held: Colonel, Prince, Doctor
    level: int | None = None  # place in a hierarchy, for rank between characters
    foreigner: bool = False
    canon: tuple[str, ...] = ()  # spellings the author keeps on purpose (Natasha Romanoff)
    notes: list[str] = field(default_factory=list)

    @property
    def surname(self) -> str | None:
        return self.surname_f if self.gender == "f" else self.surname_m

    def label(self) -> str:
        return self.name


def from_name(name: str, pid: str | None = None, *, gender: str | None = None, age: str = "adult",
              titles: tuple[str, ...] = (), level: int | None = None, foreigner: bool = False,
              canon: tuple[str, ...] = ()) -> Person:
    """Build a Person from a written name ("Vasilisa Alexeyevna Ivashina", "Natasha Romanoff")."""
    from .explainer import explain

    if age not in AGES:
        raise ImyaError(f"age must be one of {', '.join(AGES)}, not {age!r}")
    if gender not in (None, "m", "f"):
        raise ImyaError(f"gender must be m or f, not {gender!r}")
    person = Person(pid or name, name, gender=gender, age=age, titles=tuple(titles), level=level,
                    foreigner=foreigner, canon=tuple(canon))
    parts = explain(name).parts
    has_patronymic = any(p.kind == "patronymic" for p in parts)
    for part in parts:
        # James Barnes is not a Yakov; Paul Ivanovich is a Pavel
        if part.kind == "given" and part.spelling in ("western", "french") and not has_patronymic:
            continue
        if part.kind == "given" and person.given is None:
            person.given = kb.load().names[part.cyrillic]
        elif part.kind == "diminutive" and person.given is None:
            _given_from_diminutive(person, part, gender)
        elif part.kind == "patronymic" and person.patronymic is None:
            person.patronymic = part.cyrillic
            person.gender = person.gender or part.gender
        elif part.kind in ("surname", "unknown") and part.masculine is not None:
            person.surname_m, person.surname_f = part.masculine.latin, part.feminine.latin
            if part.gender in ("m", "f") and person.gender is None and person.given is None:
                person.gender = part.gender
    if person.given is not None:
        person.gender = person.gender or person.given.gender
    if person.given is None:
        person.notes.append(f"{name}: no Russian given name recognised; only surname and title forms")
    return person


def _given_from_diminutive(person: Person, part, gender: str | None) -> None:
    """Natasha Romanoff: the full name is the one the short form belongs to, if only one fits."""
    owners = [kb.load().names[f.cyrillic] for f in part.full_names]
    if gender:
        owners = [o for o in owners if o.gender == gender]
    latin = {o.latin for o in owners}
    if len(latin) == 1:
        person.given = owners[0]
        person.notes.append(f"{part.text} is taken as the short form of {owners[0].latin}")
    else:
        names = " or ".join(sorted(latin))
        raise ImyaError(f"{part.text} can be {names}: give the full name or the gender")
