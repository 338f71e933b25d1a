"""GeoJSON (RFC 7946): one Point feature per place, aggregated over the whole export.

A map wants one marker per place, not one per mention, so places are merged across
articles by gazetteer id (or name and coordinates) and carry counts: mentions, articles,
datelines, metonymic uses, and the surface forms seen. Per-mention detail belongs in
JSON Lines or CSV. Memory grows with the number of distinct places, never with the
number of articles.
"""

from __future__ import annotations

import json
from typing import IO, Any

import attrs

from ..hookspecs import hookimpl
from ..models import Article, Place
from ..specs import Exporter, ExporterSpec, ExportTarget

__all__ = ["GeoJsonExporter", "place_key"]

_DECIMALS = 6


def place_key(place: Place) -> str:
    """What makes two places across articles the same feature."""
    if place.gazetteer_id:
        return f"id:{place.gazetteer_id}"
    return f"name:{place.name}|{place.lat:.4f}|{place.lon:.4f}"


@attrs.define
class _Aggregate:
    place: Place
    mentions: int = 0
    articles: int = 0
    datelines: int = 0
    metonyms: int = 0
    confidence: float = 0.0
    surface_forms: dict[str, int] = attrs.field(factory=dict)
    first_article: str | None = None


class GeoJsonExporter:
    def __init__(self, target: ExportTarget, options: dict[str, Any]) -> None:
        self._out: IO[bytes] = target.open()
        self._places: dict[str, _Aggregate] = {}
        self._skip_metonyms = bool(options.get("literal_only", False))

    def write(self, article: Article) -> None:
        seen: set[str] = set()
        for place in article.places:
            if place.lat is None or place.lon is None:
                continue
            mentions = [
                m for m in place.mentions if not (self._skip_metonyms and m.role == "metonym")
            ]
            if not mentions:
                continue
            key = place_key(place)
            agg = self._places.get(key)
            if agg is None:
                agg = self._places[key] = _Aggregate(place, first_article=article.id)
            agg.mentions += len(mentions)
            agg.datelines += sum(m.role == "dateline" for m in mentions)
            agg.metonyms += sum(m.role == "metonym" for m in mentions)
            agg.confidence = max(agg.confidence, place.confidence)
            for m in mentions:
                agg.surface_forms[m.text] = agg.surface_forms.get(m.text, 0) + 1
            if key not in seen:
                agg.articles += 1
                seen.add(key)

    def _feature(self, agg: _Aggregate) -> dict[str, Any]:
        p = agg.place
        assert p.lat is not None and p.lon is not None
        forms = sorted(agg.surface_forms, key=lambda f: (-agg.surface_forms[f], f))
        return {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [round(p.lon, _DECIMALS), round(p.lat, _DECIMALS)],
            },
            "properties": {
                "name": p.name,
                "kind": p.kind,
                "country_code": p.country_code,
                "admin1": p.admin1,
                "gazetteer_id": p.gazetteer_id,
                "mentions": agg.mentions,
                "articles": agg.articles,
                "dateline_mentions": agg.datelines,
                "metonym_mentions": agg.metonyms,
                "surface_forms": "|".join(forms),
                "confidence": round(agg.confidence, 4),
                "first_article": agg.first_article,
            },
        }

    def close(self) -> None:
        out = self._out
        out.write(b'{"type":"FeatureCollection","features":[')
        ordered = sorted(self._places.values(), key=lambda a: (-a.mentions, a.place.name))
        for index, agg in enumerate(ordered):
            out.write(b"\n" if index == 0 else b",\n")
            text = json.dumps(self._feature(agg), ensure_ascii=False, separators=(",", ":"))
            out.write(text.encode("utf-8", "backslashreplace"))
        out.write(b"\n]}\n")
        out.close()


def _geojson(target: ExportTarget, options: dict[str, Any]) -> Exporter:
    return GeoJsonExporter(target, options)


@hookimpl
def newscorpus_register_exporters() -> list[ExporterSpec]:
    return [
        ExporterSpec(
            name="geojson",
            description="RFC 7946 FeatureCollection: one point per place with mention and "
            "article counts (option literal_only drops metonymic uses)",
            factory=_geojson,
            suffixes=(".geojson",),
        )
    ]
