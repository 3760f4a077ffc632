"""The package's data files (see README.md in this folder)."""

import os

_HERE = os.path.dirname(__file__)


def read(name: str) -> str:
    """The text of one data file."""
    with open(os.path.join(_HERE, name), encoding="utf-8") as f:
        return f.read()
