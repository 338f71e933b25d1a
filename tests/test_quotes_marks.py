"""A line crowded with quotation marks is told by counting _MARK matches, which must
agree with counting each mark in the text (two apostrophes being one mark)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newscorpus.analysis import Analysis
from newscorpus.extractors._speech import MEDIUM
from newscorpus.extractors.quotes import (
    _MARK,
    _MARKS_COLLECTED,
    _MAX_MARKS,
    _MEDIUM_OPENING,
    _MEDIUM_OPENING_LONGEST,
    _MEDIUM_REACH,
    _MEDIUM_WORDS,
    _Attribution,
    _Extraction,
    _mark_spans,
)

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


# The class form _MARK had before its branches were written out as literals.
_MARK_AS_CLASS = re.compile(r"''|[\"“”«»„‟]")


@given(st.text(alphabet="'\"“”«»„‟a \n", max_size=60))
def test_mark_spans_are_the_mark_pattern_matches(text: str) -> None:
    expected = [m.span() for m in _MARK_AS_CLASS.finditer(text)]
    assert [m.span() for m in _MARK.finditer(text)] == expected
    assert _mark_spans(text) == expected


_MEDIUM_FRAGMENTS = st.sampled_from(
    [
        "on", "in", "at", "during", "via", "through", "online", "the", "a", "state",
        "statement", "Twitter", "TV", "social", "media", "video", "address", "report",
        "that", "within", "said", "Anna", "on-line", "posts", ",", ".", ":", '"', " ",
        "\t", "\n",
    ]
)  # fmt: skip
_MEDIUM_TEXT = st.lists(_MEDIUM_FRAGMENTS, max_size=40).map(" ".join)


@given(_MEDIUM_TEXT, st.text(alphabet=" \t", max_size=2))
def test_every_medium_opens_with_one_of_its_opening_words(text: str, glue: str) -> None:
    text = text.replace(" ", glue or " ")
    for at in range(len(text)):
        if MEDIUM.match(text, at) is not None:
            assert text.startswith(_MEDIUM_WORDS, at)
            opening = _MEDIUM_OPENING.match(text, at)
            assert opening is not None
            assert opening.end() <= at + _MEDIUM_OPENING_LONGEST


def _medium_by_search(state: _Extraction, pos: int) -> str | None:
    """The medium as one search from ``pos`` finds it."""
    text = state.text
    sentence = state.analysis.sentence_at(pos - 1)
    limit = min(sentence[1] if sentence else len(text), pos + 60)
    match = MEDIUM.search(text, pos, limit)
    # A medium opens a word of its own ("that the statement" holds none).
    while match is not None and match.start() and (
        text[match.start() - 1].isalnum() or text[match.start() - 1] == "_"
    ):
        match = MEDIUM.search(text, match.start() + 1, limit)
    if match is None:
        return None
    between = text[pos : match.start()]
    if len(between) > _MEDIUM_REACH or any(c in between for c in ',.;:"“”'):
        return None
    return match.group()


@given(_MEDIUM_TEXT)
def test_the_medium_is_the_first_match_within_reach(text: str) -> None:
    state = _Extraction(Analysis("said " + text), ())
    for cue in range(len(state.words)):
        attr = _Attribution(cue, None, None, 1.0)
        assert state.medium(attr) == _medium_by_search(state, state.ends[cue])


def test_the_medium_after_a_verb() -> None:
    text = "She said in a statement that the mayor said that at the briefing it was over."
    state = _Extraction(Analysis(text), ())
    said = [k for k, word in enumerate(state.words) if word == "said"]
    assert [state.medium(_Attribution(k, None, None, 1.0)) for k in said] == [
        "in a statement",
        "at the briefing",
    ]


def test_a_text_crowded_with_marks_is_searched_line_by_line() -> None:
    # More marks than are collected at once: the same pieces, a crowded line skipped.
    line = '"a" ' * (_MAX_MARKS // 2)
    lines = [line] * (_MARKS_COLLECTED // _MAX_MARKS) + ['"' * (_MAX_MARKS + 1), '"b c" he said']
    text = "\n\n".join(lines)
    assert sum(map(text.count, ('"', "''"))) > _MARKS_COLLECTED
    assert _mark_spans(text) is None
    pieces = _pieces(text)
    assert len(pieces) == len(lines[:-2]) * (_MAX_MARKS // 2) + 1
    assert text[slice(*pieces[-1])] == "b c"
    assert all(text[start:end] == "a" for start, end in pieces[:-1])
