"""End to end, as a user would: an HTML page, a WARC file and the shared corpus go in;
JSON Lines, CSV, GeoJSON, SQLite, Parquet, ninjs and the HTML report come out, and each
is read back or validated.

The plugins come from plugins/ (the test command installs them all); this module skips
where one is missing, and leaves the shared corpus out where ../shared is absent.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newscorpus import Article, InputError, export, read
from newscorpus.exporters.csv import TABLES
from newscorpus.exporters.geojson import place_key
from newscorpus.validators.geojson import check_geojson

from .quality import SHARED

pytest.importorskip("newscorpus_html", reason="plugins/newscorpus-html is not installed")
pytest.importorskip("newscorpus_warc", reason="plugins/newscorpus-warc is not installed")

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "plugins" / "newscorpus-html" / "tests" / "data" / "bridge.html"
NINJS_SCHEMA = ROOT / "plugins" / "newscorpus-ninjs" / "tests" / "ninjs-2.2-structure.schema.json"
SHARED_ARTICLES = 15


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, url in enumerate(["https://news.example/one", "https://news.example/two"]):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(PAGE.read_bytes().replace(
                    b"courier.example/news/bridge-reopens", f"news.example/{number}".encode())),
                http_headers=http))
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG"),
            http_headers=http))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Article]]:
    """The inputs, extracted once through the command line into JSON Lines."""
    base = tmp_path_factory.mktemp("ecosystem")
    inputs = base / "in"
    inputs.mkdir()
    (inputs / "bridge.html").write_bytes(PAGE.read_bytes())
    _warc(inputs / "crawl.warc.gz")
    news = SHARED / "corpus" / "news.jsonl"
    if news.exists():  # a slice of the shared corpus, read where it lies (never copied)
        with news.open("rb") as handle:
            (inputs / "news.jsonl").write_bytes(b"".join(itertools.islice(handle, SHARED_ARTICLES)))
    out = base / "corpus.jsonl"
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "newscorpus", "extract", str(inputs), "-o", str(out),
         "--no-progress"], capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    items = list(read(out))
    assert not [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if isinstance(i, Article)]
    expected = 1 + 2 + (SHARED_ARTICLES if news.exists() else 0)
    assert len(articles) == expected, result.stderr
    return base, articles


def test_jsonl_has_every_input(corpus: tuple[Path, list[Article]]) -> None:
    _base, articles = corpus
    by_method = {a.meta.get("html", {}).get("method") for a in articles}
    assert "trafilatura" in by_method
    assert sum("warc" in a.meta for a in articles) == 2
    assert any(a.id == "bridge" for a in articles)


def test_csv(corpus: tuple[Path, list[Article]]) -> None:
    base, articles = corpus
    out = base / "c.csv"
    export(articles, out)
    for table in TABLES:
        path = out if table == "articles" else base / f"c.{table}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == list(TABLES[table][0])
        if table == "articles":
            assert [r[0] for r in rows[1:]] == [a.id for a in articles]
        if table == "quotes":
            assert len(rows) - 1 == sum(len(a.quotes) for a in articles)


def test_geojson(corpus: tuple[Path, list[Article]]) -> None:
    base, articles = corpus
    out = base / "places.geojson"
    export(articles, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [i for i in check_geojson(document) if i.severity == "error"] == []
    placed = {p.name for a in articles for p in a.places if p.lat is not None}
    assert {f["properties"]["name"] for f in document["features"]} == placed


def test_sqlite(corpus: tuple[Path, list[Article]]) -> None:
    base, articles = corpus
    out = base / "corpus.db"
    export(articles, out)
    export(articles, out)  # a second run adds nothing
    with sqlite3.connect(out) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(articles)
        assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == sum(
            len(a.quotes) for a in articles)
        hits = db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'bridge'")
        assert hits.fetchone()[0] >= 3


def test_parquet(corpus: tuple[Path, list[Article]]) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="plugins/newscorpus-parquet needs pyarrow")
    pytest.importorskip("newscorpus_parquet", reason="plugins/newscorpus-parquet is not installed")
    base, articles = corpus
    out = base / "corpus.parquet"
    export(articles, out)
    assert pq.read_table(out).column("article_id").to_pylist() == [a.id for a in articles]
    assert pq.read_table(base / "corpus.places.parquet").num_rows == sum(
        len(a.places) for a in articles)


def test_ninjs(corpus: tuple[Path, list[Article]]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("newscorpus_ninjs", reason="plugins/newscorpus-ninjs is not installed")
    base, articles = corpus
    out = base / "corpus.ninjs"
    export(articles, out)
    validator = jsonschema.Draft202012Validator(json.loads(NINJS_SCHEMA.read_text()))
    lines = out.read_text(encoding="utf-8").splitlines()
    for line in lines:
        validator.validate(json.loads(line))
    back = [i for i in read(out) if isinstance(i, Article)]
    assert [(a.id, a.text, a.headline) for a in back] == [
        (a.id, a.text, a.headline) for a in articles]


def test_html_report(corpus: tuple[Path, list[Article]]) -> None:
    base, articles = corpus
    out = base / "report.html"
    export(articles, out)
    page = out.read_text(encoding="utf-8")
    assert page.count('<article class="story"') == len(articles)
    assert page.count("<script") == 1
    placed = {place_key(p) for a in articles for p in a.places if p.lat is not None}
    assert page.count("<circle ") == len(placed)
