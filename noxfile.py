"""Automation: `nox -s tests` is the whole test suite (core and every plugin in plugins/).

Other sessions: lint (ruff), types (mypy strict), docs (Sphinx, warnings are errors),
accuracy (score the shared dev sets), bench (speed and memory; never in the test run),
gazetteer (rebuild the embedded gazetteer).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests", "lint", "types", "docs"]

ROOT = Path(__file__).parent
PLUGINS = sorted(str(p) for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").exists())
SHARED = ROOT.parent / "shared"


@nox.session
def tests(session: nox.Session) -> None:
    """Install the core and every plugin from plugins/, then run all their tests."""
    # Two steps: pip resolves a plugin's "newscorpus" requirement against the
    # installed core, not against an index that has never heard of it.
    session.install("-e", ".[test]")
    session.install(*(f"{p}[test]" for p in PLUGINS))
    _install_chromium(session)
    session.run(
        "pytest",
        "tests",
        *(f"{p}/tests" for p in PLUGINS),
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": "ci"},
    )


def _install_chromium(session: nox.Session) -> None:
    """Best effort: the HTML report's browser test needs Debian's chromium package.

    Installed only as root on a machine with apt-get; elsewhere the test skips and says why.
    """
    if Path("/usr/bin/chromium").exists() or shutil.which("apt-get") is None:
        return
    if os.geteuid() != 0:
        session.log("chromium is missing and we are not root: the browser test will skip")
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        session.log(" ".join(command))
        done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=False)
        if done.returncode != 0:
            session.log(f"{command[1]} failed ({done.returncode}): the browser test will skip")
            return


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff>=0.6")
    session.run("ruff", "check", "src", "tests", "benchmarks", "plugins", "noxfile.py")


@nox.session
def types(session: nox.Session) -> None:
    session.install("-e", ".[lint]")
    session.run("mypy", "--strict", "src/newscorpus")


@nox.session
def docs(session: nox.Session) -> None:
    session.install("-e", ".[docs]")
    session.install(*PLUGINS)
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")


@nox.session
def accuracy(session: nox.Session) -> None:
    """Score benchmarks/predict.py on the shared dev sets with the shared scorers."""
    session.install("-e", ".")
    if not SHARED.exists():
        session.skip(f"{SHARED} is absent: the evaluation data is only in the team checkout")
    tmp = Path(session.create_tmp())
    for task in ("quotes", "places", "figures"):
        gold = SHARED / "eval" / task / "dev.jsonl"
        pred = tmp / f"{task}.jsonl"
        with pred.open("w") as handle:
            session.run("python", "benchmarks/predict.py", task, str(gold), stdout=handle)
        extra = {"quotes": ["--named-only"], "places": ["--by-corpus"], "figures": []}[task]
        session.run("python", str(SHARED / "eval" / f"score_{task}.py"), str(gold), str(pred),
                    *extra)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Coverage-guided fuzzing (atheris) of parsers and extractors, for a bounded time."""
    session.install("-e", ".", "atheris")
    seconds = session.posargs[0] if session.posargs else "120"
    corpus = Path(session.create_tmp()) / "fuzz-corpus"
    corpus.mkdir(exist_ok=True)
    session.run("python", "benchmarks/fuzz_atheris.py", str(corpus),
                f"-max_total_time={seconds}", "-rss_limit_mb=2048", "-timeout=30")


@nox.session
def bench(session: nox.Session) -> None:
    """Throughput, cold start and memory benchmarks (results as JSON in benchmarks/results)."""
    session.install("-e", ".")
    session.run("python", "benchmarks/run.py", *session.posargs)
    session.run("python", "benchmarks/pathological.py")


@nox.session
def gazetteer(session: nox.Session) -> None:
    """Rebuild src/newscorpus/gazetteer/places.sqlite from its registry packages and the
    shared Natural Earth files (the npm package us-atlas gives US state and county points)."""
    session.install("-e", ".[gazetteer-build]")
    if not (SHARED / "gazetteer").exists():
        session.skip(f"{SHARED / 'gazetteer'} is absent: the Natural Earth files are in the team checkout")
    tmp = Path(session.create_tmp())
    session.run("npm", "pack", "us-atlas@3.0.1", "--pack-destination", str(tmp), external=True)
    session.run("tar", "xzf", str(tmp / "us-atlas-3.0.1.tgz"), "-C", str(tmp), external=True)
    session.run("python", "-m", "newscorpus.gazetteer.build", "--naturalearth",
                str(SHARED / "gazetteer"), "--us-atlas", str(tmp / "package"))
