"""Score `imya dialogue` against PDNC's annotated quotations.

    python bench/dialogue_score.py [--novels Emma,PrideAndPrejudice]

For each novel of ../shared/pdnc: quotation recall (a gold quotation is found
when one of our quoted pieces covers half of its first span or more), speaker
accuracy (our speaker is the gold speaker) and addressee accuracy (our first
addressee is one of the gold addressees); by quote type (Explicit, Anaphoric,
Implicit) and overall.  Accuracies count every gold quotation, found or not.

Matching: our characters are matched to gold characters by their name forms
against PDNC's aliases, ignoring case and a leading "the" (our "Dormouse" is
"The Dormouse"); a speaker outside the cast ("the mariner") by its name.  PDNC
sometimes gives a speaker by an alias rather than the main name (Kemp for The
Doctor, Lucy for Lucy Honeychurch); those are read through the alias list, a
main name always standing for its own character.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TYPES = ("Explicit", "Anaphoric", "Implicit")


def gold_characters(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """alias → gold main name (a main name is its own character first, whoever else lists it
    as an alias); main name → main name."""
    with open(folder / "character_info.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    main = {row["Main Name"]: row["Main Name"] for row in rows}
    alias = dict(main)
    for row in rows:
        for a in ast.literal_eval(row["Aliases"]):
            alias.setdefault(a, row["Main Name"])
    return alias, main


def loose(name: str) -> str:
    """An alias or form without case or a leading 'the' ('The Dormouse' is our 'Dormouse')."""
    name = name.lower().strip()
    return name[4:] if name.startswith("the ") else name


def match_characters(cast, alias: dict[str, str]) -> dict[str, str]:
    """Our character id → the gold character whose aliases cover most of its mentions."""
    out = {}
    by_loose = {loose(a): main for a, main in alias.items()}
    for c in cast.characters:
        votes: Counter = Counter()
        for text, n in c.forms.items():
            gold = alias.get(text) or by_loose.get(loose(text))
            if gold:
                votes[gold] += n
        if votes:
            out[c.id] = votes.most_common(1)[0][0]
    return out


def _speaker(who, to_gold: dict[str, str], by_loose: dict[str, str]) -> str | None:
    """The gold character our speaker is: through the cast, or for a speaker outside it
    ("the mariner") through its name."""
    if who.character:
        return to_gold.get(who.character)
    return by_loose.get(loose(who.name or ""))


def score_novel(folder: Path) -> dict:
    from imya.links import cast_and_dialogue
    from imya.read import read

    doc = read(str(folder / "novel_text.txt"))
    result, dlg = cast_and_dialogue(doc)
    quotes = dlg.quotes
    alias, _ = gold_characters(folder)
    to_gold = match_characters(result, alias)
    by_loose = {loose(a): main for a, main in alias.items()}
    starts = [q.start for q in quotes]
    tally: dict[str, Counter] = defaultdict(Counter)
    with open(folder / "quotation_info.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = ast.literal_eval(row["quoteByteSpans"])[0]
            kind = row["quoteType"] if row["quoteType"] in TYPES else "Other"
            found = None
            i = bisect.bisect_right(starts, a) - 1
            for j in (i, i + 1):
                if 0 <= j < len(quotes) and min(quotes[j].end, b) - max(quotes[j].start, a) >= 0.5 * (b - a):
                    found = quotes[j]
                    break
            gold_to = {alias.get(a, a) for a in ast.literal_eval(row["addressees"])} \
                if row["addressees"].startswith("[") else set()
            for key in (kind, "all"):
                t = tally[key]
                t["quotes"] += 1
                if found is None:
                    continue
                t["found"] += 1
                # PDNC names some speakers by an alias rather than the main name (Kemp, The Doctor)
                gold = alias.get(row["speaker"], row["speaker"])
                t["speaker"] += _speaker(found.speaker, to_gold, by_loose) == gold
                if gold_to:
                    t["with_addressee"] += 1
                    first = found.addressees[0].character if found.addressees else None
                    t["addressee"] += to_gold.get(first or "") in gold_to
    return tally


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--novels", help="comma-separated PDNC folder names (default: all)")
    args = ap.parse_args()
    if not (SHARED / "pdnc").exists():
        sys.exit("bench/dialogue_score.py needs ../shared beside the repository")
    folders = sorted(p for p in (SHARED / "pdnc").iterdir() if p.is_dir())
    if args.novels:
        folders = [p for p in folders if p.name in args.novels.split(",")]
    total: dict[str, Counter] = defaultdict(Counter)
    print(f"  {'novel':30} {'quotes':>6} {'recall':>7} {'speaker':>8} {'addressee':>9}")
    for folder in folders:
        tally = score_novel(folder)
        t = tally["all"]
        print(f"  {folder.name:30} {t['quotes']:6d} {t['found'] / t['quotes']:7.1%} {t['speaker'] / t['quotes']:8.1%} "
              f"{t['addressee'] / max(1, t['with_addressee']):9.1%}")
        for key, counts in tally.items():
            total[key].update(counts)
    for key in (*TYPES, "all"):
        t = total[key]
        if t["quotes"]:
            print(f"  {key:30} {t['quotes']:6d} {t['found'] / t['quotes']:7.1%} {t['speaker'] / t['quotes']:8.1%} "
                  f"{t['addressee'] / max(1, t['with_addressee']):9.1%}")


if __name__ == "__main__":
    main()
