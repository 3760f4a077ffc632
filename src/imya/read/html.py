"""HTML: block-level text in document order, with AO3 and FanFicFare downloads labelled."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from imya.document import Document
from imya.read import meta
from imya.read.build import Builder
from imya.read.decode import check_text, decode
from imya.read.walk import Walker, no_rule

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
WESTERN = {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"}  # browsers read these as cp1252
FFF_PAGES = {"fff_titlepage", "fff_tocpage", "fff_logpage", "fff_coverpage"}


def decode_html(data: bytes) -> tuple[str, str]:
    """HTML bytes as text, honouring a declared charset when the bytes agree with it."""
    m = CHARSET.search(data[:4096])
    hint = None
    if m:
        hint = (m.group(1) or m.group(2)).decode("ascii").lower()
        hint = "cp1252" if hint in WESTERN else hint
        if hint.startswith(("utf-16", "utf-32", "utf16", "utf32")):
            hint = None  # without a BOM this claim is a mistake (the page was saved as UTF-8), as browsers assume
    return decode(data, hint)


def parse(markup: str) -> LexborHTMLParser:
    return LexborHTMLParser(markup)


def dialect(tree) -> str:
    """'ao3' for an Archive of Our Own download, 'fanficfare' for FanFicFare output, else 'html'."""
    if tree.css_first("#chapters") is not None and (
        tree.css_first("#preface") is not None or tree.css_first("#afterword") is not None
    ):
        return "ao3"
    if tree.css_first("#preface dl.tags") is not None:
        return "ao3"  # the first part of an AO3 EPUB, split from its chapters
    body = tree.body
    classes = set((body.attributes.get("class") or "").split()) if body is not None else set()
    if any(c.startswith("fff_") for c in classes) or tree.css_first("h3.fff_chapter_title, div.fff_chapter_notes"):
        return "fanficfare"
    if tree.css_first('a[name^="section"] h2') is not None and tree.css_first('a[name="TOCTOP"], a.authorlink'):
        return "fanficfare"
    return "html"


def read_html(path: str, data: bytes) -> Document:
    text, encoding = decode_html(data)
    check_text(path, text)
    tree = parse(text)
    kind = dialect(tree)
    out = Builder(path)
    extract(tree, out, kind)
    if kind == "ao3":
        out.metadata = meta.ao3(tree)
    elif kind == "fanficfare":
        out.metadata = meta.fanficfare(tree)
    else:
        out.metadata = generic_metadata(tree)
    doc = out.document(kind)
    doc.encoding = encoding
    return doc


def generic_metadata(tree) -> dict[str, str | list[str]]:
    found: dict[str, str | list[str]] = {}
    if (title := tree.css_first("head title")) is not None and title.text().strip():
        found["title"] = " ".join(title.text().split())
    if (author := tree.css_first('meta[name="author"]')) is not None and (author.attributes.get("content") or "").strip():
        found["author"] = author.attributes["content"].strip()
    return found


def extract(tree, out: Builder, kind: str) -> None:
    """Add the paragraphs of a parsed page to `out`."""
    if tree.body is None:
        return
    rule = {"ao3": ao3_rule, "fanficfare": fff_rule}.get(kind, no_rule)
    # FanFicFare's one-file HTML puts title page and contents before the first chapter anchor.
    base = "metadata" if kind == "fanficfare" and tree.css_first('a[name^="section"] h2') is not None else "story"
    Walker(out, rule, base).walk(tree.body)


def classes(node) -> set[str]:
    return set((node.attributes.get("class") or "").split())


def ao3_rule(walker, node, tag):
    """Kinds of the parts of an AO3 download (otwarchive's downloads/*.html.erb templates)."""
    ident = node.attributes.get("id")
    if ident == "preface":
        return "metadata", False
    if ident == "chapters":
        return "story", False
    if ident == "afterword":
        return "note", False
    cls = classes(node)
    if tag == "h2" and "toc-heading" in cls:
        return "metadata", False
    if tag == "h2" and "heading" in cls:
        return "story", True  # a chapter title, inside the chapter's div.meta
    if tag == "div" and "meta" in cls and walker.kinds[-1] == "story":
        return "note", False  # chapter summary, notes and end notes
    if tag == "p" and "message" in cls:
        return "metadata", False
    if tag == "blockquote" and walker.kinds[-1] == "metadata" and label_before(node) == "notes":
        return "note", False
    return None, False


def fff_rule(walker, node, tag):
    """Kinds of the parts of FanFicFare output (its writer_html and writer_epub templates)."""
    cls = classes(node)
    if tag == "body" and cls & FFF_PAGES:
        return "metadata", False
    if tag == "div" and "fff_chapter_notes" in cls:
        return "note", False
    if tag == "h3" and "fff_chapter_title" in cls:
        return "story", True
    if tag == "a" and (node.attributes.get("name") or "").startswith("section"):
        walker.kinds[0] = "story"  # the chapters have begun
        return "story", False
    if tag == "h2" and node.parent is not None and (node.parent.attributes.get("name") or "").startswith("section"):
        return "story", True
    return None, False


def label_before(node) -> str:
    prev = node.prev
    while prev is not None and not prev.is_element_node:
        prev = prev.prev
    return prev.text().strip().lower() if prev is not None else ""
