"""Guessing a text's encoding: BOMs, UTF-8, then Russian cp1251 or Western latin-1."""

from __future__ import annotations

import codecs
import re

from imya.errors import ImyaError

BOMS = [  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
SAMPLE = 1 << 20  # bytes looked at to choose between single-byte encodings

NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
# A word of Cyrillic letters only, with no Latin letter touching it.
CYRILLIC_WORD = re.compile(r"(?<![^\W\d_])[\u0400-\u04ff]+(?![^\W\d_])")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """The text and the name of the encoding it was decoded with.

    `hint` is an encoding the file declares (an HTML meta charset); it is
    used when the bytes decode with it but are not UTF-8. Bytes that happen to
    be valid UTF-8 in another encoding are rare, so a lying declaration loses.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            # A BOM is strong evidence: keep going past a stray bad byte.
            return data.decode(name, errors="replace"), name
    if (text := _try(data, "utf-8")) is not None:
        return text, "utf-8"
    if hint and (text := _try(data, hint)) is not None:
        return text, hint
    text = _try(data, "cp1251")
    if text is not None and looks_russian(text[:SAMPLE]):
        return text, "cp1251"
    if re.search(rb"[\x80-\x9f]", data) and (text := _try(data, "cp1252")) is not None:
        return text, "cp1252"  # Windows curly quotes and dashes, which latin-1 turns into controls
    return data.decode("latin-1"), "latin-1"


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def looks_russian(text: str) -> bool:
    """Whether text decoded as cp1251 is mostly Cyrillic words among its non-ASCII letters.

    Latin-1 French or German read as cp1251 also gives Cyrillic letters, but
    inside Latin words ("йtй" for "été"); real Russian has whole Cyrillic words.
    """
    letters = len(NON_ASCII_LETTER.findall(text))
    if not letters:
        return False
    pure = sum(m.end() - m.start() for m in CYRILLIC_WORD.finditer(text))
    return pure > letters / 2


def check_text(path: str, text: str) -> None:
    """Refuse decoded text that is really binary data: NULs or many control characters."""
    sample = text[:8192]
    if "\x00" in sample or len(CONTROL.findall(sample)) > len(sample) // 10:
        raise ImyaError(f"{path} is not a text file (it holds binary data)")
    if "\x00" in text:
        raise ImyaError(f"{path} is not a text file (it holds NUL bytes)")
