"""read -> extract -> validate -> export, one article at a time.

The pieces are usable alone (:func:`read`, :class:`Pipeline`, :func:`export`) and
together (:func:`run`, what ``newscorpus extract`` calls). A corpus run never holds more
than the article in hand: inputs are expanded lazily, parsers yield, exporters stream.
One bad input or one extractor failure is reported and skipped; the rest of the corpus
still comes out.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from pathlib import Path
from typing import IO, Any, Final

import attrs

from .analysis import Analysis
from .errors import InputError, UsageError
from .models import Article, DateMention, Figure, Person, Place, Quote
from .output import AtomicTarget
from .plugins import Registry, get_registry
from .sources import iter_sources, strip_compression
from .specs import Document, Extractor, ExtractorSpec, Issue, ParserSpec, Source

__all__ = [
    "Outcome",
    "Pipeline",
    "RunStats",
    "export",
    "extract",
    "parse",
    "read",
    "run",
]

_ARTICLE_FIELDS = frozenset(f.name for f in attrs.fields(Article))
# What each Article field holds: an extractor filling one must return these.
_RECORD_TYPES: Final[dict[str, type]] = {
    "quotes": Quote,
    "people": Person,
    "places": Place,
    "figures": Figure,
    "dates": DateMention,
}


# -- reading ---------------------------------------------------------------------------


def _parser_for(source: Source, input_format: str | None, registry: Registry) -> ParserSpec:
    if input_format is not None:
        spec: ParserSpec = registry.get("parsers", input_format)
        return spec
    name = strip_compression(Path(source.name).name)
    found: ParserSpec | None = registry.find_by_suffix("parsers", name)
    if found is not None:
        return found
    if source.name == "<stdin>":
        return _sniff_stdin(source, registry)
    raise InputError(
        "cannot tell the input format from the file name",
        path=source.name,
        hint="give --input-format (see `newscorpus formats`)",
    )


def _sniff_stdin(source: Source, registry: Registry) -> ParserSpec:
    with source.open() as stream:
        head = stream.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    name = "jsonl" if head.startswith(b"{") else "json" if head.startswith(b"[") else "text"
    spec: ParserSpec = registry.get("parsers", name)
    return spec


def read(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    input_format: str | None = None,
    encoding: str | None = None,
    registry: Registry | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article | InputError]:
    """Read articles lazily from files, directories, globs or ``-`` (stdin).

    Yields each :class:`Article` as it is parsed, and an :class:`InputError` in place of
    every input or record that cannot be read, so the caller decides whether to stop.
    """
    registry = registry or get_registry()
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    for source in iter_sources(inputs, stdin=stdin):
        if isinstance(source, InputError):
            yield source
            continue
        try:
            parser = _parser_for(source, input_format, registry)
            yield from parser.parse(source, encoding)
        except InputError as error:
            yield error
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield InputError(
                f"compressed data is truncated or corrupt ({exc})",
                path=source.name,
                hint="re-download or re-compress the file; articles before the damage were kept",
            )
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", path=source.name)


def parse(source: str | os.PathLike[str], *, id: str | None = None) -> Article:
    """One article from a text (a ``str``) or from a file (a :class:`pathlib.Path`).

    A string is always the article's text, never a file name, so a one-line text can
    not be mistaken for a path:

    >>> parse("KYIV, June 15 (Reuters) - Ukraine said ...", id="demo").dateline.place
    'KYIV'
    >>> parse(Path("examples/sievierodonetsk.txt")).photos[0].credit  # doctest: +SKIP
    'Reuters / STRINGER'
    """
    from .parsers.wire import parse_text

    if isinstance(source, str):
        return parse_text(source, id=id or "article")
    for item in read(source):
        if isinstance(item, InputError):
            raise item
        return attrs.evolve(item, id=id) if id is not None else item
    raise InputError("holds no article", path=os.fspath(source))


# -- extracting ------------------------------------------------------------------------


class ExtractionError(Exception):
    """An extractor or validator raised on one article (a bug, reported and skipped)."""


def _plan(names: Sequence[str] | None, specs: dict[str, ExtractorSpec]) -> list[ExtractorSpec]:
    """Extractors in dependency order: requested ones plus everything they require."""
    wanted = list(specs) if names is None else list(names)
    unknown = [n for n in wanted if n not in specs]
    if unknown:
        raise UsageError(
            f"no extractor named {', '.join(map(repr, unknown))} "
            f"(known: {', '.join(sorted(specs))})"
        )
    selected: set[str] = set()
    stack = list(wanted)
    while stack:
        name = stack.pop()
        if name in selected:
            continue
        selected.add(name)
        for required in specs[name].requires:
            if required not in specs:
                raise UsageError(f"extractor {name!r} requires {required!r}, which is not installed")
            stack.append(required)
    order: list[ExtractorSpec] = []
    state: dict[str, int] = {}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise UsageError(f"extractors depend on each other in a cycle: {' -> '.join(chain)}")
        state[name] = 1
        spec = specs[name]
        for dep in (*spec.requires, *spec.after):
            if dep in selected:
                visit(dep, (*chain, dep))
        state[name] = 2
        order.append(spec)

    for name in sorted(selected, key=lambda n: list(specs).index(n)):
        visit(name, (name,))
    return order


@attrs.frozen
class Outcome:
    """What processing one input gave: an article (with its issues) or an error."""

    article: Article | None
    issues: tuple[Issue, ...] = ()
    error: str | None = None
    where: str | None = None
    stage: str | None = None
    """Where a failure happened: ``read``, ``limit``, ``extract`` or ``validate``."""
    encoded: bytes | None = None
    """The article as the run's exporter writes it, when the pipeline was given its
    ``encode`` (then ``article`` is None: the bytes are all the exporter needs)."""

    def reject(self) -> dict[str, Any]:
        """The failure as a row of the rejects report."""
        return {"where": self.where, "stage": self.stage, "reason": self.error}


#: Longest article text processed by default; longer ones are reported and skipped.
DEFAULT_MAX_CHARS: Final = 10_000_000
#: Seconds one article may take in the extractors before it is reported and skipped.
DEFAULT_TIMEOUT: Final = 60.0


class ArticleTimeout(BaseException):
    """Raised inside an extractor that overran the time limit.

    A BaseException, so an extractor's own ``except Exception`` cannot swallow it.
    """


class _Deadline:
    """A per-article time limit (SIGALRM; only where signals can be used)."""

    def __init__(self, seconds: float | None) -> None:
        usable = (
            seconds is not None
            and seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        self.seconds = seconds if usable else None
        self._previous: Any = None

    @staticmethod
    def _expired(signum: int, frame: Any) -> None:
        raise ArticleTimeout

    def __enter__(self) -> None:
        if self.seconds is not None:
            self._previous = signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.seconds is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)


class Pipeline:
    """The extractors and validators of a run, built once per process.

    A pipeline is cheap to create and to pickle (``--jobs`` sends it to worker
    processes); extractors are built the first time an article needs them.
    """

    def __init__(
        self,
        only: Sequence[str] | None = None,
        *,
        validate: bool = True,
        registry: Registry | None = None,
        max_chars: int | None = DEFAULT_MAX_CHARS,
        timeout: float | None = DEFAULT_TIMEOUT,
        encode: Callable[[Article], bytes] | None = None,
    ) -> None:
        self.only = tuple(only) if only is not None else None
        self.validate_output = validate
        self.max_chars = max_chars
        self.timeout = timeout
        self.encode = encode
        self._registry = registry
        self._plan: list[ExtractorSpec] | None = None
        self._built: dict[str, Extractor] = {}
        self._validators: list[tuple[str, Callable[[Article], Iterable[Issue]]]] | None = None
        self._current: str | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"only": self.only, "validate": self.validate_output,
                "max_chars": self.max_chars, "timeout": self.timeout, "encode": self.encode}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.only = state["only"]
        self.validate_output = state["validate"]
        self.max_chars = state["max_chars"]
        self.timeout = state["timeout"]
        self.encode = state["encode"]
        self._current = None
        self._registry = None
        self._plan = None
        self._built = {}
        self._validators = None

    @property
    def registry(self) -> Registry:
        return self._registry or get_registry()

    @property
    def plan(self) -> list[ExtractorSpec]:
        if self._plan is None:
            self._plan = _plan(self.only, self.registry.extractors())
        return self._plan

    def extract(self, article: Article) -> Article:
        """Run the planned extractors over one article; return it with their records."""
        doc = Document(article, Analysis(article.text))
        for spec in self.plan:
            self._current = spec.name
            try:
                extractor = self._built.get(spec.name)
                if extractor is None:
                    extractor = self._built[spec.name] = spec.factory()
                found = tuple(extractor(doc))
            except Exception as exc:
                owner = self.registry.owner("extractors", spec.name) or "?"
                raise ExtractionError(
                    f"extractor {spec.name!r} (plugin {owner}) failed: {type(exc).__name__}: {exc}"
                ) from exc
            expected = _RECORD_TYPES.get(spec.provides or "")
            # (all(map(...)) tests every record in C; the generator only finds the culprit)
            if expected is not None and not all(map(isinstance, found, repeat(expected))):
                wrong = next(r for r in found if not isinstance(r, expected))
                owner = self.registry.owner("extractors", spec.name) or "?"
                raise ExtractionError(
                    f"extractor {spec.name!r} (plugin {owner}) returned "
                    f"{type(wrong).__name__}, expected {expected.__name__} records"
                )
            doc.results[spec.name] = found
        self._current = None
        fields: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for spec in self.plan:
            key = spec.provides or spec.name
            if key in _ARTICLE_FIELDS:
                fields[key] = doc.results[spec.name]
            else:
                extra[key] = list(doc.results[spec.name])
        if extra:
            fields["meta"] = {**article.meta, **extra}
        return attrs.evolve(article, **fields)

    def validators(self) -> list[tuple[str, Callable[[Article], Iterable[Issue]]]]:
        if self._validators is None:
            self._validators = [(n, s.check) for n, s in self.registry.validators().items()]
        return self._validators

    def check(self, article: Article) -> tuple[Issue, ...]:
        """Every issue the installed validators find in one article."""
        issues: list[Issue] = []
        for name, check in self.validators():
            try:
                issues.extend(check(article))
            except Exception as exc:
                owner = self.registry.owner("validators", name) or "?"
                raise ExtractionError(
                    f"validator {name!r} (plugin {owner}) failed: {type(exc).__name__}: {exc}"
                ) from exc
        return tuple(issues)

    def process(self, item: Article | InputError) -> Outcome:
        """Extract and validate one input; every failure becomes an :class:`Outcome`."""
        if isinstance(item, InputError):
            return Outcome(None, error=str(item), where=item.where, stage="read")
        if self.max_chars is not None and len(item.text) > self.max_chars:
            return Outcome(
                None,
                error=f"{item.id}: article is {len(item.text):,} characters, over the limit of "
                f"{self.max_chars:,} (raise it with --max-chars)",
                where=item.id,
                stage="limit",
            )
        try:
            with _Deadline(self.timeout):
                article = self.extract(item)
                issues = self.check(article) if self.validate_output else ()
        except ArticleTimeout:
            step = self._current or "validators"
            owner = self.registry.owner("extractors", step) if self._current else None
            return Outcome(
                None,
                error=f"{item.id}: took longer than {self.timeout:g} s in {step!r}"
                + (f" (plugin {owner})" if owner else "")
                + "; skipped (raise the limit with --timeout)",
                where=item.id,
                stage="limit",
            )
        except ExtractionError as exc:
            return Outcome(None, error=f"{item.id}: {exc}", where=item.id, stage="extract")
        except RecursionError:
            return Outcome(None, error=f"{item.id}: input too deeply nested", where=item.id,
                           stage="extract")
        if self.encode is not None:
            return Outcome(None, issues, encoded=self.encode(article))
        return Outcome(article, issues)

    def __call__(self, item: Article | InputError) -> Outcome:
        return self.process(item)


def extract(
    article: Article | str, *, only: Sequence[str] | None = None, registry: Registry | None = None
) -> Article:
    """Run the extractors over an article (or a text, parsed first) and return it."""
    if isinstance(article, str):
        article = parse(article)
    return Pipeline(only, validate=False, registry=registry).extract(article)


# -- exporting -------------------------------------------------------------------------


def _exporter_name(path: str | None, format: str | None, registry: Registry) -> str:
    if format is not None:
        registry.get("exporters", format)
        return format
    if path is None:
        return "jsonl"
    found = registry.find_by_suffix("exporters", strip_compression(Path(path).name))
    if found is None:
        found = registry.find_by_suffix("exporters", Path(path).name)
    if found is None:
        raise UsageError(
            f"cannot tell the output format from {path!r}; give -f FORMAT "
            f"(known: {', '.join(sorted(registry.exporters()))})"
        )
    name: str = found.name
    return name


def export(
    articles: Iterable[Article] | Iterable[Article | bytes],
    dest: str | os.PathLike[str] | IO[bytes] | None = None,
    *,
    format: str | None = None,
    registry: Registry | None = None,
    **options: Any,
) -> int:
    """Write articles to a path (atomically) or a binary stream; return how many.

    The format comes from ``format`` or else from the path's extension; JSON Lines to
    stdout when neither is given. An item may also be an article already encoded by the
    format's :attr:`~newscorpus.specs.ExporterSpec.encode`.
    """
    registry = registry or get_registry()
    path: str | None = None
    if dest is None or not isinstance(dest, (str, os.PathLike)):
        target = AtomicTarget(None, stream=dest)
    else:
        path = os.fspath(dest)
        target = AtomicTarget(path)
    name = _exporter_name(path, format, registry)
    spec = registry.get("exporters", name)
    count = 0
    try:
        exporter = spec.factory(target, options)
        for article in articles:
            if isinstance(article, bytes):
                exporter.write_encoded(article)
            else:
                exporter.write(article)
            count += 1
        exporter.close()
        target.commit()
    except BaseException:
        target.abort()
        raise
    return count


# -- a whole run -----------------------------------------------------------------------


@attrs.define
class RunStats:
    """Counts for the summary line of a run."""

    read: int = 0
    exported: int = 0
    failed: int = 0
    issues: int = 0
    invalid: int = 0
    """Articles exported with at least one error-severity validation issue."""
    errors: list[str] = attrs.field(factory=list)
    rejects: list[dict[str, Any]] = attrs.field(factory=list)
    """One row per failed input: where, stage and reason (the rejects report)."""

    @property
    def ok(self) -> bool:
        """No input failed and no exported article broke a validator's rule."""
        return not self.failed and not self.invalid

    def summary(self) -> str:
        text = f"{self.read} read, {self.exported} exported, {self.failed} failed"
        if self.issues:
            text += (
                f", {self.issues} validation issue{'s' if self.issues != 1 else ''}"
                f" in {self.invalid} invalid article{'s' if self.invalid != 1 else ''}"
                if self.invalid
                else f", {self.issues} validation warning{'s' if self.issues != 1 else ''}"
            )
        return text


class StrictStop(Exception):
    """``--strict``: the first failure stops the run (the output is not written)."""


def run(
    inputs: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    only: Sequence[str] | None = None,
    validate: bool = True,
    strict: bool = False,
    input_format: str | None = None,
    encoding: str | None = None,
    runner: str = "serial",
    jobs: int = 1,
    options: dict[str, Any] | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    timeout: float | None = DEFAULT_TIMEOUT,
    rejects_report: bool = True,
    on_error: Callable[[str], None] | None = None,
    on_issue: Callable[[Issue], None] | None = None,
    on_progress: Callable[[RunStats], None] | None = None,
    registry: Registry | None = None,
    stdin: IO[bytes] | None = None,
) -> RunStats:
    """Read, extract, validate and export a corpus; failures are reported and skipped."""
    registry = registry or get_registry()
    out_path = None if output is None else os.fspath(output)
    format = _exporter_name(out_path, format, registry)
    pipeline = Pipeline(only, validate=validate, registry=registry, max_chars=max_chars,
                        timeout=timeout, encode=registry.get("exporters", format).encode)
    pipeline.plan  # noqa: B018 - fail fast on an unknown --only name, before reading anything
    runner_spec = registry.get("runners", runner)
    if runner_spec.run is None:
        raise UsageError(
            f"the {runner!r} runner only runs sharded corpora: give -o DIR/ (a directory)"
        )
    stats = RunStats()

    def articles() -> Iterator[Article | bytes]:
        items = read(
            inputs, input_format=input_format, encoding=encoding, registry=registry, stdin=stdin
        )
        for outcome in runner_spec.run(items, pipeline, jobs=jobs):
            stats.read += 1
            if outcome.error is not None:
                stats.failed += 1
                stats.errors.append(outcome.error)
                stats.rejects.append(outcome.reject())
                if on_error is not None:
                    on_error(outcome.error)
                if strict:
                    raise StrictStop(outcome.error)
                continue
            for issue in outcome.issues:
                stats.issues += 1
                if on_issue is not None:
                    on_issue(issue)
            errors = [i for i in outcome.issues if i.severity == "error"]
            if errors:
                stats.invalid += 1
                if strict:
                    raise StrictStop(str(errors[0]))
            stats.exported += 1
            if on_progress is not None:
                on_progress(stats)
            if outcome.encoded is not None:
                yield outcome.encoded
            else:
                assert outcome.article is not None
                yield outcome.article

    export(articles(), output, format=format, registry=registry, **(options or {}))
    if rejects_report and output is not None:
        _write_rejects(rejects_path(output), stats.rejects)
    return stats


def rejects_path(output: str | os.PathLike[str]) -> Path:
    """Where the rejects report of an export to ``output`` goes: right beside it."""
    path = Path(output)
    return path.with_name(path.name + ".rejects.jsonl")


def _write_rejects(path: Path, rejects: list[dict[str, Any]]) -> None:
    """Write (atomically) the failed inputs of this run, or remove an older report."""
    if not rejects:
        path.unlink(missing_ok=True)
        return
    target = AtomicTarget(path)
    try:
        with target.open() as handle:
            for row in rejects:
                handle.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        target.commit()
    except BaseException:
        target.abort()
        raise
