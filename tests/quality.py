"""Helpers for the accuracy gates: find ../shared, run predict.py, run a shared scorer.

The gates read the floors pinned in ``tests/floors/<task>.json`` (raised as extractors
improve, never lowered without a note in the file). Where ``../shared`` is absent (a
user's fresh clone) the gates skip and say why; CI always has it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSCORPUS_SHARED", ROOT.parent / "shared"))
PREDICT = ROOT / "benchmarks" / "predict.py"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared evaluation data is only in the team's checkout and CI)")
    return path


def floors(task: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "tests" / "floors" / f"{task}.json").read_text())
    return data


def predict(task: str, gold: Path, out: Path) -> Path:
    """Run benchmarks/predict.py exactly as the contract says, into ``out``."""
    with out.open("w", encoding="utf-8") as handle:
        subprocess.run(
            [sys.executable, str(PREDICT), task, str(gold)], stdout=handle, check=True, cwd=ROOT
        )
    return out


def score(task: str, gold: Path, pred: Path, *args: str) -> Any:
    """Run ../shared/eval/score_<task>.py with --json and return what it printed (parsed)."""
    scorer = shared_path("eval", f"score_{task}.py")
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    text = result.stdout.strip()
    # Some scorers print a summary line after the JSON object; parse the JSON part.
    start, end = text.find("{"), text.rfind("}")
    return json.loads(text[start : end + 1])
