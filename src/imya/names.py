"""Small shared records: a name as Cyrillic + Latin, and resolving a given name."""

from __future__ import annotations

from dataclasses import dataclass

from . import kb


@dataclass(frozen=True, slots=True)
class NameRef:
    cyrillic: str
    latin: str


def ref(cyrillic: str) -> NameRef:
    """A name with its standard Latin: from the data if it is a given name, else popular."""
    name = kb.load().names.get(cyrillic)
    if name is not None:
        return NameRef(cyrillic, name.latin)
    from .translit import to_latin

    return NameRef(cyrillic, to_latin(cyrillic))


def resolve_given(text: str) -> tuple[kb.GivenName | None, list[str]]:
    """The given name that `text` spells (any spelling or an English equivalent)."""
    from .search import lookup

    # A Cyrillic spelling must be exact: Гаврил and Давыд are names of their own, not typos.
    matches = [m for m in lookup(text) if m.kind == "given" and m.spelling != "nonstandard"]
    if not matches:
        return None, []
    notes = [m.detail for m in matches[:1] if m.spelling in ("western", "french", "nonstandard")]
    if len({m.entry.cyrillic for m in matches}) > 1:
        others = ", ".join(m.entry.cyrillic for m in matches[1:])
        notes.append(f"{text} could also be {others}")
    return matches[0].entry, notes
