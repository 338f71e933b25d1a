"""Validators catch broken spans, coordinates, ranges and GeoJSON."""

from __future__ import annotations

from typing import Any

import pytest

from newscorpus import Article, Figure, Mention, Place, Quote
from newscorpus.validators.builtin import check_coordinates, check_ranges, check_spans
from newscorpus.validators.geojson import check_geojson

TEXT = "Kyiv said 5 to 10."


def test_good_article_has_no_issues() -> None:
    article = Article(
        id="a", text=TEXT,
        quotes=(Quote(text="5 to 10", start=10, end=17, kind="indirect"),),
        places=(Place(name="Kyiv", kind="city", lat=50.4, lon=30.5, mentions=(Mention(0, 4, "Kyiv"),)),),
        figures=(Figure(text="5 to 10", start=10, end=17, low=5, high=10),),
    )
    assert [*check_spans(article), *check_coordinates(article), *check_ranges(article)] == []


@pytest.mark.parametrize(
    ("article", "code"),
    [
        (Article(id="a", text=TEXT, quotes=(Quote(text="Kyiv!", start=0, end=4),)), "span-text"),
        (Article(id="a", text=TEXT, figures=(Figure(text="x", start=40, end=41),)), "span-range"),
        (Article(id="a", text=TEXT, figures=(Figure(text="5", start=10, end=11, low=9, high=2),)), "range-order"),
        (Article(id="a", text=TEXT, places=(Place(name="X", kind="city", lat=95.0, lon=0.0),)), "coord-range"),
        (Article(id="a", text=TEXT, figures=(Figure(text="5", start=10, end=11, conversion_of=0),)), "conversion-index"),
    ],
)
def test_broken_records_are_reported_with_a_code(article: Article, code: str) -> None:
    issues = [*check_spans(article), *check_coordinates(article), *check_ranges(article)]
    assert [i.code for i in issues] == [code]
    assert issues[0].article_id == "a"


def test_a_bad_span_is_named_by_its_path_in_the_record() -> None:
    place = Place(name="Kyiv", kind="city", mentions=(Mention(0, 4, "Kyiv"), Mention(5, 9, "Kyiv")))
    article = Article(id="a", text=TEXT, places=(place,),
                      quotes=(Quote(text="said", start=5, end=9, kind="indirect"),))
    issues = list(check_spans(article))
    # "said" sits at 5-9, so the place's second mention is wrong and the quote is right.
    assert [(i.code, i.path, i.start, i.end) for i in issues] == [
        ("span-text", "places[0].mentions[1]", 5, 9)
    ]


def _feature(coords: Any, **extra: Any) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": coords}, "properties": {}, **extra}


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ({"type": "FeatureCollection", "features": [_feature([30.5, 50.4])]}, None),
        ({"type": "FeatureCollection", "features": [_feature([50.4, 130.5])]}, "geojson-position"),
        ({"type": "FeatureCollection", "features": [_feature([30.5])]}, "geojson-position"),
        ({"type": "FeatureCollection", "features": {}}, "geojson-features"),
        ({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": None}]}, "geojson-properties"),
        ({"type": "Blob"}, "geojson-type"),
        ({"type": "FeatureCollection", "features": [], "crs": {}}, "geojson-crs"),
        ({"type": "Polygon", "coordinates": [[30, 50]]}, "geojson-position"),
    ],
)
def test_geojson_rules(document: dict[str, Any], code: str | None) -> None:
    codes = [i.code for i in check_geojson(document)]
    assert codes == ([] if code is None else [code])
