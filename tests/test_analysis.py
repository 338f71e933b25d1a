"""The shared one-pass analysis: paragraphs, sentences, tokens, name candidates."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newscorpus import analysis
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


# The name-candidate pattern opens with its capital for speed; it must match exactly what the
# plain form (a leading look-behind) matches.
_PLAIN_NAME_CANDIDATE = re.compile(
    rf"(?<![\w'’]){analysis._NAME_WORD}"
    rf"(?:(?:[ \t]+(?:of|de|la|le|du|da|del|der|van|von|bin|al|ibn|the)){{0,2}}[ \t]+"
    rf"{analysis._NAME_WORD})*"
)
_NAME_ALPHABET = st.sampled_from(
    ["A", "B", "J.", "U.S.", "a", "of", "de", "del", "l", "van", "the", " ", "\t", "\n", "'", "’s",
     "-", "x", "1", "."]
)


@given(st.lists(_NAME_ALPHABET, max_size=30).map("".join), st.integers(0, 5))
def test_name_candidates_match_the_plain_pattern(text: str, pos: int) -> None:
    fast = [m.span() for m in analysis._NAME_CANDIDATE.finditer(text, pos)]
    assert fast == [m.span() for m in _PLAIN_NAME_CANDIDATE.finditer(text, pos)]


@given(
    st.lists(
        st.sampled_from(["Mr", "approx", "U.S", "e.g", "J", "said", "x", ".", " ", "\n"]),
        max_size=30,
    ).map("".join)
)
def test_abbreviation_window_reads_the_whole_word(text: str) -> None:
    """The short window gives what the full 12-character window gives."""
    for period, ch in enumerate(text):
        if ch != ".":
            continue
        window = text[max(0, period - 12) : period]
        match = analysis._WORD_BEFORE.search(window)
        word = match.group(1) if match else None
        expected = word is not None and (
            (len(word) == 1 and word.isupper()) or word.lower() in analysis.ABBREVIATIONS
        )
        assert analysis._is_abbreviation(text, period, 0) is expected


def test_a_word_on_the_line_before_a_period_is_no_abbreviation() -> None:
    # The word must end at the period: a regex "$" also matches before a final newline,
    # which made "approx" / "U.S" on the line before count (found by the test above).
    assert analysis._is_abbreviation("Mr approx\n.", 10, 0) is False
    assert analysis._is_abbreviation("x U.S\n.", 6, 0) is False
    assert analysis._is_abbreviation("x U.S.", 5, 0) is True


_PLAIN_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[^\W_a-z])")


def _sentences_by_definition(text: str) -> list[tuple[int, int]]:
    """Sentences as the plain pattern and _is_abbreviation at every mark give them."""
    out = []
    for line_start, line_end in Analysis(text).lines:
        start = line_start
        for match in _PLAIN_SENTENCE_END.finditer(text, line_start, line_end):
            if analysis._is_abbreviation(text, match.start(), line_start):
                continue
            out.append((start, match.end()))
            start = match.end()
            while start < line_end and text[start].isspace():
                start += 1
        if start < line_end:
            out.append((start, line_end))
    return out


@given(
    st.lists(
        st.sampled_from(
            ["Mr", "approx", "abcdefg", "U.S", "e.g", "J", "said", "x", "1", ".", "!", "…", "”",
             " ", "\n", "The", "ß"]
        ),
        max_size=30,
    ).map("".join)
)
def test_sentences_match_their_definition(text: str) -> None:
    """The quick tests before _is_abbreviation and the split first mark change nothing."""
    assert Analysis(text).sentences == _sentences_by_definition(text)
