"""Turning what the user typed (files, directories, globs, ``-``) into input sources.

Expansion is lazy and sorted, so a run over a directory of a million files starts at
once and always visits them in the same order. Compressed inputs (``.gz``) are opened
transparently; the parser sees plain bytes. A URL (``s3://bucket/news/``, ``file://``,
``memory://``) is read through ``fsspec`` when it is installed (an optional dependency:
the ``newscorpus-dask`` plugin brings it).
"""

from __future__ import annotations

import glob
import gzip
import importlib
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

from .errors import InputError
from .specs import Source

__all__ = ["COMPRESSION_SUFFIXES", "is_url", "iter_sources", "open_raw", "strip_compression"]

COMPRESSION_SUFFIXES: Final = (".gz",)
_GLOB_CHARS: Final = frozenset("*?[")
_URL: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(name: str) -> bool:
    """``s3://bucket/key``, ``file:///tmp/a.jsonl``: a name fsspec opens, not a local path."""
    return _URL.match(name) is not None


def open_raw(name: str) -> IO[bytes]:
    """The undecoded, still compressed bytes of a local path or an fsspec URL."""
    if is_url(name):
        return _fsspec(name).open(name, "rb").open()  # type: ignore[no-any-return]
    return open(name, "rb")


def _fsspec(name: str) -> Any:
    try:
        return importlib.import_module("fsspec")
    except ImportError:
        raise InputError(
            "a URL input needs fsspec", path=name, hint="pip install fsspec (and s3fs for s3://)"
        ) from None


def strip_compression(name: str) -> str:
    """``a.jsonl.gz`` -> ``a.jsonl``: the name a format is recognised by."""
    lowered = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _id_for(path: Path, root: Path | None) -> str:
    """An article id from a file name: relative to the directory given, no suffixes."""
    relative = path.relative_to(root) if root is not None else Path(path.name)
    return _id_from(relative.as_posix())


def _id_from(relative: str) -> str:
    name = strip_compression(relative)
    stem, dot, suffix = name.rpartition(".")
    if dot and "/" not in suffix and stem:
        name = stem
    return name


def _opener(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _file_source(path: Path, root: Path | None) -> Source:
    return Source(name=str(path), open=lambda: _opener(path), id_hint=_id_for(path, root))


def _stdin_source(stdin: IO[bytes] | None) -> Source:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data: list[bytes] = []

    def open_stdin() -> IO[bytes]:
        # Read once; parsers that re-open (sniffing) get the same bytes again.
        if not data:
            data.append(stream.read())
        raw = data[0]
        if raw[:2] == b"\x1f\x8b":
            return gzip.GzipFile(fileobj=io.BytesIO(raw))  # type: ignore[return-value]
        return io.BytesIO(raw)

    return Source(name="<stdin>", open=open_stdin, id_hint="stdin")


def iter_sources(
    inputs: Iterable[str | os.PathLike[str]], *, stdin: IO[bytes] | None = None
) -> Iterator[Source | InputError]:
    """Expand inputs lazily; a name that matches nothing is yielded as an error."""
    for raw in inputs:
        name = os.fspath(raw)
        if name == "-":
            yield _stdin_source(stdin)
            continue
        if is_url(name):
            yield from _url_sources(name)
            continue
        path = Path(name)
        if path.is_dir():
            found = False
            for child in _walk(path):
                found = True
                yield _file_source(child, path)
            if not found:
                yield InputError("directory holds no files", path=name)
            continue
        if path.is_file():
            yield _file_source(path, None)
            continue
        if _GLOB_CHARS & set(name):
            matches = sorted(glob.iglob(name, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                yield InputError("no file matches this pattern", path=name)
            root = _glob_root(name)
            for match in files:
                yield _file_source(match, root)
            continue
        if path.exists():
            yield InputError("not a regular file", path=name)
        else:
            yield InputError("no such file or directory", path=name, hint="check the path")


def _walk(directory: Path) -> Iterator[Path]:
    """Every non-hidden file below ``directory``, in sorted order, depth first."""
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith("."):
                yield Path(dirpath, filename)


def _glob_root(pattern: str) -> Path | None:
    parts = Path(pattern).parts
    fixed = list(parts[: next((i for i, p in enumerate(parts) if _GLOB_CHARS & set(p)), 0)])
    return Path(*fixed) if fixed else None


def _url_source(url: str, relative: str) -> Source:
    def open_url() -> IO[bytes]:
        raw = open_raw(url)
        if url.lower().endswith(".gz"):
            return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
        return raw

    return Source(name=url, open=open_url, id_hint=_id_from(relative))


def _url_sources(url: str) -> Iterator[Source | InputError]:
    """A file, a directory (every non-hidden file below it) or a glob behind an fsspec URL."""
    try:
        fs, path = _fsspec(url).core.url_to_fs(url)

        def below(found: str, root: str) -> str:
            return found[len(root):].lstrip("/") if found.startswith(root) else found

        if _GLOB_CHARS & set(path):
            matches = sorted(m for m in fs.glob(path) if fs.isfile(m))
            if not matches:
                yield InputError("no file matches this pattern", path=url)
            parts = path.split("/")
            root = "/".join(parts[: next(i for i, p in enumerate(parts) if _GLOB_CHARS & set(p))])
            for match in matches:
                yield _url_source(fs.unstrip_protocol(match), below(match, root))
        elif fs.isdir(path):
            root = path.rstrip("/")
            files = sorted(
                f for f in fs.find(root)
                if not any(part.startswith(".") for part in below(f, root).split("/"))
            )
            if not files:
                yield InputError("directory holds no files", path=url)
            for found in files:
                yield _url_source(fs.unstrip_protocol(found), below(found, root))
        elif fs.isfile(path):
            yield _url_source(url, path.rpartition("/")[2])
        else:
            yield InputError("no such file or directory", path=url, hint="check the URL")
    except InputError as error:
        yield error
    except (OSError, ValueError) as exc:
        yield InputError(f"cannot read this URL ({exc})", path=url)
