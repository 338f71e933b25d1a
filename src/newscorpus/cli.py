"""The ``newscorpus`` command. Subcommands come from plugins, the built-in ones included."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import warnings
from collections.abc import Sequence

from . import __version__
from .errors import NewscorpusError
from .plugins import PluginLoadWarning, get_registry

__all__ = ["main"]


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscorpus",
        description="Turn news articles into structured, checkable data: quotes with "
        "speakers, places with coordinates, figures with units, offline.",
        epilog="Example: newscorpus extract examples/sievierodonetsk.txt -o out.geojson",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, spec in get_registry().commands().items():
        sub = subparsers.add_parser(name, help=spec.help, description=spec.help)
        spec.add_arguments(sub)
        sub.set_defaults(_run=spec.run)
    return parser


def _show_warning(message: Warning | str, category: type[Warning], *args: object, **kw: object) -> None:
    print(f"newscorpus: warning: {message}", file=sys.stderr)


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM (a scheduler stopping the job) unwinds like Ctrl-C, so outputs are aborted.
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code.

    Called in-process (tests, notebooks), it leaves the caller's signal handlers and
    warning display as it found them.
    """
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous_sigterm = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            warnings.simplefilter("default", PluginLoadWarning)
            return _main(argv)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous_sigterm)


def _main(argv: Sequence[str] | None) -> int:
    try:
        parser = _build_parser()
        args = parser.parse_args(argv)
        code: int = args._run(args)
        return code
    except NewscorpusError as error:
        print(f"newscorpus: error: {error}", file=sys.stderr)
        return 2 if type(error).__name__ in ("UsageError", "PluginConflictError") else 1
    except KeyboardInterrupt:
        print("newscorpus: interrupted; no partial output was left", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `newscorpus extract ... | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
