"""ninjs 2.2 export and import: structure validated, round trips, the command line."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newscorpus_ninjs import article_from_ninjs, article_to_ninjs

from newscorpus import Article, InputError, Mention, Person, Photo, Place, export, read
from newscorpus.models import Dateline

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((Path(__file__).parent / "ninjs-2.2-structure.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
TEXT = "KYIV, June 15 (Reuters) - Officials in Kyiv and Lviv said schools would reopen."


def _article(article_id: str = "kyiv/1") -> Article:
    return Article(
        id=article_id, text=TEXT, headline="Schools to reopen",
        dateline=Dateline(text="KYIV, June 15 (Reuters)", start=0, end=23, place="KYIV",
                          date_text="June 15", source="Reuters"),
        published=dt.datetime(2022, 6, 15, 9, 30, tzinfo=dt.UTC),
        source="Reuters", byline="Ann Writer", url="https://news.example/schools",
        language="en",
        photos=(Photo(caption="A school in Kyiv.", credit="Reuters / STRINGER",
                      taken=dt.date(2022, 6, 10)),),
        places=(
            Place(name="Kyiv", kind="city", country_code="UA", lat=50.45466, lon=30.5238,
                  gazetteer_id="geonames:703448",
                  mentions=(Mention(0, 4, "KYIV", role="dateline"), Mention(38, 42, "Kyiv"))),
            Place(name="Lviv", kind="city", lat=49.83826, lon=24.02324,
                  mentions=(Mention(47, 51, "Lviv"),)),
        ),
        people=(Person(name="Ann Example"), Person(name="City Council", type="organisation")),
    )


def _valid(item: dict[str, Any]) -> None:
    errors = sorted(VALIDATOR.iter_errors(item), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    # Formats, which jsonschema only checks with optional extra packages.
    for key in ("firstcreated", "versioncreated", "contentcreated"):
        if key in item:
            assert dt.datetime.fromisoformat(item[key]).tzinfo is not None
    assert item["uri"].startswith("urn:newscorpus:article:") and " " not in item["uri"]


def test_entry_point() -> None:
    dist = importlib.metadata.distribution("newscorpus-ninjs")
    assert [ep.name for ep in dist.entry_points if ep.group == "newscorpus"] == ["ninjs"]


def test_the_schema_rejects_what_ninjs_does_not_allow() -> None:
    item = article_to_ninjs(_article())
    _valid(item)
    assert not VALIDATOR.is_valid({**item, "quotes": []})  # no extension properties
    assert not VALIDATOR.is_valid({k: v for k, v in item.items() if k != "uri"})
    bad_place = {**item, "places": [{"name": "X", "geojson": {"type": "Point",
                                                              "coordinates": [10, 200]}}]}
    assert not VALIDATOR.is_valid(bad_place)
    assert not VALIDATOR.is_valid({**item, "type": "article"})


def test_mapping_of_places_dateline_and_photos() -> None:
    item = article_to_ninjs(_article())
    assert item["uri"] == "urn:newscorpus:article:kyiv%2F1"
    assert item["standard"] == {"name": "ninjs", "version": "2.2",
                                "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"}
    assert item["located"] == "Kyiv"  # the resolved dateline place, not "KYIV" as written
    kyiv, lviv = item["places"]
    assert kyiv == {"name": "Kyiv", "rel": "dateline", "uri": "https://sws.geonames.org/703448/",
                    "literal": "geonames:703448",
                    "geojson": {"type": "Point", "coordinates": [30.5238, 50.45466]}}
    assert lviv["rel"] == "mentioned" and lviv["geojson"]["coordinates"] == [24.02324, 49.83826]
    assert item["bodies"][0] == {"role": "main", "contenttype": "text/plain",
                                 "charcount": len(TEXT), "wordcount": 14, "value": TEXT}
    assert item["firstcreated"] == "2022-06-15T09:30:00Z"
    [photo] = item["associations"]
    assert photo["type"] == "picture" and photo["by"] == "Reuters / STRINGER"
    assert item["people"] == [{"name": "Ann Example", "rel": "mentioned"}]
    assert item["organisations"] == [{"name": "City Council", "rel": "mentioned"}]


def test_without_a_resolved_place_located_is_the_dateline_as_written() -> None:
    article = Article(id="a", text=TEXT, dateline=Dateline(text="KYIV, June 15 (Reuters)",
                                                           start=0, end=23, place="KYIV"))
    assert article_to_ninjs(article)["located"] == "KYIV"
    _valid(article_to_ninjs(Article(id="b", text="")))


def test_export_then_import_keeps_what_ninjs_carries(tmp_path: Path) -> None:
    path = tmp_path / "out.ninjs"
    original = _article()
    export([original, _article("second")], path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        _valid(json.loads(line))
    items = list(read(path))
    assert all(isinstance(i, Article) for i in items)
    back = items[0]
    assert isinstance(back, Article)
    for field in ("id", "text", "headline", "published", "source", "byline", "url", "language",
                  "photos", "dateline"):
        assert getattr(back, field) == getattr(original, field), field
    assert [(p.name, p.lat, p.lon, p.gazetteer_id) for p in back.places] == [
        ("Kyiv", 50.45466, 30.5238, "geonames:703448"), ("Lviv", 49.83826, 24.02324, None)]
    assert [(p.name, p.type) for p in back.people] == [("Ann Example", "person"),
                                                       ("City Council", "organisation")]
    assert back.meta["located"] == "Kyiv"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(min_size=1, max_size=20), st.text(max_size=80), st.none() | st.text(max_size=20),
    st.none() | st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1),
                             timezones=st.just(dt.UTC)),
)
def test_any_article_gives_valid_ninjs_that_reads_back(
    article_id: str, text: str, headline: str | None, published: dt.datetime | None
) -> None:
    article = Article(id=article_id, text=text, headline=headline or None, published=published)
    item = article_to_ninjs(article)
    _valid(item)
    back = article_from_ninjs(json.loads(json.dumps(item)), default_id="x")
    assert (back.id, back.text, back.headline, back.published) == (
        article.id, article.text, article.headline, article.published)


def test_reads_a_single_object_an_array_and_html_bodies(tmp_path: Path) -> None:
    single = tmp_path / "one.ninjs"
    single.write_text(json.dumps({"uri": "urn:x:1", "type": "text", "headlines": [
        {"value": "H"}], "bodies": [{"contenttype": "text/html",
                                     "value": "<p>First &amp; one.</p><p>Second.</p>"}]},
                                 indent=2))
    [article] = list(read(single))
    assert isinstance(article, Article)
    assert article.id == "urn:x:1" and article.text == "First & one.\n\nSecond."
    many = tmp_path / "many.ninjs"
    many.write_text(json.dumps([{"uri": "urn:x:a", "bodies": [{"value": "A"}]},
                                {"uri": "urn:x:b"}]))
    items = list(read(many))
    assert isinstance(items[0], Article) and items[0].text == "A"
    assert isinstance(items[1], InputError) and "no body" in str(items[1])


def test_a_bad_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.ninjs"
    good = json.dumps(article_to_ninjs(_article("g")))
    path.write_text(f"{good}\n{{not json\n{good}\n")
    items = list(read(path))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert "line 2" in str(items[1])


def test_command_line_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "story.ninjs"
    example = ROOT / "examples" / "sievierodonetsk.txt"
    result = subprocess.run([sys.executable, "-m", "newscorpus", "extract", str(example),
                             "-o", str(out)], capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    [line] = out.read_text(encoding="utf-8").splitlines()
    _valid(json.loads(line))
    again = tmp_path / "again.jsonl"
    result = subprocess.run([sys.executable, "-m", "newscorpus", "extract", str(out),
                             "-o", str(again)], capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    [article] = [a for a in read(again) if isinstance(a, Article)]
    assert article.text == example.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", [[], "text", 3])
def test_not_an_object_is_an_input_error(value: Any) -> None:
    with pytest.raises(InputError, match="expected a ninjs object"):
        article_from_ninjs(value, default_id="x")
