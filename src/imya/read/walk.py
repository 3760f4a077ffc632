"""Walking an HTML tree into paragraphs: block-level text in document order, never script or style."""

from __future__ import annotations

import re

from imya.read.build import Builder
from imya.read.structure import Heading, is_break

# fmt: off
BLOCK = frozenset([
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "html", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
])
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Never text of the story; script and style text must not leak into names.
SKIP = frozenset([
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "canvas",
    "select", "textarea",
])
# fmt: on
SPACE = re.compile(r"\s+")  # source line breaks are spaces; only <br> breaks a line
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")  # two <br> in a row


def no_rule(walker, node, tag):
    """A rule gives the kind an element's contents take (or None) and whether it is a chapter heading."""
    return None, False


def paragraphs_of(node) -> str:
    """The text of an element, its paragraphs separated by blank lines."""
    out = Builder("")
    Walker(out, no_rule, "story", breaks=False).walk(node)
    return "\n\n".join(out.parts)


class Walker:
    """Walks the tree without recursion, so deeply nested markup cannot overflow the stack."""

    def __init__(self, out: Builder, rule, base: str, breaks: bool = True) -> None:
        self.out = out
        self.breaks = breaks  # False: separators stay as text
        self.rule = rule
        self.kinds = [base]
        self.buf: list[str] = []
        self.heading: tuple[int, bool] | None = None  # level and forced, inside a heading element

    def walk(self, root) -> None:
        stack = []  # open elements and their frames
        node = root
        while True:
            frame = None
            if node.is_text_node:
                self.buf.append(SPACE.sub(" ", node.text_content or ""))
            elif node.is_comment_node and (node.comment_content or "").strip().lower().startswith("imya:"):
                # <!-- imya: ignore IMY102 --> silences the linter in the next paragraph: keep it as a note
                self.flush()
                self.out.add(f"[{node.comment_content.strip()}]", "note")
            elif node.is_element_node and (tag := node.tag.lower()) not in SKIP:
                frame = self.enter(node, tag)
                if frame is not None and node.child is not None:
                    stack.append((node, frame))
                    node = node.child
                    continue
            if frame is not None:
                self.leave(frame)
            # On to the next node, closing the elements that end here.
            while node is not root and node.next is None:
                node, frame = stack.pop()
                self.leave(frame)
            if node is root:
                break
            node = node.next
        self.flush()

    def enter(self, node, tag: str):
        if tag == "br":
            self.buf.append("\n")
            return None
        if tag == "hr":
            self.flush()
            if self.kinds[-1] == "story" and self.breaks:
                self.out.scene_break()
            return None
        kind, forced = self.rule(self, node, tag)
        level = HEADINGS.get(tag)
        block = tag in BLOCK or level is not None
        if block:
            self.flush()
        elif tag in ("td", "th"):
            self.buf.append(" ")
        if kind is not None:
            self.kinds.append(kind)
        owns_heading = level is not None and self.heading is None
        if owns_heading:
            self.heading = (level, forced)
        return (kind is not None, block, owns_heading, tag in ("td", "th"))

    def leave(self, frame) -> None:
        pushed, block, owns_heading, cell = frame
        if block:
            self.flush()
        if cell:
            self.buf.append(" ")
        if owns_heading:
            self.heading = None
        if pushed:
            self.kinds.pop()

    def flush(self) -> None:
        if not self.buf:
            return
        raw = "".join(self.buf)
        self.buf.clear()
        if not raw.strip():
            return
        kind = self.kinds[-1]
        if self.heading is not None:
            title = " ".join(raw.split())
            level, forced = self.heading
            if kind != "story":
                self.out.add(title, kind)
            elif forced or level <= 3:
                self.out.add(title, "heading", Heading(0, title, level, forced))
            else:
                self.out.add(title, "heading")
            return
        for chunk in PARAGRAPH_BREAK.split(raw):
            lines = (" ".join(line.split()) for line in chunk.split("\n"))
            text = "\n".join(line for line in lines if line)
            if not text:
                continue
            if kind == "story" and self.breaks and is_break(text):
                self.out.scene_break()
            else:
                self.out.add(text, kind)
