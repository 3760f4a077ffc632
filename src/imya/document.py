"""The document model every reader produces: one text, its paragraphs, chapters and parts.

For `.txt` and `.md` input, `text` is the decoded file exactly (offsets are
Python str indices into it, as the product's contracts require).  For HTML,
EPUB and DOCX, `text` is the extracted text: paragraphs separated by a blank
line, chapter headings as paragraphs of kind "heading".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# What a stretch of text is: the story itself, or what surrounds it.
KINDS = ("story", "heading", "note", "metadata")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int  # text[start:end]; hard-wrapped lines keep their line breaks
    kind: str = "story"  # one of KINDS; author's notes and title pages are not story


@dataclass(frozen=True, slots=True)
class Chapter:
    title: str
    start: int
    end: int


@dataclass
class Document:
    path: str
    format: str  # txt | md | html | ao3 | fanficfare | epub | docx
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    scene_breaks: list[int] = field(default_factory=list)  # offsets of scene-break lines
    metadata: dict[str, str | list[str]] = field(default_factory=dict)  # title, author, rating, characters...
    encoding: str | None = None  # for txt/md: the encoding the bytes were decoded with
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a text offset (for txt/md, the source file's)."""
        if not self._line_starts:  # \r\n, \n and an old Mac's \r each end a line
            self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def story(self) -> list[Paragraph]:
        """The paragraphs of the story itself (no notes, metadata or headings)."""
        return [p for p in self.paragraphs if p.kind == "story"]

    def chapter_at(self, offset: int) -> int | None:
        """1-based number of the chapter holding `offset`, or None before the first."""
        starts = [c.start for c in self.chapters]
        i = bisect.bisect_right(starts, offset)
        return i or None
