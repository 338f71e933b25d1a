"""The dates extractor: absolute and relative dates, resolved against the article's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newscorpus
from newscorpus.analysis import Analysis
from newscorpus.extractors.dates import (
    Reference,
    build,
    date_spans,
    find_dates,
    reference_date,
)
from newscorpus.models import Article, Dateline, Photo
from newscorpus.specs import Document

SEED = Path(__file__).resolve().parents[1] / "examples" / "sievierodonetsk.txt"
WEDNESDAY = Reference(dt.date(2022, 6, 15))


def _dates(text: str, ref: Reference | None = WEDNESDAY) -> list[tuple[str, str | None, str]]:
    return [(d.text, d.value, d.precision or "") for d in find_dates(text, ref)]


def test_absolute_dates_keep_their_precision() -> None:
    text = "It began on Feb. 24, 2022, was reviewed in March 2023 and ended 2023-07-01."
    assert _dates(text, None) == [
        ("Feb. 24, 2022", "2022-02-24", "day"),
        ("March 2023", "2023-03", "month"),
        ("2023-07-01", "2023-07-01", "day"),
    ]


def test_day_month_order_and_ordinals() -> None:
    assert _dates("Talks resume on 3rd July and end 10 August 2021.", WEDNESDAY) == [
        ("3rd July", "2022-07-03", "day"),
        ("10 August 2021", "2021-08-10", "day"),
    ]


def test_month_and_day_without_year_take_the_nearest_year() -> None:
    assert _dates("The vote was on Dec. 12 and the count on Jan. 3.", WEDNESDAY) == [
        ("Dec. 12", "2021-12-12", "day"),
        ("Jan. 3", "2022-01-03", "day"),
    ]


def test_weekdays_point_back_unless_the_sentence_looks_ahead() -> None:
    text = "The council met on Monday. It will vote on Friday. The fire began late Tuesday."
    assert _dates(text) == [
        ("Monday", "2022-06-13", "day"),
        ("Friday", "2022-06-17", "day"),
        ("late Tuesday", "2022-06-14", "part_of_day"),
    ]


def test_next_and_last() -> None:
    assert _dates("They met last Wednesday and meet next Wednesday.") == [
        ("last Wednesday", "2022-06-08", "day"),
        ("next Wednesday", "2022-06-22", "day"),
    ]


def test_relative_words_and_periods() -> None:
    text = "Prices fell yesterday, rose last week and will rise next month and this year."
    assert _dates(text) == [
        ("yesterday", "2022-06-14", "day"),
        ("last week", "2022-W23", "week"),
        ("next month", "2022-07", "month"),
        ("this year", "2022", "year"),
    ]


def test_ago_and_decades() -> None:
    text = "It closed three days ago, reopened two weeks ago, peaked in the 1990s."
    assert _dates(text) == [
        ("three days ago", "2022-06-12", "day"),
        ("two weeks ago", "2022-W22", "week"),
        ("1990s", "199", "decade"),
    ]


def test_parts_of_months() -> None:
    assert _dates("Fighting eased in mid-May and resumed in early June.") == [
        ("mid-May", "2022-05", "part_of_month"),
        ("early June", "2022-06", "part_of_month"),
    ]


def test_years_after_a_preposition() -> None:
    assert _dates("Sales doubled in 2019 and have fallen since 2020.", None) == [
        ("2019", "2019", "year"),
        ("2020", "2020", "year"),
    ]


def test_may_the_verb_is_not_a_month() -> None:
    assert _dates("Officials may resign. Elections were held in May.") == [
        ("May", "2022-05", "month"),
    ]


def test_without_a_reference_relative_dates_keep_text_and_no_value() -> None:
    found = find_dates("It happened on Tuesday, in June and yesterday.", None)
    assert [(d.text, d.value, d.relative) for d in found] == [
        ("Tuesday", None, True),
        ("June", None, True),
        ("yesterday", None, True),
    ]


def test_reference_prefers_publication_then_dateline_then_photo_floor() -> None:
    photo = Photo(caption="x", taken=dt.date(2022, 6, 10))
    line = Dateline(text="KYIV, June 14 (Reuters) -", start=0, end=24, date_text="June 14")
    published = dt.datetime(2022, 6, 16, 9, 30, tzinfo=dt.UTC)
    full = Article(id="a", text="", published=published, dateline=line, photos=(photo,))
    assert reference_date(full) == Reference(dt.date(2022, 6, 16))
    assert reference_date(Article(id="b", text="", dateline=line, photos=(photo,))) == Reference(
        dt.date(2022, 6, 14)
    )
    assert reference_date(Article(id="c", text="", photos=(photo,))) == Reference(
        dt.date(2022, 6, 10), floor=True
    )
    assert reference_date(Article(id="d", text="")) is None


def test_photo_floor_reads_weekdays_forward() -> None:
    floor = Reference(dt.date(2022, 6, 10), floor=True)  # a Friday
    assert _dates(
        "The siege began on Wednesday; late Tuesday shelling resumed; today too.", floor
    ) == [
        ("Wednesday", "2022-06-15", "day"),
        ("late Tuesday", "2022-06-14", "part_of_day"),
        ("today", "2022-06-15", "day"),
    ]


def test_seed_story_dates() -> None:
    article = newscorpus.parse(SEED.read_text(encoding="utf-8"), id="seed")
    article = newscorpus.Pipeline(["dates"], validate=False).extract(article)
    got = [(d.text, d.value) for d in article.dates]
    assert got == [
        ("June 10, 2022", "2022-06-10"),
        ("June 10, 2022", "2022-06-10"),
        ("June 10, 2022", "2022-06-10"),
        ("June 10, 2022", "2022-06-10"),
        ("Wednesday", "2022-06-15"),
        ("Wednesday morning", "2022-06-15"),
        ("Wednesday", "2022-06-15"),
        ("March", "2022-03"),
        ("mid-May", "2022-05"),
        ("Feb. 24", "2022-02-24"),
        ("late Tuesday", "2022-06-14"),
        ("Wednesday", "2022-06-15"),
        ("May", "2022-05"),
    ]


@given(st.text(max_size=300))
def test_spans_index_the_text(text: str) -> None:
    for d in find_dates(text, WEDNESDAY):
        assert text[d.start : d.end] == d.text


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_written_dates_resolve_to_themselves(day: dt.date) -> None:
    for text in (f"{day:%B} {day.day}, {day.year}", f"{day.day} {day:%B} {day.year}"):
        found = find_dates(f"It happened on {text}.", None)
        assert [d.value for d in found] == [day.isoformat()], text


@pytest.mark.parametrize("size", [200_000])
def test_hostile_input_finishes(size: int) -> None:
    text = ("2022 " * (size // 5))[:size]
    assert isinstance(date_spans(text), list)
    assert isinstance(date_spans("May " * (size // 4)), list)


def test_extractor_reads_a_weekday_s_tense_from_its_sentence() -> None:
    """The extractor splits sentences only when a bare weekday needs its tense."""
    text = "The council met on Monday. It will vote on Friday, officials said on 3 June."
    article = Article(id="a", text=text, published=dt.datetime(2022, 6, 15, 9, 0))
    analysis = Analysis(text)
    found = build()(Document(article, analysis))
    assert [(d.text, d.value) for d in found] == [
        ("Monday", "2022-06-13"),
        ("Friday", "2022-06-17"),
        ("3 June", "2022-06-03"),
    ]
    # Without a bare weekday there is no tense to read and no sentence split.
    plain = Analysis("Prices rose on 3 June and fell last Friday.")
    build()(Document(Article(id="b", text=plain.text, published=dt.date(2022, 6, 15)), plain))
    assert "sentences" not in vars(plain)
