"""WARC files (``.warc``, ``.warc.gz``) as newscorpus articles, read as a stream.

Common Crawl's CC-NEWS publishes news pages as WARC files of about 1 GB. This parser
walks the records with warcio, one at a time, and hands every HTML response to
:func:`newscorpus_html.article_from_html`. Nothing in a WARC file is fatal:

- request, metadata, warcinfo (and other non-response) records are passed over;
- responses that are not HTML, not status 200, too large, or have no article text are
  counted and skipped; the counts are reported in one :class:`WarcSkipWarning` per file;
- a truncated or corrupt file yields every article before the damage, then one
  :class:`~newscorpus.InputError` saying where reading stopped.
"""

from __future__ import annotations

import io
import warnings
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any, Final

import attrs
from newscorpus_html import article_from_html
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newscorpus import Article, InputError, ParserSpec, hookimpl
from newscorpus.specs import Source

__all__ = ["WarcSkipWarning", "WarcStats", "iter_warc"]

MAX_RECORD_BYTES: Final = 10_000_000
"""A response larger than this is not a news page (a video, an archive) and is skipped."""
MIN_ARTICLE_CHARS: Final = 80
"""A page whose main text is shorter is an index or error page, not an article."""


_RECORD_TYPES: Final = frozenset({"warcinfo", "response", "resource", "request", "metadata",
                                  "revisit", "conversion", "continuation"})


class WarcSkipWarning(UserWarning):
    """Some records of a WARC file were skipped (the message gives the counts)."""


@attrs.define
class WarcStats:
    """What reading one WARC file found."""

    records: int = 0
    responses: int = 0
    articles: int = 0
    skipped: Counter[str] = attrs.field(factory=Counter)
    truncated: str | None = None

    def summary(self) -> str:
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
        return (f"{_n(self.records, 'record')}, {_n(self.responses, 'response')}, "
                f"{_n(self.articles, 'article')}" + (f"; skipped {reasons}" if reasons else ""))


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _record_id(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip("<>")
    return value.removeprefix("urn:uuid:")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to check the file type)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest
        self._read = getattr(rest, "read1", rest.read)
        self.error: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self.error is not None:
            return 0
        try:
            # read1: a truncated gzip member fails only the read that reaches it, and
            # the records decompressed before it are still handed out.
            data = self._read(len(buffer))
        except (EOFError, zlib.error, OSError) as exc:
            self.error = exc
            return 0
        buffer[: len(data)] = data
        return len(data)


def iter_warc(
    stream: IO[bytes],
    *,
    name: str,
    stats: WarcStats | None = None,
    id_prefix: str = "",
    encoding: str | None = None,
) -> Iterator[Article | InputError]:
    """Articles from an open WARC stream (compressed or not); fills ``stats`` as it goes."""
    stats = stats if stats is not None else WarcStats()
    head = stream.read(5)
    if not head.startswith((b"WARC/", b"\x1f\x8b")):
        yield InputError("not a WARC file (it does not start with 'WARC/')", path=name,
                         hint="give --input-format for another format")
        return
    source = _Prefixed(head, stream)
    try:
        for record in ArchiveIterator(source):
            stats.records += 1
            if record.rec_type not in _RECORD_TYPES:
                stats.skipped["broken"] += 1
                continue
            if record.rec_type != "response":
                continue
            stats.responses += 1
            http = record.http_headers
            if http is None:
                stats.skipped["without HTTP headers"] += 1
                continue
            status = http.get_statuscode()
            if status != "200":
                stats.skipped[f"with status {status}"] += 1
                continue
            content_type = http.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                stats.skipped["not HTML"] += 1
                continue
            data = record.content_stream().read(MAX_RECORD_BYTES + 1)
            if len(data) > MAX_RECORD_BYTES:
                stats.skipped["too large"] += 1
                continue
            headers = record.rec_headers
            url = headers.get_header("WARC-Target-URI")
            record_id = _record_id(headers.get_header("WARC-Record-ID"))
            article_id = id_prefix + (record_id or f"record-{stats.records}")
            meta: dict[str, Any] = {"warc": {
                "file": name,
                "record_id": headers.get_header("WARC-Record-ID"),
                "date": headers.get_header("WARC-Date"),
                "target_uri": url,
                "content_type": content_type,
            }}
            charset = _charset(content_type)
            try:
                article = article_from_html(
                    data, id=article_id, url=url, path=f"{name} ({url or article_id})",
                    encoding=encoding, meta=meta, min_chars=MIN_ARTICLE_CHARS,
                )
            except InputError:
                if charset is None or encoding is not None:
                    stats.skipped["without article text"] += 1
                    continue
                try:  # the page may need the charset its HTTP header gave
                    article = article_from_html(
                        data, id=article_id, url=url, path=name, encoding=charset, meta=meta,
                        min_chars=MIN_ARTICLE_CHARS,
                    )
                except InputError:
                    stats.skipped["without article text"] += 1
                    continue
            stats.articles += 1
            yield article
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as exc:
        source.error = source.error or exc
    if source.error is not None:
        exc = source.error
        stats.truncated = f"{type(exc).__name__}: {exc}".strip()
        yield InputError(
            f"truncated or corrupt after {_n(stats.records, 'record')} ({stats.truncated}); "
            f"articles read before the damage: {stats.articles}",
            path=name,
            hint="re-download the file; everything before the damage is kept",
        )


def _parse(source: Source, encoding: str | None) -> Iterator[Article | InputError]:
    stats = WarcStats()
    with source.open() as stream:
        yield from iter_warc(stream, name=source.name, stats=stats, encoding=encoding)
    if stats.skipped:
        warnings.warn(f"{source.name}: {stats.summary()}", WarcSkipWarning, stacklevel=2)


@hookimpl
def newscorpus_register_parsers() -> list[ParserSpec]:
    return [
        ParserSpec(
            name="warc",
            description="WARC files (CC-NEWS): HTML responses through newscorpus-html, "
            "streaming; other records skipped (newscorpus-warc)",
            parse=_parse,
            suffixes=(".warc", ".warc.gz"),
        )
    ]
