"""The embedded gazetteer: present, lazily opened, and spelling-tolerant."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import pytest

from newscorpus.gazetteer import (
    ABBREVIATION,
    DATA_FILE,
    Gazetteer,
    fold,
    get_gazetteer,
)
from newscorpus.gazetteer._names import is_latin


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_data_file_ships_in_the_package() -> None:
    assert DATA_FILE.exists()
    assert DATA_FILE.parent.name == "gazetteer"
    assert DATA_FILE.stat().st_size < 40 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kyïv", "kyiv"),
        ("Luhans'k", "luhansk"),
        ("Luhans’k", "luhansk"),
        ("Niu-York", "niu york"),
        ("St. Louis", "st louis"),
        ("U.S.", "us"),
        ("Łódź", "lodz"),
        ("  São   Paulo ", "sao paulo"),
    ],
)
def test_fold_makes_spellings_meet(name: str, key: str) -> None:
    assert fold(name) == key


def test_is_latin() -> None:
    assert is_latin("Sievierodonetsk")
    assert is_latin("Bữu Long")
    assert not is_latin("Северодонецк")


@pytest.mark.parametrize(
    ("old", "new"),
    [("Kiev", "Kyiv"), ("Severodonetsk", "Sievierodonetsk"), ("Artemivsk", "Bakhmut")],
)
def test_old_and_current_spellings_reach_the_same_place(gaz: Gazetteer, old: str, new: str) -> None:
    old_ids = {e.gazetteer_id for e in gaz.find(old)}
    top = gaz.find(new)[0]
    assert top.gazetteer_id in old_ids
    assert top.country_code == "UA"


def test_kyiv_city_is_the_most_prominent_kyiv(gaz: Gazetteer) -> None:
    top = gaz.find("Kyiv")[0]
    assert top.gazetteer_id == "geonames:703448"
    assert top.kind == "city"
    assert abs(top.lat - 50.45) < 0.1 and abs(top.lon - 30.52) < 0.1


def test_countries_have_points_aliases_and_demonyms(gaz: Gazetteer) -> None:
    ukraine = [e for e in gaz.find("Ukraine") if e.kind == "country"]
    assert ukraine and ukraine[0].gazetteer_id == "geonames:690791"
    us = [e for e in gaz.find("US") if e.kind == "country"]
    assert us and us[0].country_code == "US" and us[0].how == ABBREVIATION
    assert any(e.country_code == "US" for e in gaz.find("United States"))
    assert gaz.demonyms[fold("Russian")] == "RU"
    assert gaz.find("DPRK")[0].country_code == "KP"
    assert gaz.find("America")[0].country_code == "US"
    assert not any(e.kind == "country" for e in gaz.find("IRA"))


def test_regions_and_natural_features(gaz: Gazetteer) -> None:
    luhansk = [e for e in gaz.find("Luhansk") if e.kind == "region"]
    assert luhansk and luhansk[0].country_code == "UA"
    assert gaz.admin1_name("UA", luhansk[0].admin1_code) is not None
    assert any(e.kind == "sea" for e in gaz.find("Sea of Azov"))
    assert any(e.kind == "river" for e in gaz.find("Dnieper"))
    assert any(e.kind == "region" for e in gaz.find("Gaza Strip"))


def test_unknown_name_finds_nothing(gaz: Gazetteer) -> None:
    assert gaz.find("Qwxzy Plorb") == ()


def test_key_hashes_hold_every_key_and_say_no_to_others() -> None:
    from newscorpus.gazetteer._names import KeyHashes, pack_key_hashes

    keys = ["kyiv", "new york", "sao paulo", "kyiv"]
    packed = pack_key_hashes(keys)
    assert len(packed) == 128  # the smallest bitmap: 1,024 bits
    hashes = KeyHashes(packed)
    assert all(hashes.may_hold(k) for k in keys)
    assert not any(hashes.may_hold(k) for k in ("kiev", "new", "", "paulo"))
    assert not KeyHashes(pack_key_hashes([])).may_hold("kyiv")
    many = [f"place {n}" for n in range(100_000)]
    packed = pack_key_hashes(many)
    assert len(packed) * 8 == 1 << 22  # 32 bits or more for each key
    hashes = KeyHashes(packed)
    assert all(hashes.may_hold(k) for k in many)
    wrong = sum(hashes.may_hold(f"other {n}") for n in range(100_000))
    assert wrong < 100_000 / 30
    with pytest.raises(ValueError, match="2\\*\\*k bits"):
        KeyHashes(b"\0" * 3)


def test_the_shipped_checksum_sets_cover_every_name_prefix_and_word() -> None:
    import sqlite3

    from newscorpus.gazetteer._names import KeyHashes

    db = sqlite3.connect(f"file:{DATA_FILE}?mode=ro&immutable=1", uri=True)
    sets = {what: KeyHashes(crcs) for what, crcs in db.execute("SELECT what, crcs FROM hashes")}
    for (key,) in db.execute("SELECT DISTINCT key FROM name"):
        assert sets["name"].may_hold(key), key
        words = key.split(" ")
        for k in range(1, len(words)):
            assert sets["continued"].may_hold(" ".join(words[:k])), key
    assert all(sets["english"].may_hold(w) for (w,) in db.execute("SELECT key FROM english"))


def test_a_file_without_checksum_sets_reads_the_same(tmp_path: Path) -> None:
    import shutil
    import sqlite3

    old = tmp_path / "places.sqlite"
    shutil.copy(DATA_FILE, old)
    db = sqlite3.connect(old)
    db.execute("DROP TABLE hashes")
    db.commit()
    db.close()
    without, with_sets = Gazetteer(old), Gazetteer()
    for name in ("Kyiv", "New York", "Qwxzy Plorb", "Officials", "UK", "Tex."):
        assert without.find(name) == with_sets.find(name)
    for word in ("new", "officials", "qwxzy", "san"):
        assert without.continued(word) == with_sets.continued(word)
    for word in ("reading", "kyiv", "landmark", "qwxzy"):
        assert without.is_word(word) == with_sets.is_word(word)
    # The quick test rules out only keys that name nothing; without bitmaps, none.
    for key in ("kyiv", "new york", "qwxzy plorb", "officials", "uk"):
        assert with_sets.may_name(key) or not with_sets.lookup(key)
        assert without.may_name(key)
    assert not with_sets.may_name("qwxzy plorb")
    for word in ("new", "officials", "qwxzy", "san"):
        assert with_sets.may_continue(word) or not with_sets.continued(word)
        assert without.may_continue(word)
    assert with_sets.may_continue("new") and not with_sets.may_continue("qwxzy")


def test_noise_alternates_are_not_names(gaz: Gazetteer) -> None:
    # Airport codes and dictionary-word translations of small places are left out.
    assert not any(e.name == "Siverskodonetsk" for e in gaz.find("SEV"))
    assert not any(e.kind == "city" and e.country_code == "MA" for e in gaz.find("White House"))


def test_wheel_config_ships_the_data_file() -> None:
    root = Path(__file__).resolve().parents[1]
    pyproject = (root / "pyproject.toml").read_text()
    assert 'packages = ["src/newscorpus"]' in pyproject
    wheels = sorted((root / "dist").glob("newscorpus-*.whl")) if (root / "dist").exists() else []
    for wheel in wheels[-1:]:
        with zipfile.ZipFile(wheel) as archive:
            assert "newscorpus/gazetteer/places.sqlite" in archive.namelist()


def _square(lon: float, lat: float, size: float) -> list[list[list[float]]]:
    return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]]


def _country(latlng: list[float], polygons: list[list[list[list[float]]]]) -> dict[str, object]:
    geometry = {"type": "MultiPolygon", "coordinates": polygons}
    return {"latlng": latlng, "geoJSON": {"features": [{"geometry": geometry}]}}


def test_country_point_moves_to_the_mainland_only_when_it_is_most_of_the_country() -> None:
    from newscorpus.gazetteer.build import _country_point

    # Made-up countries. A mainland 10 degrees square centred on (25 N, 15 E) and an
    # islet far off: the factbook-style point (20 N, 5 E) is ~1,100 km from both the
    # mainland's centroid and the label point, which agree, so their mean is taken.
    label = [{"lat": "25.5", "lon": "15.5"}]
    mainland = _country([20.0, 5.0], [_square(10, 20, 10), _square(40, 20, 0.5)])
    lat, lon = _country_point(mainland, label)
    assert abs(lat - 25.25) < 0.1 and abs(lon - 15.25) < 0.1
    # An archipelago whose largest island is under half of its land: that island is not
    # the country's middle, so the given point stays.
    islands = _country([20.0, 5.0], [_square(10, 20, 10), _square(30, 20, 8), _square(30, 0, 8)])
    assert _country_point(islands, label) == (20.0, 5.0)


def test_us_state_and_county_points_are_polygon_centroids(tmp_path: Path) -> None:
    import json

    from newscorpus.gazetteer.build import _polygon_point, _us_atlas_points

    # A made-up state: an L-shaped polygon (a 4x2 degree bar and a 2x2 block on its
    # west end) in quantised TopoJSON (unit scale, arcs as deltas), and one county in
    # it: a 1-degree square.
    def topo(layer: str, name: str, fips: str, ring: list[tuple[int, int]]) -> dict[str, object]:
        deltas = [list(ring[0])] + [
            [x2 - x1, y2 - y1] for (x1, y1), (x2, y2) in itertools.pairwise(ring)
        ]
        geometry = {"type": "Polygon", "arcs": [[0]], "id": fips, "properties": {"name": name}}
        return {
            "type": "Topology",
            "transform": {"scale": [1, 1], "translate": [-100, 30]},
            "objects": {layer: {"type": "GeometryCollection", "geometries": [geometry]}},
            "arcs": [deltas],
        }

    state = [(0, 0), (4, 0), (4, 2), (2, 2), (2, 4), (0, 4), (0, 0)]
    county = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    (tmp_path / "states-10m.json").write_text(json.dumps(topo("states", "Zed", "99", state)))
    (tmp_path / "counties-10m.json").write_text(
        json.dumps(topo("counties", "Quill", "99001", county))
    )

    class States:
        def get_us_states(self) -> dict[str, dict[str, str]]:
            return {"ZD": {"fips": "99", "name": "Zed"}}

    points = _us_atlas_points(tmp_path, States())
    # The L's centroid: (bar 8 at (31, -98) + block 4 at (33, -99)) / 12.
    lat, lon = points["US-ZD"]
    assert abs(lat - 31 - 2 / 3) < 1e-9 and abs(lon + 98 + 1 / 3) < 1e-9
    assert points["US-ZD:quill"] == (30.5, -99.5)
    assert points["US-ZD:quill county"] == (30.5, -99.5)  # Natural Earth's spelling
    # The label point gives way to the centroid, unless the two are too far apart to be
    # one place (a name matched wrongly).
    assert _polygon_point({"lat": "31.0", "lon": "-99.0"}, points, "US-ZD") == points["US-ZD"]
    assert _polygon_point({"lat": "45.0", "lon": "-80.0"}, points, "US-ZD") == (45.0, -80.0)
    assert _polygon_point({"lat": "31.0", "lon": "-99.0"}, points, "US-XX") == (31.0, -99.0)


def test_an_admin1_grouping_is_pinned_to_the_mean_of_its_members() -> None:
    from newscorpus.gazetteer.build import _grouping_point

    # Made-up grouping of three provinces (one listed twice); the file's own point is one
    # member's label point.
    members = {"XX-A": (10.0, 20.0), "XX-B": (12.0, 26.0), "XX-C": (14.0, 23.0)}
    row = {"lat": "10.0", "lon": "20.0", "member_admin1_codes": "XX-A|XX-B|XX-C|XX-B"}
    assert _grouping_point(row, members) == (12.0, 23.0)
    # Fewer than two known members: the file's point stays.
    lone = {"lat": "10.0", "lon": "20.0", "member_admin1_codes": "XX-A|XX-Z"}
    assert _grouping_point(lone, members) == (10.0, 20.0)


def test_a_map_unit_that_is_an_admin1_region_is_one_place(gaz: Gazetteer) -> None:
    # Natural Earth has Alaska and Tasmania both as map subunits and as admin-1 regions
    # (same name, same Wikidata item): one place, the admin-1 region with its GeoNames id.
    for name, cc in (("Alaska", "US"), ("Tasmania", "AU")):
        regions = [e for e in gaz.find(name) if e.kind == "region" and e.country_code == cc]
        assert len(regions) == 1, regions
        assert regions[0].admin1_code is not None
    alaska = next(e for e in gaz.find("Alaska") if e.country_code == "US")
    assert alaska.gazetteer_id == "geonames:5879092"
