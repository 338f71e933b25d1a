"""Nothing lost on failure: killed or interrupted exports leave the previous output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc (Linux)")


def _wait_for_output_open(pid: int, directory: Path, timeout: float = 60.0) -> None:
    """Wait until the process holds a file in ``directory`` open (the export started)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    target = os.readlink(f"/proc/{pid}/fd/{fd}")
                except OSError:
                    continue
                if target.startswith(str(directory)):
                    return
        except FileNotFoundError:
            break
        time.sleep(0.02)
    raise AssertionError("the export never opened its output")


def _start_export(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newscorpus", "extract", "-", "-o", str(out), "--no-progress"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "NEWSCORPUS_LOAD_PLUGINS": ""},  # the core alone: quick to start
    )
    assert proc.stdin is not None
    proc.stdin.write(b'{"id": "a", "text": "One story."}\n' * 100)
    proc.stdin.flush()  # stdin stays open: the export is mid-way, waiting for more
    try:
        _wait_for_output_open(proc.pid, tmp_path)
    except AssertionError:
        proc.kill()
        raise AssertionError(f"export did not start: {proc.communicate()[1]!r}") from None
    return proc, out


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_killed_export_leaves_previous_output_and_no_partial_file(tmp_path: Path, sig: int) -> None:
    proc, out = _start_export(tmp_path)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode != 0
    assert out.read_text() == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    if sig == signal.SIGINT:
        assert b"interrupted" in err and b"Traceback" not in err


def test_stale_named_temp_file_of_a_dead_process_is_removed(tmp_path: Path) -> None:
    from newscorpus import Article, export

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.jsonl.{dead.pid}.abc123.part"
    stale.write_text("half")
    export([Article(id="a", text="t")], tmp_path / "out.jsonl")
    assert not stale.exists()
    assert (tmp_path / "out.jsonl").exists()


# -- per-article limits and misbehaving extractors --------------------------------------

from collections.abc import Sequence  # noqa: E402
from typing import Any  # noqa: E402

from newscorpus import Article, Document, ExtractorSpec, Pipeline, hookimpl, run  # noqa: E402
from newscorpus.plugins import Registry  # noqa: E402


class _Misbehaving:
    @hookimpl
    def newscorpus_register_extractors(self) -> list[ExtractorSpec]:
        def slow(doc: Document) -> Sequence[Any]:
            if "slow" in doc.text:
                time.sleep(5)
            return ()

        def wrong(doc: Document) -> Sequence[Any]:
            return ["not a quote"] if "wrong" in doc.text else ()

        def not_iterable(doc: Document) -> Any:
            return 42 if "number" in doc.text else ()

        return [
            ExtractorSpec("slow", "sleeps", lambda: slow, provides=None),
            ExtractorSpec("wrong", "bad types", lambda: wrong, provides="quotes"),
            ExtractorSpec("numeric", "not iterable", lambda: not_iterable, provides=None),
        ]


@pytest.fixture
def registry() -> Registry:
    reg = Registry(environ={"NEWSCORPUS_LOAD_PLUGINS": ""})
    reg.register(_Misbehaving(), name="misbehaving")
    return reg


def test_slow_extractor_is_stopped_and_named(registry: Registry) -> None:
    pipeline = Pipeline(["slow"], registry=registry, timeout=0.2)
    started = time.monotonic()
    outcome = pipeline.process(Article(id="s1", text="a slow one"))
    assert time.monotonic() - started < 3
    assert outcome.article is None and outcome.stage == "limit"
    assert "'slow'" in (outcome.error or "") and "misbehaving" in (outcome.error or "")
    assert pipeline.process(Article(id="s2", text="fast")).article is not None  # and goes on


@pytest.mark.parametrize(("text", "message"), [("wrong", "returned str, expected Quote"),
                                               ("number", "TypeError")])
def test_extractor_returning_the_wrong_type_fails_only_that_article(
    registry: Registry, text: str, message: str
) -> None:
    pipeline = Pipeline(["wrong", "numeric"], registry=registry)
    bad = pipeline.process(Article(id="w", text=text))
    assert bad.article is None and message in (bad.error or "") and "misbehaving" in (bad.error or "")
    assert pipeline.process(Article(id="ok", text="fine")).article is not None


def test_oversized_article_is_a_reported_skip(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "big", "text": "' + "x" * 5000 + '"}\n{"id": "small", "text": "ok"}\n')
    out = tmp_path / "out.jsonl"
    stats = run([src], out, max_chars=1000, only=[])
    assert (stats.exported, stats.failed) == (1, 1)
    assert "over the limit of 1,000" in stats.errors[0] and "--max-chars" in stats.errors[0]


def test_rejects_report_beside_the_output_and_gone_after_a_clean_run(tmp_path: Path) -> None:
    import json

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "t"}\nnot json\n')
    out = tmp_path / "out.jsonl"
    run([src], out, only=[])
    rejects = [json.loads(x) for x in (tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()]
    assert rejects == [{"where": f"{src}:line 2", "stage": "read",
                        "reason": f"{src}:line 2: invalid JSON (Expecting value at column 1) "
                                  "(fix or remove the line; the other lines are still read)"}]
    src.write_text('{"id": "a", "text": "t"}\n')
    run([src], out, only=[])
    assert not (tmp_path / "out.jsonl.rejects.jsonl").exists()
