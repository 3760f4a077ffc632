"""The linter: what in a manuscript a Russian reader would wince at.

Each rule is one module in `imya/lint/rules/` with a code (IMY###), a kebab
name, a severity, a doc text for writers (what it flags, why a Russian reader
minds, an example, what to write instead), must-flag and must-pass examples
that the tests run, and a `check(context)` that yields findings.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import asdict, dataclass, field
from functools import cache
from types import ModuleType

from ..cast import Cast
from ..dialogue import Dialogue
from ..document import Document

SEVERITIES = ("info", "warning", "error")


@dataclass(slots=True)
class Finding:
    """One problem at one place.  Field names are a stable JSON contract."""

    rule: str
    severity: str
    message: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    explanation: str = ""
    suggestion: str | None = None
    name: str = ""  # the rule's kebab name

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Context:
    """What rules look at: the document, its cast and dialogue, and the author's roster."""

    doc: Document
    cast: Cast
    dialogue: Dialogue
    roster: object | None = None  # imya.roster.Roster
    canon: set[str] = field(default_factory=set)  # spellings the author keeps on purpose, and their words
    lower: str = ""  # the text in lower case, for finding words in capitals

    def __post_init__(self):
        self.lower = self.doc.text.lower()


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    doc: str
    must_flag: tuple[str, ...]
    must_pass: tuple[str, ...]
    module: ModuleType

    def check(self, ctx: Context):
        for f in self.module.check(ctx):
            f.rule, f.name = self.code, self.name
            f.severity = f.severity or self.severity
            f.explanation = f.explanation or self.summary
            f.line, f.column = ctx.doc.line_col(f.start)
            yield f


@cache
def registry() -> dict[str, Rule]:
    """Every rule, by code; each module is checked for the parts a rule must have."""
    package = importlib.import_module(f"{__name__}.rules")
    out = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        mod = importlib.import_module(f"{package.__name__}.{info.name}")
        for attr in ("CODE", "NAME", "SEVERITY", "SUMMARY", "DOC", "MUST_FLAG", "MUST_PASS", "check"):
            if not hasattr(mod, attr):
                raise AssertionError(f"lint rule {info.name} has no {attr}")
        if mod.SEVERITY not in SEVERITIES:
            raise AssertionError(f"lint rule {mod.CODE}: severity {mod.SEVERITY!r}")
        out[mod.CODE] = Rule(mod.CODE, mod.NAME, mod.SEVERITY, mod.SUMMARY, mod.DOC.strip(),
                             tuple(mod.MUST_FLAG), tuple(mod.MUST_PASS), mod)
    return out


def word_spans(ctx: Context, mention) -> list[tuple[object, int, int]]:
    """Each word of a mention with its offsets in the text (names in capitals included)."""
    out, pos, low = [], mention.start, ctx.lower
    for w in mention.words:
        at = low.find(w.text.lower(), pos, mention.end + 1)
        if at < 0:
            continue
        out.append((w, at, at + len(w.text)))
        pos = at + len(w.text)
    return out


def roster_people(ctx: Context) -> dict[str, str]:
    """Cast character id → roster character id, by agreeing given name and surname."""
    from ..spelling import latin_keys

    if ctx.roster is None:
        return {}
    out: dict[str, str] = {}
    for rid, person in ctx.roster.characters.items():
        keys = set(latin_keys(person.surname_m)) if person.surname_m else set()
        best = None
        for c in ctx.cast.characters:
            given_ok = person.given is not None and person.given.cyrillic in c.given
            surname_ok = bool(c.surname) and (c.surname in keys or c.surname == (person.surname_m or "").lower())
            if (given_ok and (surname_ok or not c.surname)) or (surname_ok and not c.given):
                if best is None or c.mentions > best.mentions:
                    best = c
                out.setdefault(c.id, rid)
        if best is not None:
            out[best.id] = rid
    return out


def partners(ctx: Context) -> dict[int, str]:
    """For each turn of the dialogue, the other party: the previous speaker, else the next.

    A turn that calls someone by name is answered by them: there the next speaker comes first.
    """
    order: list[tuple[int, str | None, bool]] = []
    for q in ctx.dialogue.quotes:
        if not order or order[-1][0] != q.turn:
            order.append((q.turn, q.speaker.character, False))
        if q.vocatives:
            order[-1] = (q.turn, order[-1][1], True)
    out = {}
    for i, (turn, speaker, calls) in enumerate(order):
        for j in ((i + 1, i - 1) if calls else (i - 1, i + 1)):
            if 0 <= j < len(order) and order[j][1] and order[j][1] != speaker:
                out[turn] = order[j][1]
                break
    return out


def place(ctx: Context, offset: int) -> tuple:
    """Where an offset is in the story, as roster points: its chapter and its line."""
    from ..roster import Point

    points = [Point("line", ctx.doc.line_col(offset)[0])]
    chapter = ctx.doc.chapter_at(offset)
    if chapter:
        points.append(Point("chapter", chapter))
    return tuple(points)


def loose(spelling: str) -> str:
    """A Latin spelling with the differences of old and modern English romanization folded:
    Ivanitch = Ivanych, Zaharovitch = Zakharovich, Dounia = Dunya."""
    import re

    from ..spelling import light

    s = light(spelling)
    for a, b in (("tch", "ch"), ("kh", "h"), ("ou", "u"), ("ff", "v"), ("y", "i"), ("j", "i")):
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def lint(ctx: Context, select: set[str] | None = None, ignore: set[str] | None = None) -> list[Finding]:
    """All findings of the selected rules, in text order."""
    found: list[Finding] = []
    for code, rule in registry().items():
        if (select and code not in select) or (ignore and code in ignore):
            continue
        found.extend(rule.check(ctx))
    return sorted(found, key=lambda f: (f.start, f.rule))


def context(doc: Document, roster=None) -> Context:
    from ..links import cast_and_dialogue

    result, dlg = cast_and_dialogue(doc)
    canon = set()
    if roster is not None:
        for person in roster.characters.values():
            for spelling in person.canon:
                canon.add(" ".join(spelling.split()))
                canon.update(spelling.split())
    return Context(doc, result, dlg, roster, canon)
