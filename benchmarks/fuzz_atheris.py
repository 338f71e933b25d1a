#!/usr/bin/env python3
"""Coverage-guided fuzzing of the parsers and extractors with atheris.

    python benchmarks/fuzz_atheris.py -max_total_time=60     # or: nox -s fuzz

Each input is used three ways: as a wire text, as a JSON Lines file and as a JSON file.
Invariants: nothing but newscorpus's documented InputError escapes; every extracted
span lies inside the text and equals its slice; export then re-read gives the same
article. A violation raises, which atheris reports with the crashing input.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports():
    import newscorpus
    import newscorpus.extractors.dates
    import newscorpus.extractors.figures
    import newscorpus.extractors.people
    import newscorpus.extractors.places
    import newscorpus.extractors.quotes  # the extractors load lazily: import them here
    from newscorpus import Article, InputError
    from newscorpus.validators.builtin import check_coordinates, check_ranges, check_spans

PIPELINE = newscorpus.Pipeline(validate=False, timeout=None)


def _articles(data: bytes, fmt: str) -> list[Article]:
    items = newscorpus.read("-", input_format=fmt, stdin=io.BytesIO(data))
    return [item for item in items if not isinstance(item, InputError)]


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(len(data))
    candidates = [Article(id="fuzz", text=text)]
    for fmt in ("jsonl", "json", "text"):
        candidates.extend(_articles(data, fmt))
    for article in candidates:
        out = PIPELINE.extract(article)
        problems = [*check_spans(out), *check_coordinates(out), *check_ranges(out)]
        if problems:
            raise AssertionError(f"invariant broken: {problems[:3]}")
        buffer = io.BytesIO()
        newscorpus.export([out], buffer)
        again = _articles(buffer.getvalue(), "jsonl")
        if again != [out]:
            raise AssertionError("export then re-read changed the article")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
