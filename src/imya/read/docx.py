"""DOCX: body paragraphs in order; Title and Heading 1/2 styles start chapters."""

from __future__ import annotations

import re

import docx
from docx.table import Table

from imya.document import Document
from imya.read import files
from imya.read.build import Builder
from imya.read.structure import Heading, is_break, is_chapter_heading

HEADING_STYLE = re.compile(r"heading (\d)", re.I)


def read_docx(path: str) -> Document:
    document = files.load_package(path, "docx", docx.Document)
    out = Builder(path)
    for paragraph in body_paragraphs(document):
        text = "\n".join(line.strip() for line in paragraph.text.strip().split("\n"))
        if not text:
            continue
        if is_break(text):
            out.scene_break()
            continue
        level = heading_level(paragraph)
        if level is None and is_chapter_heading(text):
            level = 1  # "Chapter 3" typed in the Normal style
        if level is None:
            out.add(text, "story")
        else:
            title = " ".join(text.split())
            out.add(title, "heading", Heading(0, title, level, forced=level <= 2))
    out.metadata = properties(document)
    return out.document("docx")


def body_paragraphs(document):
    """Body paragraphs in order, with those of table cells where the tables stand."""
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            seen = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:  # a merged cell is listed once per grid column
                        seen.add(cell._tc)
                        yield from cell.paragraphs
        else:
            yield block


def heading_level(paragraph) -> int | None:
    """1 for Title and Heading 1, 2 for Heading 2 ... None for body text."""
    style = paragraph.style
    name = style.name if style is not None and style.name else ""
    if name.lower() == "title":
        return 1
    if name.lower() == "subtitle":
        return 3
    m = HEADING_STYLE.fullmatch(name)
    return int(m.group(1)) if m else None


def properties(document) -> dict[str, str | list[str]]:
    found: dict[str, str | list[str]] = {}
    try:
        core = document.core_properties
        fields = {"title": core.title, "author": core.author, "subject": core.subject}
        keywords = core.keywords or ""
    except Exception:  # a damaged docProps/core.xml should not stop the text
        return found
    for key, value in fields.items():
        if value and value.strip():
            found[key] = value.strip()
    tags = [t.strip() for t in re.split(r"[,;]", keywords) if t.strip()]
    if tags:
        found["tags"] = tags
    return found
