"""Hypothesis strategies that build arbitrary, valid newscorpus models."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from newscorpus.models import (
    Article,
    Cue,
    Dateline,
    DateMention,
    Figure,
    Mention,
    Person,
    Photo,
    Place,
    Quote,
    Speaker,
)

# Any Unicode a scraper might hand us, lone surrogates included.
texts = st.text(max_size=40)
names = st.text(min_size=1, max_size=20)
opt_text = st.none() | texts
offsets = st.integers(min_value=0, max_value=10_000)
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def spans(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(offsets)
    return start, start + draw(st.integers(min_value=0, max_value=500))


decimals = st.decimals(
    allow_nan=False, allow_infinity=False, places=None, min_value=-1e15, max_value=1e15
) | st.integers(min_value=-(10**20), max_value=10**20).map(Decimal)

# Fixed offsets: the JSON shape keeps the offset, not the zone name, and PEP 495 makes a
# datetime in a DST gap unequal to the same instant in any other zone.
fixed_offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
aware_datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1),
    timezones=fixed_offsets | st.just(dt.UTC),
)
dates = st.dates(min_value=dt.date(1, 1, 1))


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    s, e = draw(spans())
    role = draw(st.sampled_from(["location", "dateline", "metonym", "demonym"]))
    return Mention(start=s, end=e, text=draw(texts), role=role)


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    s, e = draw(spans())
    speaker = draw(st.none() | st.builds(
        Speaker, name=opt_text, type=st.sampled_from(["person", "organisation", "country", "group", "unknown"]),
        role=opt_text, mention=opt_text, start=st.none() | offsets, end=st.none() | offsets))
    cue = draw(st.none() | st.builds(Cue, text=texts, start=offsets, end=offsets,
                                     type=st.sampled_from(["speech", "thought", "other"])))
    return Quote(text=draw(texts), start=s, end=e, kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                 speaker=speaker, cue=cue, medium=draw(opt_text), confidence=draw(unit),
                 attribution=draw(opt_text))


@st.composite
def places(draw: st.DrawFn) -> Place:
    coords = draw(st.none() | st.tuples(st.floats(-90, 90), st.floats(-180, 180)))
    return Place(
        name=draw(names), kind=draw(names), mentions=tuple(draw(st.lists(mentions(), max_size=3))),
        country_code=draw(opt_text), admin1=draw(opt_text),
        lat=coords[0] if coords else None, lon=coords[1] if coords else None,
        gazetteer_id=draw(opt_text), confidence=draw(unit), resolution=draw(opt_text),
    )


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    s, e = draw(spans())
    return Figure(
        text=draw(texts), start=s, end=e, value=draw(st.none() | decimals),
        low=draw(st.none() | decimals), high=draw(st.none() | decimals), unit=draw(opt_text),
        quantity=draw(names), counted=draw(opt_text), qualifier=draw(opt_text),
        approximate=draw(st.booleans()), claimant=draw(opt_text),
        conversion_of=draw(st.none() | st.integers(0, 50)),
    )


@st.composite
def date_mentions(draw: st.DrawFn) -> DateMention:
    s, e = draw(spans())
    return DateMention(text=draw(texts), start=s, end=e, value=draw(opt_text),
                       precision=draw(opt_text), relative=draw(st.booleans()))


json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | texts
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    dateline = draw(st.none() | st.builds(Dateline, text=texts, start=offsets, end=offsets,
                                          place=opt_text, date_text=opt_text, source=opt_text))
    photos = draw(st.lists(st.builds(Photo, caption=texts, credit=opt_text, taken=st.none() | dates,
                                     start=st.none() | offsets, end=st.none() | offsets), max_size=2))
    people = draw(st.lists(st.builds(Person, name=names, type=st.sampled_from(["person", "organisation"]),
                                     roles=st.lists(texts, max_size=2).map(tuple),
                                     mentions=st.lists(mentions(), max_size=2).map(tuple)), max_size=2))
    return Article(
        id=draw(names), text=draw(st.text(max_size=200)), headline=draw(opt_text), dateline=dateline,
        published=draw(st.none() | dates | aware_datetimes), source=draw(opt_text),
        byline=draw(opt_text), url=draw(opt_text), language=draw(opt_text), photos=tuple(photos),
        meta=draw(st.dictionaries(texts, json_values, max_size=3)),
        warnings=tuple(draw(st.lists(texts, max_size=2))),
        quotes=tuple(draw(st.lists(quotes(), max_size=3))), people=tuple(people),
        places=tuple(draw(st.lists(places(), max_size=3))),
        figures=tuple(draw(st.lists(figures(), max_size=3))),
        dates=tuple(draw(st.lists(date_mentions(), max_size=2))),
    )
