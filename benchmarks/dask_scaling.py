#!/usr/bin/env python3
"""Dask LocalCluster (2 workers) vs a serial sharded run, measured in the same run.

    python benchmarks/dask_scaling.py [--shard-size 250] [--repeat 2] [--corpus PATH]

Needs the ``newscorpus-dask`` plugin (``pip install plugins/newscorpus-dask``). Two
figures, each the ratio of the serial time to the Dask time over the same shards:

- **warm**: the shards alone. Serial runs them in a child process after one warm-up
  shard, with no cluster alive; Dask runs them on a LocalCluster that is already up,
  each worker warmed the same way (the cluster is started anew for each repetition and
  its start is not timed). This is the scaling of the shard function itself. The CPU seconds of the serial
  run and of each worker are kept too: on a machine other jobs share, the ratio of the
  serial CPU time to the busiest worker's says what two idle cores would give.
- **end to end**: ``newscorpus extract CORPUS -o DIR/`` as a user types it, once with
  ``--runner serial`` and once with ``--runner dask --jobs N``, each a fresh process, so
  the Dask time includes starting the cluster and importing newscorpus on its workers.

The runs alternate (serial, dask, serial, dask, ...) so a neighbour's load hits both
alike; the ratio of the best times, of the median times and of each pair are kept. Results go to
``benchmarks/results/dask.json``. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "dask.json"


def _records(out: Path) -> list[str]:
    lines = [line for part in (out / "parts").iterdir()
             for line in part.read_text(encoding="utf-8").splitlines()]
    return sorted(lines, key=lambda line: json.loads(line)["id"])


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _summary(serial: list[float], dask: list[float]) -> dict[str, Any]:
    pairs = [s / d for s, d in zip(serial, dask, strict=True)]
    return {
        "serial_seconds": [round(s, 3) for s in serial],
        "dask_seconds": [round(s, 3) for s in dask],
        "ratio_best": round(min(serial) / min(dask), 3),
        "ratio_median": round(statistics.median(serial) / statistics.median(dask), 3),
        "ratio_pairs": [round(r, 3) for r in pairs],
    }


def ceiling(processes: int) -> dict[str, Any]:
    """What this machine gives right now: a pure-Python loop alone, then N at once.

    Other jobs share the cores; this ratio is the best any runner could do meanwhile.
    """
    code = "total = 0\nfor i in range(10_000_000):\n    total += i % 7"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    alone = time.perf_counter() - started
    started = time.perf_counter()
    children = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(processes)]
    for child in children:
        child.wait()
    together = time.perf_counter() - started
    return {"alone_seconds": round(alone, 3), "together_seconds": round(together, 3),
            "ratio": round(processes * alone / together, 3)}


def _serial_child(corpus: Path, shard_size: int, out: Path) -> None:
    """Time the serial shards in a process of their own, after one warm-up shard.

    Not in the benchmark's own process: the LocalCluster's scheduler and client threads
    live there, and their wake-ups take the GIL from a CPU-bound main thread.
    """
    from newscorpus.runners import shards_serial
    from newscorpus.shards import ShardConfig, ShardTask, plan_shards, process_shard, run_sharded

    config = ShardConfig()
    process_shard(ShardTask("warmup", str(corpus), str(out / "warmup"), config, 1, 20))
    tasks, _ = plan_shards([str(corpus)], str(out / "run"), config, shard_size=shard_size)
    started, cpu = time.perf_counter(), time.process_time()
    run_sharded(tasks, str(out / "run"), shards_serial)
    print(json.dumps({"seconds": time.perf_counter() - started,
                      "cpu": time.process_time() - cpu}))


def warm(corpus: Path, shard_size: int, workers: int, repeat: int, scratch: Path) -> dict[str, Any]:
    from newscorpus_dask import connect, run_on_client

    from newscorpus.shards import ShardConfig, ShardTask, plan_shards, process_shard, run_sharded

    config = ShardConfig()
    warmup = ShardTask("warmup", str(corpus), str(scratch / "warmup"), config, 1, 20)
    serial: list[float] = []
    dask: list[float] = []
    serial_cpu: list[float] = []
    worker_cpu: list[list[float]] = []
    same = True
    for i in range(repeat):
        out_s, out_d = scratch / f"warm-serial-{i}", scratch / f"warm-dask-{i}"
        # Serial first, with no cluster alive: idle workers and their timers are not free.
        child = subprocess.run(
            [sys.executable, __file__, "--corpus", str(corpus), "--shard-size",
             str(shard_size), "--serial-child", str(out_s)],
            capture_output=True, text=True, check=True,
        )
        report = json.loads(child.stdout.splitlines()[-1])
        serial.append(report["seconds"])
        serial_cpu.append(report["cpu"])
        tasks, _ = plan_shards([str(corpus)], str(out_d), config, shard_size=shard_size)
        with connect(None, workers) as client:  # the cluster `--runner dask` starts
            client.run(process_shard, warmup)  # imports, gazetteer, patterns on each worker
            before = client.run(time.process_time)
            started = time.perf_counter()
            run_sharded(tasks, str(out_d), lambda t, j, o: run_on_client(client, t))
            dask.append(time.perf_counter() - started)
            after = client.run(time.process_time)
        worker_cpu.append(sorted(after[w] - before[w] for w in after))
        same = same and _records(out_s / "run") == _records(out_d)
        print(f"  warm #{i + 1}: serial {serial[-1]:.2f} s, dask {dask[-1]:.2f} s", flush=True)
    # CPU seconds do not depend on what else the machine runs: the serial CPU time over
    # the busiest worker's is the speed-up two otherwise idle cores would give.
    projected = [s / max(w) for s, w in zip(serial_cpu, worker_cpu, strict=True)]
    return {**_summary(serial, dask), "shards": len(tasks), "same_output": same,
            "serial_cpu_seconds": [round(c, 3) for c in serial_cpu],
            "worker_cpu_seconds": [[round(c, 3) for c in w] for w in worker_cpu],
            "cpu_ratio_median": round(statistics.median(projected), 3)}


def end_to_end(corpus: Path, shard_size: int, workers: int, repeat: int,
               scratch: Path) -> dict[str, Any]:
    base = [sys.executable, "-m", "newscorpus", "extract", str(corpus),
            "--shard-size", str(shard_size), "--no-progress"]
    env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    serial: list[float] = []
    dask: list[float] = []
    for i in range(repeat):
        for name, extra, times in (("serial", ["--runner", "serial"], serial),
                                   ("dask", ["--runner", "dask", "--jobs", str(workers)], dask)):
            out = scratch / f"e2e-{name}-{i}"
            started = time.perf_counter()
            done = subprocess.run([*base, "-o", f"{out}/", *extra], capture_output=True,
                                  text=True, env=env)
            times.append(time.perf_counter() - started)
            if done.returncode not in (0, 1):  # 1: some article failed validation; still a run
                raise SystemExit(f"{name} run failed:\n{done.stderr}")
        print(f"  end to end #{i + 1}: serial {serial[-1]:.2f} s, dask {dask[-1]:.2f} s",
              flush=True)
    return _summary(serial, dask)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--shard-size", type=int, default=250)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-end-to-end", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--serial-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serial_child is not None:
        _serial_child(args.corpus, args.shard_size, args.serial_child)
        return 0
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} is absent (the shared corpus is only in the team "
              "checkout)")
        return 0
    try:
        import newscorpus_dask  # noqa: F401
    except ImportError:
        print("skipped: the newscorpus-dask plugin is not installed "
              "(pip install plugins/newscorpus-dask)")
        return 0
    with args.corpus.open("rb") as handle:
        articles = sum(1 for line in handle if line.strip())
    load_before = os.getloadavg()
    print(f"{articles} articles, shards of {args.shard_size} lines, {args.workers} workers, "
          f"{os.cpu_count()} cores, load {load_before[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="dask-bench-") as tmp:
        scratch = Path(tmp)
        result: dict[str, Any] = {
            "benchmark": "dask LocalCluster vs serial sharded run",
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "cpu": _cpu_model(),
                        "python": platform.python_version(), "platform": platform.platform()},
            "corpus": args.corpus.name,
            "articles": articles,
            "shard_size": args.shard_size,
            "workers": args.workers,
            "load_average_before": [round(x, 2) for x in load_before],
            "ceiling_before": ceiling(args.workers),
            "warm": warm(args.corpus, args.shard_size, args.workers, args.repeat, scratch),
        }
        if not args.skip_end_to_end:
            result["end_to_end"] = end_to_end(args.corpus, args.shard_size, args.workers,
                                              args.repeat, scratch)
    result["ceiling_after"] = ceiling(args.workers)
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    w = result["warm"]
    print(f"warm (cluster up, {w['shards']} shards): dask {args.workers} workers vs serial "
          f"{w['ratio_best']:.2f}x best, {w['ratio_median']:.2f}x median; "
          f"same output: {w['same_output']}")
    print(f"  CPU time, serial vs the busiest worker: {w['cpu_ratio_median']:.2f}x "
          "(the wall-clock ratio on two otherwise idle cores)")
    if "end_to_end" in result:
        e = result["end_to_end"]
        print(f"end to end (CLI, cluster start included): {e['ratio_best']:.2f}x best, "
              f"{e['ratio_median']:.2f}x median")
    print(f"machine ceiling ({args.workers} busy loops at once vs one): "
          f"{result['ceiling_before']['ratio']:.2f}x before, "
          f"{result['ceiling_after']['ratio']:.2f}x after")
    print(f"-> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
