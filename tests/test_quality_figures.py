"""Accuracy gate for figures and dates: predict.py on the shared dev set and the seed story."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newscorpus

from .quality import floors, predict, score, shared_path

pytestmark = [pytest.mark.slow, pytest.mark.shared]

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "examples" / "sievierodonetsk.txt"
KEYS = ("text", "start", "end", "value", "low", "high", "unit", "counted", "qualifier")


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    gold = shared_path("eval", "figures", "dev.jsonl")
    pred = predict("figures", gold, tmp_path_factory.mktemp("figures-dev") / "pred.jsonl")
    result: dict[str, Any] = score("figures", gold, pred)
    return result


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    """The seed gold as a one-line gold file for the scorer, and what predict.py wrote."""
    gold_json: dict[str, Any] = json.loads(
        shared_path("eval", "seed", "figures.json").read_text(encoding="utf-8")
    )
    text = SEED_TEXT.read_text(encoding="utf-8")
    figures = [{k: f.get(k) for k in KEYS} for f in gold_json["figures"]]
    for figure in figures:
        assert text[figure["start"] : figure["end"]] == figure["text"]
    tmp = tmp_path_factory.mktemp("figures-seed")
    gold = tmp / "seed.gold.jsonl"
    gold.write_text(json.dumps({"id": "seed", "text": text, "figures": figures}) + "\n")
    pred = predict("figures", gold, tmp / "seed.pred.jsonl")
    predicted: dict[str, Any] = json.loads(pred.read_text(encoding="utf-8").splitlines()[0])
    result: dict[str, Any] = score("figures", gold, pred)
    return gold_json, {"score": result, "pred": predicted}


@pytest.mark.parametrize("metric", ["f1", "value_acc", "unit_acc", "counted_acc", "strict_f1"])
def test_dev(dev: dict[str, Any], metric: str) -> None:
    assert dev[metric] >= floors("figures")["dev"][metric], dev


def test_seed_strict_f1(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _, got = seed
    assert got["score"]["strict_f1"] >= floors("figures")["seed"]["strict_f1"], got["score"]


def test_seed_dates_resolved_as_given(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    # predict.py runs only what figures requires, so the dates come from the library itself.
    gold, _ = seed
    article = newscorpus.parse(SEED_TEXT.read_text(encoding="utf-8"), id="seed")
    article = newscorpus.Pipeline(["dates"], validate=False).extract(article)
    predicted = {(d.start, d.end): d.value for d in article.dates}
    wrong = [d for d in gold["dates"] if predicted.get((d["start"], d["end"])) != d["iso"]]
    resolved = 1 - len(wrong) / len(gold["dates"])
    assert resolved >= floors("figures")["seed"]["dates_resolved"], wrong


def test_seed_reports_no_date_or_year_as_a_figure(
    seed: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    gold, got = seed
    dates = [(d["start"], d["end"]) for d in gold["dates"]]
    for figure in got["pred"]["figures"]:
        assert not any(s < figure["end"] and figure["start"] < e for s, e in dates), figure
        assert not (figure["unit"] is None and str(figure["text"]).isdigit()), figure
