"""JSON Lines (the default) and JSON: every field of every article, losslessly.

Both write UTF-8 without a byte-order mark. Text that cannot be UTF-8 (a lone surrogate
from a broken source) is written with ASCII escapes instead, so the output is always
valid JSON in valid UTF-8.
"""

from __future__ import annotations

import json
from typing import IO, Any

from ..hookspecs import hookimpl
from ..models import Article
from ..serialize import article_to_dict, article_to_json
from ..specs import Exporter, ExporterSpec, ExportTarget

__all__ = ["dumps_article"]


# For the rare article that is not valid UTF-8 (see the module docstring). An article's
# dict is a tree built by record_to_dict, so the check for circular references would be
# work for nothing. The usual path is serialize.article_to_json.
_COMPACT_ASCII = json.JSONEncoder(separators=(",", ":"), check_circular=False)


def dumps_article(article: Article, *, indent: int | None = None) -> bytes:
    """One article as UTF-8 JSON bytes (no trailing newline)."""
    if indent:
        data = article_to_dict(article)
        text = json.dumps(data, ensure_ascii=False, indent=indent)
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(data, ensure_ascii=True, indent=indent).encode()
    try:
        return article_to_json(article).encode("utf-8")
    except UnicodeEncodeError:
        return _COMPACT_ASCII.encode(article_to_dict(article)).encode()


class JsonLinesExporter:
    def __init__(self, target: ExportTarget, options: dict[str, Any]) -> None:
        self._out: IO[bytes] = target.open()

    def write(self, article: Article) -> None:
        self._out.write(dumps_article(article) + b"\n")

    def write_encoded(self, data: bytes) -> None:
        self._out.write(data)

    def close(self) -> None:
        self._out.close()


def _jsonl_line(article: Article) -> bytes:
    return dumps_article(article) + b"\n"


class JsonExporter:
    """A JSON array of articles, streamed: one element at a time, never the whole list."""

    def __init__(self, target: ExportTarget, options: dict[str, Any]) -> None:
        self._out: IO[bytes] = target.open()
        self._indent = 2 if options.get("pretty", True) else None
        self._first = True

    def write(self, article: Article) -> None:
        self._out.write(b"[\n" if self._first else b",\n")
        self._first = False
        self._out.write(dumps_article(article, indent=self._indent))

    def close(self) -> None:
        self._out.write(b"[]\n" if self._first else b"\n]\n")
        self._out.close()


def _jsonl(target: ExportTarget, options: dict[str, Any]) -> Exporter:
    return JsonLinesExporter(target, options)


def _json(target: ExportTarget, options: dict[str, Any]) -> Exporter:
    return JsonExporter(target, options)


@hookimpl
def newscorpus_register_exporters() -> list[ExporterSpec]:
    return [
        ExporterSpec(
            name="jsonl",
            description="JSON Lines, one article per line, every field (default; .jsonl.gz too)",
            factory=_jsonl,
            suffixes=(".jsonl", ".ndjson"),
            encode=_jsonl_line,
        ),
        ExporterSpec(
            name="json",
            description="A JSON array of articles, every field",
            factory=_json,
            suffixes=(".json",),
        ),
    ]
