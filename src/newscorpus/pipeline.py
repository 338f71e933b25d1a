"""read -> extract -> validate -> export, one article at a time.

The pieces are usable alone (:func:`read`, :class:`Pipeline`, :func:`export`) and
together (:func:`run`, what ``newscorpus extract`` calls). A corpus run never holds more
than the article in hand: inputs are expanded lazily, parsers yield, exporters stream.
One bad input or one extractor failure is reported and skipped; the rest of the corpus
still comes out.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from .analysis import Analysis
from .errors import InputError, UsageError
from .models import Article
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
    ) -> None:
        self.only = tuple(only) if only is not None else None
        self.validate_output = validate
        self._registry = registry
        self._plan: list[ExtractorSpec] | None = None
        self._built: dict[str, Extractor] = {}
        self._validators: list[tuple[str, Callable[[Article], Iterable[Issue]]]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"only": self.only, "validate": self.validate_output}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.only = state["only"]
        self.validate_output = state["validate"]
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
            extractor = self._built.get(spec.name)
            if extractor is None:
                extractor = self._built[spec.name] = spec.factory()
            try:
                found = extractor(doc)
            except Exception as exc:
                owner = self.registry.owner("extractors", spec.name) or "?"
                raise ExtractionError(
                    f"extractor {spec.name!r} (plugin {owner}) failed: {type(exc).__name__}: {exc}"
                ) from exc
            doc.results[spec.name] = tuple(found)
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
            return Outcome(None, error=str(item), where=item.where)
        try:
            article = self.extract(item)
            issues = self.check(article) if self.validate_output else ()
        except ExtractionError as exc:
            return Outcome(None, error=f"{item.id}: {exc}", where=item.id)
        except RecursionError:
            return Outcome(None, error=f"{item.id}: input too deeply nested", where=item.id)
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
    articles: Iterable[Article],
    dest: str | os.PathLike[str] | IO[bytes] | None = None,
    *,
    format: str | None = None,
    registry: Registry | None = None,
    **options: Any,
) -> int:
    """Write articles to a path (atomically) or a binary stream; return how many.

    The format comes from ``format`` or else from the path's extension; JSON Lines to
    stdout when neither is given.
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
    on_error: Callable[[str], None] | None = None,
    on_issue: Callable[[Issue], None] | None = None,
    on_progress: Callable[[RunStats], None] | None = None,
    registry: Registry | None = None,
    stdin: IO[bytes] | None = None,
) -> RunStats:
    """Read, extract, validate and export a corpus; failures are reported and skipped."""
    registry = registry or get_registry()
    pipeline = Pipeline(only, validate=validate, registry=registry)
    pipeline.plan  # noqa: B018 - fail fast on an unknown --only name, before reading anything
    runner_spec = registry.get("runners", runner)
    if runner_spec.run is None:
        raise UsageError(
            f"the {runner!r} runner only runs sharded corpora: give -o DIR/ (a directory)"
        )
    stats = RunStats()

    def articles() -> Iterator[Article]:
        items = read(
            inputs, input_format=input_format, encoding=encoding, registry=registry, stdin=stdin
        )
        for outcome in runner_spec.run(items, pipeline, jobs=jobs):
            stats.read += 1
            if outcome.error is not None:
                stats.failed += 1
                stats.errors.append(outcome.error)
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
            assert outcome.article is not None
            yield outcome.article

    export(articles(), output, format=format, registry=registry, **(options or {}))
    return stats
