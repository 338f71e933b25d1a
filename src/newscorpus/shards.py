"""A corpus run as a set of shards: a pure function per shard, a manifest, resumable.

``newscorpus extract INPUT... -o DIR/`` splits the inputs into shards (a file each, and
large JSON Lines files into runs of lines), processes each with :func:`process_shard`
and writes one part per shard under ``DIR/parts/`` with a deterministic name. Each
finished shard appends a row to ``DIR/manifest.jsonl`` (rows, failures, duration), so
a re-run skips what is done, and a runner can send shards to local processes or to a
cluster (the ``newscorpus-dask`` plugin) without changing anything else: workers get
paths and line ranges, never documents.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

import attrs

from .errors import InputError, UsageError
from .sources import iter_sources, open_raw, strip_compression

__all__ = [
    "MANIFEST",
    "ShardConfig",
    "ShardTask",
    "plan_shards",
    "process_shard",
    "run_sharded",
    "shard_name",
]

MANIFEST: Final = "manifest.jsonl"
REJECTS: Final = "rejects.jsonl"
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9._-]+")
_SUFFIX: Final = {"jsonl": ".jsonl", "json": ".json", "csv": ".csv", "geojson": ".geojson"}


@attrs.frozen
class ShardConfig:
    """Everything a worker needs besides the shard itself (small, picklable)."""

    format: str = "jsonl"
    only: tuple[str, ...] | None = None
    validate: bool = True
    input_format: str | None = None
    encoding: str | None = None
    options: tuple[tuple[str, Any], ...] = ()


@attrs.frozen
class ShardTask:
    """One unit of work: an input file, optionally a range of its lines."""

    name: str
    input: str
    out_dir: str
    config: ShardConfig
    first_line: int | None = None
    """1-based first line of a JSON Lines range (None: the whole file)."""
    last_line: int | None = None


def shard_name(input: str, first_line: int | None = None) -> str:
    """A deterministic, filesystem-safe part name: readable slug plus a hash.

    Names come from input paths, which a user or a crawl controls; the slug keeps only
    safe characters, so no name can climb out of the output directory.
    """
    digest = hashlib.sha1(os.fsencode(input) + str(first_line).encode()).hexdigest()[:10]
    stem = Path(strip_compression(Path(input).name)).stem
    slug = _UNSAFE.sub("_", stem).strip("._-")[:60] or "input"
    suffix = f"-L{first_line}" if first_line is not None else ""
    return f"{slug}{suffix}-{digest}"


def _count_lines(name: str) -> int:
    """Lines in a file, a last line without a newline included."""
    count = 0
    last = b"\n"
    with open_raw(name) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def plan_shards(
    inputs: Iterable[str], out_dir: str, config: ShardConfig, *, shard_size: int = 1000
) -> tuple[list[ShardTask], list[InputError]]:
    """Split inputs into shards; plain ``.jsonl`` files into runs of ``shard_size`` lines."""
    tasks: list[ShardTask] = []
    errors: list[InputError] = []
    for source in iter_sources(inputs):
        if isinstance(source, InputError):
            errors.append(source)
            continue
        if source.name == "<stdin>":
            raise UsageError("a sharded run (-o DIR/) reads files, not stdin")
        path = Path(source.name)
        if path.suffix.lower() == ".jsonl" and config.input_format in (None, "jsonl"):
            lines = _count_lines(source.name)
            if lines > shard_size:
                for first in range(1, lines + 1, shard_size):
                    tasks.append(
                        ShardTask(
                            shard_name(source.name, first), source.name, out_dir, config,
                            first, min(first + shard_size - 1, lines),
                        )
                    )
                continue
        tasks.append(ShardTask(shard_name(source.name), source.name, out_dir, config))
    return tasks, errors


def part_path(task: ShardTask) -> Path:
    return Path(task.out_dir) / "parts" / (task.name + _SUFFIX.get(task.config.format, ""))


def _sliced_inputs(task: ShardTask) -> tuple[list[str], Any]:
    """The input list and stdin for :func:`pipeline.run`: a line range is fed as stdin."""
    if task.first_line is None:
        return [task.input], None
    import io

    first, last = task.first_line, task.last_line or task.first_line
    with open_raw(task.input) as handle:
        chunk = b"".join(itertools.islice(handle, first - 1, last))
    return ["-"], io.BytesIO(chunk)


def process_shard(task: ShardTask) -> dict[str, Any]:
    """Process one shard into its part; return its manifest row. Pure but for the part.

    Safe to retry: the part is written atomically under a deterministic name.
    """
    from .pipeline import run

    started = time.monotonic()
    out = part_path(task)
    out.parent.mkdir(parents=True, exist_ok=True)
    inputs, stdin = _sliced_inputs(task)
    rejects: list[dict[str, Any]] = []
    offset = (task.first_line or 1) - 1

    def on_error(message: str) -> None:
        # Line numbers inside a range are relative to it: report them for the file.
        message = re.sub(
            r"^<stdin>:line (\d+)",
            lambda m: f"{task.input}:line {int(m.group(1)) + offset}",
            message,
        )
        rejects.append({"shard": task.name, "input": task.input, "reason": message})

    stats = run(
        inputs,
        out,
        format=task.config.format,
        only=task.config.only,
        validate=task.config.validate,
        input_format=task.config.input_format or ("jsonl" if stdin is not None else None),
        encoding=task.config.encoding,
        options=dict(task.config.options),
        on_error=on_error,
        stdin=stdin,
        rejects_report=False,
    )
    return {
        "shard": task.name,
        "input": task.input,
        "first_line": task.first_line,
        "last_line": task.last_line,
        "output": str(out),
        "read": stats.read,
        "rows": stats.exported,
        "failed": stats.failed,
        "invalid": stats.invalid,
        "seconds": round(time.monotonic() - started, 4),
        "rejects": rejects,
        "status": "done",
    }


def _load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    done: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return done
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue  # a torn last line from a killed run: that shard is simply redone
            if row.get("status") == "done" and Path(row.get("output", "")).exists():
                done[row["shard"]] = row
    return done


def run_sharded(
    tasks: list[ShardTask],
    out_dir: str,
    run_shards: Callable[[list[ShardTask], int, dict[str, Any]], Iterator[dict[str, Any]]],
    *,
    jobs: int = 1,
    options: dict[str, Any] | None = None,
    on_row: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Run the shards not already done; return every manifest row and how many were skipped."""
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    manifest_path = directory / MANIFEST
    done = _load_manifest(manifest_path)
    todo = [t for t in tasks if t.name not in done]
    rows = [done[t.name] for t in tasks if t.name in done]
    if manifest_path.exists() and manifest_path.stat().st_size:
        with manifest_path.open("rb+") as raw:
            raw.seek(-1, os.SEEK_END)
            if raw.read(1) != b"\n":
                raw.write(b"\n")  # end a row torn by a killed run, so ours start clean
    with manifest_path.open("a", encoding="utf-8") as manifest:
        for row in run_shards(todo, jobs, options or {}):
            _append(manifest, row)
            rows.append(row)
            if on_row is not None:
                on_row(row)
    _write_rejects(directory, rows)
    return rows, len(tasks) - len(todo)


def _append(manifest: IO[str], row: dict[str, Any]) -> None:
    manifest.write(json.dumps(row, ensure_ascii=False) + "\n")
    manifest.flush()
    os.fsync(manifest.fileno())


def _write_rejects(directory: Path, rows: list[dict[str, Any]]) -> None:
    rejects = [r for row in rows for r in row.get("rejects", ())]
    path = directory / REJECTS
    if not rejects:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as handle:
        for reject in rejects:
            handle.write(json.dumps(reject, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
