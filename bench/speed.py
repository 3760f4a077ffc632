"""Load time and lookup speed of the names knowledge base.

    python bench/speed.py [--runs 7]

Load: a fresh interpreter per run imports imya and loads the data; the median
of the runs is printed.  Lookup: every name and form of the data, romanized in
every scheme plus nonstandard spellings, looked up once (cold: the spelling
tables of each entry are built on first use), then again with the memo of
recent queries cleared (unique), then with it full (repeated: the case of a
manuscript, which names its characters again and again).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

LOAD = (
    "import time; t=time.perf_counter(); import imya.kb as k; k.load(); "
    "print(time.perf_counter()-t)"
)


def load_times(runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True)
        out.append(float(proc.stdout))
    return out


def queries() -> list[str]:
    import imya
    from imya import SCHEMES, to_latin

    kb = imya.load_knowledge()
    words = sorted(kb.names) + sorted(kb.diminutives) + sorted(kb.patronymics)
    qs = list(words)
    for scheme in SCHEMES:
        qs += [to_latin(w, scheme) for w in words]
    qs += [q.replace("zh", "j").replace("ks", "x") for q in qs if q.isascii()]
    return list(dict.fromkeys(qs))  # each distinct spelling once


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    loads = load_times(args.runs)
    print(f"load (import imya.kb + load data), median of {args.runs} fresh runs: "
          f"{statistics.median(loads) * 1000:.0f} ms (min {min(loads) * 1000:.0f}, max {max(loads) * 1000:.0f})")
    from imya import lookup
    from imya.search import _lookup

    qs = queries()

    def one_pass(clear: bool) -> float:
        if clear:
            _lookup.cache_clear()  # every query new to the memo; only per-entry tables are warm
        t = time.process_time()
        for q in qs:
            lookup(q)
        return time.process_time() - t

    cold = one_pass(True)
    found = sum(1 for q in qs if lookup(q)) / len(qs)
    print(f"{len(qs)} distinct spellings, {found:.1%} found; CPU time of this process:")
    print(f"lookup cold (first use of each entry): {len(qs) / cold:,.0f}/s")
    unique = [one_pass(True) for _ in range(args.runs)]
    print(f"lookup unique, median of {args.runs} passes: {len(qs) / statistics.median(unique):,.0f}/s")
    repeated = [one_pass(False) for _ in range(args.runs)]
    print(f"lookup repeated (memo warm), median of {args.runs} passes: "
          f"{len(qs) / statistics.median(repeated):,.0f}/s")

if __name__ == "__main__":
    main()
