"""Score `imya cast` against gold cast lists: the corpus novels and PDNC's character aliases.

    python bench/cast_score.py [--pdnc] [--show 10]

For each novel: pairwise precision, recall and F1 over name forms (two forms
of one gold character should land in one predicted character, and forms of
different characters in different ones), how many gold characters are found
(one predicted character holds at least half of their forms), and form recall
(gold forms the cast names at all); over all novels, the mean F1 and the F1 of all their pairs
pooled.  A form matches ours exactly, else without case or a
leading "the" (PDNC's alias "The Dormouse" is our "Dormouse"), as bench/dialogue_score.py
matches.  With --pdnc, also how often our characters' gender agrees with PDNC's, weighted by
mentions.
Gold: bench/gold/*.toml for ../shared/corpus; ../shared/pdnc/*/character_info.csv.
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
import tomllib
from collections import Counter
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def predicted_owner(cast) -> dict[str, str]:
    """Form text → the predicted character holding most of its mentions; forms are also found
    without case or a leading "the", as in bench/dialogue_score.py (PDNC's "The Dormouse" is our
    "Dormouse"), the exact text first."""
    from dialogue_score import loose

    best: dict[str, tuple[int, str]] = {}
    for c in cast.characters:
        for text, n in c.forms.items():
            for key in (text, "~" + loose(text)):
                if n > best.get(key, (0, ""))[0]:
                    best[key] = (n, c.id)
    return {t: cid for t, (n, cid) in best.items()}


def owner_of(form: str, owner: dict[str, str]) -> str | None:
    from dialogue_score import loose

    return owner.get(form) or owner.get("~" + loose(form))


def score(gold: dict[str, set[str]], owner: dict[str, str]) -> dict:
    """gold: character → its forms.  Forms named by several gold characters are left out."""
    seen: dict[str, list[str]] = {}
    for cid, forms in gold.items():
        for f in forms:
            seen.setdefault(f, []).append(cid)
    form_gold = {f: ids[0] for f, ids in seen.items() if len(ids) == 1}
    forms = sorted(form_gold)
    tp = fp = fn = 0
    for a, b in combinations(forms, 2):
        same_gold = form_gold[a] == form_gold[b]
        pa, pb = owner_of(a, owner), owner_of(b, owner)
        same_pred = pa is not None and pa == pb
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    found = 0  # a gold character is found when one predicted character holds half its forms or more
    for fs in gold.values():
        mine = [owner_of(f, owner) for f in fs if f in form_gold and owner_of(f, owner)]
        if mine and max(mine.count(o) for o in mine) * 2 >= len([f for f in fs if f in form_gold]):
            found += 1
    recall_forms = sum(1 for f in forms if owner_of(f, owner)) / max(1, len(forms))
    return {"precision": p, "recall": r, "f1": f1, "found": found, "characters": len(gold),
            "form_recall": recall_forms, "pairs": tp + fn, "tp": tp, "fp": fp, "fn": fn}


def run_cast(path: Path):
    from imya.links import cast_and_dialogue
    from imya.read import read

    return cast_and_dialogue(read(str(path)))[0]


def corpus(show: int) -> list[tuple[str, dict]]:
    results = []
    for gold_file in sorted((HERE / "gold").glob("*.toml")):
        spec = tomllib.loads(gold_file.read_text("utf-8"))
        gold = {c["id"]: {f["text"] for f in c["forms"]} for c in spec["character"]}
        cast = run_cast(SHARED / "corpus" / spec["novel"])
        owner = predicted_owner(cast)
        s = score(gold, owner)
        results.append((spec["novel"], s))
        if show:
            for cid, fs in gold.items():
                got = {f: owner_of(f, owner) for f in sorted(fs)}
                if len(set(got.values())) > 1 or None in got.values():
                    print(f"    {cid}: {got}")
    return results


def pdnc(genders: Counter) -> list[tuple[str, dict]]:
    """Pairwise scores against PDNC's aliases; `genders` counts, over the mentions of our
    characters matched to a PDNC character of known gender, whether the genders agree."""
    from dialogue_score import gold_characters, match_characters

    results = []
    for folder in sorted(p for p in (SHARED / "pdnc").iterdir() if p.is_dir()):
        gold: dict[str, set[str]] = {}
        gold_gender: dict[str, str] = {}
        with open(folder / "character_info.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                aliases = ast.literal_eval(row["Aliases"])
                gold[row["Character ID"]] = {a for a in aliases if a.strip()}
                gold_gender[row["Main Name"]] = row["Gender"].strip().lower()
        cast = run_cast(folder / "novel_text.txt")
        results.append((folder.name, score(gold, predicted_owner(cast))))
        to_gold = match_characters(cast, gold_characters(folder)[0])
        for c in cast.characters:
            theirs = gold_gender.get(to_gold.get(c.id, ""))
            if theirs in ("m", "f"):
                genders["agree" if c.gender == theirs else "none" if c.gender is None else "disagree"] += c.mentions
    return results


def report(title: str, results: list[tuple[str, dict]]) -> None:
    print(title)
    print(f"  {'novel':32} {'P':>6} {'R':>6} {'F1':>6} {'found':>9} {'forms':>6}")
    for name, s in results:
        print(f"  {name:32} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
              f"{s['found']:>4}/{s['characters']:<4} {s['form_recall']:6.1%}")
    tp_pairs = sum(s["pairs"] for _, s in results)
    if results:
        mean_f1 = sum(s["f1"] for _, s in results) / len(results)
        tp, fp, fn = (sum(s[k] for _, s in results) for k in ("tp", "fp", "fn"))
        pooled = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        print(f"  mean F1 {mean_f1:.3f} over {len(results)} novels ({tp_pairs} gold pairs); "
              f"pooled over all pairs {pooled:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdnc", action="store_true", help="also score the PDNC novels' aliases")
    ap.add_argument("--show", type=int, default=0, help="print gold characters split or missed")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit("bench/cast_score.py needs ../shared beside the repository")
    report("Russian novels (bench/gold):", corpus(args.show))
    if args.pdnc:
        genders: Counter = Counter()
        report("PDNC character aliases:", pdnc(genders))
        total = sum(genders.values()) or 1
        print(f"  gender, over {total} mentions of characters matched to a PDNC man or woman: "
              f"{genders['agree'] / total:.1%} agree, {genders['disagree'] / total:.1%} disagree, "
              f"{genders['none'] / total:.1%} unknown")


if __name__ == "__main__":
    main()
