"""What the names data holds, and how much of real Russian naming it covers.

    python bench/coverage.py

Coverage is measured against russiannames' names.parquet: the given names it
tags as Slavic, by frequency in its source lists (typos in those lists, such
as Александ, count as misses).  Last, the round trip: every name and form of
the data, romanized by every scheme, must be found again by lookup.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def main() -> None:
    import pyarrow.parquet as pq
    import russiannames

    import imya

    kb = imya.load_knowledge()
    forms = [(d.cyrillic, f.register) for d in kb.diminutives.values() for f in d.of]
    genders = Counter(n.gender for n in kb.names.values())
    print(f"given names: {len(kb.names)} ({genders['m']} men's, {genders['f']} women's)")
    print(f"diminutive forms: {len(forms)} (name, form) pairs, {len(kb.diminutives)} distinct forms")
    for register, count in Counter(r for _, r in forms).most_common():
        print(f"   {register}: {count}")
    shared = [d for d in kb.diminutives.values() if len({f.name.cyrillic for f in d.of}) > 1]
    print(f"forms shared by several names: {len(shared)} (e.g. {', '.join(d.cyrillic for d in shared[:8])})")
    print(f"patronymics indexed (full and spoken): {len(kb.patronymics)}")
    with_west = sum(1 for n in kb.names.values() if n.western)
    print(f"names with an English equivalent: {with_west}; with a French form: "
          f"{sum(1 for n in kb.names.values() if n.french)}")

    table = pq.read_table(Path(russiannames.__file__).parent / "data" / "names.parquet").to_pylist()
    slavic = sorted((r for r in table if r["ethnic"] and "slav" in r["ethnic"]), key=lambda r: -r["count"])
    ours = {n.replace("ё", "е") for n in kb.names}
    for top in (50, 100, len(slavic)):
        rows = slavic[:top]
        hit = [r for r in rows if r["text"].replace("ё", "е") in ours]
        weight = sum(r["count"] for r in hit) / sum(r["count"] for r in rows)
        print(f"russiannames' {top} most frequent Slavic names: {len(hit)}/{top} in imya "
              f"({weight:.1%} of people)")
    missing = [r["text"] for r in slavic if r["text"].replace("ё", "е") not in ours]
    print("missing:", ", ".join(missing))

    # the round trip: every name and form, romanized by every scheme, is found again
    from imya import SCHEMES, lookup, to_latin

    entries = sorted(kb.names) + sorted(kb.diminutives)
    lost = [(c, scheme) for c in entries for scheme in sorted(SCHEMES)
            if c not in {m.entry.cyrillic for m in lookup(to_latin(c, scheme))}]
    tried = len(entries) * len(SCHEMES)
    print(f"round trip (romanize by each of {len(SCHEMES)} schemes, look up): {tried - len(lost)}/{tried} found"
          + (f"; lost: {', '.join(f'{c} ({s})' for c, s in lost[:20])}" if lost else ""))


if __name__ == "__main__":
    main()
