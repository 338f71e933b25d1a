"""Accuracy gate for places: predict.py on the shared dev and seed sets, shared scorer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .quality import floors, predict, score, shared_path

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def _figures(name: str, tmp_path: Path) -> dict[str, float]:
    gold = shared_path("eval", "places", name)
    pred = predict("places", gold, tmp_path / f"{name}.pred.jsonl")
    result: dict[str, Any] = score("places", gold, pred)
    return {
        "f1": float(result["recognition"]["f1"]),
        "acc_161": float(result["resolution"]["acc161"]),
        "auc": float(result["resolution"]["auc"]),
    }


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    return _figures("dev.jsonl", tmp_path_factory.mktemp("places-dev"))


def test_seed_story(tmp_path: Path) -> None:
    got = _figures("seed.gold.jsonl", tmp_path)
    floor = floors("places")["seed"]
    assert got["f1"] >= floor["f1"], got
    assert got["acc_161"] >= floor["acc_161"], got


def test_dev_recognition(dev: dict[str, float]) -> None:
    assert dev["f1"] >= floors("places")["dev"]["f1"], dev


def test_dev_resolution_accuracy(dev: dict[str, float]) -> None:
    assert dev["acc_161"] >= floors("places")["dev"]["acc_161"], dev


def test_dev_resolution_auc(dev: dict[str, float]) -> None:
    assert dev["auc"] <= floors("places")["dev"]["auc"], dev
