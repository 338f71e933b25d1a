"""URL inputs (``memory://``, ``file://``, ``s3://``) through the optional fsspec."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newscorpus.errors import InputError
from newscorpus.shards import ShardConfig, plan_shards, process_shard
from newscorpus.sources import is_url, iter_sources


def _lines(n: int) -> bytes:
    rows = [json.dumps({"id": f"a{i}", "text": f"Story {i} from Lyon."}) for i in range(1, n + 1)]
    return ("\n".join(rows) + "\n").encode()


@pytest.fixture
def memfs() -> Iterator[Any]:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/corpus/big.jsonl", _lines(25))
    fs.pipe("/corpus/sub/one.txt", b"A story from Paris.")
    fs.pipe("/corpus/.hidden.txt", b"not read")
    yield fs
    fs.rm("/corpus", recursive=True)


@pytest.mark.parametrize(
    ("name", "url"),
    [("s3://bucket/a.jsonl", True), ("file:///tmp/a", True), ("memory://x", True),
     ("a/b.jsonl", False), ("C:\\news\\a.txt", False), ("-", False), ("weird:name", False)],
)
def test_is_url(name: str, url: bool) -> None:
    assert is_url(name) is url


def test_a_url_directory_glob_and_file_expand_like_local_paths(memfs: Any) -> None:
    found = list(iter_sources(["memory://corpus/", "memory://corpus/*.jsonl", "memory://nope"]))
    sources = [s for s in found if not isinstance(s, InputError)]
    assert [(s.name, s.id_hint) for s in sources] == [
        ("memory:///corpus/big.jsonl", "big"),
        ("memory:///corpus/sub/one.txt", "sub/one"),
        ("memory:///corpus/big.jsonl", "big"),
    ]
    with sources[1].open() as stream:
        assert stream.read() == b"A story from Paris."
    assert isinstance(found[-1], InputError) and "no such file" in str(found[-1])


def test_url_shards_give_the_same_rows_as_a_local_file(memfs: Any, tmp_path: Path) -> None:
    local = tmp_path / "big.jsonl"
    local.write_bytes(_lines(25))
    url_tasks, errors = plan_shards(
        ["memory://corpus/big.jsonl"], str(tmp_path / "u"), ShardConfig(), shard_size=10
    )
    local_tasks, _ = plan_shards([str(local)], str(tmp_path / "l"), ShardConfig(), shard_size=10)
    assert errors == [] and len(url_tasks) == 3
    for url_task, local_task in zip(url_tasks, local_tasks, strict=True):
        assert (url_task.first_line, url_task.last_line) == (local_task.first_line, local_task.last_line)
        url_row, local_row = process_shard(url_task), process_shard(local_task)
        assert url_row["rows"] == local_row["rows"] > 0
        assert Path(url_row["output"]).read_text() == Path(local_row["output"]).read_text()


def test_file_urls_are_read_too(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    (tmp_path / "a.txt").write_text("A story from Rome.")
    (source,) = iter_sources([(tmp_path / "a.txt").as_uri()])
    assert not isinstance(source, InputError)
    with source.open() as stream:
        assert stream.read() == b"A story from Rome."


def test_without_fsspec_a_url_is_an_input_error_saying_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec now raises ImportError
    (error,) = iter_sources(["s3://bucket/news/"])
    assert isinstance(error, InputError)
    assert "fsspec" in str(error)
