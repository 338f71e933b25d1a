"""A line crowded with quotation marks is told by counting _MARK matches, which must
agree with counting each mark in the text (two apostrophes being one mark)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newscorpus.analysis import Analysis
from newscorpus.extractors.quotes import _MARK, _MAX_MARKS, _Extraction

_MARKS = ('"', "“", "”", "«", "»", "„", "‟", "''")


@given(st.text(alphabet="'\"“”«»„‟a ", max_size=60))
def test_mark_matches_count_like_str_count(text: str) -> None:
    assert len(_MARK.findall(text)) == sum(text.count(mark) for mark in _MARKS)


def _pieces(text: str) -> list[tuple[int, int]]:
    state = _Extraction(Analysis(text), ())
    state.find_pieces()
    return [(p.start, p.end) for p in state.pieces]


def test_a_line_with_too_many_marks_is_not_searched() -> None:
    ok = '"a" ' * (_MAX_MARKS // 2)  # exactly the limit: still prose
    crowded = ok + '"'
    assert len(_pieces(ok)) == _MAX_MARKS // 2
    assert _pieces(crowded) == []
    # The next line is searched as usual, and does not continue a quote.
    assert _pieces(crowded + '\n\n"b c" he said') == [(len(crowded) + 3, len(crowded) + 6)]
