"""Atomic output: nothing appears at the final path until the export is complete.

Every file an exporter writes goes to a temporary file beside its destination (same
directory, so the final rename is atomic on POSIX). :meth:`AtomicTarget.commit` flushes,
fsyncs and renames them all; :meth:`AtomicTarget.abort` removes them. An interrupted run
therefore leaves the previous output intact and no half-written file behind.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from .errors import ExportError

__all__ = ["AtomicTarget"]

_UMASK = os.umask(0)
os.umask(_UMASK)


class _Unclosable(io.BufferedIOBase):
    """stdout for an exporter: it may close what it was given, but stdout stays open."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._raw.write(data)
        return len(data)

    def flush(self) -> None:
        self._raw.flush()

    def close(self) -> None:
        self.flush()


class AtomicTarget:
    """An :class:`~newscorpus.specs.ExportTarget` for a path, or for a stream."""

    def __init__(self, path: str | os.PathLike[str] | None, *, stream: IO[bytes] | None = None):
        self.path = Path(path) if path is not None else None
        self.stream = stream
        self._pending: list[tuple[Path, Path, IO[Any] | None]] = []

    @property
    def name(self) -> str:
        return str(self.path) if self.path is not None else "<stdout>"

    def sibling(self, suffix: str) -> Path:
        """The final path of a sibling output (``out.csv`` -> ``out.quotes.csv``)."""
        if self.path is None:
            raise ExportError(f"this format writes several files; give -o PATH (not {suffix})")
        base = self.path.name
        for ending in (".csv.gz", ".csv"):
            if base.lower().endswith(ending):
                return self.path.with_name(base[: -len(ending)] + suffix + base[-len(ending) :])
        return self.path.with_name(base + suffix)

    def open(self, suffix: str = "", *, binary: bool = True) -> IO[Any]:
        if self.path is None:
            if suffix:
                self.sibling(suffix)  # raises: stdout cannot hold several files
            raw: IO[Any] = _Unclosable(  # type: ignore[assignment]
                self.stream if self.stream is not None else sys.stdout.buffer
            )
            return raw if binary else io.TextIOWrapper(raw, encoding="utf-8", newline="")
        final = self.sibling(suffix) if suffix else self.path
        directory = final.parent
        if not directory.is_dir():
            raise ExportError(f"{final}: the directory {directory} does not exist")
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=directory)
        except OSError as exc:
            raise ExportError(f"{final}: cannot write here ({exc.strerror})") from None
        tmp = Path(tmp_name)
        handle: IO[Any]
        if final.name.lower().endswith(".gz"):
            os.close(fd)
            handle = gzip.open(tmp, "wb")  # type: ignore[assignment]  # noqa: SIM115
        else:
            handle = os.fdopen(fd, "wb")  # closed by commit() or abort()
        if not binary:
            handle = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        self._pending.append((tmp, final, handle))
        return handle

    def temp_path(self, suffix: str = "") -> Path:
        """Reserve a temporary file for a writer that needs a real path (SQLite).

        The caller writes to it and closes it; :meth:`commit` renames it into place and
        :meth:`abort` removes it, like a file from :meth:`open`.
        """
        if self.path is None:
            raise ExportError("this format writes a file, not a stream; give -o PATH")
        final = self.sibling(suffix) if suffix else self.path
        directory = final.parent
        if not directory.is_dir():
            raise ExportError(f"{final}: the directory {directory} does not exist")
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=directory)
        except OSError as exc:
            raise ExportError(f"{final}: cannot write here ({exc.strerror})") from None
        os.close(fd)
        self._pending.append((Path(tmp_name), final, None))
        return Path(tmp_name)

    def commit(self) -> list[Path]:
        """Flush, fsync and rename every temporary file into place."""
        done: list[Path] = []
        for tmp, final, handle in self._pending:
            if handle is not None and not handle.closed:
                handle.flush()
                handle.close()
            with open(tmp, "rb") as check:
                os.fsync(check.fileno())
            os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the usual mode
            os.replace(tmp, final)
            done.append(final)
        self._pending.clear()
        return done

    def abort(self) -> None:
        """Remove every temporary file; the previous outputs are left as they were."""
        for tmp, _final, handle in self._pending:
            if handle is not None:
                with contextlib.suppress(Exception):
                    handle.close()
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        self._pending.clear()
