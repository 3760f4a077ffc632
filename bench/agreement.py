"""Agreement with outside sources: russiannames' patronymics and surnames, iuliia's samples.

    python bench/agreement.py [--min-count 100] [--top-surnames 2000]

russiannames (PyPI) ships tables built from real name lists: midnames.parquet
(patronymic, father's name, gender, frequency) and surnames.parquet (masculine
surname, its feminine form, frequency).  We compare our derivations on their
frequent rows.
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path


def _table(name: str):
    import pyarrow.parquet as pq
    import russiannames

    return pq.read_table(Path(russiannames.__file__).parent / "data" / name).to_pylist()


def _norm(s: str) -> str:
    return s.lower().replace("ё", "е")


def patronymic_agreement(min_count: int = 100) -> dict:
    """Share of frequent (father, patronymic) rows whose patronymic we derive from that father."""
    from imya import derive_patronymic, load_knowledge
    from imya.errors import ImyaError

    names = {_norm(n): v for n, v in load_knowledge().names.items()}
    rows = [r for r in _table("midnames.parquet") if r["fname"] and r["count"] >= min_count]
    agree, misses, in_data = 0, [], 0
    for r in rows:
        father = names.get(_norm(r["fname"]))
        if father is not None:
            in_data += 1
            options = father.patronymic_m if r["gender"] == "m" else father.patronymic_f
        else:
            try:
                d = derive_patronymic(r["fname"])
            except ImyaError:
                misses.append((r["fname"], r["text"], "rejected"))
                continue
            options = (d.male.cyrillic if r["gender"] == "m" else d.female.cyrillic,)
        if _norm(r["text"]) in {_norm(o) for o in options}:
            agree += 1
        else:
            misses.append((r["fname"], r["text"], options[0]))
    return {"rows": len(rows), "agree": agree, "share": round(agree / max(1, len(rows)), 4),
            "fathers_in_imya_data": in_data, "disagreements": misses}


def surname_agreement(top: int = 2000) -> dict:
    """Share of the most frequent masculine surnames whose feminine form we give as they do."""
    from imya import surname

    rows = [r for r in _table("surnames.parquet") if r["gender"] == "m" and r["f_form"]]
    rows.sort(key=lambda r: -r["count"])
    rows = rows[:top]
    agree, misses = 0, []
    for r in rows:
        s = surname(r["text"])
        if _norm(s.feminine.cyrillic) == _norm(r["f_form"]):
            agree += 1
        else:
            misses.append((r["text"], r["f_form"], s.feminine.cyrillic))
    return {"rows": len(rows), "agree": agree, "share": round(agree / max(1, len(rows)), 4),
            "disagreements": misses}


def iuliia_samples() -> dict:
    """Every sample pair iuliia ships for the schemes we expose."""
    from imya import SCHEMES, to_latin

    total = passed = 0
    for schema in filter(None, SCHEMES.values()):
        data = json.loads(resources.files("iuliia").joinpath(f"schemas/{schema}.json").read_text("utf-8"))
        scheme = next(k for k, v in SCHEMES.items() if v == schema)
        for cyr, lat in data["samples"]:
            total += 1
            passed += to_latin(cyr, scheme) == lat.replace("ё", "ë").replace("Ё", "Ë")
    return {"samples": total, "passed": passed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=100, help="patronymic rows seen at least this often")
    ap.add_argument("--top-surnames", type=int, default=2000, help="most frequent masculine surnames")
    ap.add_argument("--show", type=int, default=15, help="disagreements to print")
    args = ap.parse_args()
    p = patronymic_agreement(args.min_count)
    print(f"patronymics (russiannames midnames, count >= {args.min_count}): "
          f"{p['agree']}/{p['rows']} = {p['share']:.1%} agree "
          f"({p['fathers_in_imya_data']} rows have the father in imya's data)")
    for m in p["disagreements"][: args.show]:
        print("   father", m[0], "→ theirs", m[1], "ours", m[2])
    s = surname_agreement(args.top_surnames)
    print(f"surnames (russiannames, top {args.top_surnames} masculine with a feminine form): "
          f"{s['agree']}/{s['rows']} = {s['share']:.1%} agree")
    for m in s["disagreements"][: args.show]:
        print("   ", m[0], "→ theirs", m[1], "ours", m[2])
    i = iuliia_samples()
    print(f"iuliia samples: {i['passed']}/{i['samples']} pass")


if __name__ == "__main__":
    main()
