"""Building a document from extracted paragraphs (HTML, EPUB, DOCX): text is paragraphs joined by blank lines."""

from __future__ import annotations

from imya.document import Document, Paragraph
from imya.errors import ImyaError
from imya.read import files
from imya.read.structure import Heading, clean_breaks, make_chapters

SEP = "\n\n"


class Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.parts: list[str] = []
        self.paragraphs: list[Paragraph] = []
        self.heads: list[Heading] = []
        self.breaks: list[int] = []
        self.metadata: dict[str, str | list[str]] = {}
        self.pos = 0  # where the next paragraph starts

    def add(self, text: str, kind: str = "story", heading: Heading | None = None) -> None:
        """Add a paragraph; with `heading`, it is a heading that may start a chapter."""
        if not text:
            return
        if self.pos + len(text) > files.MAX_TEXT_BYTES:
            raise ImyaError(f"{self.path} holds too much text; the limit is {files.mb(files.MAX_TEXT_BYTES)}")
        if heading is not None:
            heading.index = len(self.paragraphs)
            self.heads.append(heading)
        self.parts.append(text)
        self.paragraphs.append(Paragraph(self.pos, self.pos + len(text), kind))
        self.pos += len(text) + len(SEP)

    def scene_break(self) -> None:
        self.breaks.append(self.pos)

    def document(self, fmt: str, fallback: list[Heading] | None = None) -> Document:
        """The document; `fallback` headings mark chapters when no heading in the text does."""
        text = SEP.join(self.parts)
        if not text.strip():
            raise ImyaError(f"{self.path} contains no text")
        paragraphs, chapters = make_chapters(self.paragraphs, self.heads, len(text))
        if not chapters and fallback:
            paragraphs, chapters = make_chapters(paragraphs, fallback, len(text))
        return Document(
            path=self.path,
            format=fmt,
            text=text,
            paragraphs=paragraphs,
            chapters=chapters,
            scene_breaks=clean_breaks(self.breaks, paragraphs),
            metadata=self.metadata,
        )
