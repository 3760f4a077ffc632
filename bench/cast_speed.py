"""Speed and memory of `imya cast` (or dialogue, or check) on a 3 MB novel.

    python bench/cast_speed.py [--runs 5] [--command cast|dialogue|check]

The "novel" is Anna Karenina followed by Crime and Punishment from
../shared/corpus (3.2 MB of text), written to a temporary file.  Each run is a
fresh `imya COMMAND --json` process; the script prints the median wall time,
the median CPU time (less disturbed by other work on the machine) and the
largest peak memory (RSS) of the runs.
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
    ap.add_argument("--command", default="cast", choices=["cast", "dialogue", "check"])
    args = ap.parse_args()
    corpus = SHARED / "corpus"
    novels = ("anna_karenina.txt", "crime_and_punishment.txt")
    text = "\n\n".join((corpus / name).read_text("utf-8") for name in novels)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "novel.txt"
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        times, cpu = [], []
        extra = ["--exit-zero"] if args.command == "check" else []
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "imya.cli", args.command, "--json", *extra, str(path)],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"imya {args.command} --json on {size / 1e6:.1f} MB: median {statistics.median(times):.2f} s wall, "
          f"{statistics.median(cpu):.2f} s CPU over {args.runs} runs (wall min {min(times):.2f}, "
          f"max {max(times):.2f}); peak memory {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
