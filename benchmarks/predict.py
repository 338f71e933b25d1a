#!/usr/bin/env python3
"""Predictions for the shared accuracy scorers (the contract in shared/DESIGN.md).

    python benchmarks/predict.py {quotes|places|figures} GOLD.jsonl > PRED.jsonl

Reads each gold line's ``id`` and ``text`` only, runs newscorpus on the text as the
article body, and writes one line per input in the gold schema of
``shared/eval/<task>/README.md``. Score with ``shared/eval/score_<task>.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import newscorpus
from newscorpus.models import Article

TASKS = ("quotes", "places", "figures")


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def quotes(article: Article) -> dict[str, Any]:
    return {
        "quotes": [
            {
                "quote": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker.name if q.speaker else None,
                "speaker_role": q.speaker.role if q.speaker else None,
                "cue": q.cue.text if q.cue else None,
                "kind": "direct" if q.kind == "direct" else "indirect",
                "mixed": q.kind == "mixed",
                "medium": q.medium,
                "attribution": q.attribution,
            }
            for q in article.quotes
        ]
    }


def places(article: Article) -> dict[str, Any]:
    out = []
    for place in article.places:
        geonameid = None
        if place.gazetteer_id and place.gazetteer_id.startswith("geonames:"):
            geonameid = int(place.gazetteer_id.split(":", 1)[1])
        for mention in place.mentions:
            out.append(
                {
                    "name": mention.text,
                    "start": mention.start,
                    "end": mention.end,
                    "lat": place.lat,
                    "lon": place.lon,
                    "geonameid": geonameid,
                    "kind": place.kind,
                    "role": mention.role,
                    "resolved_name": place.name,
                }
            )
    out.sort(key=lambda p: (p["start"], p["end"]))
    return {"places": out}


def figures(article: Article) -> dict[str, Any]:
    return {
        "figures": [
            {
                "text": f.text,
                "start": f.start,
                "end": f.end,
                "value": _num(f.value),
                "low": _num(f.low),
                "high": _num(f.high),
                "unit": f.unit,
                "counted": f.counted,
                "qualifier": f.qualifier,
                "claimant": f.claimant,
                "quantity": f.quantity,
            }
            for f in article.figures
        ],
        "dates": [
            {"text": d.text, "start": d.start, "end": d.end, "iso": d.value}
            for d in article.dates
        ],
    }


def _gold(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                yield record["id"], record["text"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", choices=TASKS)
    parser.add_argument("gold", type=Path)
    args = parser.parse_args(argv)
    render = {"quotes": quotes, "places": places, "figures": figures}[args.task]
    # Figures also report the dates they skipped over, which the dates extractor resolves.
    only = [args.task, "dates"] if args.task == "figures" else [args.task]
    pipeline = newscorpus.Pipeline(only, validate=False)
    out = sys.stdout
    for article_id, text in _gold(args.gold):
        article = pipeline.extract(newscorpus.parse(text, id=article_id))
        out.write(json.dumps({"id": article_id, **render(article)}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
