"""Plain text and Markdown: the decoded file is the document text, exactly."""

from __future__ import annotations

import re

from imya.document import Document, Paragraph
from imya.read.meta import key_of, value_of
from imya.read.structure import Heading, clean_breaks, is_break, is_chapter_heading, is_title_line, make_chapters

BLANK_RUN = 3  # this many blank lines in a row between story paragraphs are a scene break
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t\r]*")
UNDERLINE = re.compile(r"=+|-+")
SENTENCE_END = tuple(".!?,;:\"'”’…")


def parse_text(path: str, text: str, encoding: str, markdown: bool = False) -> Document:
    """Paragraphs, headings, chapters and scene breaks of a plain-text or Markdown file."""
    notes: list[Paragraph] = []
    scan = text
    if markdown and "<!--" in text:
        notes = [p for p in map(_comment, COMMENT.finditer(text)) if p.end > p.start]
        # Blank the comments out, keeping every offset and line break where it was.
        scan = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    scanner = _Scanner(markdown)
    scanner.run(scan)
    paragraphs = sorted(scanner.paragraphs + notes, key=lambda p: p.start) if notes else scanner.paragraphs
    index = {p.start: i for i, p in enumerate(paragraphs) if p.kind == "heading"}
    heads = [Heading(index[start], title, level) for start, title, level in scanner.heads]
    paragraphs, chapters = make_chapters(paragraphs, heads, len(text))
    return Document(
        path=path,
        format="md" if markdown else "txt",
        text=text,
        paragraphs=paragraphs,
        chapters=chapters,
        scene_breaks=clean_breaks(scanner.breaks, paragraphs),
        metadata=scanner.meta,
        encoding=encoding,
    )


_LABEL = re.compile(r"\s*([A-Z][A-Za-z ]{1,24}):\s+(\S.*)")


def _fields(lines: list[str]) -> dict[str, str | list[str]]:
    """"Rating: Teen And Up" lines (two or more, the first one labelled) → metadata; a line
    without a label continues the value above it."""
    labelled = [_LABEL.fullmatch(line) for line in lines]
    if not labelled[0] or sum(1 for m in labelled if m) < 2:
        return {}
    items: list[tuple[str, list[str]]] = []
    for line, m in zip(lines, labelled, strict=True):
        if m:
            items.append((key_of(m.group(1)), [m.group(2)]))
        else:
            items[-1][1][-1] += " " + line.strip()
    return {key: value_of(key, values) for key, values in items}


def _comment(m: re.Match) -> Paragraph:
    """The note paragraph of a comment: its text without the markers and surrounding space."""
    inner = m.group(1)
    start = m.start(1) + len(inner) - len(inner.lstrip())
    end = m.end(1) - (len(inner) - len(inner.rstrip()))
    return Paragraph(start, max(start, end), "note")


class _Scanner:
    """One pass over the lines, without per-character work."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.paragraphs: list[Paragraph] = []
        self.heads: list[tuple[int, str, int]] = []  # start offset, title, level
        self.breaks: list[int] = []
        self.start = self.end = -1  # the open block of lines, -1 when none
        self.lines: list[str] = []
        self.spans: list[tuple[int, int]] = []  # each line's text, without its indent or line end
        self.gap = -1  # offset of a long run of blank lines, kept if story follows story
        self.meta: dict[str, str | list[str]] = {}  # the title, byline and labelled lines before the story
        self.story_seen = False

    def run(self, text: str) -> None:
        pos = 0
        blank = 0
        blank_start = 0
        eol = "\n" if "\n" in text or "\r" not in text else "\r"  # old Mac files end lines with CR alone
        for line in text.split(eol):
            s = line.strip()
            if not s:
                if blank == 0:
                    self.close()
                    blank_start = pos
                blank += 1
                if blank == BLANK_RUN:
                    self.gap = blank_start
            else:
                blank = 0
                self.line(line, s, pos)
            pos += len(line) + 1
        self.close()

    def line(self, line: str, s: str, pos: int) -> None:
        lead = len(line) - len(line.lstrip())
        if self.markdown and (m := ATX.fullmatch(line)):
            self.close()
            if not (m.group(2) or "").strip():
                self.breaks.append(pos + lead)  # a lone "#"
                self.gap = -1
                return
            start = pos + m.start(2)
            self.add(start, start + len(m.group(2).rstrip()), "heading", m.group(2).strip(), len(m.group(1)))
        elif self.start >= 0 and UNDERLINE.fullmatch(s) and self.underlines(s):
            title = " ".join(x.strip() for x in self.lines)
            self.add(self.start, self.end, "heading", title, 1 if s[0] == "=" else 2)
            self.start = -1
            self.lines = []
            self.spans = []
        elif is_break(s):
            self.close()
            self.breaks.append(pos + lead)
            self.gap = -1
        else:
            if self.start < 0:
                self.start = pos + lead
            self.end = pos + len(line.rstrip())
            self.lines.append(line)
            self.spans.append((pos + lead, self.end))

    def close(self) -> None:
        if self.start < 0:
            return
        lines, spans = self.lines, self.spans
        fields = _fields(lines) if not self.story_seen else {}
        if fields:  # FanFicFare's "Rating: Teen" lines over the story
            self.add(self.start, self.end, "metadata")
            self.meta.update(fields)
        elif self.top_line(lines):  # "Sisters" over the story: its title, not a sentence of it
            self.add(self.start, self.end, "metadata")
            line = lines[0].strip()
            if re.match(r"(?i)by\s", line):
                self.meta.setdefault("author", line[3:].strip())
            elif line.lower() not in ("contents", "table of contents"):
                self.meta.setdefault("title", line)
        elif not is_chapter_heading(lines[0]):
            self.add(self.start, self.end, "story")
        elif len(lines) == 1 or (len(lines) == 2 and is_title_line(lines[1])):
            # "CHAPTER I", or "CHAPTER I" over "The Beginning"
            self.add(self.start, self.end, "heading", " ".join(x.strip() for x in lines), 1)
        else:  # "CHAPTER I" straight over the first lines of the story
            self.add(spans[0][0], spans[0][1], "heading", lines[0].strip(), 1)
            self.add(spans[1][0], self.end, "story")
        self.start = -1
        self.lines = []
        self.spans = []

    def add(self, start: int, end: int, kind: str, title: str = "", level: int = 1) -> None:
        if self.gap >= 0 and kind == "story" and self.paragraphs and self.paragraphs[-1].kind == "story":
            self.breaks.append(self.gap)
        self.gap = -1
        if kind == "heading":
            self.heads.append((start, title, level))
        self.story_seen = self.story_seen or kind == "story"
        self.paragraphs.append(Paragraph(start, end, kind))

    def top_line(self, lines: list[str]) -> bool:
        """A one-line title-like paragraph before any story: the title or a byline."""
        line = lines[0].strip()
        return (len(lines) == 1 and not self.story_seen and len(line) <= 80
                and (is_title_line(line) or bool(re.match(r"(?i)by\s+\S", line)))
                and not line.endswith(SENTENCE_END) and not is_chapter_heading(line))

    def underlines(self, rule: str) -> bool:
        """Whether `rule` (=== or ---) underlines the line above it as a heading, not a scene break."""
        if len(self.lines) > (2 if self.markdown else 1):
            return False
        if self.markdown:
            return True
        title = self.lines[0].strip()
        return len(rule) >= max(3, 0.6 * len(title)) and len(title) <= 80 and not title.endswith(SENTENCE_END)
