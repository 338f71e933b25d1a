"""JSON and JSON Lines articles, from our own exports or from common scrapers.

Field names differ between scrapers (news-please says ``maintext`` and ``date_publish``,
others ``body`` or ``headline``); we accept the common ones. A JSON object that carries
our ``schema_version`` is read back losslessly as exported, extractions included.

A bad line in a JSON Lines file is reported with its line number and skipped; the lines
after it are still read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any, Final

from dateutil import parser as date_parser

from ..errors import InputError
from ..hookspecs import hookimpl
from ..models import Article
from ..serialize import SCHEMA_KEY, article_from_dict
from ..specs import ParserSpec, Source
from ._decode import decode
from .wire import parse_text

__all__ = ["article_from_record", "read_date"]

_TEXT_KEYS: Final = ("text", "body", "maintext", "content", "articleBody", "article")
_TITLE_KEYS: Final = ("title", "headline", "name")
_DATE_KEYS: Final = ("date", "date_publish", "published", "datePublished", "pubdate", "date_published")
_AUTHOR_KEYS: Final = ("authors", "author", "byline", "by")
_URL_KEYS: Final = ("url", "link", "source_url")
_SOURCE_KEYS: Final = ("source", "source_domain", "publisher", "site_name")
_LANGUAGE_KEYS: Final = ("language", "lang")
_KNOWN: Final = frozenset(
    ("id", "uuid", *_TEXT_KEYS, *_TITLE_KEYS, *_DATE_KEYS, *_AUTHOR_KEYS, *_URL_KEYS,
     *_SOURCE_KEYS, *_LANGUAGE_KEYS)
)


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str | None, Any]:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return key, value
    return None, None


def _string(
    record: Mapping[str, Any],
    keys: tuple[str, ...],
    where: dict[str, Any],
    *,
    numbers: bool = True,
) -> str | None:
    key, value = _first(record, keys)
    if value is None:
        return None
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(
            f"field {key!r} should be a string, not {type(value).__name__}",
            hint="fix the record or drop the field",
            **where,
        )
    return value


def _published(value: Any, where: dict[str, Any]) -> dt.datetime | dt.date | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            raise InputError(f"date {value!r} is out of range", **where) from None
    if not isinstance(value, str):
        raise InputError(f"date should be a string, not {type(value).__name__}", **where)
    try:
        return read_date(value)
    except ValueError:
        raise InputError(
            f"cannot read the date {value!r}", hint="use ISO 8601, e.g. 2022-06-15", **where
        ) from None


def read_date(value: str) -> dt.datetime | dt.date:
    """A publication date as scrapers write it: ISO 8601 first, then anything dateutil reads.

    A bare date stays a date (no invented midnight); a timestamp keeps its offset.
    Raises ValueError when the text is not a date.
    """
    try:
        parsed = date_parser.isoparse(value)
    except ValueError:
        try:
            parsed = date_parser.parse(value)
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"not a date: {value!r}") from exc
    if len(value.strip()) <= 10 and parsed.time() == dt.time(0) and parsed.tzinfo is None:
        return parsed.date()
    return parsed


def article_from_record(
    record: Any,
    *,
    default_id: str,
    path: str,
    line: int | None = None,
    warnings: tuple[str, ...] = (),
) -> Article:
    """Build an article from one JSON object (ours, or a scraper's)."""
    where: dict[str, Any] = {"path": path, "line": line}
    if not isinstance(record, dict):
        raise InputError(
            f"expected a JSON object for an article, found {type(record).__name__}",
            hint="each line of a JSON Lines file must be one object",
            **where,
        )
    raw_id = record.get("id", record.get("uuid"))
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise InputError(f"field 'id' should be a string, not {type(raw_id).__name__}", **where)
    where["record"] = str(raw_id) if raw_id is not None else None
    if SCHEMA_KEY in record:
        try:
            article = article_from_dict(record)
        except (TypeError, ValueError, KeyError) as exc:
            raise InputError(f"not a valid newscorpus article: {exc}", **where) from None
        return article
    text = _string(record, _TEXT_KEYS, where, numbers=False)
    if text is None:
        raise InputError(
            "no article text: none of the fields " + ", ".join(_TEXT_KEYS) + " is present",
            hint="name the body field 'text'",
            **where,
        )
    article_id = str(raw_id) if raw_id is not None else default_id
    base = parse_text(text, id=article_id, warnings=warnings)
    authors = record.get(_first(record, _AUTHOR_KEYS)[0] or "")
    if isinstance(authors, list) and all(isinstance(a, str) for a in authors):
        byline: str | None = ", ".join(authors) or None
    else:
        byline = _string(record, _AUTHOR_KEYS, where)
    _, date_value = _first(record, _DATE_KEYS)
    meta = {k: v for k, v in record.items() if k not in _KNOWN}
    return Article(
        id=article_id,
        text=text,
        headline=_string(record, _TITLE_KEYS, where) or base.headline,
        dateline=base.dateline,
        published=_published(date_value, where) or base.published,
        source=_string(record, _SOURCE_KEYS, where) or base.source,
        byline=byline,
        url=_string(record, _URL_KEYS, where),
        language=_string(record, _LANGUAGE_KEYS, where),
        photos=base.photos,
        meta=meta,
        warnings=warnings,
    )


def _parse_jsonl(source: Source, encoding: str | None) -> Iterator[Article | InputError]:
    with source.open() as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                line, warning = decode(
                    raw, path=source.name, encoding=encoding, line=number, sniff_binary=False
                )
                if "\x00" in line:
                    raise InputError(
                        "contains NUL bytes: this looks like binary data, not JSON",
                        path=source.name,
                        line=number,
                    )
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(
                        f"invalid JSON ({exc.msg} at column {exc.colno})",
                        path=source.name,
                        line=number,
                        hint="fix or remove the line; the other lines are still read",
                    ) from None
                except RecursionError:
                    raise InputError(
                        "JSON nested too deeply to read", path=source.name, line=number
                    ) from None
                yield article_from_record(
                    record,
                    default_id=f"{source.id_hint or source.name}-{number}",
                    path=source.name,
                    line=number,
                    warnings=(f"{source.name}:line {number}: {warning}",) if warning else (),
                )
            except InputError as error:
                yield error


def _parse_json(source: Source, encoding: str | None) -> Iterator[Article | InputError]:
    with source.open() as stream:
        data = stream.read()
    text, warning = decode(data, path=source.name, encoding=encoding)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            path=source.name,
            line=exc.lineno,
            hint="for one article per line, name the file .jsonl",
        ) from None
    except RecursionError:
        raise InputError("JSON nested too deeply to read", path=source.name) from None
    warnings = (f"{source.name}: {warning}",) if warning else ()
    if isinstance(document, dict) and isinstance(document.get("articles"), list):
        document = document["articles"]
    records = document if isinstance(document, list) else [document]
    for index, record in enumerate(records):
        try:
            yield article_from_record(
                record,
                default_id=source.id_hint or source.name
                if len(records) == 1
                else f"{source.id_hint or source.name}-{index + 1}",
                path=source.name,
                warnings=warnings,
            )
        except InputError as error:
            if error.record is None:
                error.record = f"#{index + 1}"
            yield error


@hookimpl
def newscorpus_register_parsers() -> list[ParserSpec]:
    return [
        ParserSpec(
            name="jsonl",
            description="JSON Lines: one article object per line (newscorpus exports too)",
            parse=_parse_jsonl,
            suffixes=(".jsonl", ".ndjson"),
        ),
        ParserSpec(
            name="json",
            description="JSON: one article object, a list of them, or {'articles': [...]}",
            parse=_parse_json,
            suffixes=(".json",),
        ),
    ]

