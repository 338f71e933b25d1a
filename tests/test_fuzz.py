"""Fuzzing the whole pipeline: any text in, valid and checkable records out.

Hypothesis feeds arbitrary Unicode (lone surrogates, control characters, RTL marks,
zero-width joiners, quote marks, huge numbers) through every built-in extractor. The
invariants: no exception escapes, every span lies inside the text and matches it, and
exporting then re-reading gives the same article. The coverage-guided version of this
test is `nox -s fuzz` (atheris), run for a bounded time outside the default suite.
"""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus import Article, InputError, Pipeline, export, read
from newscorpus.validators.builtin import check_coordinates, check_ranges, check_spans

# Text built from the pieces that break extractors: marks, digits, capitals, cues.
PIECES = st.sampled_from([
    '"', "“", "”", "‘", "’", "'", "«", "»", " said ", " says ", ", he said.", "According to ",
    "1,200", "3.5", "$40 billion", "£600m", "100-200", "40 km (25 miles)", " per cent", "%",
    "Kyiv", "U.S.", "Lloyd Austin", "President ", "the mayor", "Sea of Azov", "June 15, 2022",
    "\n", "\n\n", " ", ".", ",", "-", "\u200d", "\u200f", "\u202e", "\x00", "\x1b", "\ud800",
    "999999999999999999999999", "two", "dozens", "mid-May", "Wednesday",
])
TEXTS = st.lists(PIECES | st.text(max_size=5), max_size=40).map("".join) | st.text(
    alphabet=st.characters(codec=None, exclude_categories=()), max_size=300
)
PIPELINE = Pipeline(validate=False)


def _check(article: Article) -> None:
    out = PIPELINE.extract(article)
    problems = [*check_spans(out), *check_coordinates(out), *check_ranges(out)]
    assert problems == [], problems
    buffer = io.BytesIO()
    export([out], buffer)
    assert json.loads(buffer.getvalue())["text"] == article.text
    again = [a for a in read("-", stdin=io.BytesIO(buffer.getvalue())) if not isinstance(a, InputError)]
    assert again == [out]


@settings(max_examples=300)
@given(TEXTS)
def test_every_extractor_on_arbitrary_text(text: str) -> None:
    _check(Article(id="fuzz", text=text))


def test_seed_story_through_every_extractor() -> None:
    from pathlib import Path

    import newscorpus

    seed = Path(__file__).resolve().parents[1] / "examples" / "sievierodonetsk.txt"
    _check(newscorpus.parse(seed))
