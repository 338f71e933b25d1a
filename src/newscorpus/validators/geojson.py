"""RFC 7946 checks for GeoJSON files (``newscorpus validate out.geojson``)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from ..specs import Issue

__all__ = ["check_geojson"]

_GEOMETRIES = frozenset(
    ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
     "GeometryCollection")
)


def _position(value: Any) -> str | None:
    if not isinstance(value, list) or len(value) not in (2, 3):
        return "a position must be [longitude, latitude] (optionally with altitude)"
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        return "position members must be numbers"
    if not all(math.isfinite(v) for v in value):
        return "position members must be finite"
    lon, lat = value[0], value[1]
    if not -180 <= lon <= 180:
        return f"longitude {lon} out of range (is the order [lon, lat]?)"
    if not -90 <= lat <= 90:
        return f"latitude {lat} out of range (is the order [lon, lat]?)"
    return None


def _geometry(geometry: Any, path: str) -> Iterator[Issue]:
    if geometry is None:
        return
    if not isinstance(geometry, dict) or geometry.get("type") not in _GEOMETRIES:
        yield Issue("geojson-geometry", "geometry must be null or a GeoJSON geometry", path=path)
        return
    kind = geometry["type"]
    if kind == "GeometryCollection":
        for i, inner in enumerate(geometry.get("geometries") or []):
            yield from _geometry(inner, f"{path}.geometries[{i}]")
        return
    depth = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
             "MultiPolygon": 3}[kind]
    stack: list[tuple[Any, int, str]] = [(geometry.get("coordinates"), depth, f"{path}.coordinates")]
    while stack:
        value, level, where = stack.pop()
        if level == 0:
            problem = _position(value)
            if problem:
                yield Issue("geojson-position", problem, path=where)
                return  # one report per geometry: the rest is usually the same mistake
        elif not isinstance(value, list):
            yield Issue("geojson-coordinates", "coordinates nest wrongly for " + kind, path=where)
            return
        else:
            stack.extend((v, level - 1, f"{where}[{i}]") for i, v in enumerate(value))


def check_geojson(document: Any) -> list[Issue]:
    """Structural RFC 7946 issues in a parsed GeoJSON document."""
    issues: list[Issue] = []
    if not isinstance(document, dict):
        return [Issue("geojson-type", "top level must be a GeoJSON object")]
    if "crs" in document:
        issues.append(Issue("geojson-crs", "RFC 7946 removed 'crs'; coordinates are WGS 84",
                            severity="warning"))
    kind = document.get("type")
    if kind == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            return [*issues, Issue("geojson-features", "'features' must be an array")]
    elif kind == "Feature":
        features = [document]
    elif kind in _GEOMETRIES:
        return issues + list(_geometry(document, "geometry"))
    else:
        return [*issues, Issue("geojson-type", f"unknown GeoJSON type {kind!r}")]
    for i, feature in enumerate(features):
        path = f"features[{i}]"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            issues.append(Issue("geojson-feature", "not a Feature object", path=path))
            continue
        if "geometry" not in feature:
            issues.append(Issue("geojson-geometry", "a Feature needs a 'geometry' member",
                                path=path))
        issues.extend(_geometry(feature.get("geometry"), f"{path}.geometry"))
        properties = feature.get("properties", None)
        if "properties" not in feature:
            issues.append(Issue("geojson-properties", "a Feature needs a 'properties' member",
                                path=path))
        elif properties is not None and not isinstance(properties, dict):
            issues.append(Issue("geojson-properties", "properties must be an object or null",
                                path=path))
    return issues
