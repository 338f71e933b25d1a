"""The dask runner: a sharded run on a two-process LocalCluster equals the serial run."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster
from newscorpus_dask import run_on_client, run_shards

from newscorpus.runners import shards_serial
from newscorpus.shards import ShardConfig, ShardTask, plan_shards, process_shard, run_sharded

CITIES = ["Paris", "London", "Berlin", "Madrid", "Nairobi", "Lagos", "Toronto", "Sydney"]
PEOPLE = ["Anna Keller", "John Smith", "Maria Lopez", "David Okafor", "Chen Wei", "Sara Berg"]
LINES = 2400
SHARD = 400  # six shards


def _article(i: int) -> dict[str, Any]:
    city, person = CITIES[i % len(CITIES)], PEOPLE[i % len(PEOPLE)]
    text = (
        f"{city} officials said on Monday that {100 + i} people had left their homes after "
        f"the river rose {i % 7 + 2} metres. \"We are doing everything we can,\" said "
        f"{person}, the mayor of {city}. Prices rose {i % 9 + 1}% to ${i % 50 + 3}m in the "
        f"year to March, the council said."
    )
    return {"id": f"syn-{i:05d}", "title": f"Floods in {city}, story {i}", "text": text}


def _records(out: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for part in sorted((out / "parts").iterdir())
            for line in part.read_text(encoding="utf-8").splitlines()]
    return sorted(rows, key=lambda row: row["id"])


def _plan(corpus: Path, out: Path) -> list[ShardTask]:
    tasks, errors = plan_shards([str(corpus)], str(out), ShardConfig(), shard_size=SHARD)
    assert errors == []
    return tasks


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "synthetic.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(LINES):
            handle.write(json.dumps(_article(i)) + "\n")
    return path


@pytest.fixture(scope="module")
def serial_out(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    rows, _ = run_sharded(_plan(corpus, out), str(out), shards_serial)
    assert sum(r["rows"] for r in rows) == LINES
    return out


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as local:
        yield local


@pytest.fixture
def options(cluster: LocalCluster) -> dict[str, Any]:
    return {"scheduler": cluster.scheduler_address}


def test_dask_run_equals_the_serial_run_and_resumes(
    corpus: Path, serial_out: Path, options: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "dask"
    tasks = _plan(corpus, out)
    assert len(tasks) == LINES // SHARD
    seen: list[str] = []
    rows, skipped = run_sharded(tasks, str(out), run_shards, jobs=2, options=options,
                                on_row=lambda row: seen.append(row["shard"]))
    assert skipped == 0 and sorted(seen) == sorted(t.name for t in tasks)
    assert all(r["status"] == "done" for r in rows)
    assert sum(r["rows"] for r in rows) == LINES
    # Same parts under the same deterministic names, with the same records.
    assert sorted(p.name for p in (out / "parts").iterdir()) == sorted(
        p.name for p in (serial_out / "parts").iterdir())
    assert _records(out) == _records(serial_out)

    # A re-run does nothing; an interrupted one (manifest cut short) redoes only the rest.
    _, skipped = run_sharded(tasks, str(out), run_shards, jobs=2, options=options)
    assert skipped == len(tasks)
    manifest = out / "manifest.jsonl"
    kept = manifest.read_text().splitlines()[:4]
    manifest.write_text("\n".join(kept) + "\n" + '{"torn": ')
    rows, skipped = run_sharded(tasks, str(out), run_shards, jobs=2, options=options)
    assert skipped == 4 and len(rows) == len(tasks)
    assert _records(out) == _records(serial_out)


def test_a_failing_shard_is_a_failed_row_not_a_crash(
    corpus: Path, options: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    tasks = _plan(corpus, out)[:2]
    broken = ShardTask("gone-L1-0000000000", str(tmp_path / "gone.jsonl"), str(out),
                       ShardConfig(), 1, 10)
    rows, _ = run_sharded([*tasks, broken], str(out), run_shards,
                          options={**options, "dask_retries": 0})
    by_shard = {row["shard"]: row for row in rows}
    assert [by_shard[t.name]["status"] for t in tasks] == ["done", "done"]
    failed = by_shard[broken.name]
    assert failed["status"] == "failed" and failed["failed"] == 1
    assert "FileNotFoundError" in failed["error"]
    (reject,) = [json.loads(x) for x in (out / "rejects.jsonl").read_text().splitlines()]
    assert reject["reason"].startswith(f"{broken.input}:lines 1-10: the shard failed")
    # Not done, so the next run tries it again (and skips the two that are).
    rows, skipped = run_sharded([*tasks, broken], str(out), run_shards, options=options)
    assert skipped == 2 and rows[-1]["status"] == "failed"


def test_a_shard_that_fails_once_is_retried(
    corpus: Path, cluster: LocalCluster, tmp_path: Path
) -> None:
    (task,) = _plan(corpus, tmp_path / "out")[:1]
    marker = str(tmp_path / "failed-once")

    def flaky(task: ShardTask) -> dict[str, Any]:  # runs on a worker process
        if not Path(marker).exists():
            Path(marker).touch()
            raise OSError("transient: the object store timed out")
        return process_shard(task)

    with Client(cluster) as client:
        (row,) = run_on_client(client, [task], retries=1, function=flaky)
        assert row["status"] == "done" and row["rows"] == SHARD
        Path(marker).unlink()
        (row,) = run_on_client(client, [task], retries=0, function=flaky)
        assert row["status"] == "failed" and "transient" in row["error"]


def test_cli_runner_dask_starts_a_local_cluster(corpus: Path, serial_out: Path,
                                                tmp_path: Path) -> None:
    out = tmp_path / "cli"
    done = subprocess.run(
        [sys.executable, "-m", "newscorpus", "extract", str(corpus), "-o", f"{out}/",
         "--runner", "dask", "--jobs", "2", "--shard-size", str(SHARD)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"6 shards (0 already done), {LINES} read, {LINES} exported, 0 failed" in done.stderr
    assert _records(out) == _records(serial_out)
