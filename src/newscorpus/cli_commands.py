"""The built-in subcommands: extract, validate, plugins, formats.

Each is registered through ``newscorpus_register_commands`` like a plugin's would be.
Commands report bad input as one line naming the file and what to try, never as a
traceback, and end a run with a summary line on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from .errors import InputError, UsageError
from .hookspecs import hookimpl
from .pipeline import (
    DEFAULT_MAX_CHARS,
    DEFAULT_TIMEOUT,
    Pipeline,
    RunStats,
    StrictStop,
    read,
    rejects_path,
    run,
)
from .plugins import get_registry
from .shards import ShardConfig, plan_shards, run_sharded
from .sources import strip_compression
from .specs import CommandSpec, Issue
from .validators.geojson import check_geojson

__all__ = ["Progress"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Progress:
    """A one-line progress counter on stderr, redrawn at most a few times a second."""

    def __init__(self, enabled: bool, interval: float = 0.25) -> None:
        self.enabled = enabled
        self.interval = interval
        self._last = 0.0
        self._start = time.monotonic()
        self._shown = False

    def __call__(self, stats: RunStats, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        rate = stats.read / max(now - self._start, 1e-9)
        sys.stderr.write(f"\r{stats.read:,} read, {stats.failed:,} failed, {rate:,.0f}/s ")
        sys.stderr.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


# -- extract ---------------------------------------------------------------------------


def _extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, directories, globs, or - for stdin (.gz is read too)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="output path; its extension picks the format (default: stdout)")
    parser.add_argument("-f", "--format", metavar="FORMAT",
                        help="output format (see `newscorpus formats`); default from OUT, else jsonl")
    parser.add_argument("--only", metavar="NAMES",
                        help="comma-separated extractors to run, e.g. quotes,places "
                        "(what they require runs too)")
    parser.add_argument("--input-format", metavar="FORMAT",
                        help="read every input in this format instead of guessing from its name")
    parser.add_argument("--encoding", metavar="NAME",
                        help="decode inputs with this encoding instead of guessing")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="skip the validators")
    parser.add_argument("--warnings", action="store_true",
                        help="print every validation warning (default: count them)")
    parser.add_argument("--strict", action="store_true",
                        help="stop at the first bad input or validation error; write nothing")
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="worker processes (default: one per core for a corpus - a "
                        "directory, glob, JSON/JSON Lines file or several inputs - else 1)")
    parser.add_argument("--runner", metavar="NAME", default=None,
                        help="how to run: serial, processes, or a plugin's runner")
    parser.add_argument("--excel", action="store_true",
                        help="CSV: add a byte-order mark for Excel (implies --safe-csv)")
    parser.add_argument("--safe-csv", dest="safe_csv", action="store_true", default=None,
                        help="CSV: neutralise cells a spreadsheet would run as formulas")
    parser.add_argument("--no-safe-csv", dest="safe_csv", action="store_false",
                        help="CSV: keep cells exactly as extracted, even with --excel")
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="show progress on stderr (default: when stderr is a terminal)")
    progress.add_argument("--no-progress", "--quiet", dest="progress", action="store_false",
                          help="no progress line")
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                        help="skip (and report) articles longer than this "
                        f"(default {DEFAULT_MAX_CHARS:,})")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help="skip (and report) an article the extractors spend longer on "
                        f"(default {DEFAULT_TIMEOUT:g}; 0 for no limit)")
    parser.add_argument("--shard-size", type=int, default=1000, metavar="LINES",
                        help="with -o DIR/: split JSON Lines inputs into shards of this many "
                        "lines (default 1000)")
    for spec in get_registry().runners().values():
        if spec.add_arguments is not None:
            spec.add_arguments(parser.add_argument_group(f"{spec.name} runner"))  # type: ignore[arg-type]


def _default_jobs(inputs: list[str]) -> int:
    """One process per core for a corpus; one for a single story, where forking costs more."""
    corpus = len(inputs) > 1 or any(
        Path(name).is_dir()
        or any(c in name for c in "*?[")
        or strip_compression(name).lower().endswith((".jsonl", ".ndjson", ".json"))
        for name in inputs
    )
    return max(1, os.cpu_count() or 1) if corpus else 1


def _is_directory_output(output: str | None) -> bool:
    return output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def _run_sharded(args: argparse.Namespace, only: list[str] | None, options: dict[str, Any],
                 runner: str) -> int:
    """``-o DIR/``: one part per shard, a manifest, and a re-run that skips finished shards."""
    registry = get_registry()
    spec = registry.get("runners", runner)
    if spec.run_shards is None:
        raise UsageError(f"the {runner!r} runner cannot run a sharded corpus (-o DIR/)")
    config = ShardConfig(
        format=args.format or "jsonl",
        only=tuple(only) if only is not None else None,
        validate=args.validate,
        input_format=args.input_format,
        encoding=args.encoding,
        options=tuple(sorted(options.items())),
    )
    registry.get("exporters", config.format)
    tasks, errors = plan_shards(args.inputs, args.output, config, shard_size=args.shard_size)
    for error in errors:
        _err(f"newscorpus: skipped {error}")
    show = sys.stderr.isatty() if args.progress is None else args.progress
    finished = 0

    def on_row(row: dict[str, Any]) -> None:
        nonlocal finished
        finished += 1
        for reject in row.get("rejects", ()):
            _err(f"newscorpus: skipped {reject['reason']}")
        if show:
            sys.stderr.write(f"\r{finished}/{len(tasks)} shards ")
            sys.stderr.flush()

    rows, skipped = run_sharded(tasks, args.output, spec.run_shards, jobs=args.jobs,
                                options=vars(args), on_row=on_row)
    if show:
        sys.stderr.write("\r\x1b[K")
    read_ = sum(r["read"] for r in rows)
    exported = sum(r["rows"] for r in rows)
    failed = sum(r["failed"] for r in rows) + len(errors)
    invalid = sum(r["invalid"] for r in rows)
    _err(f"newscorpus: {len(rows)} shards ({skipped} already done), {read_} read, "
         f"{exported} exported, {failed} failed -> {args.output}")
    return EXIT_OK if not failed and not invalid else EXIT_FAILED


def _run_extract(args: argparse.Namespace) -> int:
    only = [n.strip() for n in args.only.split(",") if n.strip()] if args.only else None
    options: dict[str, Any] = {"excel": args.excel}
    if args.safe_csv is not None:
        options["safe_csv"] = args.safe_csv
    show = sys.stderr.isatty() if args.progress is None else args.progress
    progress = Progress(show)
    if args.jobs is None:
        args.jobs = _default_jobs(args.inputs)
    runner = args.runner or ("processes" if args.jobs > 1 else "serial")
    if _is_directory_output(args.output):
        return _run_sharded(args, only, options, runner)

    def on_error(message: str) -> None:
        progress.clear()
        _err(f"newscorpus: skipped {message}")

    def on_issue(issue: Issue) -> None:
        # Errors are printed one by one; warnings (advice such as an unattributed quote)
        # would flood a corpus run, so they are counted in the summary unless asked for.
        if issue.severity == "error" or args.warnings:
            progress.clear()
            _err(f"newscorpus: {issue}")

    try:
        stats = run(
            args.inputs,
            args.output,
            format=args.format,
            only=only,
            validate=args.validate,
            strict=args.strict,
            input_format=args.input_format,
            encoding=args.encoding,
            runner=runner,
            jobs=args.jobs,
            options=options,
            max_chars=args.max_chars,
            timeout=args.timeout or None,
            on_error=on_error,
            on_issue=on_issue,
            on_progress=progress,
        )
    except StrictStop as stop:
        progress.clear()
        _err(f"newscorpus: stopped (--strict): {stop}; nothing was written")
        return EXIT_FAILED
    progress.clear()
    _err(f"newscorpus: {stats.summary()}" + (f" -> {args.output}" if args.output else ""))
    if stats.rejects and args.output:
        _err(f"newscorpus: the failed inputs are listed in {rejects_path(args.output)}")
    return EXIT_OK if stats.ok else EXIT_FAILED


# -- validate --------------------------------------------------------------------------


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="exported JSON Lines, JSON or GeoJSON files (.gz too)")
    parser.add_argument("--json", action="store_true", help="print issues as JSON Lines")
    parser.add_argument("--warnings", action="store_true",
                        help="print warnings too (default: count them; errors are always printed)")


def _load_geojson(path: str) -> Any:
    import gzip

    opener: Any = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            return json.loads(handle.read().decode("utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (offset {exc.start}); RFC 7946 requires UTF-8",
                         path=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg})", path=path, line=exc.lineno) from None


def _run_validate(args: argparse.Namespace) -> int:
    errors = warnings = checked = 0

    def report(issue: Issue, where: str) -> None:
        nonlocal errors, warnings
        if issue.severity == "error":
            errors += 1
        else:
            warnings += 1
            if not (args.warnings or args.json):
                return
        if args.json:
            print(json.dumps({"file": where, **{k: getattr(issue, k) for k in (
                "code", "severity", "message", "article_id", "start", "end", "path")}}))
        else:
            print(f"{where}: {issue}")

    pipeline = Pipeline(validate=True)
    for path in args.files:
        name = strip_compression(Path(path).name).lower()
        if name.endswith(".geojson"):
            try:
                document = _load_geojson(path)
            except InputError as error:
                report(Issue("unreadable", error.message), error.where)
                continue
            checked += 1
            for issue in check_geojson(document):
                report(issue, path)
            continue
        for item in read([path], input_format="jsonl" if name.endswith(".jsonl") else None):
            if isinstance(item, InputError):
                report(Issue("unreadable", item.message + (f" ({item.hint})" if item.hint else "")),
                       item.where)
                continue
            checked += 1
            for issue in pipeline.check(item):
                report(issue, path)
    summary = f"newscorpus: {checked} checked, {errors} error(s), {warnings} warning(s)"
    _err(summary)
    return EXIT_FAILED if errors else EXIT_OK


# -- plugins and formats ---------------------------------------------------------------


def _plugins_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.add_argument("--all", action="store_true", help="include the built-in plugins")


def _run_plugins(args: argparse.Namespace) -> int:
    infos = [p for p in get_registry().plugins() if args.all or not p.builtin]
    if args.json:
        print(json.dumps([p.to_dict() for p in infos], indent=2))
        return EXIT_OK
    if not infos:
        print("no third-party plugins installed (use --all to list the built-ins)")
    for info in infos:
        origin = "built-in" if info.builtin else f"{info.distribution or '?'} {info.version or ''}"
        print(f"{info.name}  ({origin.strip()}; module {info.module})")
        if info.error:
            print(f"    FAILED TO LOAD: {info.error}")
        for kind, names in info.provides.items():
            if names:
                print(f"    {kind}: {', '.join(names)}")
    return EXIT_OK


def _formats_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print as JSON")


def _run_formats(args: argparse.Namespace) -> int:
    registry = get_registry()
    groups: dict[str, dict[str, Any]] = {
        "input formats (--input-format)": registry.parsers(),
        "output formats (-f)": registry.exporters(),
    }
    if args.json:
        print(json.dumps({
            kind: [{"name": s.name, "suffixes": list(s.suffixes), "description": s.description,
                    "plugin": registry.owner("parsers" if "input" in kind else "exporters", s.name)}
                   for s in specs.values()]
            for kind, specs in groups.items()
        }, indent=2))
        return EXIT_OK
    for kind, specs in groups.items():
        print(f"{kind}:")
        for spec in specs.values():
            suffixes = " ".join(spec.suffixes)
            print(f"  {spec.name:<10} {suffixes:<18} {spec.description}")
    return EXIT_OK


@hookimpl
def newscorpus_register_commands() -> list[CommandSpec]:
    return [
        CommandSpec("extract", "read articles, extract quotes, places and figures, export",
                    _extract_arguments, _run_extract),
        CommandSpec("validate", "check exported JSON Lines / JSON / GeoJSON files",
                    _validate_arguments, _run_validate),
        CommandSpec("plugins", "list installed plugins and what each provides",
                    _plugins_arguments, _run_plugins),
        CommandSpec("formats", "list input and output formats", _formats_arguments, _run_formats),
    ]




