"""Plain-text wire stories: photo captions, headline, dateline and paragraphs.

Agency copy saved as text has a loose but regular shape::

    Smoke rises after ... Ukraine June 10, 2022. Picture taken June 10, 2022. Reuters / STRINGER

    Ukraine ignores ultimatum as ...          <- optional headline: one short line
    KYIV, June 15 (Reuters) - Ukraine ...     <- optional dateline opening the body

:attr:`Article.text` is always the whole text as given; the caption, headline and
dateline are *also* parsed into fields, each with its span into the text, so every
offset an extractor reports still points into what the user supplied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Final

from dateutil import parser as date_parser

from ..analysis import iter_lines
from ..errors import InputError
from ..hookspecs import hookimpl
from ..models import Article, Dateline, Photo
from ..specs import ParserSpec, Source
from ._decode import decode

__all__ = ["parse_text"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"{_MONTH}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?"

# "Picture taken June 10, 2022." and an optional credit after it.
_PICTURE_TAKEN: Final = re.compile(rf"[ \t]*Picture taken (?:on )?(?P<date>{_DATE})\.?")
# A photo credit closes the caption line: "Reuters / STRINGER", "REUTERS/Gleb Garanich",
# "AP Photo/Evgeniy Maloletka", "Getty Images".
_CREDIT: Final = re.compile(
    r"(?:^|[ \t])(?P<credit>(?:REUTERS|Reuters|AP(?: Photo)?|AFP|EPA(?:-EFE)?|Getty Images|"
    r"Anadolu(?: Agency)?|Xinhua|Bloomberg|Sputnik)(?:[ \t]*/[ \t]*[A-Z][\w.'’ -]{0,60}?)?)"
    r"[ \t]*(?:File Photo)?[ \t]*$"
)
# "KYIV, June 15 (Reuters) -", "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) –".
_DATELINE: Final = re.compile(
    rf"(?P<place>[A-Z][A-Z.'’ -]{{1,40}}?(?:,[ \t]+[A-Z][A-Za-z.'’ -]{{1,30}}?)?)"
    rf"(?:,[ \t]+(?P<date>{_DATE}))?"
    r"[ \t]+\((?P<source>Reuters|AP|AFP|Bloomberg|dpa|UPI|Xinhua|AAP)\)[ \t]*[-–—]+[ \t]*"
)
_HEADLINE_MAX: Final = 200


def parse_text(text: str, *, id: str, warnings: tuple[str, ...] = ()) -> Article:
    """Parse a wire story held in a string; ``text`` becomes ``Article.text`` unchanged."""
    photos: list[Photo] = []
    headline: str | None = None
    dateline: Dateline | None = None
    published: dt.date | None = None
    body_seen = False
    for start, end in iter_lines(text):
        line = text[start:end]
        if not body_seen:
            photo = _photo(line, start)
            if photo is not None:
                _add_photo(photos, photo)
                continue
            if headline is None and dateline is None and _is_headline(text, line, end):
                headline = line.strip()
                continue
        body_seen = True
        if dateline is None:
            match = _DATELINE.match(line)
            if match is not None:
                dateline = Dateline(
                    text=match.group().rstrip(" \t-–—"),
                    start=start,
                    end=start + len(match.group().rstrip(" \t-–—")),
                    place=match.group("place").strip().rstrip(","),
                    date_text=match.group("date"),
                    source=match.group("source"),
                )
                year = next((p.taken.year for p in photos if p.taken), None)
                if dateline.date_text and year is not None:
                    published = _parse_date(dateline.date_text, default_year=year)
            break
    return Article(
        id=id,
        text=text,
        headline=headline,
        dateline=dateline,
        published=published,
        source=dateline.source if dateline else None,
        photos=tuple(photos),
        warnings=warnings,
    )


def _photo(line: str, offset: int) -> Photo | None:
    taken = _PICTURE_TAKEN.search(line)
    credit = _CREDIT.search(line)
    if taken is None and credit is None:
        return None
    if taken is None and credit is not None and credit.start() == 0:
        return None  # a bare "Reuters" line is not a caption
    cut = taken.start() if taken is not None else credit.start() if credit is not None else len(line)
    caption = line[:cut].rstrip()
    if not caption:
        return None
    return Photo(
        caption=caption,
        credit=credit.group("credit").strip() if credit is not None else None,
        taken=_parse_date(taken.group("date"), default_year=None) if taken is not None else None,
        start=offset,
        end=offset + len(caption),
    )


def _add_photo(photos: list[Photo], photo: Photo) -> None:
    """Merge a repeated caption (agencies often print it twice, once with the credit)."""
    for index, seen in enumerate(photos):
        if seen.caption == photo.caption:
            photos[index] = Photo(
                caption=seen.caption,
                credit=seen.credit or photo.credit,
                taken=seen.taken or photo.taken,
                start=seen.start,
                end=seen.end,
            )
            return
    photos.append(photo)


def _is_headline(text: str, line: str, end: int) -> bool:
    """A first line that is short, unpunctuated at the end, and set off by a blank line."""
    if len(line) > _HEADLINE_MAX or line.rstrip()[-1:] in ".,;:\"”'’":
        return False
    rest = text[end : end + 4].replace("\r", "")
    if not rest.startswith("\n\n") and not _DATELINE.match(text[end:].lstrip()):
        return False
    return bool(text[end:].strip())


def _parse_date(value: str, *, default_year: int | None) -> dt.date | None:
    default = dt.datetime(default_year or 1900, 1, 1)
    try:
        parsed = date_parser.parse(value, default=default)
    except (ValueError, OverflowError):
        return None
    if default_year is None and not re.search(r"\d{4}", value):
        return None
    return parsed.date()


def _parse_source(source: Source, encoding: str | None) -> Iterator[Article | InputError]:
    with source.open() as stream:
        data = stream.read()
    text, warning = decode(data, path=source.name, encoding=encoding)
    yield parse_text(
        text,
        id=source.id_hint or source.name,
        warnings=(f"{source.name}: {warning}",) if warning else (),
    )


@hookimpl
def newscorpus_register_parsers() -> list[ParserSpec]:
    return [
        ParserSpec(
            name="text",
            description="Plain-text article or wire story (caption, headline, dateline, body)",
            parse=_parse_source,
            suffixes=(".txt", ".text"),
        )
    ]
