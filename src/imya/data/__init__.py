"""The package's data files (see README.md in this folder) and their one reader."""

import os
from collections.abc import Iterator

_HERE = os.path.dirname(__file__)


def read(name: str) -> str:
    """The text of one data file."""
    with open(os.path.join(_HERE, name), encoding="utf-8") as f:
        return f.read()


def rows(name: str, columns: tuple[str, ...], text: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each row of a TSV data file, after checking its header.

    Blank lines and lines starting with '#' are skipped.  `text` stands in for
    the file's content (tests use it).  Raises DataError naming file:line.
    """
    from ..errors import DataError

    header_seen = False
    for number, line in enumerate((read(name) if text is None else text).split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise DataError(f"{name}:{number}: header must be {' '.join(columns)}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataError(f"{name}:{number}: {len(cells)} cells, expected {len(columns)}")
        yield number, [c.strip() for c in cells]
