"""The roster: a story's characters and their relationships, from a TOML file.

Format (documented with an example in the README):

    era = "soviet"                # default era and setting of every relation
    setting = "private"

    [characters.natalia]
    name = "Natalia Alianovna Romanova"
    age = "young"                 # child | young | adult | elder
    level = 1                     # place in the hierarchy; rank comes from levels
    canon = ["Natasha Romanoff"]  # spellings kept on purpose

    [[relation]]                  # one way: from speaker to addressee
    from = "natalia"
    to = "vasilisa"
    closeness = "acquaintance"
    since = "chapter 12"          # optional: from this point of the story on

    [[relation]]                  # both ways (rank mirrored)
    between = ["natalia", "yelena"]
    closeness = "friend"

    [[permission]]                # "call me Vassa"
    by = "vasilisa"
    to = "natalia"
    form = "Vassa"
    since = "chapter 20"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .address import CLOSENESS, ERAS, RANKS, SETTINGS, Relation
from .errors import ImyaError
from .person import AGES, Person, from_name

MAX_ROSTER = 1024 * 1024  # bytes
CHARACTER_KEYS = {"name", "gender", "age", "titles", "level", "foreigner", "canon"}
RELATION_KEYS = {"from", "to", "between", "since", "rank", "closeness", "setting", "era", "first_meeting"}
PERMISSION_KEYS = {"by", "to", "form", "since"}
_MIRROR = dict(zip(RANKS, reversed(RANKS), strict=True))
_MIRROR_CLOSENESS = {"parent": "child", "child": "parent"}  # the other way round, the rest are the same
_SINCE = re.compile(r"^(chapter|line)\s+(\d+)$")


@dataclass(frozen=True, slots=True)
class Point:
    """A point of the story: a chapter or a line number (1-based)."""

    kind: str  # chapter | line
    number: int

    @classmethod
    def parse(cls, text: str) -> Point:
        m = _SINCE.match(text.strip().lower())
        if not m:
            raise ImyaError(f"a point of the story is 'chapter N' or 'line N', not {text!r}")
        return cls(m.group(1), int(m.group(2)))


@dataclass(slots=True)
class _Change:
    speaker: str
    addressee: str
    since: Point | None
    values: dict
    line: int
    mirrored: bool = False


@dataclass(slots=True)
class Roster:
    path: str
    era: str
    setting: str
    characters: dict[str, Person]
    changes: list[_Change] = field(default_factory=list)
    permissions: list[tuple[str, str, str, Point | None]] = field(default_factory=list)

    def person(self, cid: str) -> Person:
        if cid not in self.characters:
            known = ", ".join(sorted(self.characters))
            raise ImyaError(f"{self.path}: no character {cid!r} in the roster (it has: {known})")
        return self.characters[cid]

    def relation(self, speaker: str, addressee: str, at: Point | tuple[Point, ...] | None = None) -> Relation:
        """The relationship in force at `at` (the start of the story if None); `at` may give
        the place both as a chapter and as a line."""
        a, b = self.person(speaker), self.person(addressee)
        rel = Relation(rank=_rank(a, b), speaker_age=a.age, addressee_age=b.age, era=self.era,
                       setting=self.setting, foreigner=a.foreigner, addressee_foreigner=b.foreigner)
        for ch in sorted((c for c in self.changes if _applies(c.since, at)),
                         key=lambda c: (c.since.number if c.since else 0)):  # later changes win
            if (ch.speaker, ch.addressee) == (speaker, addressee):
                for key, value in ch.values.items():
                    setattr(rel, key, _mirror(key, value) if ch.mirrored else value)
        rel.permissions = tuple(form for by, to, form, since in self.permissions
                                if by == addressee and to == speaker and _applies(since, at))
        return rel


def _mirror(key: str, value):
    """A `between` relation read from the second character's side: rank and parent/child turn round."""
    if key == "rank":
        return _MIRROR[value]
    if key == "closeness":
        return _MIRROR_CLOSENESS.get(value, value)
    return value


def _applies(since: Point | None, at: Point | tuple[Point, ...] | None) -> bool:
    if since is None:
        return True
    points = at if isinstance(at, tuple) else (at,) if at is not None else ()
    return any(p.kind == since.kind and since.number <= p.number for p in points)


def _rank(a: Person, b: Person) -> str:
    if a.level is None or b.level is None:
        return "peer"
    diff = a.level - b.level
    return "far_above" if diff >= 2 else "above" if diff == 1 else "peer" if diff == 0 else \
        "below" if diff == -1 else "far_below"


class _Lines:
    """Line numbers of tables in the TOML text, for error messages."""

    def __init__(self, text: str):
        self.lines = text.split("\n")

    def table(self, header: str, nth: int = 0) -> int:
        seen = -1
        for i, line in enumerate(self.lines, 1):
            if line.strip().replace(" ", "") == header:
                seen += 1
                if seen == nth:
                    return i
        return 1

    def key(self, name: str) -> int:
        for i, line in enumerate(self.lines, 1):
            if line.split("=")[0].strip() == name:
                return i
        return 1


def load(path: str) -> Roster:
    """Read and validate a roster file; every problem is an ImyaError naming file:line."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ImyaError(f"{path}: cannot read the roster ({e.strerror})") from None
    if len(raw) > MAX_ROSTER:
        raise ImyaError(f"{path}: a roster over {MAX_ROSTER // 1024} KB is not a roster")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImyaError(f"{path}: the roster is not UTF-8 text") from None
    return parse(text, path)


def parse(text: str, path: str = "roster.toml") -> Roster:
    try:
        spec = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ImyaError(f"{path}: not valid TOML: {e}") from None
    lines = _Lines(text)
    top_unknown = set(spec) - {"era", "setting", "characters", "relation", "permission"}
    if top_unknown:
        raise ImyaError(f"{path}: unknown top-level keys {sorted(top_unknown)}; expected era, setting, "
                        "[characters.ID], [[relation]], [[permission]]")
    era = _choice(spec.get("era", "modern"), ERAS, f"{path}:{lines.key('era')}: era")
    setting = _choice(spec.get("setting", "private"), SETTINGS, f"{path}:{lines.key('setting')}: setting")
    chars = spec.get("characters")
    if not isinstance(chars, dict) or not chars:
        raise ImyaError(f"{path}: the roster has no characters: add [characters.ID] tables")
    roster = Roster(path, era, setting, {cid: _character(cid, c, f"{path}:{lines.table(f'[characters.{cid}]')}")
                                         for cid, c in chars.items()})
    for i, rel in enumerate(spec.get("relation", [])):
        _relation(roster, rel, f"{path}:{lines.table('[[relation]]', i)}: relation {i + 1}", lines.table("[[relation]]", i))
    for i, perm in enumerate(spec.get("permission", [])):
        where = f"{path}:{lines.table('[[permission]]', i)}: permission {i + 1}"
        _keys(perm, PERMISSION_KEYS, where)
        for key in ("by", "to", "form"):
            if not isinstance(perm.get(key), str) or not perm[key].strip():
                raise ImyaError(f"{where}: '{key}' is required (a character id, or the form offered)")
        _known(roster, (perm["by"], perm["to"]), where)
        since = _since(perm.get("since"), where)
        roster.permissions.append((perm["by"], perm["to"], perm["form"], since))
    return roster


def _keys(table, allowed: set[str], where: str) -> None:
    if not isinstance(table, dict):
        raise ImyaError(f"{where}: expected a table")
    unknown = set(table) - allowed
    if unknown:
        raise ImyaError(f"{where}: unknown keys {sorted(unknown)}; expected some of {', '.join(sorted(allowed))}")


def _choice(value, allowed: tuple, where: str) -> str:
    if value not in allowed:
        raise ImyaError(f"{where} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _character(cid: str, c, where: str) -> Person:
    _keys(c, CHARACTER_KEYS, f"{where}: character {cid!r}")
    if not isinstance(c.get("name"), str) or not c["name"].strip():
        raise ImyaError(f"{where}: character {cid!r} needs a name")
    level = c.get("level")
    if level is not None and (not isinstance(level, int) or isinstance(level, bool)):
        raise ImyaError(f"{where}: character {cid!r}: level must be a whole number")
    for key in ("titles", "canon"):
        if not isinstance(c.get(key, []), list) or not all(isinstance(v, str) for v in c.get(key, [])):
            raise ImyaError(f"{where}: character {cid!r}: {key} must be a list of strings")
    try:
        return from_name(c["name"], cid, gender=c.get("gender"), age=_choice(c.get("age", "adult"), AGES, "age"),
                         titles=tuple(c.get("titles", ())), level=level, foreigner=bool(c.get("foreigner", False)),
                         canon=tuple(c.get("canon", ())))
    except ImyaError as e:
        raise ImyaError(f"{where}: character {cid!r}: {e}") from None


def _since(value, where: str) -> Point | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ImyaError(f"{where}: since must be 'chapter N' or 'line N'")
    try:
        return Point.parse(value)
    except ImyaError as e:
        raise ImyaError(f"{where}: {e}") from None


def _known(roster: Roster, ids, where: str) -> None:
    for cid in ids:
        if cid not in roster.characters:
            raise ImyaError(f"{where}: unknown character {cid!r} (the roster has {', '.join(sorted(roster.characters))})")


def _relation(roster: Roster, rel, where: str, line: int) -> None:
    _keys(rel, RELATION_KEYS, where)
    if "between" in rel:
        pair = rel["between"]
        if "from" in rel or "to" in rel or not (isinstance(pair, list) and len(pair) == 2):
            raise ImyaError(f"{where}: use either between = [a, b] or from and to")
        directions = [(pair[0], pair[1], False), (pair[1], pair[0], True)]
    elif "from" in rel and "to" in rel:
        directions = [(rel["from"], rel["to"], False)]
    else:
        raise ImyaError(f"{where}: a relation needs from and to, or between")
    _known(roster, [d[0] for d in directions] + [d[1] for d in directions], where)
    if directions[0][0] == directions[0][1]:
        raise ImyaError(f"{where}: a character's relation to themselves")
    values = {}
    for key, allowed in (("rank", RANKS), ("closeness", CLOSENESS), ("setting", SETTINGS), ("era", ERAS)):
        if key in rel:
            values[key] = _choice(rel[key], allowed, f"{where}: {key}")
    if "first_meeting" in rel:
        values["first_meeting"] = bool(rel["first_meeting"])
    since = _since(rel.get("since"), where)
    for speaker, addressee, mirrored in directions:
        for other in roster.changes:
            if (other.speaker, other.addressee, other.since) != (speaker, addressee, since):
                continue
            for key, value in values.items():
                theirs = other.values.get(key)
                if theirs is not None and other.mirrored != mirrored:
                    theirs = _mirror(key, theirs)
                if theirs is not None and theirs != value:
                    raise ImyaError(f"{where}: {key} of {speaker} → {addressee} contradicts line {other.line} "
                                    f"({theirs!r} there, {value!r} here)")
        roster.changes.append(_Change(speaker, addressee, since, values, line, mirrored))
