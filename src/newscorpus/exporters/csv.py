"""CSV: one RFC 4180 table per record type, joined by ``article_id``.

``-o out.csv`` writes the articles table to ``out.csv`` and the others beside it:
``out.quotes.csv``, ``out.people.csv``, ``out.places.csv``, ``out.place_mentions.csv``,
``out.figures.csv`` and ``out.dates.csv``. Options:

``excel``
    Start each file with a UTF-8 byte-order mark so Excel reads the encoding right;
    turns ``safe_csv`` on unless it is explicitly off.
``safe_csv``
    Neutralise text cells a spreadsheet would run as a formula (starting with ``=``,
    ``+``, ``-``, ``@``, tab or carriage return) by prefixing ``'``. Numeric columns are
    written from numbers and never touched, so ``-3`` stays ``-3``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import IO, Any, Final

from ..hookspecs import hookimpl
from ..models import Article
from ..serialize import number_to_json
from ..specs import Exporter, ExporterSpec, ExportTarget

__all__ = ["TABLES", "neutralise"]

_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")

Row = list[Any]


def neutralise(value: str) -> str:
    """Make a text cell inert in spreadsheets (OWASP's recommendation: prefix a quote)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _num(value: Any) -> Any:
    if value is None:
        return ""
    if hasattr(value, "as_tuple"):  # Decimal
        return number_to_json(value)
    return value


def _article_rows(a: Article) -> list[Row]:
    photo = a.photos[0] if a.photos else None
    return [
        [
            a.id,
            a.headline,
            a.published.isoformat() if a.published else None,
            a.source,
            a.byline,
            a.url,
            a.language,
            a.dateline.text if a.dateline else None,
            a.dateline.place if a.dateline else None,
            photo.caption if photo else None,
            photo.credit if photo else None,
            photo.taken.isoformat() if photo and photo.taken else None,
            len(a.text),
            len(a.quotes),
            len(a.places),
            len(a.figures),
            "; ".join(a.warnings) or None,
            a.text,
        ]
    ]


def _quote_rows(a: Article) -> list[Row]:
    rows = []
    for i, q in enumerate(a.quotes):
        s, c = q.speaker, q.cue
        rows.append(
            [
                a.id, i, q.start, q.end, q.kind, q.text,
                s.name if s else None, s.type if s else None, s.role if s else None,
                s.mention if s else None, _num(s.start) if s else "", _num(s.end) if s else "",
                c.text if c else None, _num(c.start) if c else "", _num(c.end) if c else "",
                c.type if c else None, q.medium, q.confidence, q.attribution,
            ]
        )
    return rows


def _people_rows(a: Article) -> list[Row]:
    return [
        [a.id, i, p.name, p.type, "; ".join(p.roles) or None, len(p.mentions)]
        for i, p in enumerate(a.people)
    ]


def _place_rows(a: Article) -> list[Row]:
    return [
        [
            a.id, i, p.name, p.kind, p.country_code, p.admin1, _num(p.lat), _num(p.lon),
            p.gazetteer_id, p.confidence, p.resolution, len(p.mentions),
            "|".join(sorted({m.text for m in p.mentions})) or None,
        ]
        for i, p in enumerate(a.places)
    ]


def _place_mention_rows(a: Article) -> list[Row]:
    return [
        [a.id, i, m.start, m.end, m.text, m.role]
        for i, p in enumerate(a.places)
        for m in p.mentions
    ]


def _figure_rows(a: Article) -> list[Row]:
    return [
        [
            a.id, i, f.start, f.end, f.text, _num(f.value), _num(f.low), _num(f.high), f.unit,
            f.quantity, f.counted, f.qualifier, f.approximate, f.claimant, _num(f.conversion_of),
        ]
        for i, f in enumerate(a.figures)
    ]


def _date_rows(a: Article) -> list[Row]:
    return [
        [a.id, i, d.start, d.end, d.text, d.value, d.precision, d.relative]
        for i, d in enumerate(a.dates)
    ]


#: table name -> (columns, numeric columns, row builder). The articles table is the main file.
TABLES: Final[dict[str, tuple[tuple[str, ...], frozenset[str], Callable[[Article], list[Row]]]]] = {
    "articles": (
        ("article_id", "headline", "published", "source", "byline", "url", "language",
         "dateline", "dateline_place", "photo_caption", "photo_credit", "photo_taken",
         "chars", "quotes", "places", "figures", "warnings", "text"),
        frozenset({"chars", "quotes", "places", "figures"}),
        _article_rows,
    ),
    "quotes": (
        ("article_id", "index", "start", "end", "kind", "text", "speaker", "speaker_type",
         "speaker_role", "speaker_mention", "speaker_start", "speaker_end", "cue",
         "cue_start", "cue_end", "cue_type", "medium", "confidence", "attribution"),
        frozenset({"index", "start", "end", "speaker_start", "speaker_end", "cue_start",
                   "cue_end", "confidence"}),
        _quote_rows,
    ),
    "people": (
        ("article_id", "index", "name", "type", "roles", "mentions"),
        frozenset({"index", "mentions"}),
        _people_rows,
    ),
    "places": (
        ("article_id", "index", "name", "kind", "country_code", "admin1", "latitude",
         "longitude", "gazetteer_id", "confidence", "resolution", "mentions", "surface_forms"),
        frozenset({"index", "latitude", "longitude", "confidence", "mentions"}),
        _place_rows,
    ),
    "place_mentions": (
        ("article_id", "place_index", "start", "end", "text", "role"),
        frozenset({"place_index", "start", "end"}),
        _place_mention_rows,
    ),
    "figures": (
        ("article_id", "index", "start", "end", "text", "value", "low", "high", "unit",
         "quantity", "counted", "qualifier", "approximate", "claimant", "conversion_of"),
        frozenset({"index", "start", "end", "value", "low", "high", "conversion_of"}),
        _figure_rows,
    ),
    "dates": (
        ("article_id", "index", "start", "end", "text", "value", "precision", "relative"),
        frozenset({"index", "start", "end"}),
        _date_rows,
    ),
}


class CsvExporter:
    def __init__(self, target: ExportTarget, options: dict[str, Any]) -> None:
        excel = bool(options.get("excel", False))
        safe = options.get("safe_csv")
        self._safe = excel if safe is None else bool(safe)
        self._files: list[IO[str]] = []
        self._tables: list[tuple[Any, frozenset[int], Callable[[Article], list[Row]]]] = []
        for table, (columns, numeric, rows) in TABLES.items():
            handle: IO[str] = target.open("" if table == "articles" else f".{table}", binary=False)
            self._files.append(handle)
            if excel:
                handle.write("\ufeff")
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(columns)
            numeric_idx = frozenset(i for i, c in enumerate(columns) if c in numeric)
            self._tables.append((writer, numeric_idx, rows))

    def _cell(self, value: Any, numeric: bool) -> Any:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            # Cells are one record each: strip the characters CSV readers choke on.
            value = value.replace("\x00", "")
            return neutralise(value) if self._safe and not numeric else value
        return value

    def write(self, article: Article) -> None:
        for writer, numeric, rows in self._tables:
            for row in rows(article):
                writer.writerow([self._cell(v, i in numeric) for i, v in enumerate(row)])

    def close(self) -> None:
        for handle in self._files:
            handle.close()


def _csv(target: ExportTarget, options: dict[str, Any]) -> Exporter:
    return CsvExporter(target, options)


@hookimpl
def newscorpus_register_exporters() -> list[ExporterSpec]:
    return [
        ExporterSpec(
            name="csv",
            description="CSV tables (articles, quotes, people, places, place_mentions, "
            "figures, dates) joined by article_id; options excel, safe_csv",
            factory=_csv,
            suffixes=(".csv",),
        )
    ]
