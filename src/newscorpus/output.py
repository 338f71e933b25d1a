"""Atomic output: nothing appears at the final path until the export is complete.

Every file an exporter writes goes to a temporary file in its destination's directory,
so the final rename is atomic on POSIX. On Linux the temporary file is anonymous
(``O_TMPFILE``): it has no name until :meth:`AtomicTarget.commit` links it beside the
destination and renames it into place, so even a SIGKILL leaves nothing behind.
Elsewhere it is a hidden ``.NAME.PID.xxxx.part`` file that :meth:`AtomicTarget.abort`
removes, and that the next export to the same path removes if its process died.
Either way an interrupted run leaves the previous output intact.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

import attrs

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


@attrs.define
class _Pending:
    """One output in progress: where it goes and how it is held until commit."""

    final: Path
    handle: IO[Any] | None
    raw: IO[bytes] | None = None
    """The OS-level file under ``handle`` (gzip and text wrappers sit on top of it)."""
    tmp: Path | None = None
    """A named temporary file; None when the file is anonymous (``O_TMPFILE``)."""


def _temp_prefix(final: Path) -> str:
    return f".{final.name}.{os.getpid()}."


def _remove_stale(final: Path) -> None:
    """Delete temporary files a killed run left for this output (their process is gone)."""
    for stale in final.parent.glob(f".{glob.escape(final.name)}.*.part"):
        pid_text = stale.name[len(final.name) + 2 :].split(".", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                stale.unlink()
        except OSError:
            pass  # alive, or not ours to signal: leave it


def _anonymous_file(directory: Path) -> int | None:
    """An unnamed file in ``directory`` (Linux ``O_TMPFILE``): a SIGKILL leaves nothing."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(directory, flag | os.O_WRONLY | os.O_CLOEXEC, 0o666 & ~_UMASK)
    except OSError:
        return None  # a filesystem without O_TMPFILE support: use a named file


def _link_anonymous(fd: int, name: Path) -> None:
    # os.link() calls plain link(2), which does not follow /proc's magic links, unless a
    # dir fd is given; then it calls linkat(2) with AT_SYMLINK_FOLLOW, which does.
    directory = os.open(name.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", name, src_dir_fd=directory, follow_symlinks=True)
    finally:
        os.close(directory)


class AtomicTarget:
    """An :class:`~newscorpus.specs.ExportTarget` for a path, or for a stream."""

    def __init__(self, path: str | os.PathLike[str] | None, *, stream: IO[bytes] | None = None):
        self.path = Path(path) if path is not None else None
        self.stream = stream
        self._pending: list[_Pending] = []

    @property
    def name(self) -> str:
        return str(self.path) if self.path is not None else "<stdout>"

    def sibling(self, suffix: str) -> Path:
        """The final path of a sibling output (``out.csv`` -> ``out.quotes.csv``)."""
        if self.path is None:
            raise ExportError(f"this format writes several files; give -o PATH (not {suffix})")
        base = self.path.name
        for ending in (".csv.gz", ".csv", ".parquet"):
            if base.lower().endswith(ending):
                return self.path.with_name(base[: -len(ending)] + suffix + base[-len(ending) :])
        return self.path.with_name(base + suffix)

    def _final(self, suffix: str) -> Path:
        assert self.path is not None
        final = self.sibling(suffix) if suffix else self.path
        if not final.parent.is_dir():
            raise ExportError(f"{final}: the directory {final.parent} does not exist")
        if final.is_dir():
            raise ExportError(f"{final} is a directory; give a file name (or DIR/ for parts)")
        if final.is_file() or not final.exists():
            _remove_stale(final)
        return final

    def _named_temp(self, final: Path) -> tuple[int, Path]:
        try:
            fd, name = tempfile.mkstemp(prefix=_temp_prefix(final), suffix=".part", dir=final.parent)
        except OSError as exc:
            raise ExportError(f"{final}: cannot write here ({exc.strerror})") from None
        return fd, Path(name)

    def open(self, suffix: str = "", *, binary: bool = True) -> IO[Any]:
        if self.path is None:
            if suffix:
                self.sibling(suffix)  # raises: stdout cannot hold several files
            out: IO[Any] = _Unclosable(  # type: ignore[assignment]
                self.stream if self.stream is not None else sys.stdout.buffer
            )
            return out if binary else io.TextIOWrapper(out, encoding="utf-8", newline="")
        final = self._final(suffix)
        if final.exists() and not final.is_file():
            # /dev/null, a named pipe, /dev/stdout: write straight to it. Renaming a
            # temporary file over a device node would replace the device.
            if binary:
                return final.open("wb")
            return final.open("w", encoding="utf-8", newline="")
        fd = _anonymous_file(final.parent)
        tmp: Path | None = None
        if fd is None:
            fd, tmp = self._named_temp(final)
        raw: IO[bytes] = os.fdopen(fd, "wb")  # closed by commit() or abort()
        # The exporter may close what it gets; the file itself must stay open until commit
        # has flushed, synced and (for an anonymous file) named it.
        handle: IO[Any] = _Unclosable(raw)  # type: ignore[assignment]
        if final.name.lower().endswith(".gz"):
            handle = gzip.GzipFile(filename="", mode="wb", fileobj=handle)  # type: ignore[assignment]
        if not binary:
            handle = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        self._pending.append(_Pending(final, handle, raw, tmp))
        return handle

    def temp_path(self, suffix: str = "") -> Path:
        """Reserve a temporary file for a writer that needs a real path (SQLite).

        The caller writes to it and closes it; :meth:`commit` renames it into place and
        :meth:`abort` removes it, like a file from :meth:`open`. If the process is killed,
        the next export to the same path removes it.
        """
        if self.path is None:
            raise ExportError("this format writes a file, not a stream; give -o PATH")
        final = self._final(suffix)
        fd, tmp = self._named_temp(final)
        os.close(fd)
        self._pending.append(_Pending(final, None, None, tmp))
        return tmp

    def commit(self) -> list[Path]:
        """Flush, fsync and move every temporary file into place."""
        done: list[Path] = []
        for item in self._pending:
            if item.handle is not None and not item.handle.closed:
                item.handle.close()  # a gzip or text wrapper flushes into raw here
            if item.raw is not None and not item.raw.closed:
                item.raw.flush()
                os.fsync(item.raw.fileno())
            if item.tmp is None:
                # Give the anonymous file a name beside its destination, then rename it.
                assert item.raw is not None
                fd, named = self._named_temp(item.final)
                os.close(fd)
                named.unlink()
                _link_anonymous(item.raw.fileno(), named)
                item.tmp = named
            else:
                with open(item.tmp, "rb") as check:
                    os.fsync(check.fileno())
            if item.raw is not None and not item.raw.closed:
                item.raw.close()
            os.chmod(item.tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the usual mode
            os.replace(item.tmp, item.final)
            done.append(item.final)
        self._pending.clear()
        return done

    def abort(self) -> None:
        """Drop every temporary file; the previous outputs are left as they were."""
        for item in self._pending:
            for handle in (item.handle, item.raw):
                if handle is not None:
                    with contextlib.suppress(Exception):
                        handle.close()
            if item.tmp is not None:
                with contextlib.suppress(FileNotFoundError):
                    item.tmp.unlink()
        self._pending.clear()
