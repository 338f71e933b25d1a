"""Built-in runners: one process, or a local pool of worker processes (``--jobs``).

A runner maps the pipeline over the stream of inputs and yields outcomes in input order,
so the output of a parallel run is byte-identical to a serial one.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import InputError
from .hookspecs import hookimpl
from .models import Article
from .shards import ShardTask, process_shard
from .specs import RunnerSpec

__all__ = ["run_processes", "run_serial", "shards_processes", "shards_serial"]


def run_serial(
    items: Iterable[Article | InputError], pipeline: Any, *, jobs: int = 1
) -> Iterator[Any]:
    """Process each input in this process, one after the other."""
    for item in items:
        yield pipeline.process(item)


def run_processes(
    items: Iterable[Article | InputError], pipeline: Any, *, jobs: int = 1
) -> Iterator[Any]:
    """Process inputs on ``jobs`` worker processes, keeping input order.

    Workers are forked where the platform allows it, so what the parent already loaded
    (the gazetteer, compiled patterns) is shared rather than loaded again.
    """
    if jobs <= 1:
        yield from run_serial(items, pipeline)
        return
    with _context().Pool(jobs, initializer=_worker_init, initargs=(pipeline,)) as pool:
        yield from pool.imap(_process, items, chunksize=64)


# The pipeline of this worker process, set once when the worker starts. Handing the pool
# ``pipeline.process`` instead would pickle the pipeline with every chunk of articles,
# and each copy would build its extractors afresh: the caches they fill as they read
# (gazetteer readings, name plans) would be thrown away every 64 articles.
_pipeline: Any = None


def _worker_init(pipeline: Any = None) -> None:
    """Keep the run's pipeline; leave interruption to the parent.

    The parent aborts the output and reports once. Without ignoring SIGINT here, Ctrl-C
    (sent to the whole process group) and the pool's own SIGTERM on shutdown would print
    a KeyboardInterrupt traceback from every worker.
    """
    global _pipeline
    _pipeline = pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _process(item: Article | InputError) -> Any:
    return _pipeline.process(item)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def shards_serial(
    tasks: list[ShardTask], jobs: int = 1, options: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Process shards one after the other in this process."""
    for task in tasks:
        yield process_shard(task)


def shards_processes(
    tasks: list[ShardTask], jobs: int = 1, options: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Process shards on ``jobs`` local processes, yielding manifest rows as they finish."""
    if jobs <= 1 or len(tasks) <= 1:
        yield from shards_serial(tasks)
        return
    with _context().Pool(min(jobs, len(tasks)), initializer=_worker_init) as pool:
        yield from pool.imap_unordered(process_shard, tasks)


@hookimpl
def newscorpus_register_runners() -> list[RunnerSpec]:
    return [
        RunnerSpec(
            name="serial",
            description="One process (the default with --jobs 1)",
            run=run_serial,
            run_shards=shards_serial,
        ),
        RunnerSpec(
            name="processes",
            description="A pool of local worker processes (--jobs N), output in input order",
            run=run_processes,
            run_shards=shards_processes,
        ),
    ]
