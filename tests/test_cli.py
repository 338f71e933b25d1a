"""The `newscorpus` command as a user meets it: outputs, errors, exit codes, summary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscorpus import Issue, ValidatorSpec, get_registry, hookimpl
from newscorpus.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "sievierodonetsk.txt"


def _run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newscorpus", *args], input=stdin,
                          capture_output=True, cwd=cwd)


def test_extract_seed_prints_one_json_line_with_the_exact_text() -> None:
    result = _run("extract", str(SEED))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["text"] == SEED.read_text(encoding="utf-8")
    assert data["photos"][0]["credit"] == "Reuters / STRINGER"
    assert data["photos"][0]["taken"] == "2022-06-10"
    assert result.stderr.decode().strip().endswith("1 read, 1 exported, 0 failed")


@pytest.mark.parametrize("name", ["out.csv", "out.geojson", "out.json", "out.jsonl.gz"])
def test_extract_to_each_builtin_format(tmp_path: Path, name: str) -> None:
    result = _run("extract", str(SEED), "-o", str(tmp_path / name))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).stat().st_size > 0


def test_corrupt_line_names_the_line_exports_the_rest_and_exits_nonzero(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": \n{"id": "c", "text": "Three."}\n')
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(src), "-o", str(out))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "in.jsonl:line 2" in err and "Traceback" not in err
    assert "3 read, 2 exported, 1 failed" in err
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "c"]


def test_strict_stops_at_the_first_failure_and_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "One."}\nnot json\n')
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(src), "-o", str(out), "--strict")
    assert result.returncode == 1
    assert "--strict" in result.stderr.decode()
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt"], "missing.txt: no such file or directory"),
        (["extract", "SEED", "-f", "nope"], "no exporter named 'nope'"),
        (["extract", "SEED", "-o", "out.weird"], "cannot tell the output format"),
        (["extract", "SEED", "--only", "sentiment"], "no extractor named 'sentiment'"),
        (["extract", "SEED", "-o", "/no/such/dir/out.jsonl"], "does not exist"),
    ],
)
def test_errors_are_one_line_without_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(SEED) if a == "SEED" else a for a in args]
    result = _run(*args, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode != 0
    assert message in err and "Traceback" not in err


def test_stdin_to_stdout() -> None:
    result = _run("extract", "-", stdin=b'{"id": "x", "text": "Hello."}\n')
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == "x"


def test_validate_accepts_an_export_and_rejects_a_broken_one(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    assert _run("extract", str(SEED), "-o", str(good)).returncode == 0
    assert _run("validate", str(good)).returncode == 0
    data = json.loads(good.read_text())
    data["figures"] = [{"text": "nine", "start": 0, "end": 4}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(data) + "\n")
    result = _run("validate", str(bad))
    assert result.returncode == 1
    assert "span-text" in result.stdout.decode()


def test_validate_geojson(tmp_path: Path) -> None:
    path = tmp_path / "m.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [50.4, 130.5]}, "properties": {}}]}))
    result = _run("validate", str(path))
    assert result.returncode == 1 and "latitude 130.5 out of range" in result.stdout.decode()


def test_plugins_and_formats_list_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--all", "--json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["newscorpus.exporters.csv"]["provides"] == {"exporters": ["csv"]}
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    assert "geojson" in out and "jsonl" in out and ".txt" in out


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("extract", "validate", "plugins", "formats"):
        assert command in out


def test_jobs_gives_the_same_output_as_serial(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Story {i} in Kyiv."}) + "\n" for i in range(40)))
    serial, parallel = tmp_path / "s.jsonl", tmp_path / "p.jsonl"
    assert _run("extract", str(src), "-o", str(serial)).returncode == 0
    assert _run("extract", str(src), "-o", str(parallel), "--jobs", "2").returncode == 0
    assert serial.read_bytes() == parallel.read_bytes()


def test_main_in_process_restores_signal_handlers_and_warning_display() -> None:
    import signal
    import warnings

    before_term, before_show = signal.getsignal(signal.SIGTERM), warnings.showwarning
    assert main(["formats"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before_term
    assert warnings.showwarning is before_show


class Advice:
    """A validator plugin that warns about every article (advice, not an error)."""

    @hookimpl
    def newscorpus_register_validators(self) -> list[ValidatorSpec]:
        return [ValidatorSpec("advice", "always advises",
                              lambda a: [Issue("advice", "consider this", severity="warning",
                                               article_id=a.id)])]


def test_validation_warnings_are_counted_and_printed_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    get_registry().register(Advice(), name="advice")
    assert main(["extract", str(SEED), "-o", str(tmp_path / "a.jsonl")]) == 0  # warnings pass
    err = capsys.readouterr().err
    assert "consider this" not in err and "1 validation warning" in err
    assert main(["extract", str(SEED), "-o", str(tmp_path / "b.jsonl"), "--warnings"]) == 0
    assert "warning advice sievierodonetsk: consider this" in capsys.readouterr().err


def test_validate_counts_warnings_unless_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a.jsonl"
    assert main(["extract", str(SEED), "-o", str(out), "--no-validate"]) == 0
    get_registry().register(Advice(), name="advice")
    capsys.readouterr()
    assert main(["validate", str(out)]) == 0
    captured = capsys.readouterr()
    assert "consider this" not in captured.out and "1 warning(s)" in captured.err
    assert main(["validate", str(out), "--warnings"]) == 0
    assert "consider this" in capsys.readouterr().out
