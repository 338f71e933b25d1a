"""The token table: the same tokens as one search of the token pattern, built faster."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from newscorpus.analysis import _TOKEN, Analysis


def _reference(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


@given(st.text(alphabet=" \t\n\u00a0\u2028\u3000aZ9.,'’-_\"“Σ½²", max_size=80))
def test_token_table_matches_one_search_of_the_token_pattern(text: str) -> None:
    a = Analysis(text)
    table = a.token_table
    assert list(zip(table.starts, table.ends, strict=True)) == _reference(text)
    assert table.words == [text[s:e] for s, e in _reference(text)]
    assert a.tokens == _reference(text)


@given(st.text())
def test_token_table_on_any_text(text: str) -> None:
    assert Analysis(text).tokens == _reference(text)


def test_trailing_blanks_stay_linear() -> None:
    """Blanks no token follows are not searched once per blank (that would be quadratic)."""
    text = "A said." + " \u00a0\n" * 300_000
    began = time.process_time()
    assert Analysis(text).tokens == [(0, 1), (2, 6), (6, 7)]
    assert time.process_time() - began < 1.0


def test_ascii_words_next_to_joiners_are_tokenised_as_by_the_token_pattern() -> None:
    # The fast branch for ASCII words must leave these to the full pattern.
    text = "U.S. a.m. Kyiv's O’Neil Russian-backed ab1 a_b ab½ x.y abc. abc' ab’ ab- é ab"
    assert Analysis(text).tokens == _reference(text)
