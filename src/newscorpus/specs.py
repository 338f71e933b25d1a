"""What plugins hand to newscorpus: small frozen descriptions of what they provide.

A hook returns an iterable of these specs rather than doing the work itself, so the core
can list everything that is installed (``newscorpus plugins``), refuse two plugins that
claim one name, and build only what a run needs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

import attrs

if TYPE_CHECKING:
    from .analysis import Analysis
    from .errors import InputError
    from .models import Article

__all__ = [
    "CommandSpec",
    "Document",
    "ExportTarget",
    "Exporter",
    "ExporterSpec",
    "Extractor",
    "ExtractorSpec",
    "Issue",
    "ParserSpec",
    "RunnerSpec",
    "Source",
    "ValidatorSpec",
]


@attrs.frozen
class Source:
    """One input: a name for messages and a way to open its bytes.

    ``open`` returns an already-decompressed binary stream; parsers decode it themselves
    so they can report encoding problems with the file's name.
    """

    name: str
    open: Callable[[], IO[bytes]] = attrs.field(eq=False, repr=False)
    id_hint: str | None = None
    """An id for a single-article input, derived from the file name."""


@attrs.frozen
class ParserSpec:
    """An input format: which file names it claims and how to turn bytes into articles."""

    name: str
    description: str
    parse: Callable[[Source, str | None], Iterator[Article | InputError]] = attrs.field(repr=False)
    """``parse(source, encoding)`` yields articles. A bad record is yielded as an
    :class:`~newscorpus.errors.InputError` so the records after it are still read; a file
    that cannot be read at all raises one."""
    suffixes: tuple[str, ...] = ()
    """Lower-case file name endings it claims (``.txt``); compression suffixes are removed first."""


class Document:
    """What an extractor sees: the article, the shared analysis, and earlier results."""

    __slots__ = ("analysis", "article", "results")

    def __init__(self, article: Article, analysis: Analysis) -> None:
        self.article = article
        self.analysis = analysis
        self.results: dict[str, Sequence[Any]] = {}

    @property
    def text(self) -> str:
        return self.article.text


class Extractor(Protocol):
    """Something that reads a :class:`Document` and returns the records it found."""

    def __call__(self, doc: Document, /) -> Sequence[Any]: ...


@attrs.frozen
class ExtractorSpec:
    """An extractor: what it fills in, and which other extractors must run first."""

    name: str
    description: str
    factory: Callable[[], Extractor] = attrs.field(repr=False)
    """Builds the extractor once per process (where a gazetteer or patterns get loaded)."""
    provides: str | None = None
    """The :class:`~newscorpus.models.Article` field it fills (``quotes``); None means
    its results go to ``article.meta[name]`` and must be JSON-serialisable."""
    requires: tuple[str, ...] = ()
    """Extractors whose results it reads; they are run first, even if not asked for."""
    after: tuple[str, ...] = ()
    """Extractors whose results it uses when they run, without requiring them."""


class Exporter(Protocol):
    """Receives articles one at a time; ``close`` finishes the output."""

    def write(self, article: Article, /) -> None: ...

    def close(self) -> None: ...


class ExportTarget(Protocol):
    """Where an exporter writes: temporary files renamed into place on success."""

    @property
    def name(self) -> str: ...

    def open(self, suffix: str = "", *, binary: bool = True) -> IO[Any]:
        """Open the main output (``suffix=""``) or a sibling (``".quotes.csv"``)."""
        ...

    def temp_path(self, suffix: str = "") -> Path:
        """A temporary file for a writer that needs a real path (SQLite); moved into
        place with the other outputs when the export succeeds."""
        ...


@attrs.frozen
class ExporterSpec:
    """An output format."""

    name: str
    description: str
    factory: Callable[[ExportTarget, dict[str, Any]], Exporter] = attrs.field(repr=False)
    suffixes: tuple[str, ...] = ()
    """File name endings that pick this format when ``-f`` is not given."""
    encode: Callable[[Article], bytes] | None = attrs.field(default=None, repr=False)
    """What the format writes for one article, for formats where that depends on the
    article alone. Worker processes then encode each article themselves and the exporter
    receives the bytes through ``write_encoded(data)``: the parent process, which every
    worker's output passes through, neither unpickles the articles nor serialises them."""


@attrs.frozen
class Issue:
    """One problem a validator found."""

    code: str
    message: str
    severity: Literal["error", "warning"] = "error"
    article_id: str | None = None
    start: int | None = None
    end: int | None = None
    path: str | None = None
    """Where in the record (``quotes[3].speaker``)."""

    def __str__(self) -> str:
        where = self.article_id or "-"
        if self.path:
            where += f" {self.path}"
        if self.start is not None:
            where += f" [{self.start}:{self.end}]"
        return f"{self.severity} {self.code} {where}: {self.message}"


@attrs.frozen
class ValidatorSpec:
    """A check run over every extracted article (and every article in ``validate FILE``)."""

    name: str
    description: str
    check: Callable[[Article], Iterable[Issue]] = attrs.field(repr=False)


@attrs.frozen
class RunnerSpec:
    """A way to run a corpus: serially, on local processes, on a cluster.

    ``run(items, pipeline, jobs=N)`` maps ``pipeline.process`` over a stream of inputs and
    yields outcomes in input order (single-output runs). ``run_shards(tasks, jobs,
    options)`` runs :func:`newscorpus.shards.process_shard` over shard tasks, in any order,
    yielding their manifest rows (``-o DIR/`` runs); ``options`` holds the command-line
    options, those from ``add_arguments`` included. A runner may provide either or both.
    """

    name: str
    description: str
    run: Callable[..., Any] | None = attrs.field(default=None, repr=False)
    run_shards: Callable[[list[Any], int, dict[str, Any]], Iterator[dict[str, Any]]] | None = (
        attrs.field(default=None, repr=False)
    )
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = attrs.field(
        default=None, repr=False
    )
    """Extra ``newscorpus extract`` options the runner reads (``--scheduler``)."""


@attrs.frozen
class CommandSpec:
    """A ``newscorpus`` subcommand."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None] = attrs.field(repr=False)
    run: Callable[[argparse.Namespace], int] = attrs.field(repr=False)
