"""Built-in runners: one process, or a local pool of worker processes (``--jobs``).

A runner maps the pipeline over the stream of inputs and yields outcomes in input order,
so the output of a parallel run is byte-identical to a serial one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import InputError
from .hookspecs import hookimpl
from .models import Article
from .specs import RunnerSpec

__all__ = ["run_processes", "run_serial"]


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
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(jobs) as pool:
        yield from pool.imap(pipeline.process, items, chunksize=16)


@hookimpl
def newscorpus_register_runners() -> list[RunnerSpec]:
    return [
        RunnerSpec(name="serial", description="One process (the default with --jobs 1)", run=run_serial),
        RunnerSpec(
            name="processes",
            description="A pool of local worker processes (--jobs N), output in input order",
            run=run_processes,
        ),
    ]
