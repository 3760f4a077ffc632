"""Findings of `imya check` on correct prose: the dev novels, without a roster.

    python bench/check_precision.py [--sample 5]

Prints findings per 100,000 words by rule and severity for Crime and
Punishment, Anna Karenina and Fathers and Sons (translations a writer would
not expect flagged for errors), and a sample of each rule's findings with
their context, to be read by a person.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
NOVELS = ("crime_and_punishment.txt", "anna_karenina.txt", "fathers_and_sons.txt")


def main() -> None:
    from imya.lint import context, lint
    from imya.read import read

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=5, help="findings to show per rule and novel")
    args = ap.parse_args()
    for name in NOVELS:
        t = time.perf_counter()
        doc = read(str(SHARED / "corpus" / name))
        found = lint(context(doc))
        took = time.perf_counter() - t
        words = len(re.findall(r"\w+", doc.text))
        print(f"{name}: {words:,} words, {len(found)} findings, {took:.1f} s")
        by = Counter((f.rule, f.severity) for f in found)
        for (rule, severity), n in sorted(by.items()):
            print(f"  {rule} {severity:8} {n:5d}  = {n * 100_000 / words:6.1f} per 100k words")
        shown: Counter = Counter()
        for f in found:
            if shown[f.rule] >= args.sample:
                continue
            shown[f.rule] += 1
            around = " ".join(doc.text[max(0, f.start - 40):f.end + 40].split())
            print(f"    {f.rule} {f.line}:{f.column} {f.message}\n        …{around}…")


if __name__ == "__main__":
    main()
