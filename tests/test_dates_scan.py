"""The date scan's shortcuts (words no date can cover or open with) change nothing it finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.extractors import dates as D


def _reference_scan(text: str) -> list[tuple[int, int, str]]:
    """The scan as written before the shortcuts: every hint, every word start near it."""
    out = []
    done = 0
    for hint in D._HINT.finditer(text):
        h = hint.start()
        if h < done:
            continue
        word = hint.group()
        if not word[0].isdigit() and word not in D._HINTS:
            continue
        if h > 0 and text[h - 1].isalpha():
            continue
        lo = max(h - D._REACH_BACK, done)
        starts = [w.start() for w in D._WORD_START.finditer(text, lo, h)]
        starts = starts[-1:] if word[0].isdigit() else starts[-4:]
        starts.append(h)
        for pos in starts:
            match = D._DATE.match(text, pos)
            if match is None or match.end() <= h:
                continue
            found = D._accept(text, match)
            if found is not None:
                out.append((found.start, found.end, found.kind))
                done = found.end
                break
    return out


def _scan(text: str) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.kind) for f in D._scan(text)]


SAMPLES = [
    "He left last year, two years ago, and will return next month.",
    "The year was hard; this week, the past month and the weekend were worse.",
    "On Monday morning, late Tuesday and next Friday; Mon. and Tues. are not dates.",
    "In 2019, since 1998, by 2030, through 2005 and mid-2004; the 1990s; 2020-05-01.",
    "Mark Martin met Marcia in March, on 5 March, March 5, 2020, and in early May 2021.",
    "the end of June, the start of Sept. 2004, the beginning of Jan 2003, Sept 5",
    "today, Today, tonight, yesterday, Tomorrow; a few days ago, a couple of weeks ago",
    "It was a year ago. Years ago. Yearly, monthly and weekly reports; a 12-month plan.",
    "a01899 x2019 _May 5May year2 In_2019 Ⓜay émay İn 2019",
    "Twelve months ago\n\nlast\tweek, Last  year, PAST YEAR, eleven weeks ago",
]


def test_samples_scan_as_before() -> None:
    for text in SAMPLES:
        assert _scan(text) == _reference_scan(text), text


_PIECES = [w for text in SAMPLES for w in re.split(r"(\W)", text) if w]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_shuffled_pieces_scan_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _scan(text) == _reference_scan(text)


def test_opening_words_open_every_date() -> None:
    # every branch of the full pattern opens with a number or one of the listed words
    for text in SAMPLES:
        for found in D._scan(text):
            first = text[found.match.start() :]
            word = re.match(r"\w+", first)
            assert word is not None
            assert not word.group()[0].isalpha() or word.group() in D._OPENING_WORDS


def test_hints_inside_one_long_word_stay_linear() -> None:
    # every "May" here is a hint, and all of them sit in one run of word characters: each
    # must read only a few characters of it (reading the whole run made this quadratic)
    text = "May_" * 50_000
    assert D.date_spans(text) == []
    assert D.date_spans("year_" * 40_000) == []


def _reference_hints(text: str) -> list[tuple[int, str]]:
    return [
        (m.start(), m.group())
        for m in D._HINT.finditer(text)
        if m.group()[0].isdigit() or m.group() in D._HINTS
    ]


_HINT_PIECES = [
    *"tywmaodesrnghkiuJFMASONDTWY012899 _é-.",
    *"today tomorrow tonight yesterday week month year ago Jan May Mon".split(),
    *"2019 t012 a0199 1an 1ago 2020".split(),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_HINT_PIECES), max_size=80))
def test_hints_are_those_of_the_single_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert D._hints(text) == _reference_hints(text)


def test_hints_in_samples() -> None:
    for text in [*SAMPLES, "t012019 a0199 1ago 2ago Chicago wagon midweek todays"]:
        assert D._hints(text) == _reference_hints(text), text
