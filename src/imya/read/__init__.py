"""Readers: a manuscript file (.txt, .md, .html, .epub, .docx) as an `imya.document.Document`.

Every bad input raises ImyaError with a one-line message.
"""

from __future__ import annotations

import os
import re

from imya.document import Document
from imya.errors import ImyaError
from imya.read import files
from imya.read.decode import check_text, decode
from imya.read.docx import read_docx
from imya.read.epub import read_epub
from imya.read.html import read_html
from imya.read.text import parse_text

__all__ = ["FORMATS", "read"]

FORMATS = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".epub": "epub",
    ".docx": "docx",
}  # fmt: skip
TAG = re.compile(rb"<[A-Za-z!/]")
HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def read(path: str | os.PathLike) -> Document:
    """Read a manuscript, choosing the reader by extension and checking the content agrees."""
    path = os.fspath(path)
    files.check_path(path)
    ext = os.path.splitext(path)[1].lower()
    fmt = FORMATS.get(ext)
    if fmt is None:
        if ext:
            raise ImyaError(f"{path}: cannot read {ext} files; imya reads .txt, .md, .html, .epub and .docx")
        fmt = _sniff(path)
    if fmt == "epub":
        return read_epub(path)
    if fmt == "docx":
        return read_docx(path)
    data = files.read_bytes(path)
    if (other := files.what_is(path, data[:16])) is not None:
        what, advice = other
        raise ImyaError(f"{path} is {what}, not {'HTML' if fmt == 'html' else 'text'}{advice}")
    if fmt == "html" and not TAG.search(data[:65536]):
        fmt = "txt"  # an .html file with no markup at all: keep its lines and offsets
    if fmt == "html" or (fmt == "txt" and HTML_START.match(data[:4096].removeprefix(b"\xef\xbb\xbf"))):
        return read_html(path, data)
    text, encoding = decode(data)
    check_text(path, text)
    if not text.strip():
        raise ImyaError(f"{path} is empty (only whitespace)")
    return parse_text(path, text, encoding, markdown=fmt == "md")


def _sniff(path: str) -> str:
    """The format of a file without an extension, from its content."""
    start = files.head(path)
    if start.startswith(b"PK\x03\x04"):
        kind = files.zip_kind(path)
        if kind in ("epub", "docx"):
            return kind
    return "txt"  # HTML is recognised later, and binary data refused
