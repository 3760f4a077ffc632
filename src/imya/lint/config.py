"""Settings from `imya.toml` or `[tool.imya]` in `pyproject.toml`, and inline suppressions.

The nearest file walking up from the checked file wins:

    # imya.toml                      # pyproject.toml
    select = ["IMY101", "IMY102"]    [tool.imya]
    ignore = ["IMY106"]              ignore = ["IMY106"]
    fail-on = "error"                roster = "story.roster.toml"
    roster = "story.roster.toml"     # a roster path is relative to the file that names it

A line `<!-- imya: ignore IMY103 -->` (Markdown) or `[imya: ignore IMY103]` (plain
text) silences those rules, or all rules when no code is given, in the paragraph
that follows it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImyaError

KEYS = {"select", "ignore", "fail-on", "roster"}
_SUPPRESS = re.compile(r"(?:<!--|\[)\s*imya:\s*ignore\b([A-Z0-9,\s]*?)\s*(?:-->|\])", re.I)


@dataclass
class Settings:
    select: set[str] | None = None
    ignore: set[str] = field(default_factory=set)
    fail_on: str | None = None
    roster: str | None = None
    source: str | None = None  # the file they came from


def find(start: str) -> Settings:
    """The settings for a file: from the nearest imya.toml or pyproject.toml above it."""
    here = Path(start).resolve()
    for folder in [here.parent, *here.parent.parents]:
        for name, table in (("imya.toml", None), ("pyproject.toml", "tool.imya")):
            path = folder / name
            if path.is_file():
                spec = _load(path)
                if table:
                    spec = spec.get("tool", {}).get("imya")
                    if spec is None:
                        continue
                return _settings(spec, path)
    return Settings()


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ImyaError(f"{path}: not valid TOML ({e})") from None


def _settings(spec, path: Path) -> Settings:
    if not isinstance(spec, dict):
        raise ImyaError(f"{path}: imya's settings must be a table of keys")
    unknown = set(spec) - KEYS
    if unknown:
        raise ImyaError(f"{path}: unknown imya settings {sorted(unknown)}; expected {', '.join(sorted(KEYS))}")
    codes = {}
    for key in ("select", "ignore"):
        value = spec.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ImyaError(f"{path}: {key} must be a list of rule codes")
        codes[key] = {v.upper() for v in value} if value is not None else None
    fail_on = spec.get("fail-on")
    if fail_on is not None and fail_on not in ("info", "warning", "error"):
        raise ImyaError(f"{path}: fail-on must be info, warning or error")
    roster = spec.get("roster")
    if roster is not None and not isinstance(roster, str):
        raise ImyaError(f"{path}: roster must be a file path")
    if roster is not None:
        roster = str((path.parent / roster).resolve())
    return Settings(codes["select"], codes["ignore"] or set(), fail_on, roster, str(path))


def suppressed(doc) -> list[tuple[int, int, set[str] | None]]:
    """Spans silenced by inline comments: (start, end, codes or None for every rule)."""
    spans = []
    for m in _SUPPRESS.finditer(doc.text):
        codes = {c.upper() for c in re.split(r"[\s,]+", m.group(1)) if c} or None
        after = [p for p in doc.paragraphs if p.start >= m.end() and p.kind != "note"]
        if after:
            spans.append((after[0].start, after[0].end, codes))
    return spans
