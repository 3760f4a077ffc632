"""Speed and memory of `imya cast` on a 3 MB novel.

    python bench/cast_speed.py [--runs 5]

The "novel" is Anna Karenina followed by Crime and Punishment from
../shared/corpus (3.2 MB of text), written to a temporary file.  Each run is a
fresh `imya cast --json` process; the script prints the median wall time and
the largest peak memory (RSS) of the runs.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    corpus = SHARED / "corpus"
    novels = ("anna_karenina.txt", "crime_and_punishment.txt")
    text = "\n\n".join((corpus / name).read_text("utf-8") for name in novels)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "novel.txt"
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "imya.cli", "cast", "--json", str(path)],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"imya cast --json on {size / 1e6:.1f} MB: median {statistics.median(times):.2f} s over {args.runs} runs "
          f"(min {min(times):.2f}, max {max(times):.2f}); peak memory {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
