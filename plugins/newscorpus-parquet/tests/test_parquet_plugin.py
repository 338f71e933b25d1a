"""Parquet export, re-read with pyarrow: the same rows as the CSV tables, typed."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newscorpus_parquet import schema

from newscorpus import Article, Figure, Mention, Place, Quote, Speaker, export
from newscorpus.exporters.csv import TABLES

ROOT = Path(__file__).resolve().parents[3]
TEXT = 'Officials in Kyiv said "about 1,130 people left" on Monday.'


def _article(article_id: str) -> Article:
    return Article(
        id=article_id, text=TEXT, headline=f"Headline {article_id}",
        quotes=(Quote(text="about 1,130 people left", start=24, end=47,
                      speaker=Speaker(name="Officials", type="group")),),
        places=(Place(name="Kyiv", kind="city", country_code="UA", lat=50.45466, lon=30.5238,
                      mentions=(Mention(13, 17, "Kyiv"),)),),
        figures=(Figure(text="1,130 people", start=30, end=42, value=1130, counted="people",
                        approximate=True),),
    )


def _paths(out: Path) -> dict[str, Path]:
    return {t: out if t == "articles" else out.with_name(f"out.{t}.parquet") for t in TABLES}


def _expected(batch: list[Article], table: str) -> list[dict[str, Any]]:
    columns, _numeric, rows = TABLES[table]
    types = {f.name: f.type for f in schema(table)}
    out = []
    for article in batch:
        for row in rows(article):
            record: dict[str, Any] = {}
            for column, value in zip(columns, row, strict=True):
                kind = types[column]
                if value is None or (kind != pa.string() and value == ""):
                    record[column] = None
                elif kind == pa.string():
                    record[column] = value.encode("utf-8", "backslashreplace").decode() \
                        if isinstance(value, str) else str(value)
                elif kind == pa.float64():
                    record[column] = float(value)
                else:
                    record[column] = value
            out.append(record)
    return out


def test_entry_point() -> None:
    dist = importlib.metadata.distribution("newscorpus-parquet")
    assert [ep.name for ep in dist.entry_points if ep.group == "newscorpus"] == ["parquet"]


def test_one_typed_file_per_table(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    export([_article("a"), _article("b")], out)
    paths = _paths(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths.values())
    for table, path in paths.items():
        read = pq.read_table(path)
        assert read.schema.equals(schema(table), check_metadata=False), table
        assert read.schema.metadata[b"newscorpus.table"] == table.encode()
    figures = pq.read_table(paths["figures"]).to_pylist()
    assert figures[0]["value"] == 1130.0 and figures[0]["approximate"] is True
    assert figures[0]["low"] is None
    places = pq.read_table(paths["places"])
    assert places.schema.field("latitude").type == pa.float64()
    assert places.column("longitude").to_pylist() == [30.5238, 30.5238]
    quotes = pq.read_table(paths["quotes"])
    assert quotes.schema.field("start").type == pa.int64()
    assert quotes.column("speaker_start").to_pylist() == [None, None]


def test_rows_are_written_in_row_groups(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    export([_article(str(i)) for i in range(25)], out, row_group_size=10)
    meta = pq.ParquetFile(out).metadata
    assert meta.num_rows == 25 and meta.num_row_groups == 3
    assert pq.read_table(out).column("article_id").to_pylist() == [str(i) for i in range(25)]


def test_an_empty_export_still_has_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    export([], out)
    read = pq.read_table(out)
    assert read.num_rows == 0 and read.schema.names == list(TABLES["articles"][0])


def _articles() -> st.SearchStrategy[Article]:
    # The core's strategies live in its tests package, not installed with it: a smaller one here.
    text = st.text(max_size=30)
    opt = st.none() | text
    quote = st.builds(Quote, text=text, start=st.integers(0, 50), end=st.just(60),
                      speaker=st.none() | st.builds(Speaker, name=opt, start=st.none() | st.integers(0, 9)))
    place = st.builds(Place, name=text, kind=text, lat=st.just(1.5), lon=st.just(-2.25),
                      mentions=st.lists(st.builds(Mention, start=st.just(0), end=st.just(3), text=text),
                                        max_size=2).map(tuple))
    figure = st.builds(Figure, text=text, start=st.just(0), end=st.just(1),
                       value=st.none() | st.decimals(allow_nan=False, allow_infinity=False,
                                                     min_value=-1e12, max_value=1e12, places=3),
                       approximate=st.booleans())
    return st.builds(Article, id=text, text=text, headline=opt,
                     quotes=st.lists(quote, max_size=2).map(tuple),
                     places=st.lists(place, max_size=2).map(tuple),
                     figures=st.lists(figure, max_size=2).map(tuple))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(_articles(), max_size=3))
def test_export_then_read_gives_the_csv_rows(tmp_path: Path, batch: list[Article]) -> None:
    out = tmp_path / "out.parquet"
    export(batch, out)
    for table, path in _paths(out).items():
        assert pq.read_table(path).to_pylist() == _expected(batch, table), table


def test_stdout_is_refused() -> None:
    import io

    from newscorpus import ExportError

    with pytest.raises(ExportError, match="-o PATH"):
        export([_article("a")], io.BytesIO(), format="parquet")


def test_command_line(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    result = subprocess.run(
        [sys.executable, "-m", "newscorpus", "extract",
         str(ROOT / "examples" / "sievierodonetsk.txt"), "-o", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    assert pq.read_table(out).column("article_id").to_pylist() == ["sievierodonetsk"]
    assert _paths(out)["quotes"].exists()
