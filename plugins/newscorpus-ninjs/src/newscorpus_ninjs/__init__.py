"""IPTC ninjs 2.2 ("News in JSON"): export and import of articles.

ninjs is the news industry's JSON for a news item. The exporter writes one ninjs
object per article, one per line (``-o corpus.ninjs``, or ``-f ninjs``); the parser
reads that back, and also a single ninjs object or a JSON array of them.

Mapping (newscorpus -> ninjs 2.2):

=====================  ==============================================================
``id``                 ``altids[role=newscorpus:id]``; ``uri`` is ``urn:newscorpus:article:<id>``
``text``               ``bodies[0]`` (``role`` main, ``contenttype`` text/plain, counts)
``headline``           ``headlines[0]`` (``role`` main)
``published``          ``firstcreated`` (date-time; a bare date is written as midnight UTC)
``byline``             ``by``
``source``             ``infosources[0].name``
``url``                ``altids[role=url]``
``language``           ``language``
dateline place         ``located`` (the resolved place's name when the geoparser found it)
``places``             ``places[]``: ``name``, ``rel`` (``dateline`` or ``mentioned``),
                       ``uri`` (GeoNames), ``literal`` (gazetteer id), ``geojson`` Point
                       ``[longitude, latitude]``
``people``             ``people[]`` (persons) and ``organisations[]``, ``rel`` mentioned
``photos``             ``associations[]`` of ``type`` picture with a caption description
=====================  ==============================================================

ninjs has no place for quotes, figures or character offsets (and 2.2 allows no
extension properties), so those are not exported; JSON Lines keeps everything.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from typing import IO, Any, Final
from urllib.parse import quote, unquote

from dateutil import parser as date_parser

from newscorpus import Article, ExporterSpec, InputError, ParserSpec, hookimpl
from newscorpus.models import Person, Photo, Place
from newscorpus.parsers.wire import parse_text
from newscorpus.specs import Source

__all__ = ["SCHEMA_URI", "article_from_ninjs", "article_to_ninjs"]

SCHEMA_URI: Final = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
_URN: Final = "urn:newscorpus:article:"
_GEONAMES: Final = re.compile(r"^geonames:(\d+)$")
_GEONAMES_URI: Final = re.compile(r"^https?://sws\.geonames\.org/(\d+)/?$")


def _iso(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.isoformat()
        return value.isoformat().replace("+00:00", "Z")
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC).isoformat().replace(
        "+00:00", "Z")


def _located(article: Article) -> str | None:
    for place in article.places:
        if any(m.role == "dateline" for m in place.mentions):
            return place.name
    if article.dateline is not None:
        return article.dateline.place or article.dateline.text
    return None


def _place(place: Place) -> dict[str, Any]:
    item: dict[str, Any] = {"name": place.name}
    item["rel"] = "dateline" if any(m.role == "dateline" for m in place.mentions) else "mentioned"
    if place.gazetteer_id:
        match = _GEONAMES.match(place.gazetteer_id)
        if match:
            item["uri"] = f"https://sws.geonames.org/{match.group(1)}/"
        item["literal"] = place.gazetteer_id
    if place.lat is not None and place.lon is not None:
        item["geojson"] = {"type": "Point",
                           "coordinates": [round(place.lon, 6), round(place.lat, 6)]}
    return item


def article_to_ninjs(article: Article) -> dict[str, Any]:
    """One article as a ninjs 2.2 object."""
    item: dict[str, Any] = {
        "uri": _URN + quote(article.id, safe=""),
        "standard": {"name": "ninjs", "version": "2.2", "schema": SCHEMA_URI},
        "type": "text",
        "representationtype": "full",
    }
    if article.published is not None:
        item["firstcreated"] = _iso(article.published)
    if article.language:
        item["language"] = article.language
    if article.headline:
        item["headlines"] = [{"role": "main", "value": article.headline}]
    item["bodies"] = [{
        "role": "main",
        "contenttype": "text/plain",
        "charcount": len(article.text),
        "wordcount": len(article.text.split()),
        "value": article.text,
    }]
    if article.byline:
        item["by"] = article.byline
    located = _located(article)
    if located:
        item["located"] = located
    if article.source:
        item["infosources"] = [{"name": article.source}]
    altids = [{"role": "newscorpus:id", "value": article.id}]
    if article.url:
        altids.append({"role": "url", "value": article.url})
    item["altids"] = altids
    if article.places:
        item["places"] = [_place(p) for p in article.places]
    people = [{"name": p.name, "rel": "mentioned"} for p in article.people if p.type == "person"]
    if people:
        item["people"] = people
    orgs = [{"name": p.name, "rel": "mentioned"} for p in article.people
            if p.type == "organisation"]
    if orgs:
        item["organisations"] = orgs
    photos = []
    for index, photo in enumerate(article.photos, start=1):
        picture: dict[str, Any] = {
            "name": f"photo{index}",
            "uri": f"{item['uri']}:photo:{index}",
            "type": "picture",
            "descriptions": [{"role": "caption", "value": photo.caption}],
        }
        if photo.credit:
            picture["by"] = photo.credit
        if photo.taken is not None:
            picture["contentcreated"] = _iso(photo.taken)
        photos.append(picture)
    if photos:
        item["associations"] = photos
    return item


# -- reading -----------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("p", "br", "div", "li", "h1", "h2", "h3", "blockquote"):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(value: str) -> str:
    parser = _Text()
    parser.feed(value)
    parser.close()
    paragraphs = [" ".join(p.split()) for p in "".join(parser.parts).split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _pick(items: Any, role: str = "main") -> Mapping[str, Any] | None:
    if not isinstance(items, list):
        return None
    objects = [i for i in items if isinstance(i, dict) and isinstance(i.get("value"), str)]
    for item in objects:
        if item.get("role") == role:
            return item
    return objects[0] if objects else None


def _date(value: Any) -> dt.datetime | dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date_parser.isoparse(value)
    except ValueError:
        return None


def article_from_ninjs(item: Any, *, default_id: str, path: str = "<ninjs>",
                       line: int | None = None) -> Article:
    """Read one ninjs object (any version from 1.x on that has ``bodies`` or ``body_text``)."""
    where: dict[str, Any] = {"path": path, "line": line}
    if not isinstance(item, dict):
        raise InputError(f"expected a ninjs object, found {type(item).__name__}", **where)
    altids = {a.get("role"): a.get("value") for a in item.get("altids") or []
              if isinstance(a, dict) and isinstance(a.get("value"), str)}
    uri = item.get("uri") if isinstance(item.get("uri"), str) else None
    article_id = altids.get("newscorpus:id") or (
        unquote(uri[len(_URN):]) if uri and uri.startswith(_URN) else uri) or default_id
    where["record"] = article_id
    body = _pick(item.get("bodies"))
    if body is not None:
        kind = str(body.get("contenttype") or "text/plain")
        text = body["value"] if "html" not in kind else _html_text(body["value"])
    elif isinstance(item.get("body_text"), str):  # ninjs 1.x
        text = item["body_text"]
    elif isinstance(item.get("body_html"), str):
        text = _html_text(item["body_html"])
    else:
        raise InputError("no body: the ninjs object has no bodies[] (or body_text)", **where)
    headline = _pick(item.get("headlines"))
    title = headline["value"] if headline else item.get("headline") or item.get("title")
    published = _date(item.get("firstcreated") or item.get("contentcreated")
                      or item.get("versioncreated"))
    sources = [s.get("name") for s in item.get("infosources") or []
               if isinstance(s, dict) and isinstance(s.get("name"), str)]
    places = []
    for p in item.get("places") or []:
        if not isinstance(p, dict) or not isinstance(p.get("name"), str):
            continue
        lat = lon = None
        geo = p.get("geojson")
        if isinstance(geo, dict) and geo.get("type") == "Point":
            coords = geo.get("coordinates")
            if isinstance(coords, list) and len(coords) >= 2:
                lon, lat = float(coords[0]), float(coords[1])
        gazetteer_id = p.get("literal") if isinstance(p.get("literal"), str) else None
        match = _GEONAMES_URI.match(p.get("uri") or "") if isinstance(p.get("uri"), str) else None
        if gazetteer_id is None and match:
            gazetteer_id = f"geonames:{match.group(1)}"
        places.append(Place(name=p["name"], kind="place", lat=lat, lon=lon,
                            gazetteer_id=gazetteer_id))
    people = [Person(name=p["name"], type="person") for p in item.get("people") or []
              if isinstance(p, dict) and isinstance(p.get("name"), str)]
    people += [Person(name=p["name"], type="organisation") for p in item.get("organisations") or []
               if isinstance(p, dict) and isinstance(p.get("name"), str)]
    photos = []
    for assoc in item.get("associations") or []:
        if not isinstance(assoc, dict) or assoc.get("type") != "picture":
            continue
        caption = _pick(assoc.get("descriptions"), "caption")
        if caption is None:
            continue
        taken = _date(assoc.get("contentcreated"))
        photos.append(Photo(caption=caption["value"],
                            credit=assoc.get("by") if isinstance(assoc.get("by"), str) else None,
                            taken=taken.date() if isinstance(taken, dt.datetime) else taken))
    base = parse_text(text, id=article_id)
    meta: dict[str, Any] = {}
    if isinstance(item.get("located"), str):
        meta["located"] = item["located"]
    if uri:
        meta["ninjs_uri"] = uri
    return Article(
        id=article_id,
        text=text,
        headline=title if isinstance(title, str) else None,
        dateline=base.dateline,
        published=published,
        source=sources[0] if sources else None,
        byline=item.get("by") if isinstance(item.get("by"), str) else None,
        url=altids.get("url"),
        language=item.get("language") if isinstance(item.get("language"), str) else None,
        photos=tuple(photos),
        meta=meta,
        places=tuple(places),
        people=tuple(people),
    )


def _parse(source: Source, encoding: str | None) -> Iterator[Article | InputError]:
    name = source.id_hint or source.name
    with source.open() as stream:
        first = stream.readline()
        try:
            record = json.loads(first.decode(encoding or "utf-8-sig")) if first.strip() else None
        except (UnicodeDecodeError, ValueError):
            record = None
        if isinstance(record, dict):  # JSON Lines: one ninjs object per line, streamed
            yield from _lines(first, stream, source, encoding)
            return
        data = first + stream.read()
    try:
        document = json.loads(data.decode(encoding or "utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"not ninjs JSON ({exc})", path=source.name) from None
    items = document if isinstance(document, list) else [document]
    for index, item in enumerate(items, start=1):
        try:
            yield article_from_ninjs(item, default_id=f"{name}-{index}" if len(items) > 1 else name,
                                     path=source.name)
        except InputError as error:
            yield error


def _lines(first: bytes, stream: IO[bytes], source: Source,
           encoding: str | None) -> Iterator[Article | InputError]:
    name = source.id_hint or source.name
    number = 0
    for raw in itertools.chain([first], stream):
        number += 1
        if not raw.strip():
            continue
        try:
            try:
                item = json.loads(raw.decode(encoding or "utf-8-sig"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise InputError(f"invalid JSON ({exc})", path=source.name, line=number) from None
            yield article_from_ninjs(item, default_id=f"{name}-{number}", path=source.name,
                                     line=number)
        except InputError as error:
            yield error


# -- writing -----------------------------------------------------------------------------


class NinjsExporter:
    """ninjs objects, one per line (UTF-8, no BOM)."""

    def __init__(self, target: Any, options: dict[str, Any]) -> None:
        self._out: IO[bytes] = target.open()

    def write(self, article: Article) -> None:
        text = json.dumps(article_to_ninjs(article), ensure_ascii=False, separators=(",", ":"))
        self._out.write(text.encode("utf-8", "backslashreplace") + b"\n")

    def close(self) -> None:
        self._out.close()


@hookimpl
def newscorpus_register_exporters() -> list[ExporterSpec]:
    return [
        ExporterSpec(
            name="ninjs",
            description="IPTC ninjs 2.2 objects, one per line: headline, body, places with "
            "GeoJSON, located (newscorpus-ninjs)",
            factory=NinjsExporter,
            suffixes=(".ninjs",),
        )
    ]


@hookimpl
def newscorpus_register_parsers() -> list[ParserSpec]:
    return [
        ParserSpec(
            name="ninjs",
            description="IPTC ninjs objects: one per line, one per file, or a JSON array "
            "(newscorpus-ninjs)",
            parse=_parse,
            suffixes=(".ninjs",),
        )
    ]
