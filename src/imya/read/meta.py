"""Story metadata from fan-fiction downloads: AO3 preface tags and FanFicFare title pages."""

from __future__ import annotations

import re

from imya.read.walk import paragraphs_of

# Labels as AO3 and FanFicFare print them → our keys.
KEYS = {
    "rating": "rating", "ratings": "rating",
    "archive warning": "warnings", "archive warnings": "warnings", "warning": "warnings", "warnings": "warnings",
    "category": "categories", "categories": "categories",
    "fandom": "fandoms", "fandoms": "fandoms",
    "relationship": "relationships", "relationships": "relationships", "pairing": "relationships",
    "pairings": "relationships", "ships": "relationships",
    "character": "characters", "characters": "characters",
    "additional tags": "tags", "freeform tags": "tags", "freeform": "tags", "extra tags": "tags", "tags": "tags",
    "genre": "genres", "genres": "genres",
    "summary": "summary", "description": "summary",
    "author": "author", "authors": "author", "by": "author",
    "collections": "collections",
}  # fmt: skip
LISTS = {"warnings", "categories", "fandoms", "relationships", "characters", "tags", "genres", "collections"}


def key_of(label: str) -> str:
    label = " ".join(label.strip().rstrip(":").split()).lower()
    return KEYS.get(label) or re.sub(r"\W+", "_", label).strip("_")


def value_of(key: str, items: list[str]) -> str | list[str]:
    """A list for tag lists (one item per tag), a string otherwise."""
    items = [" ".join(i.split()) for i in items]
    items = [i for i in items if i]
    if key in LISTS:
        if len(items) == 1:
            items = [t.strip() for t in items[0].split(", ")]
        return [i for i in items if i]
    return ", ".join(items)


def ao3(tree) -> dict[str, str | list[str]]:
    """The preface of an Archive of Our Own download: title, author, tags, summary."""
    meta: dict[str, str | list[str]] = {}
    preface = tree.css_first("#preface")
    if preface is None:
        return meta
    if (h1 := preface.css_first("h1")) is not None:
        meta["title"] = " ".join(h1.text().split())
    if (byline := preface.css_first(".byline")) is not None:
        authors = [a.text() for a in byline.css("a")] or [re.sub(r"^\s*by\s+", "", byline.text())]
        meta["author"] = value_of("author", authors)
    for dt in preface.css("dl.tags dt"):
        dd = _next_element(dt)
        if dd is None or dd.tag != "dd":
            continue
        key = key_of(dt.text())
        links = [a.text() for a in dd.css("a")]
        meta[key] = value_of(key, links if links and key in LISTS else [dd.text()])
    for p in preface.css("p"):
        if p.text().strip().lower() == "summary" and (bq := _next_element(p)) is not None:
            meta["summary"] = paragraphs_of(bq)
    return meta


def fanficfare(tree) -> dict[str, str | list[str]]:
    """A FanFicFare title page: "<b>Label:</b> value" lines or table rows, and "Title by Author"."""
    meta: dict[str, str | list[str]] = {}
    page = tree.css_first("body.fff_titlepage") or tree.css_first("table.full")
    top = tree.css_first("body.fff_titlepage h3") or tree.css_first("body > h1") or tree.css_first("h1")
    if top is not None and (link := top.css_first("a")) is not None and top.css_first("a.authorlink") is not None:
        meta["title"] = " ".join(link.text().split())
        meta["author"] = value_of("author", [a.text() for a in top.css("a.authorlink")])
    if page is None:
        return meta
    for b in page.css("b"):
        label = b.text().strip()
        if not label.endswith(":"):
            continue
        key = key_of(label)
        parent = b.parent
        if parent is not None and parent.tag in ("td", "th") and parent.text().strip() == label:
            cell = _next_element(parent)
            value = paragraphs_of(cell) if cell is not None else ""
        else:
            value = _until_break(b)
        if value:
            meta.setdefault(key, value_of(key, [value]) if key != "summary" else value)
    return meta


def _next_element(node):
    node = node.next
    while node is not None and not node.is_element_node:
        node = node.next
    return node


def _until_break(b) -> str:
    """The text after a <b>label</b> up to the next <br> or <b>."""
    parts = []
    node = b.next
    while node is not None and node.tag not in ("br", "b"):
        if node.tag == "-text":
            parts.append(" ".join((node.text_content or "").split()))
        elif node.is_element_node:
            parts.append(paragraphs_of(node))
        node = node.next
    return " ".join(p for p in parts if p)
