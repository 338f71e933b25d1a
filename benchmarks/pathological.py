#!/usr/bin/env python3
"""Hostile inputs must stay linear: time against size, and against ordinary news.

    python benchmarks/pathological.py [--max-mb 1] [--out FILE]

Each hostile text (a run of quote marks, of digits and commas, of capitalised words,
of "said said said", and one huge paragraph of ordinary news without blank lines) is
built at three sizes and run through every extractor. Linear work doubles with the
size: the printed "growth" (time at size 2s / time at size s) stays near 2, never near
4. The last column compares with ordinary news of the same size (the seed story
repeated, paragraphs intact). Results go to benchmarks/results/pathological.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import newscorpus

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "examples" / "sievierodonetsk.txt").read_text(encoding="utf-8")
MB = 1_000_000


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _nearby_places() -> str:
    """Distinct town names of one dense region, straight from the embedded gazetteer: every
    one can be a neighbour of every other, which is what makes context quadratic."""
    import sqlite3

    from newscorpus.gazetteer import get_gazetteer

    db = sqlite3.connect(f"file:{get_gazetteer().path}?mode=ro&immutable=1", uri=True)
    rows = db.execute(
        "SELECT DISTINCT name FROM place WHERE kind IN ('town', 'city')"
        " AND lat BETWEEN 5050000 AND 5250000 AND lon BETWEEN 350000 AND 650000"
        " ORDER BY name"
    ).fetchall()
    names = [n for (n,) in rows if n.isascii() and n.isalpha()]
    return "".join(f"Officials visited {', '.join(names[i:i + 8])}.\n\n"
                   for i in range(0, len(names), 8))


HOSTILE: dict[str, Callable[[int], str]] = {
    "distinct nearby places": lambda n: _fill(_nearby_places(), n),
    "quote marks": lambda n: _fill('"', n),
    "curly quotes and apostrophes": lambda n: _fill("“‘’”'", n),
    "digits and commas": lambda n: _fill("1,234,", n),
    "digits, dots, dashes": lambda n: _fill("1.5-2.5 ", n),
    "capitalised words": lambda n: _fill("Kyiv Moscow Washington Lloyd Austin ", n),
    "said said said": lambda n: _fill("said ", n),
    "one huge paragraph": lambda n: _fill(SEED.replace("\n", " ") + " ", n),
    "ordinary news": lambda n: _fill(SEED + "\n\n", n),
}


def timed(pipeline: newscorpus.Pipeline, text: str) -> float:
    article = newscorpus.Article(id="p", text=text)
    started = time.perf_counter()
    pipeline.extract(article)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-mb", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "pathological.json")
    args = parser.parse_args(argv)
    pipeline = newscorpus.Pipeline(validate=False, max_chars=None, timeout=None)
    pipeline.extract(newscorpus.Article(id="warm", text=SEED))
    top = int(args.max_mb * MB)
    sizes = [top // 4, top // 2, top]
    results: dict[str, dict[str, float]] = {}
    for name, build in HOSTILE.items():
        times = [timed(pipeline, build(size)) for size in sizes]
        results[name] = {
            **{f"{size / MB:g} MB": t for size, t in zip(sizes, times, strict=True)},
            "growth": times[2] / times[1] if times[1] else float("nan"),
        }
    ordinary = results["ordinary news"][f"{top / MB:g} MB"]
    print(f"{'input':<30} " + " ".join(f"{s / MB:>8g} MB" for s in sizes) + "   growth   vs news")
    for name, row in results.items():
        row["vs_ordinary"] = row[f"{top / MB:g} MB"] / ordinary
        cells = " ".join(f"{row[f'{s / MB:g} MB']:>9.3f}s" for s in sizes)
        print(f"{name:<30} {cells}   {row['growth']:>5.2f}x  {row['vs_ordinary']:>6.2f}x")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
