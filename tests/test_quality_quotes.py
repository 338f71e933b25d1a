"""Accuracy gate for quotes: predict.py on the shared dev set and the seed story, scored
by the shared scorer, against the floors pinned in ``tests/floors/quotes.json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .quality import floors, predict, score, shared_path

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def dev_prediction(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    gold = shared_path("eval", "quotes", "dev.jsonl")
    return gold, predict("quotes", gold, tmp_path_factory.mktemp("quotes-dev") / "dev.pred.jsonl")


def _summary(gold: Path, pred: Path, *args: str) -> dict[str, float]:
    result: dict[str, Any] = score("quotes", gold, pred, *args)
    return {k: float(v) for k, v in result["summary"].items() if k.endswith("_f1")}


def test_dev_direct_quotes(dev_prediction: tuple[Path, Path]) -> None:
    got = _summary(*dev_prediction, "--only-kind", "direct")
    assert got["quotes_f1"] >= floors("quotes")["dev"]["direct_quotes_f1"], got


def test_dev_direct_attribution_named(dev_prediction: tuple[Path, Path]) -> None:
    got = _summary(*dev_prediction, "--only-kind", "direct", "--named-only")
    assert got["attribution_f1"] >= floors("quotes")["dev"]["direct_attribution_named_f1"], got


def test_dev_all_quotes(dev_prediction: tuple[Path, Path]) -> None:
    got = _summary(*dev_prediction, "--named-only")
    floor = floors("quotes")["dev"]
    assert got["quotes_f1"] >= floor["quotes_f1"], got
    assert got["attribution_f1"] >= floor["attribution_named_f1"], got


def test_seed_story(tmp_path: Path) -> None:
    seed = shared_path("eval", "seed", "quotes.json")
    record = json.loads(seed.read_text(encoding="utf-8"))
    text = (seed.parent / record["text_file"]).read_text(encoding="utf-8")
    gold_lines = tmp_path / "seed.jsonl"
    gold_lines.write_text(json.dumps({"id": record["id"], "text": text}) + "\n", encoding="utf-8")
    pred = predict("quotes", gold_lines, tmp_path / "seed.pred.jsonl")
    got = _summary(seed, pred)
    floor = floors("quotes")["seed"]
    assert got["quotes_f1"] >= floor["quotes_f1"], got
    assert got["attribution_f1"] >= floor["attribution_f1"], got
