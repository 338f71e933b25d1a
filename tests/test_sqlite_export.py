"""SQLite export: the CSV tables with keys and FTS5, appends that never duplicate."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus import Article, ExportError, Figure, Mention, Place, Quote, Speaker, export
from newscorpus.exporters import sqlite as sqlite_exporter
from newscorpus.exporters.csv import TABLES

from .strategies import articles

ROOT = Path(__file__).resolve().parents[1]
TEXT = 'Officials in Kyiv said "about 1,130 people left" on Monday.'


def _article(article_id: str, text: str = TEXT) -> Article:
    kyiv = Place(name="Kyiv", kind="city", country_code="UA", lat=50.45466, lon=30.5238,
                 gazetteer_id="geonames:703448", mentions=(Mention(13, 17, "Kyiv"),))
    return Article(
        id=article_id, text=text, headline=f"Headline {article_id}",
        quotes=(Quote(text="about 1,130 people left", start=24, end=47,
                      speaker=Speaker(name="Officials", type="group")),),
        places=(kyiv,),
        figures=(Figure(text="1,130 people", start=30, end=42, value=1130, unit=None,
                        counted="people", qualifier="about", approximate=True),),
    )


def _rows(db: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    return db.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2').fetchall()


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _expected(batch: list[Article], table: str) -> list[tuple[Any, ...]]:
    """What the CSV row builders give, in SQLite's types."""
    columns, numeric, rows = TABLES[table]
    out = []
    last = {a.id: a for a in batch}  # a repeated id: the last one wins
    for article in last.values():
        for row in rows(article):
            cells = []
            for column, value in zip(columns, row, strict=True):
                if value is None or (column in numeric and value == ""):
                    cells.append(None)
                elif isinstance(value, bool):
                    cells.append(int(value))
                elif isinstance(value, str):
                    cells.append(sqlite_exporter._text(value))
                elif isinstance(value, int) and abs(value) >= 2**63:
                    cells.append(float(value))
                else:
                    cells.append(value)
            out.append(tuple(cells))
    return sorted(out, key=lambda r: (r[0], r[1]))


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(articles(), max_size=3))
def test_every_table_holds_what_the_csv_export_holds(tmp_path: Path, batch: list[Article]) -> None:
    path = tmp_path / "c.db"
    path.unlink(missing_ok=True)
    export(batch, path)
    with _connect(path) as db:
        for table in TABLES:
            got = _rows(db, table)
            want = _expected(batch, table)
            if table == "place_mentions":  # no natural order beyond the key
                got, want = sorted(got, key=repr), sorted(want, key=repr)
            assert got == want, table


def test_schema_has_keys_indexes_and_fts(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    export([_article("a")], path)
    with _connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert set(TABLES) <= tables
        assert {"articles_fts", "quotes_fts"} <= tables
        for table, (columns, _numeric, _rows) in TABLES.items():
            assert [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')] == list(columns)
        fks = {r[2] for r in db.execute('PRAGMA foreign_key_list("quotes")')}
        assert fks == {"articles"}
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {r[1] for r in db.execute('PRAGMA index_list("places")')}
        assert "idx_places_gazetteer_id" in indexes
        assert db.execute("PRAGMA user_version").fetchone()[0] == sqlite_exporter.SCHEMA_VERSION
        # Money stays exact: NUMERIC keeps a whole number an integer.
        assert db.execute("SELECT value, approximate FROM figures").fetchone() == (1130, 1)
        assert db.execute("SELECT latitude, longitude FROM places").fetchone() == (50.45466, 30.5238)


def _search(path: Path, table: str, query: str) -> list[str]:
    with _connect(path) as db:
        return [r[0] for r in db.execute(
            f"SELECT c.article_id FROM {table}_fts f JOIN {table} c ON c.rowid = f.rowid "
            f"WHERE {table}_fts MATCH ? ORDER BY c.article_id", (query,))]


def test_append_adds_and_never_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    export([_article("a"), _article("b")], path)
    # A second run: one article again (changed), one new.
    export([_article("b", TEXT.replace("Monday", "Tuesday")), _article("c")], path)
    with _connect(path) as db:
        assert [r[0] for r in db.execute("SELECT article_id FROM articles ORDER BY 1")] == ["a", "b", "c"]
        assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 3
        assert db.execute("SELECT count(*) FROM place_mentions").fetchone()[0] == 3
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _search(path, "articles", "Monday") == ["a", "c"]
    assert _search(path, "articles", "Tuesday") == ["b"]
    assert _search(path, "quotes", "people") == ["a", "b", "c"]
    assert _search(path, "quotes", "Officials") == ["a", "b", "c"]
    # The same run again changes nothing.
    before = path.read_bytes()
    export([_article("b", TEXT.replace("Monday", "Tuesday")), _article("c")], path)
    with _connect(path) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert len(path.read_bytes()) == len(before)


def test_a_failed_export_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    export([_article("a")], path)
    before = path.read_bytes()

    def broken() -> Iterator[Article]:
        yield _article("b")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        export(broken(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db"]


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    path.write_text("not sqlite " * 100)
    with pytest.raises(ExportError, match="not a newscorpus SQLite database"):
        export([_article("a")], path)
    assert path.read_text().startswith("not sqlite")


def test_stdout_is_refused() -> None:
    import io

    with pytest.raises(ExportError, match="-o PATH"):
        export([_article("a")], io.BytesIO(), format="sqlite")


def test_without_fts5_the_tables_are_written_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_exporter, "fts5_available", lambda: False)
    path = tmp_path / "c.db"
    with pytest.warns(RuntimeWarning, match="no FTS5"):
        export([_article("a")], path)
    with _connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "articles" in tables and "articles_fts" not in tables
    # A later run where FTS5 exists indexes the rows already there too.
    monkeypatch.undo()
    export([_article("b")], path)
    assert _search(path, "articles", "Monday") == ["a", "b"]


def test_command_line_writes_a_database(tmp_path: Path) -> None:
    out = tmp_path / "story.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "newscorpus", "extract", str(ROOT / "examples" / "sievierodonetsk.txt"),
         "-o", str(out)], capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    with _connect(out) as db:
        assert db.execute("SELECT article_id FROM articles").fetchall() == [("sievierodonetsk",)]
        assert _search(out, "articles", "Sievierodonetsk") == ["sievierodonetsk"]
