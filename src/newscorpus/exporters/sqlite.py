"""SQLite: one database file, the CSV tables with keys, indexes and full-text search.

``-o corpus.db`` writes the tables of the CSV export (:data:`newscorpus.exporters.csv.TABLES`:
articles, quotes, people, places, place_mentions, figures, dates) with the same columns,
plus primary and foreign keys, indexes on the columns people filter by, and FTS5 indexes
over article text and quote text (``articles_fts``, ``quotes_fts``, kept in sync by
triggers, in the layout Datasette detects). The ``places`` table has ``latitude`` and
``longitude`` columns, so ``datasette corpus.db`` with ``datasette-cluster-map`` shows a
map of it.

Writing to an existing database adds to it: the file is copied to a temporary file beside
it, each article replaces the rows it had under the same id (article ids are stable), and
the copy is renamed into place only when the export succeeds. A second run over the same
inputs therefore leaves the database as it was, never with duplicates.

Standard library only. If the ``sqlite3`` module was built without FTS5, the tables are
written without the full-text indexes and a warning says so.
"""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from ..errors import ExportError
from ..hookspecs import hookimpl
from ..models import Article
from ..specs import Exporter, ExporterSpec, ExportTarget
from .csv import TABLES, Row

__all__ = ["SCHEMA_VERSION", "SqliteExporter", "fts5_available", "schema_sql"]

SCHEMA_VERSION: Final = 1
"""Stored as ``PRAGMA user_version``; a database of another version is refused."""

_BATCH: Final = 200
"""Articles per transaction: fast enough, and a crash loses nothing (the file is a copy)."""

# Columns that are whole numbers (the rest of the numeric ones are REAL).
_INTEGER: Final = frozenset({"index", "place_index", "start", "end", "speaker_start",
                             "speaker_end", "cue_start", "cue_end", "chars", "quotes",
                             "places", "figures", "mentions", "conversion_of"})
_BOOLEAN: Final = frozenset({"approximate", "relative"})
# Exact figure values: NUMERIC keeps an integer an INTEGER (money stays exact).
_EXACT: Final = frozenset({"value", "low", "high"})

# Extra indexes: what a reader filters or joins by, beyond the primary keys.
_INDEXES: Final = (
    ("articles", ("published",)),
    ("articles", ("source",)),
    ("quotes", ("speaker",)),
    ("people", ("name",)),
    ("places", ("name",)),
    ("places", ("gazetteer_id",)),
    ("places", ("country_code",)),
    ("place_mentions", ("article_id", "place_index")),
    ("figures", ("quantity",)),
    ("dates", ("value",)),
)

# Full-text indexes: (fts table, content table, indexed columns).
_FTS: Final = (
    ("articles_fts", "articles", ("headline", "text")),
    ("quotes_fts", "quotes", ("text", "speaker")),
)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_type(table: str, column: str, numeric: frozenset[str]) -> str:
    if column in _BOOLEAN:
        return "INTEGER"  # 0 or 1
    if column in numeric:
        if column in _INTEGER:
            return "INTEGER"
        return "NUMERIC" if column in _EXACT else "REAL"
    return "TEXT"


def fts5_available() -> bool:
    """Whether this Python's SQLite can create FTS5 tables."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    finally:
        db.close()
    return True


def schema_sql(*, fts: bool = True) -> list[str]:
    """The ``CREATE`` statements of a newscorpus database (all ``IF NOT EXISTS``)."""
    statements: list[str] = []
    for table, (columns, numeric, _rows) in TABLES.items():
        defs = []
        for column in columns:
            kind = _column_type(table, column, numeric)
            not_null = " NOT NULL" if column in ("article_id", "index", "place_index") else ""
            defs.append(f"{_q(column)} {kind}{not_null}")
        if table == "articles":
            defs.append('PRIMARY KEY ("article_id")')
        elif table == "place_mentions":
            defs.append('FOREIGN KEY ("article_id", "place_index") REFERENCES "places" '
                        '("article_id", "index") ON DELETE CASCADE')
        else:
            defs.append('PRIMARY KEY ("article_id", "index")')
        if table != "articles":
            defs.append('FOREIGN KEY ("article_id") REFERENCES "articles" ("article_id") '
                        "ON DELETE CASCADE")
        statements.append(f"CREATE TABLE IF NOT EXISTS {_q(table)} (\n  "
                          + ",\n  ".join(defs) + "\n)")
    for table, columns in _INDEXES:
        name = f"idx_{table}_{'_'.join(columns)}"
        statements.append(f"CREATE INDEX IF NOT EXISTS {_q(name)} ON {_q(table)} "
                          f"({', '.join(map(_q, columns))})")
    if fts:
        for fts_table, content, columns in _FTS:
            cols = ", ".join(map(_q, columns))
            new = ", ".join(f"new.{_q(c)}" for c in columns)
            old = ", ".join(f"old.{_q(c)}" for c in columns)
            statements.append(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {_q(fts_table)} USING fts5({cols}, "
                f"content={_q(content)}, content_rowid='rowid')"
            )
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {_q(content + '_ai')} AFTER INSERT ON "
                f"{_q(content)} BEGIN INSERT INTO {_q(fts_table)} (rowid, {cols}) "
                f"VALUES (new.rowid, {new}); END"
            )
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {_q(content + '_ad')} AFTER DELETE ON "
                f"{_q(content)} BEGIN INSERT INTO {_q(fts_table)} ({_q(fts_table)}, rowid, "
                f"{cols}) VALUES ('delete', old.rowid, {old}); END"
            )
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {_q(content + '_au')} AFTER UPDATE ON "
                f"{_q(content)} BEGIN INSERT INTO {_q(fts_table)} ({_q(fts_table)}, rowid, "
                f"{cols}) VALUES ('delete', old.rowid, {old}); INSERT INTO {_q(fts_table)} "
                f"(rowid, {cols}) VALUES (new.rowid, {new}); END"
            )
    return statements


def _text(value: str) -> str:
    """SQLite stores UTF-8: a lone surrogate from a broken source becomes an escape."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _cell(value: Any, numeric: bool) -> Any:
    if value is None or (numeric and value == ""):
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        return float(value)  # beyond SQLite's integers; 15 significant digits survive
    return value


class SqliteExporter:
    def __init__(self, target: ExportTarget, options: dict[str, Any]) -> None:
        temp_path: Callable[[], Path] | None = getattr(target, "temp_path", None)
        if temp_path is None:
            raise ExportError("the sqlite format needs an output target with a file path")
        final = getattr(target, "path", None)
        self._path = temp_path()
        if final is not None and Path(final).exists():
            shutil.copyfile(final, self._path)  # append: start from the existing database
        self._db = sqlite3.connect(self._path, isolation_level=None)
        self._fts = bool(options.get("fts", True))
        try:
            self._prepare()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise ExportError(f"{target.name}: not a newscorpus SQLite database ({exc})") from None
        self._inserts: list[tuple[str, Callable[[Article], list[Row]], frozenset[int]]] = []
        for table, (columns, numeric, rows) in TABLES.items():
            sql = (f"INSERT INTO {_q(table)} ({', '.join(map(_q, columns))}) "
                   f"VALUES ({', '.join('?' * len(columns))})")
            numeric_idx = frozenset(i for i, c in enumerate(columns) if c in numeric)
            self._inserts.append((sql, rows, numeric_idx))
        self._pending = 0
        self._db.execute("BEGIN")

    def _prepare(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        existing = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if existing and version != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"schema version {version}, this newscorpus writes version {SCHEMA_VERSION}"
            )
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = MEMORY")  # a temporary copy: no -journal file beside it
        if self._fts and "articles_fts" not in existing and not fts5_available():
            warnings.warn(
                "this Python's SQLite has no FTS5: the database is written without "
                "full-text search (articles_fts, quotes_fts)",
                RuntimeWarning,
                stacklevel=4,
            )
            self._fts = False
        db.execute("BEGIN")
        for statement in schema_sql(fts=self._fts):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        if self._fts and existing and "articles_fts" not in existing:
            for fts_table, _content, _columns in _FTS:  # index the rows written without it
                db.execute(f"INSERT INTO {_q(fts_table)} ({_q(fts_table)}) VALUES ('rebuild')")
        db.execute("COMMIT")

    def write(self, article: Article) -> None:
        db = self._db
        article_id = _text(article.id)
        # Replace, never duplicate: children first (their FTS triggers fire), then the row.
        for table in reversed(TABLES):
            db.execute(f"DELETE FROM {_q(table)} WHERE article_id = ?", (article_id,))
        for sql, rows, numeric in self._inserts:
            db.executemany(
                sql,
                ([_cell(v, i in numeric) for i, v in enumerate(row)] for row in rows(article)),
            )
        self._pending += 1
        if self._pending >= _BATCH:
            db.execute("COMMIT")
            db.execute("BEGIN")
            self._pending = 0

    def close(self) -> None:
        db = self._db
        db.execute("COMMIT")
        if self._fts:
            for fts_table, _content, _columns in _FTS:
                db.execute(f"INSERT INTO {_q(fts_table)} ({_q(fts_table)}) VALUES ('optimize')")
        db.close()


def _sqlite(target: ExportTarget, options: dict[str, Any]) -> Exporter:
    return SqliteExporter(target, options)


@hookimpl
def newscorpus_register_exporters() -> list[ExporterSpec]:
    return [
        ExporterSpec(
            name="sqlite",
            description="SQLite database: the CSV tables with keys, indexes and FTS5 search "
            "(Datasette-ready); appending to an existing file replaces articles by id",
            factory=_sqlite,
            suffixes=(".db", ".sqlite", ".sqlite3"),
        )
    ]
