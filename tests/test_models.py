"""Models and their JSON shape: frozen, validated, and losslessly round-tripped."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from newscorpus.exporters.jsonl import dumps_article
from newscorpus.models import Article, Figure, Mention, Place, Quote, to_decimal
from newscorpus.serialize import SCHEMA_VERSION, article_from_dict, article_to_dict

from .strategies import articles


@given(articles())
def test_dict_round_trip_gives_an_equal_article(article: Article) -> None:
    assert article_from_dict(article_to_dict(article)) == article


@given(articles())
def test_json_text_round_trip_gives_an_equal_article(article: Article) -> None:
    """Through the exporter's own bytes: what a user's file holds reads back the same."""
    data = json.loads(dumps_article(article).decode("utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert article_from_dict(data) == article


def test_models_are_frozen_and_slotted() -> None:
    quote = Quote(text="x", start=0, end=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.text = "y"  # type: ignore[misc]
    assert not hasattr(quote, "__dict__")


def test_span_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="end 3 < start 5"):
        Mention(start=5, end=3, text="")


def test_place_needs_both_coordinates() -> None:
    with pytest.raises(ValueError, match="lat and lon"):
        Place(name="Kyiv", kind="city", lat=50.45, lon=None)


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [
        (1.13e9, Decimal("1130000000")),  # $1.13bn is exact, not 1129999999.99...
        ("40000000000", Decimal("40000000000")),
        (0.1, Decimal("0.1")),
        (Decimal("2") / Decimal("3"), Decimal("0.666666666666667")),
        (-0.0, Decimal("0")),
    ],
)
def test_to_decimal_keeps_fifteen_significant_digits(given_value: object, expected: Decimal) -> None:
    result = to_decimal(given_value)  # type: ignore[arg-type]
    assert result == expected
    assert str(result).lstrip("-").replace(".", "").lstrip("0").__len__() <= 15


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "Infinity", True])
def test_to_decimal_refuses_non_numbers(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        to_decimal(bad)  # type: ignore[arg-type]


def test_money_is_written_as_a_plain_json_number() -> None:
    article = Article(id="a", text="$1.13bn", figures=(Figure(text="$1.13bn", start=0, end=7, value=1.13e9, unit="USD"),))
    data = json.loads(dumps_article(article))
    assert data["figures"][0]["value"] == 1130000000
    assert isinstance(data["figures"][0]["value"], int)


def test_unknown_field_is_an_error_not_silently_dropped() -> None:
    data = article_to_dict(Article(id="a", text="t"))
    data["quotez"] = []
    with pytest.raises(ValueError, match="quotez"):
        article_from_dict(data)


def test_newer_schema_version_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="schema_version 99"):
        article_from_dict({"schema_version": 99, "id": "a", "text": ""})
