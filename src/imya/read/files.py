"""Opening input files safely: size limits, sniffing what the bytes are, ZIP checks."""

from __future__ import annotations

import os
import warnings
import zipfile
from collections.abc import Callable
from typing import TypeVar

from imya.errors import ImyaError

MAX_TEXT_BYTES = 64 * 1024 * 1024  # a text, HTML file or extracted book text
MAX_ZIP_BYTES = 200 * 1024 * 1024  # an EPUB or DOCX file on disk
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # everything its members declare
MAX_RATIO = 100  # compression ratio allowed on a large member
LARGE_MEMBER = 10 * 1024 * 1024
MAX_MEMBERS = 10_000

# Magic numbers of things people give by mistake, for a clear message.
MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (an image or audio)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) or Office file"),
    (b"{\\rtf", "an RTF document"),
]


def mb(n: int) -> str:
    """A byte count in megabytes, for messages."""
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def check_path(path: str) -> int:
    """The file's size; ImyaError if it is missing, not a regular file or empty."""
    if not path:
        raise ImyaError("no file name given")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ImyaError(f"{path}: no such file") from None
    except OSError as e:
        raise ImyaError(f"{path}: cannot open ({e.strerror})") from None
    if os.path.isdir(path):
        raise ImyaError(f"{path} is a directory, not a file")
    if not os.path.isfile(path):
        raise ImyaError(f"{path} is not a regular file")
    if st.st_size == 0:
        raise ImyaError(f"{path} is empty")
    return st.st_size


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """The whole file, refusing anything over `limit` (MAX_TEXT_BYTES by default)."""
    limit = MAX_TEXT_BYTES if limit is None else limit
    size = check_path(path)
    if size > limit:
        raise ImyaError(f"{path} is too large ({mb(size)}); the limit is {mb(limit)}")
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)  # the file may have grown since stat
    except OSError as e:
        raise ImyaError(f"{path}: cannot read ({e.strerror})") from None
    if len(data) > limit:
        raise ImyaError(f"{path} is too large; the limit is {mb(limit)}")
    if not data:
        raise ImyaError(f"{path} is empty")
    return data


def head(path: str, n: int = 4096) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(n)
    except OSError as e:
        raise ImyaError(f"{path}: cannot read ({e.strerror})") from None


def zip_kind(path: str) -> str:
    """'epub', 'docx' or 'zip' for a ZIP file, judged by its member names."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist()[:MAX_MEMBERS])
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    if "META-INF/container.xml" in names or "mimetype" in names:
        return "epub"
    if "word/document.xml" in names:
        return "docx"
    return "zip"


def what_is(path: str, data: bytes) -> tuple[str, str] | None:
    """What a file that is not text is, from its first bytes, and advice; None if it may be text."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = zip_kind(path)
        if kind == "epub":
            return "an EPUB book", "; rename it to .epub"
        if kind == "docx":
            return "a Word document", "; rename it to .docx"
        return "a ZIP archive", ""
    for magic, what in MAGIC:
        if data.startswith(magic):
            return what, ""
    return None


def open_zip(path: str, what: str) -> zipfile.ZipFile:
    """Open an EPUB or DOCX after checking it is a ZIP that is safe to unpack.

    The declared sizes are checked before any member is read; zipfile stops
    at a member's declared size, so a member cannot inflate past it.
    """
    size = check_path(path)
    if size > MAX_ZIP_BYTES:
        raise ImyaError(f"{path} is too large ({mb(size)}); the limit is {mb(MAX_ZIP_BYTES)}")
    start = head(path)
    if not start.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        other = what_is(path, start)
        looks = other[0] if other else "a text file"
        raise ImyaError(f"{path} is not {what} (which is a ZIP archive); it looks like {looks}")
    try:
        z = zipfile.ZipFile(path)
        infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise ImyaError(f"{path} is damaged or truncated: not a readable ZIP archive ({e})") from None
    try:
        check_members(path, infos)
    except ImyaError:
        z.close()
        raise
    return z


def check_members(path: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise ImyaError(f"{path} holds {len(infos)} files; the limit is {MAX_MEMBERS}")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size >= LARGE_MEMBER and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImyaError(
                f"{path} looks like a ZIP bomb: {info.filename} would unpack from {mb(info.compress_size)} "
                f"to {mb(info.file_size)} (more than {MAX_RATIO}:1)"
            )
    if total > MAX_UNZIPPED_BYTES:
        raise ImyaError(f"{path} would unpack to {mb(total)}; the limit is {mb(MAX_UNZIPPED_BYTES)}")


# The ZIP-based formats: what to call each, and the member that marks it.
PACKAGES = {"docx": ("a Word document", "word/document.xml"), "epub": ("an EPUB", "META-INF/container.xml")}
T = TypeVar("T")


def load_package(path: str, kind: str, load: Callable[[str], T]) -> T:
    """Check that `path` is a safe ZIP of `kind` (docx, epub), then load it with its library.

    A book of the other kind is named, with the extension to give it; whatever the
    library raises on a broken file becomes one ImyaError.
    """
    what, member = PACKAGES[kind]
    with open_zip(path, what) as z:
        names = set(z.namelist())
    if member not in names:
        for other, (other_what, other_member) in PACKAGES.items():
            if other != kind and other_member in names:
                raise ImyaError(f"{path} is {other_what}, not {what}; rename it to .{other}")
        raise ImyaError(f"{path} is a ZIP archive but not {what} (it has no {member})")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load(path)
    except Exception as e:  # the libraries raise anything from KeyError to lxml errors on a broken file
        raise ImyaError(f"{path} is not a readable {what.split(' ', 1)[1]} ({type(e).__name__}: {e})") from None
