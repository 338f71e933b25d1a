"""Checks every extracted article must pass.

These are the promises the data makes to its users: every span lies inside
``Article.text`` and its text is exactly ``text[start:end]``; coordinates are on the
globe; a range's low is not above its high; required fields are present. An extractor
that breaks one is buggy, and the run says so with the article and the span.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..hookspecs import hookimpl
from ..models import Article
from ..specs import Issue, ValidatorSpec

__all__ = ["check_coordinates", "check_ranges", "check_required", "check_spans"]


def _span_issue(
    article: Article, path: str, start: Any, end: Any, expected: str | None
) -> Issue | None:
    text = article.text
    if not isinstance(start, int) or not isinstance(end, int):
        return Issue("span-type", "start and end must be integers", article_id=article.id, path=path)
    if not 0 <= start <= end <= len(text):
        return Issue(
            "span-range",
            f"span [{start}:{end}] lies outside the text (length {len(text)})",
            article_id=article.id,
            start=start,
            end=end,
            path=path,
        )
    if expected is not None and text[start:end] != expected:
        return Issue(
            "span-text",
            f"text {expected!r} differs from the source {text[start:end]!r}",
            article_id=article.id,
            start=start,
            end=end,
            path=path,
        )
    return None


def _spans(article: Article) -> Iterator[tuple[str, int, int, Any, Any, str | None]]:
    """Every span of an article as (path template, index, inner index, start, end, text):
    the path is only formatted for a span that has an issue, which is rare."""
    if article.dateline is not None:
        d = article.dateline
        yield "dateline", 0, 0, d.start, d.end, d.text
    for i, photo in enumerate(article.photos):
        if photo.start is not None or photo.end is not None:
            yield "photos[{0}]", i, 0, photo.start, photo.end, photo.caption
    for i, q in enumerate(article.quotes):
        yield "quotes[{0}]", i, 0, q.start, q.end, q.text
        if q.cue is not None:
            yield "quotes[{0}].cue", i, 0, q.cue.start, q.cue.end, q.cue.text
        s = q.speaker
        if s is not None and (s.start is not None or s.end is not None):
            yield "quotes[{0}].speaker", i, 0, s.start, s.end, s.mention
    for i, person in enumerate(article.people):
        for j, m in enumerate(person.mentions):
            yield "people[{0}].mentions[{1}]", i, j, m.start, m.end, m.text
    for i, place in enumerate(article.places):
        for j, m in enumerate(place.mentions):
            yield "places[{0}].mentions[{1}]", i, j, m.start, m.end, m.text
    for i, f in enumerate(article.figures):
        yield "figures[{0}]", i, 0, f.start, f.end, f.text
    for i, date in enumerate(article.dates):
        yield "dates[{0}]", i, 0, date.start, date.end, date.text


def check_spans(article: Article) -> Iterator[Issue]:
    """Every span lies inside the text, and each record's text equals its slice."""
    text = article.text
    length = len(text)
    for path, i, j, start, end, expected in _spans(article):
        if (
            type(start) is int
            and type(end) is int
            and 0 <= start <= end <= length
            and (expected is None or text[start:end] == expected)
        ):
            continue  # the common case, decided without building the issue's path
        issue = _span_issue(article, path.format(i, j), start, end, expected)
        if issue is not None:
            yield issue


def check_coordinates(article: Article) -> Iterator[Issue]:
    """Latitude in [-90, 90], longitude in [-180, 180], both or neither."""
    for i, place in enumerate(article.places):
        lat, lon = place.lat, place.lon
        if (lat is None) != (lon is None):
            yield Issue("coord-missing", "only one of lat/lon is set", article_id=article.id,
                        path=f"places[{i}]")
        elif lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            yield Issue(
                "coord-range",
                f"coordinates ({lat}, {lon}) are off the globe",
                article_id=article.id,
                path=f"places[{i}]",
            )


def check_ranges(article: Article) -> Iterator[Issue]:
    """A range has low <= high; a conversion points at another figure."""
    for i, f in enumerate(article.figures):
        if f.low is not None and f.high is not None and f.low > f.high:
            yield Issue("range-order", f"low {f.low} > high {f.high}", article_id=article.id,
                        start=f.start, end=f.end, path=f"figures[{i}]")
        if f.conversion_of is not None and not (
            0 <= f.conversion_of < len(article.figures) and f.conversion_of != i
        ):
            yield Issue("conversion-index", f"conversion_of {f.conversion_of} is not another "
                        "figure of this article", article_id=article.id, path=f"figures[{i}]")
    for i, q in enumerate(article.quotes):
        if not 0.0 <= q.confidence <= 1.0:
            yield Issue("confidence-range", f"confidence {q.confidence} not in [0, 1]",
                        article_id=article.id, path=f"quotes[{i}]")


def check_required(article: Article) -> Iterator[Issue]:
    """An article has a non-empty string id and a string text."""
    # Read back from a file, fields hold whatever JSON held: check the types for real.
    article_id: object = article.id
    text: object = article.text
    if not isinstance(article_id, str) or not article_id:
        yield Issue("required", "article id is missing or not a string", article_id=None,
                    path="id")
    if not isinstance(text, str):
        yield Issue("required", "article text is not a string", article_id=str(article_id),
                    path="text")
    for i, q in enumerate(article.quotes):
        if q.kind not in ("direct", "indirect", "mixed"):
            yield Issue("quote-kind", f"unknown quote kind {q.kind!r}", article_id=article.id,
                        path=f"quotes[{i}]")
    for i, p in enumerate(article.places):
        if not p.name or not p.kind:
            yield Issue("required", "place without name or kind", article_id=article.id,
                        path=f"places[{i}]")


@hookimpl
def newscorpus_register_validators() -> list[ValidatorSpec]:
    return [
        ValidatorSpec("spans", "Every span lies inside the text and matches it", check_spans),
        ValidatorSpec("coordinates", "Coordinates are on the globe", check_coordinates),
        ValidatorSpec("ranges", "Ranges are ordered; conversions point at a figure", check_ranges),
        ValidatorSpec("required", "Required fields are present and typed", check_required),
    ]
