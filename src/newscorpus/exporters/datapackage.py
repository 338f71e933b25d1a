"""A Frictionless Data Package (v2) describing the CSV export's tables.

Generated from :data:`newscorpus.exporters.csv.TABLES`, so it always matches what the CSV
exporter writes: one tabular resource per file, typed fields, primary keys and foreign
keys to ``articles``. Write one beside an export::

    newscorpus extract corpus/ -o corpus.csv
    python -m newscorpus.exporters.datapackage corpus.csv      # writes datapackage.json

(``--excel`` when the CSV was written with ``--excel``: the files then start with a BOM.)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from .csv import TABLES
from .sqlite import _BOOLEAN, _INTEGER

__all__ = ["describe", "main"]

PROFILE: Final = "https://datapackage.org/profiles/2.0/datapackage.json"

_KEYS: Final = {
    "articles": ["article_id"],
    "place_mentions": None,
}

_DESCRIPTIONS: Final = {
    "articles": "One row per article: metadata, counts and the full text",
    "quotes": "One row per quote: content span, speaker and cue",
    "people": "One row per person or organisation named in an article",
    "places": "One row per place resolved in an article, with coordinates",
    "place_mentions": "One row per mention of a place in the text",
    "figures": "One row per reported figure: value or range, unit, what it counts",
    "dates": "One row per date or time expression, resolved to ISO 8601",
}


def _field_type(column: str, numeric: frozenset[str]) -> str:
    if column in _BOOLEAN:
        return "boolean"
    if column in numeric:
        return "integer" if column in _INTEGER else "number"
    return "string"


def _file_name(base: str, table: str) -> str:
    if table == "articles":
        return base
    for ending in (".csv.gz", ".csv"):
        if base.lower().endswith(ending):
            return base[: -len(ending)] + f".{table}" + base[-len(ending):]
    return f"{base}.{table}"


def describe(base: str = "out.csv", *, excel: bool = False) -> dict[str, Any]:
    """The ``datapackage.json`` for a CSV export whose main file is ``base``."""
    resources = []
    for table, (columns, numeric, _rows) in TABLES.items():
        fields = []
        for column in columns:
            field: dict[str, Any] = {"name": column, "type": _field_type(column, numeric)}
            if field["type"] == "boolean":
                field["trueValues"], field["falseValues"] = ["true"], ["false"]
            if column == "article_id":
                field["constraints"] = {"required": True}
            fields.append(field)
        schema: dict[str, Any] = {
            "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
            "fields": fields,
            "missingValues": [""],
        }
        key = _KEYS.get(table, ["article_id", "index"])
        if key is not None:
            schema["primaryKey"] = key
        if table != "articles":
            schema["foreignKeys"] = [
                {"fields": ["article_id"], "reference": {"resource": "articles",
                                                         "fields": ["article_id"]}}
            ]
        if table == "place_mentions":
            schema["foreignKeys"].append(
                {"fields": ["article_id", "place_index"],
                 "reference": {"resource": "places", "fields": ["article_id", "index"]}}
            )
        path = _file_name(base, table)
        resource: dict[str, Any] = {
            "name": table,
            "type": "table",
            "path": path,
            "description": _DESCRIPTIONS.get(table, table),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig" if excel else "utf-8",
            "dialect": {
                "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
                "header": True,
                "delimiter": ",",
                "lineTerminator": "\r\n",
                "quoteChar": '"',
                "doubleQuote": True,
            },
            "schema": schema,
        }
        if path.endswith(".gz"):
            resource["compression"] = "gz"
        resources.append(resource)
    return {
        "$schema": PROFILE,
        "name": "newscorpus-csv",
        "title": "newscorpus CSV export",
        "description": "Articles and what newscorpus extracted from them (quotes, people, "
        "places, figures, dates), one table per record type joined by article_id. "
        "Offsets are Unicode code point indices into the article text, end exclusive.",
        "version": "1.0.0",
        "contributors": [{"title": "newscorpus", "path": "https://github.com/newscorpus/newscorpus",
                          "roles": ["creator"]}],
        "resources": resources,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newscorpus.exporters.datapackage",
        description="Write datapackage.json beside a newscorpus CSV export.",
    )
    parser.add_argument("csv", metavar="OUT.csv", help="the main file of the CSV export")
    parser.add_argument("--excel", action="store_true", help="the export was written with --excel")
    parser.add_argument("-o", "--output", help="where to write (default: datapackage.json beside)")
    args = parser.parse_args(argv)
    main_file = Path(args.csv)
    package = describe(main_file.name, excel=args.excel)
    text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    out = Path(args.output) if args.output else main_file.with_name("datapackage.json")
    out.write_text(text, encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
