"""The shared one-pass analysis: paragraphs, sentences, tokens, name candidates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newscorpus.analysis import Analysis

TEXT = (
    "U.S. Defense Secretary Lloyd J. Austin arrived at 8 a.m. on Feb. 24. He spoke.\n\n"
    '"We hold," Mr. Smith said. The Sea of Azov is calm.\nA new line'
)


def _show(a: Analysis, spans: list[tuple[int, int]]) -> list[str]:
    return [a.text[s:e] for s, e in spans]


def test_paragraphs() -> None:
    a = Analysis(TEXT)
    assert len(a.paragraphs) == 2
    assert a.text[a.paragraphs[1][0]] == '"'


def test_sentences_respect_abbreviations_initials_and_line_breaks() -> None:
    a = Analysis(TEXT)
    assert _show(a, a.sentences) == [
        "U.S. Defense Secretary Lloyd J. Austin arrived at 8 a.m. on Feb. 24.",
        "He spoke.",
        '"We hold," Mr. Smith said.',
        "The Sea of Azov is calm.",
        "A new line",
    ]


def test_name_candidates() -> None:
    a = Analysis(TEXT)
    names = _show(a, a.name_candidates)
    assert "U.S. Defense Secretary Lloyd J. Austin" in names
    assert "The Sea of Azov" in names  # sentence-initial words are left for extractors to trim
    assert "Smith" in names


def test_possessive_is_not_part_of_a_name() -> None:
    a = Analysis("Ukraine's army and O'Brien's car.")
    assert _show(a, a.name_candidates) == ["Ukraine", "O'Brien"]


def test_tokens() -> None:
    a = Analysis("Kyiv's 1,200 Russian-backed U.S. troops.")
    assert _show(a, a.tokens) == ["Kyiv's", "1,200", "Russian-backed", "U.S.", "troops", "."]


def test_lookups() -> None:
    a = Analysis(TEXT)
    start = TEXT.index("He spoke")
    assert a.sentence_at(start) == a.sentences[1]
    assert a.paragraph_index(TEXT.index("Sea of Azov")) == 1


@given(st.text())
def test_every_span_lies_inside_the_text(text: str) -> None:
    a = Analysis(text)
    for spans in (a.paragraphs, a.sentences, a.tokens, a.name_candidates, a.lines):
        for start, end in spans:
            assert 0 <= start < end <= len(text)


def test_hostile_input_finishes() -> None:
    """A megabyte of capitals, periods and quote marks: linear patterns just get through."""
    text = ('A. B. "C D E ' * 80_000)[:1_000_000]
    a = Analysis(text)
    assert a.sentences and a.name_candidates and a.tokens
