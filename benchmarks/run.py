#!/usr/bin/env python3
"""Speed and memory of newscorpus, measured against a baseline taken in the same run.

    python benchmarks/run.py [--corpus PATH] [--repeat 3] [--skip-memory] [--out FILE]

The machine is shared and noisy, so every figure that matters is a ratio against the
"word-split floor" measured in the same run: reading, decoding and splitting the corpus
into words with ``re.findall(r"\\w+")``. Reported:

- full pipeline throughput (parse, every extractor, validation, JSONL export): one pass
  over the corpus in a fresh process warmed up on the seed story (see ``first_pass``);
- each extractor alone (with what it requires), timed the same way;
- the floor, and pipeline time / floor time;
- cold start: process start to the first article written (the seed story), median of 5;
- peak memory (max RSS) of a full run over the corpus, and over it x5 and x10;
- ``--jobs 2`` against ``--jobs 1`` on the same corpus.

Results are printed as a table and written as JSON (default benchmarks/results/run.json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
SEED = ROOT / "examples" / "sievierodonetsk.txt"
WORD = re.compile(r"\w+")


def best_of(repeat: int, func: Callable[[], Any]) -> float:
    """The fastest of ``repeat`` timings: the least disturbed by other load."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times)


def floor(corpus: Path) -> int:
    words = 0
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            words += len(WORD.findall(json.loads(line)["text"]))
    return words


def pipeline_run(corpus: Path, only: list[str] | None) -> int:
    import newscorpus

    with tempfile.TemporaryDirectory() as tmp:
        stats = newscorpus.run([corpus], Path(tmp) / "out.jsonl", only=only)
    return stats.exported


def first_pass(corpus: Path, only: list[str] | None) -> float:
    """Seconds of one pass over the corpus in a fresh process, warmed up on the seed story.

    The extractors memoise what they learn about names (surface forms, gazetteer
    look-ups), so going over the same articles again is faster than the first time
    (a third faster with the same pipeline, some 6% with a new one in the same process)
    and would flatter the figure: a user's corpus is read once. A fresh process per
    timing keeps those caches as cold as for new text, while imports, the gazetteer's
    opening and the page cache are warm (the seed story is run first).
    """
    only_arg = "-" if only is None else ",".join(only)
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(corpus), only_arg],
        check=True, capture_output=True, text=True,
    ).stdout
    return float(out.split()[-1])


def _child_pass(corpus: str, only_arg: str) -> None:
    only = None if only_arg == "-" else [n for n in only_arg.split(",") if n]
    pipeline_run(SEED, only)
    started = time.perf_counter()
    pipeline_run(Path(corpus), only)
    print(time.perf_counter() - started)


def _child(args: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"benchmark child failed: {' '.join(args)}\n{proc.stderr.read() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newscorpus", *args]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child_pass(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "run.json")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus} is absent: the shared corpus is only in the team checkout", file=sys.stderr)
        return 0
    import newscorpus

    articles = sum(1 for _ in args.corpus.open(encoding="utf-8"))
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "corpus": str(args.corpus),
        "articles": articles,
    }
    floor(args.corpus)  # warm up the page cache
    results["floor_s"] = best_of(args.repeat, lambda: floor(args.corpus))
    results["pipeline_s"] = min(first_pass(args.corpus, None) for _ in range(args.repeat))
    results["pipeline_articles_per_s"] = articles / results["pipeline_s"]
    results["ratio_to_floor"] = results["pipeline_s"] / results["floor_s"]
    results["extractors"] = {}
    for name in newscorpus.get_registry().extractors():
        seconds = min(first_pass(args.corpus, [name]) for _ in range(args.repeat))
        results["extractors"][name] = {"seconds": seconds, "articles_per_s": articles / seconds}
    parse_only = min(first_pass(args.corpus, []) for _ in range(args.repeat))
    results["extractors"]["(none: read, validate, export)"] = {
        "seconds": parse_only, "articles_per_s": articles / parse_only}

    cold = [_child(cli("extract", str(SEED), "-o", os.devnull, "-f", "jsonl"))[0] for _ in range(5)]
    results["cold_start_s"] = statistics.median(cold)
    bare = [_child([sys.executable, "-c", "pass"])[0] for _ in range(5)]
    results["python_start_s"] = statistics.median(bare)

    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "o.jsonl")
        one = min(_child(cli("extract", str(args.corpus), "-o", out, "--jobs", "1"))[0]
                  for _ in range(2))
        two = min(_child(cli("extract", str(args.corpus), "-o", out, "--jobs", "2"))[0]
                  for _ in range(2))
        results["jobs"] = {"1": one, "2": two, "speedup": one / two}
        if not args.skip_memory:
            data = args.corpus.read_bytes()
            if not data.endswith(b"\n"):
                data += b"\n"
            # The corpus x5 as well: the extractors' caches (bounded) fill while each
            # worker meets the corpus's names for the first time, so growth from x1 to x5
            # is the caches filling and growth from x5 to x10 would be a leak.
            rss = {}
            for times in (1, 5, 10):
                copy = Path(tmp) / f"x{times}.jsonl"
                copy.write_bytes(data * times)
                rss[str(articles * times)] = _child(cli("extract", str(copy), "-o", out))[1]
                copy.unlink()
            results["memory_kib"] = {
                **rss,
                "growth": rss[str(articles * 10)] / rss[str(articles)],
                "growth_5_to_10": rss[str(articles * 10)] / rss[str(articles * 5)],
            }

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"{articles} articles, {results['machine']['cpus']} CPUs, {results['date']}")
    print(f"  word-split floor          {results['floor_s']:.3f} s")
    print(f"  full pipeline             {results['pipeline_s']:.3f} s  "
          f"{results['pipeline_articles_per_s']:,.0f} art/s  {results['ratio_to_floor']:.1f}x floor")
    for name, row in results["extractors"].items():
        print(f"    {name:<30} {row['seconds']:.3f} s  {row['articles_per_s']:,.0f} art/s")
    print(f"  cold start (seed story)   {results['cold_start_s']:.3f} s "
          f"(python alone {results['python_start_s']:.3f} s)")
    print(f"  --jobs 2 vs --jobs 1      {results['jobs']['speedup']:.2f}x "
          f"({results['jobs']['1']:.2f} s -> {results['jobs']['2']:.2f} s, whole CLI)")
    if "memory_kib" in results:
        mem = results["memory_kib"]
        print(f"  peak RSS                  {mem[str(articles)] / 1024:.0f} MiB at {articles}, "
              f"{mem[str(articles * 5)] / 1024:.0f} MiB at {articles * 5}, "
              f"{mem[str(articles * 10)] / 1024:.0f} MiB at {articles * 10} "
              f"({mem['growth']:.2f}x; x5 to x10 {mem['growth_5_to_10']:.2f}x)")
    print(f"  -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
