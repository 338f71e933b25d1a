"""The Data Package (v2) for CSV exports: generated from TABLES and true to the files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from newscorpus import Article, Figure, Mention, Place, Quote, Speaker, export
from newscorpus.exporters.csv import TABLES
from newscorpus.exporters.datapackage import describe, main

ROOT = Path(__file__).resolve().parents[1]
TEXT = 'Officials in Kyiv said "about 1,130 people left" on Monday.'


def _article(article_id: str) -> Article:
    return Article(
        id=article_id, text=TEXT,
        quotes=(Quote(text="about 1,130 people left", start=24, end=47,
                      speaker=Speaker(name="Officials", type="group")),),
        places=(Place(name="Kyiv", kind="city", lat=50.45466, lon=30.5238,
                      mentions=(Mention(13, 17, "Kyiv"),)),),
        figures=(Figure(text="1,130 people", start=30, end=42, value=1130, approximate=True),),
    )


def test_the_documented_package_is_up_to_date() -> None:
    documented = json.loads((ROOT / "docs" / "datapackage.json").read_text(encoding="utf-8"))
    assert documented == describe("out.csv"), (
        "regenerate: python -m newscorpus.exporters.datapackage out.csv -o docs/datapackage.json")


def test_describes_every_file_the_csv_exporter_writes(tmp_path: Path) -> None:
    out = tmp_path / "corpus.csv"
    export([_article("a"), _article("b")], out)
    assert main([str(out)]) == 0
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    keys: dict[str, set[tuple[str, ...]]] = {}
    for resource in package["resources"]:
        path = tmp_path / resource["path"]
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        fields = resource["schema"]["fields"]
        assert rows[0] == [f["name"] for f in fields]
        for row in rows[1:]:
            for field, cell in zip(fields, row, strict=True):
                if cell == "":
                    assert field["name"] != "article_id"
                elif field["type"] == "integer":
                    int(cell)
                elif field["type"] == "number":
                    float(cell)
                elif field["type"] == "boolean":
                    assert cell in ("true", "false")
        schema = resource["schema"]
        names = [f["name"] for f in fields]
        if "primaryKey" in schema:
            pk = [tuple(r[names.index(k)] for k in schema["primaryKey"]) for r in rows[1:]]
            assert len(pk) == len(set(pk)), resource["name"]
            keys[resource["name"]] = set(pk)
        for fk in schema.get("foreignKeys", []):
            target = keys[fk["reference"]["resource"]]
            for r in rows[1:]:
                assert tuple(r[names.index(k)] for k in fk["fields"]) in target


def test_excel_exports_are_utf8_with_bom() -> None:
    assert {r["encoding"] for r in describe("x.csv", excel=True)["resources"]} == {"utf-8-sig"}
    gz = describe("x.csv.gz")["resources"]
    assert gz[1]["path"] == "x.quotes.csv.gz" and gz[1]["compression"] == "gz"
