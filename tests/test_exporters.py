"""Exporters: lossless JSON/JSONL round trips, CSV tables, GeoJSON, atomic writes."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus import (
    Article,
    Figure,
    InputError,
    Mention,
    Person,
    Place,
    Quote,
    Speaker,
    export,
    read,
)
from newscorpus.exporters.csv import TABLES, neutralise
from newscorpus.exporters.jsonl import dumps_article
from newscorpus.serialize import article_to_dict
from newscorpus.validators.geojson import check_geojson

from .strategies import articles

KYIV = Place(name="Kyiv", kind="city", country_code="UA", lat=50.45466, lon=30.5238,
             gazetteer_id="geonames:703448",
             mentions=(Mention(0, 4, "Kyiv"), Mention(20, 24, "Kyiv", role="metonym")))
TEXT = "Kyiv is calm today. Kyiv said -3 was =SUM(A1)."


def _sample(article_id: str = "a1") -> Article:
    return Article(
        id=article_id, text=TEXT, headline="=HYPERLINK(\"x\")",
        places=(KYIV,),
        quotes=(Quote(text="-3 was =SUM(A1)", start=30, end=45, kind="indirect",
                      speaker=Speaker(name="Kyiv", type="country")),),
        figures=(Figure(text="-3", start=30, end=32, value=-3, unit=None),),
    )


def _reread(path: Path) -> list[Article]:
    items = list(read(path))
    assert not [i for i in items if isinstance(i, InputError)]
    return [i for i in items if isinstance(i, Article)]


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(articles(), max_size=4), st.sampled_from(["out.jsonl", "out.json", "out.jsonl.gz"]))
def test_export_then_read_gives_the_same_articles(tmp_path: Path, batch: list[Article], name: str) -> None:
    path = tmp_path / name
    assert export(batch, path) == len(batch)
    assert _reread(path) == batch


def _json_module_bytes(article: Article) -> bytes:
    """What the JSON Lines exporter writes, as the json module would write it."""
    data = article_to_dict(article)
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, separators=(",", ":")).encode()


@settings(max_examples=200)
@given(articles())
def test_jsonl_line_is_what_the_json_module_writes(article: Article) -> None:
    assert dumps_article(article) == _json_module_bytes(article)


@pytest.mark.parametrize(
    "article",
    [
        # values of types the fields do not declare: the fast writer must not guess
        Article(id="b", text="x", people=(Person(name="A", mentions=(Mention(True, 1, "x"),)),)),  # type: ignore[arg-type]
        Article(id="n", text="x", quotes=(Quote(text="q", start=0, end=1, confidence=float("nan")),)),
        Article(id="i", text="x", quotes=(Quote(text="q", start=0, end=1, confidence=1),)),
        Article(id="s", text="x", headline=3, meta={"k": [1.5, None, {"z": float("-inf")}]}),  # type: ignore[arg-type]
        Article(id="r", text="x", people=(Person(name="A", roles=("r", None)),)),  # type: ignore[arg-type]
        Article(id="f", text="x", figures=(Figure(text="1", start=0, end=1, value=1e20, approximate=1),)),  # type: ignore[arg-type]
    ],
    ids=["bool-offset", "nan", "int-confidence", "odd-types", "none-role", "odd-figure"],
)
def test_jsonl_line_of_unexpected_values(article: Article) -> None:
    assert dumps_article(article) == _json_module_bytes(article)


def test_jsonl_line_of_an_article_subclass_keeps_its_fields() -> None:
    @attrs.frozen
    class Tagged(Article):
        tag: str = "x"

    article = Tagged(id="t", text="x")
    assert json.loads(dumps_article(article))["tag"] == "x"
    assert dumps_article(article) == _json_module_bytes(article)


def test_jsonl_to_a_stream_is_one_line_per_article() -> None:
    buffer = io.BytesIO()
    export([_sample("a"), _sample("b")], buffer)
    lines = buffer.getvalue().decode("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


def test_lone_surrogate_still_gives_valid_utf8_json(tmp_path: Path) -> None:
    article = Article(id="s", text="broken \udc80 text")
    path = tmp_path / "s.jsonl"
    export([article], path)
    data = path.read_bytes()
    data.decode("utf-8")  # valid UTF-8
    assert json.loads(data)["text"] == "broken \udc80 text"


def _table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_writes_one_table_per_record_type_joined_by_article_id(tmp_path: Path) -> None:
    export([_sample("a1"), _sample("a2")], tmp_path / "out.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.csv"] + [f"out.{t}.csv" for t in TABLES if t != "articles"]
    )
    articles = _table(tmp_path / "out.csv")
    assert [r["article_id"] for r in articles] == ["a1", "a2"]
    assert articles[0]["text"] == TEXT
    places = _table(tmp_path / "out.places.csv")
    assert places[0]["latitude"] == "50.45466" and places[0]["longitude"] == "30.5238"
    mentions = _table(tmp_path / "out.place_mentions.csv")
    assert [(m["start"], m["end"], m["role"]) for m in mentions[:2]] == [("0", "4", "location"), ("20", "24", "metonym")]
    raw = (tmp_path / "out.csv").read_bytes()
    assert b"\r\n" in raw and not raw.startswith(b"\xef\xbb\xbf")


def test_csv_excel_adds_bom_and_neutralises_formulas_but_not_numbers(tmp_path: Path) -> None:
    export([_sample()], tmp_path / "x.csv", excel=True)
    assert (tmp_path / "x.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert _table(tmp_path / "x.csv")[0]["headline"] == "'=HYPERLINK(\"x\")"
    assert _table(tmp_path / "x.quotes.csv")[0]["text"] == "'-3 was =SUM(A1)"
    assert _table(tmp_path / "x.figures.csv")[0]["value"] == "-3"  # numeric column untouched


def test_csv_raw_by_default(tmp_path: Path) -> None:
    export([_sample()], tmp_path / "r.csv")
    assert _table(tmp_path / "r.csv")[0]["headline"] == "=HYPERLINK(\"x\")"


@pytest.mark.parametrize(("cell", "expected"), [("=1+1", "'=1+1"), ("+4", "'+4"), ("@x", "'@x"),
                                                 ("\tx", "'\tx"), ("plain", "plain"), ("", "")])
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_geojson_aggregates_places_over_articles(tmp_path: Path) -> None:
    path = tmp_path / "m.geojson"
    export([_sample("a1"), _sample("a2"), Article(id="empty", text="")], path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert check_geojson(document) == []
    (feature,) = document["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [30.5238, 50.45466]}
    props = feature["properties"]
    assert (props["mentions"], props["articles"], props["metonym_mentions"]) == (4, 2, 2)
    assert props["surface_forms"] == "Kyiv"


def test_geojson_literal_only_drops_metonyms(tmp_path: Path) -> None:
    path = tmp_path / "l.geojson"
    export([_sample()], path, literal_only=True)
    assert json.loads(path.read_text())["features"][0]["properties"]["mentions"] == 1


def test_failed_export_leaves_the_previous_output_and_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "keep.jsonl"
    path.write_text("previous\n")

    def broken() -> list[Article]:
        yield _sample()
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        export(broken(), path)
    assert path.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.jsonl"]


def test_gzip_output_by_extension(tmp_path: Path) -> None:
    path = tmp_path / "o.jsonl.gz"
    export([_sample()], path)
    assert json.loads(gzip.decompress(path.read_bytes()))["id"] == "a1"


def test_output_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    export([_sample()], path)
    assert path.stat().st_mode & 0o044  # readable by others, unlike mkstemp's 0600


def test_dev_null_is_written_to_not_replaced() -> None:
    """As root, renaming a temporary file over /dev/null would replace the device."""
    import stat

    export([_sample()], "/dev/null", format="jsonl")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
