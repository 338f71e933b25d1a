"""The number grammar: words and digits, rendered and parsed back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscorpus.extractors._numbers import (
    parse_digits,
    parse_words,
    split_words,
    to_digits,
    to_words,
)

whole = st.integers(min_value=0, max_value=999_999_999_999)


@given(whole)
def test_words_round_trip(n: int) -> None:
    assert parse_words(split_words(to_words(n))) == n


@given(whole)
def test_words_round_trip_without_and(n: int) -> None:
    # American usage drops the "and": "one hundred twenty-one".
    words = [w for w in split_words(to_words(n)) if w != "and"]
    assert parse_words(words) == n


@given(whole)
def test_grouped_digits_round_trip(n: int) -> None:
    assert parse_digits(to_digits(n)) == n
    assert parse_digits(to_digits(n, grouped=False)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(value: Decimal) -> None:
    assert parse_digits(to_digits(value)) == value


@given(st.integers(min_value=1000, max_value=10**12))
def test_european_grouping(n: int) -> None:
    european = f"{n:,}".replace(",", ".")
    assert parse_digits(european, european=True) == n


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three and a half", Decimal("3.5")),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a hundred", 100),
        ("one and a half million", 1_500_000),
        ("twenty-five thousand", 25_000),
        ("ninety-nine", 99),
        ("one thousand and one", 1001),
        ("a half", Decimal("0.5")),
    ],
)
def test_spelled_numbers(words: str, value: Decimal | int) -> None:
    assert parse_words(split_words(words)) == value


@pytest.mark.parametrize(
    "words", ["", "and", "twenty ninety", "three two", "hundred and", "a", "four fifteen", "apple"]
)
def test_malformed_words_are_refused(words: str) -> None:
    assert parse_words(split_words(words)) is None


@pytest.mark.parametrize("digits", ["1,2", "1,23,456", "12.", "1..2", "", "1" * 40])
def test_malformed_digits_are_refused(digits: str) -> None:
    assert parse_digits(digits) is None


def test_english_reading_is_the_default() -> None:
    assert parse_digits("1.200") == Decimal("1.2")
    assert parse_digits("1.200", european=True) == 1200
    assert parse_digits("3,5", european=True) == Decimal("3.5")
