"""EPUB: the spine's XHTML documents in order, read with the HTML code; metadata from the OPF."""

from __future__ import annotations

import html

import ebooklib
from ebooklib import epub

from imya.document import Document
from imya.read import files, meta
from imya.read.build import Builder
from imya.read.html import decode_html, dialect, extract, parse
from imya.read.structure import Heading
from imya.read.walk import paragraphs_of


def read_epub(path: str) -> Document:
    book = files.load_package(path, "epub", lambda p: epub.read_epub(p, options={"ignore_ncx": True}))
    out = Builder(path)
    fff = is_fanficfare(book)
    ao3 = False  # once a book shows AO3's preface, its later parts follow the same templates
    toc = toc_titles(book.toc)
    by_toc: list[Heading] = []  # the first paragraph of each listed document, if no headings mark chapters
    page_meta: dict[str, str | list[str]] = {}
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT or isinstance(item, epub.EpubNav):
            continue  # images, and the navigation document, which is only a table of contents
        # The raw file: get_content() rebuilds the page and drops the body's classes.
        content = item.content or b""
        text, _ = decode_html(content.encode() if isinstance(content, str) else content)
        tree = parse(text)
        if any("toc" in (nav.attributes.get("epub:type") or "") for nav in tree.css("nav")):
            continue
        kind = dialect(tree)
        if kind == "html" and (fff or ao3):
            kind = "fanficfare" if fff else "ao3"
        fff = fff or kind == "fanficfare"
        ao3 = ao3 or kind == "ao3"
        first = len(out.paragraphs)
        extract(tree, out, kind)
        if kind == "ao3":
            page_meta.update(meta.ao3(tree))
        elif kind == "fanficfare" and tree.css_first("body.fff_titlepage") is not None:
            page_meta.update(meta.fanficfare(tree))
        title = toc.get(item.get_name())
        if title and any(p.kind == "story" for p in out.paragraphs[first:]):
            by_toc.append(Heading(first, title, 1, forced=True))
    out.metadata = opf_metadata(book)
    out.metadata.update(page_meta)  # a title page's fields are finer than the OPF's flat subjects
    return out.document("fanficfare" if fff else "epub", fallback=by_toc)


def is_fanficfare(book) -> bool:
    said = [v or "" for v, _ in book.get_metadata("DC", "contributor") + book.get_metadata("DC", "identifier")]
    return any("FanFicFare" in v or v.startswith("fanficfare-uid") for v in said)


def toc_titles(toc, found: dict[str, str] | None = None) -> dict[str, str]:
    """File name → title of each table-of-contents entry (the first entry of a file wins)."""
    found = {} if found is None else found
    for entry in toc:
        if isinstance(entry, tuple):  # (Section, [children])
            section, children = entry[0], entry[1]
            _add(found, section)
            toc_titles(children, found)
        else:
            _add(found, entry)
    return found


def _add(found: dict[str, str], entry) -> None:
    href = getattr(entry, "href", None)
    title = " ".join((getattr(entry, "title", None) or "").split())
    if href and title:
        found.setdefault(href.split("#")[0], title)


def opf_metadata(book) -> dict[str, str | list[str]]:
    def values(name: str) -> list[str]:
        # FanFicFare escapes twice ("&amp;amp;"); lxml undoes one, this the other.
        return [html.unescape(v).strip() for v, _ in book.get_metadata("DC", name) if v and v.strip()]

    found: dict[str, str | list[str]] = {}
    for name, key in (("title", "title"), ("language", "language"), ("publisher", "publisher"), ("date", "date")):
        if got := values(name):
            found[key] = got[0]
    if creators := values("creator"):
        found["author"] = ", ".join(creators)
    if description := values("description"):
        text = description[0]
        found["summary"] = paragraphs_of(parse(text).body) if "<" in text else text
    if subjects := values("subject"):
        found["tags"] = subjects
    return found
