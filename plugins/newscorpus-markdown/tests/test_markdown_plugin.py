"""The example plugin, installed for real (the test command installs plugins/*)."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest
from newscorpus_markdown import unattributed_quotes

from newscorpus import Article, Quote, Speaker, export
from newscorpus.plugins import Registry

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "sievierodonetsk.txt"


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newscorpus", *args], capture_output=True, text=True, env=env
    )


def test_installed_distribution_declares_the_entry_point() -> None:
    dist = importlib.metadata.distribution("newscorpus-markdown")
    names = [ep.name for ep in dist.entry_points if ep.group == "newscorpus"]
    assert names == ["markdown"]


def test_listed_by_newscorpus_plugins_with_distribution_and_version() -> None:
    result = _cli("plugins", "--json")
    assert result.returncode == 0, result.stderr
    plugins = {p["name"]: p for p in json.loads(result.stdout)}
    info = plugins["markdown"]
    assert info["distribution"] == "newscorpus-markdown"
    assert info["version"] == "0.1.0"
    assert info["provides"] == {
        "exporters": ["markdown"],
        "validators": ["unattributed-quotes"],
    }


def test_disabled_by_environment_variable() -> None:
    import os

    env = {**os.environ, "NEWSCORPUS_DISABLE_PLUGINS": "markdown"}
    result = _cli("plugins", "--json", env=env)
    assert "markdown" not in {p["name"] for p in json.loads(result.stdout)}


def test_exports_through_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "digest.md"
    result = _cli("extract", str(EXAMPLE), "-o", str(out))
    assert result.returncode in (0, 1), result.stderr  # 1 only for validation findings
    assert out.read_text(encoding="utf-8").startswith("## sievierodonetsk\n")


def test_exporter_writes_a_quote_table(tmp_path: Path) -> None:
    text = '"We will rebuild," the mayor said.'
    quote = Quote(text="We will rebuild,", start=1, end=17,
                  speaker=Speaker(name="Anna Example", type="person"))
    article = Article(id="a1", text=text, headline="Town | plans *rebuild*", quotes=(quote,))
    out = tmp_path / "d.md"
    export([article], out, registry=Registry())
    assert out.read_text(encoding="utf-8") == (
        "## Town \\| plans \\*rebuild\\*\n\n"
        "| speaker | quote |\n| --- | --- |\n"
        "| Anna Example | We will rebuild, |\n\n"
    )


@pytest.mark.parametrize(("speaker", "expected"), [(None, 1), (Speaker(name="Ann Lee"), 0)])
def test_unattributed_quotes(speaker: Speaker | None, expected: int) -> None:
    article = Article(id="a", text='"Hi."', quotes=(Quote(text="Hi.", start=1, end=4, speaker=speaker),))
    issues = list(unattributed_quotes(article))
    assert len(issues) == expected
    assert all(i.severity == "warning" and i.start == 1 for i in issues)
