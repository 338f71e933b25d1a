"""Sharded corpus runs (-o DIR/): deterministic parts, a manifest, resume, rejects."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscorpus.shards import ShardConfig, plan_shards, shard_name


def _corpus(path: Path, n: int, bad: frozenset[int] = frozenset()) -> Path:
    lines = []
    for i in range(1, n + 1):
        lines.append("{broken" if i in bad else json.dumps({"id": f"a{i}", "text": f"Story {i}."}))
    path.write_text("\n".join(lines) + "\n")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscorpus", *args], capture_output=True, text=True)


@pytest.mark.parametrize("hostile", ["../../etc/passwd", "/tmp/../../x", "a b/ c?*.jsonl", ""])
def test_shard_names_are_safe_and_deterministic(hostile: str) -> None:
    name = shard_name(hostile, 7)
    assert name == shard_name(hostile, 7)
    assert "/" not in name and ".." not in name and name
    assert shard_name(hostile, 8) != name


def test_large_jsonl_is_split_into_line_ranges(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "c.jsonl", 25)
    tasks, errors = plan_shards([str(src)], str(tmp_path / "out"), ShardConfig(), shard_size=10)
    assert errors == []
    assert [(t.first_line, t.last_line) for t in tasks] == [(1, 10), (11, 20), (21, 25)]


def test_sharded_run_resumes_and_reports_rejects_with_file_line(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "c.jsonl", 25, bad={13})
    out = tmp_path / "out"
    first = _run("extract", str(src), "-o", f"{out}/", "--shard-size", "10", "--jobs", "2", "--no-validate")
    assert first.returncode == 1  # one record failed
    assert f"{src}:line 13" in first.stderr
    assert "3 shards (0 already done), 25 read, 24 exported, 1 failed" in first.stderr
    ids = sorted(json.loads(line)["id"] for p in (out / "parts").iterdir() for line in p.read_text().splitlines())
    assert len(ids) == 24 and "a13" not in ids
    rejects = [json.loads(x) for x in (out / "rejects.jsonl").read_text().splitlines()]
    assert len(rejects) == 1
    assert rejects[0]["reason"].startswith(f"{src}:line 13: invalid JSON")
    manifest = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(row["rows"] for row in manifest) == [5, 9, 10]
    second = _run("extract", str(src), "-o", f"{out}/", "--shard-size", "10", "--no-validate")
    assert "3 shards (3 already done)" in second.stderr
    assert len((out / "manifest.jsonl").read_text().splitlines()) == 3


def test_a_removed_part_is_redone(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "c.jsonl", 12)
    out = tmp_path / "out"
    assert _run("extract", str(src), "-o", f"{out}/", "--shard-size", "5").returncode == 0
    victim = sorted((out / "parts").iterdir())[0]
    victim.unlink()
    again = _run("extract", str(src), "-o", f"{out}/", "--shard-size", "5")
    assert "3 shards (2 already done)" in again.stderr
    assert victim.exists()


def test_last_line_without_newline_is_not_dropped(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"a{i}", "text": "t"}) for i in range(1, 22)))
    tasks, _ = plan_shards([str(src)], str(tmp_path / "out"), ShardConfig(), shard_size=10)
    assert [(t.first_line, t.last_line) for t in tasks] == [(1, 10), (11, 20), (21, 21)]
    out = tmp_path / "out"
    assert _run("extract", str(src), "-o", f"{out}/", "--shard-size", "10").returncode == 0
    ids = {json.loads(x)["id"] for p in (out / "parts").iterdir() for x in p.read_text().splitlines()}
    assert len(ids) == 21


def test_torn_manifest_line_does_not_swallow_the_next_row(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "c.jsonl", 12)
    out = tmp_path / "out"
    assert _run("extract", str(src), "-o", f"{out}/", "--shard-size", "5").returncode == 0
    manifest = out / "manifest.jsonl"
    rows = manifest.read_text().splitlines()
    manifest.write_text("\n".join(rows[:2]) + '\n{"shard": "torn')  # killed mid-write
    assert "3 shards (2 already done)" in _run("extract", str(src), "-o", f"{out}/", "--shard-size", "5").stderr
    assert "3 shards (3 already done)" in _run("extract", str(src), "-o", f"{out}/", "--shard-size", "5").stderr
