"""Parquet output: one typed file per record type, written in row groups.

``-o out.parquet`` writes ``out.parquet`` (articles) and ``out.<table>.parquet`` for
quotes, people, places, place_mentions, figures and dates: the tables and columns of
the CSV export (:data:`newscorpus.exporters.csv.TABLES`), with a typed Arrow schema.
Rows are buffered per table and written as a row group every ``row_group_size`` rows,
so memory stays flat however many articles go through.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any, Final

import pyarrow as pa
import pyarrow.parquet as pq

from newscorpus import Article, ExporterSpec, hookimpl
from newscorpus.exporters.csv import TABLES

__all__ = ["ParquetExporter", "schema"]

ROW_GROUP_SIZE: Final = 10_000

_INTEGER: Final = frozenset({"index", "place_index", "start", "end", "speaker_start",
                             "speaker_end", "cue_start", "cue_end", "chars", "quotes",
                             "places", "figures", "mentions", "conversion_of"})
_BOOLEAN: Final = frozenset({"approximate", "relative"})


def _type(column: str, numeric: frozenset[str]) -> pa.DataType:
    if column in _BOOLEAN:
        return pa.bool_()
    if column in numeric:
        return pa.int64() if column in _INTEGER else pa.float64()
    return pa.string()


def schema(table: str) -> pa.Schema:
    """The Arrow schema of one table (``articles``, ``quotes``, ...)."""
    columns, numeric, _rows = TABLES[table]
    return pa.schema(
        [pa.field(c, _type(c, numeric), nullable=c not in ("article_id", "index", "place_index"))
         for c in columns],
        metadata={"newscorpus.table": table, "newscorpus.schema_version": "1"},
    )


def _text(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a broken source
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _cell(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if kind == pa.string():
        return _text(value) if isinstance(value, str) else str(value)
    if value == "":  # the CSV row builders write a missing number as an empty cell
        return None
    if kind == pa.float64():
        return float(value)
    if kind == pa.int64():
        return int(value)
    return bool(value)


class _Table:
    def __init__(self, handle: IO[bytes], table: str, rows: Callable[[Article], list[list[Any]]],
                 size: int) -> None:
        self.handle = handle
        self.schema = schema(table)
        self.types = [field.type for field in self.schema]
        self.rows = rows
        self.size = size
        self.buffer: list[list[Any]] = [[] for _ in self.types]
        self.count = 0
        self.writer = pq.ParquetWriter(handle, self.schema, compression="zstd")

    def add(self, article: Article) -> None:
        for row in self.rows(article):
            for column, (value, kind) in enumerate(zip(row, self.types, strict=True)):
                self.buffer[column].append(_cell(value, kind))
            self.count += 1
            if self.count >= self.size:
                self.flush()

    def flush(self) -> None:
        if self.count:
            arrays = [pa.array(values, type=kind) for values, kind in zip(self.buffer, self.types,
                                                                            strict=True)]
            self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema),
                                    row_group_size=self.size)
            self.buffer = [[] for _ in self.types]
            self.count = 0

    def close(self) -> None:
        self.flush()
        self.writer.close()
        self.handle.close()


class ParquetExporter:
    def __init__(self, target: Any, options: dict[str, Any]) -> None:
        size = int(options.get("row_group_size") or ROW_GROUP_SIZE)
        self._tables = [
            _Table(target.open("" if name == "articles" else f".{name}"), name, rows, size)
            for name, (_columns, _numeric, rows) in TABLES.items()
        ]

    def write(self, article: Article) -> None:
        for table in self._tables:
            table.add(article)

    def close(self) -> None:
        for table in self._tables:
            table.close()


@hookimpl
def newscorpus_register_exporters() -> list[ExporterSpec]:
    return [
        ExporterSpec(
            name="parquet",
            description="Parquet: one typed file per table (out.parquet, out.quotes.parquet, "
            "...), row groups of 10,000 (newscorpus-parquet)",
            factory=ParquetExporter,
            suffixes=(".parquet",),
        )
    ]
