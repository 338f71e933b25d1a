"""The records newscorpus produces.

Every record is a small, frozen, slotted attrs class. Offsets (``start``, ``end``) are
Python string indices into :attr:`Article.text`, end exclusive, so any extraction can be
checked against its source with ``article.text[item.start:item.end]``.

The classes hold data only. Turning them into JSON and back is the job of
:mod:`newscorpus.serialize`, which keeps the wire format versioned and separate.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

__all__ = [
    "QUOTE_KINDS",
    "SPEAKER_TYPES",
    "Article",
    "Cue",
    "DateMention",
    "Dateline",
    "Figure",
    "Mention",
    "Person",
    "Photo",
    "Place",
    "Quote",
    "Speaker",
    "to_decimal",
]

QuoteKind = Literal["direct", "indirect", "mixed"]
QUOTE_KINDS: Final = ("direct", "indirect", "mixed")
SpeakerType = Literal["person", "organisation", "country", "group", "unknown"]
SPEAKER_TYPES: Final = ("person", "organisation", "country", "group", "unknown")
MentionRole = Literal["location", "dateline", "metonym", "demonym"]

# Fifteen significant digits survive a trip through an IEEE double, so a value held
# to this precision can be written as a plain JSON number and read back unchanged.
_DECIMAL_CONTEXT: Final = decimal.Context(prec=15, rounding=decimal.ROUND_HALF_EVEN)


def to_decimal(value: Decimal | float | int | str | None) -> Decimal | None:
    """Coerce a number to a finite Decimal of at most 15 significant digits.

    Money must stay exact (``$1.13bn`` is 1130000000, not 1129999999.9999998), yet JSON
    readers expect numbers, not strings; 15 digits is the precision both can carry.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("a figure value cannot be a bool")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"a figure value must be finite, not {value!r}")
        value = repr(value)
    number = value if isinstance(value, Decimal) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"a figure value must be finite, not {number!r}")
    result = _DECIMAL_CONTEXT.plus(number)
    # Normalise -0 to 0: they compare equal, but only one of them should be written.
    return result if result else Decimal(0)


def _span_order(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"{type(instance).__name__}: end {value} < start {instance.start}")


def _non_negative(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}")


@attrs.frozen
class Mention:
    """One place in the text where something is named."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_span_order)
    text: str
    role: MentionRole = "location"


@attrs.frozen
class Photo:
    """A picture that goes with the article: caption, credit and when it was taken."""

    caption: str
    credit: str | None = None
    taken: dt.date | None = None
    start: int | None = None
    end: int | None = None


@attrs.frozen
class Dateline:
    """The ``KYIV, June 15 (Reuters) -`` line: place and date as written."""

    text: str
    start: int
    end: int
    place: str | None = None
    date_text: str | None = None
    source: str | None = None


@attrs.frozen
class Speaker:
    """Who a quote is from: the fullest name the article gives, and the mention itself."""

    name: str | None
    type: SpeakerType = "unknown"
    role: str | None = None
    mention: str | None = None
    start: int | None = None
    end: int | None = None


@attrs.frozen
class Cue:
    """The verb or phrase that introduces speech (``said``, ``according to``)."""

    text: str
    start: int
    end: int
    type: Literal["speech", "thought", "other"] = "speech"


@attrs.frozen
class Quote:
    """A piece of direct or reported speech, with the content span only (no marks)."""

    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_span_order)
    kind: QuoteKind = "direct"
    speaker: Speaker | None = None
    cue: Cue | None = None
    medium: str | None = None
    confidence: float = 1.0
    attribution: str | None = None
    """Pieces of one quote split around its attribution share this id."""


@attrs.frozen
class Person:
    """One person (or organisation) the article talks about, with every mention."""

    name: str
    type: SpeakerType = "person"
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@attrs.frozen
class Place:
    """One resolved location per article, with all the places in the text that name it."""

    name: str
    kind: str
    mentions: tuple[Mention, ...] = ()
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    confidence: float = 1.0
    resolution: str | None = None
    """How the coordinates were chosen (``dateline``, ``container``, ``population`` ...)."""

    def __attrs_post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise ValueError(f"Place {self.name!r}: lat and lon must both be set or both None")


@attrs.frozen
class Figure:
    """A number the story reports, with what it counts and who says so."""

    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_span_order)
    value: Decimal | None = attrs.field(default=None, converter=to_decimal)
    low: Decimal | None = attrs.field(default=None, converter=to_decimal)
    high: Decimal | None = attrs.field(default=None, converter=to_decimal)
    unit: str | None = None
    quantity: str = "count"
    counted: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    claimant: str | None = None
    conversion_of: int | None = None
    """Index in ``Article.figures`` of the figure this one restates (``40 km (25 miles)``)."""


@attrs.frozen
class DateMention:
    """A date or time expression, resolved against the article's date when it can be."""

    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_span_order)
    value: str | None = None
    """ISO 8601 at the precision the text gives (``2022-06-15``, ``2022-05``)."""
    precision: str | None = None
    relative: bool = False


def _freeze_meta(value: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(value or {})


@attrs.frozen
class Article:
    """A news article: its text exactly as given, its metadata, and what was extracted."""

    id: str
    text: str
    headline: str | None = None
    dateline: Dateline | None = None
    published: dt.datetime | dt.date | None = None
    source: str | None = None
    byline: str | None = None
    url: str | None = None
    language: str | None = None
    photos: tuple[Photo, ...] = ()
    meta: dict[str, Any] = attrs.field(factory=dict, converter=_freeze_meta, hash=False)
    warnings: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
