"""The WARC parser on small WARC files the tests write themselves with warcio."""

from __future__ import annotations

import gzip
import importlib.metadata
import io
import subprocess
import sys
from pathlib import Path

import pytest
from newscorpus_warc import WarcSkipWarning, WarcStats, iter_warc
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscorpus import Article, InputError, read

PARAGRAPHS = (
    "KYIV, June 15 (Reuters) - The city council approved a plan on Wednesday to rebuild "
    "three schools damaged in the spring, officials said after a long meeting.",
    '"Children should be back in classrooms by September," deputy mayor Ivan Example said, '
    "adding that the work would cost about 40 million hryvnias.",
    "The council said builders would start work next month and finish before winter.",
)


def _page(title: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<html lang="en"><head><title>{title}</title>'
            f'<meta property="og:title" content="{title}"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def _response(writer: WARCWriter, url: str, payload: bytes, content_type: str = "text/html",
              status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                       http_headers=http)
    writer.write_record(record)


def _warc(*, gzip_records: bool = True) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "tests"}))
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/a", "request",
                                                  http_headers=request))
    _response(writer, "https://news.example/a", _page("Schools to be rebuilt"))
    _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50,
              content_type="image/png")
    _response(writer, "https://news.example/gone", _page("Gone"), status="404 Not Found")
    _response(writer, "https://news.example/empty", b"<html><body><nav>Home</nav></body></html>")
    _response(writer, "https://news.example/b", _page("Council meets again"),
              content_type="text/html; charset=utf-8")
    return out.getvalue()


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_entry_point_depends_on_the_html_plugin() -> None:
    dist = importlib.metadata.distribution("newscorpus-warc")
    assert [ep.name for ep in dist.entry_points if ep.group == "newscorpus"] == ["warc"]
    assert any(r.startswith("newscorpus-html") for r in dist.requires or [])


@pytest.mark.parametrize("gzip_records", [True, False])
def test_html_responses_become_articles_and_the_rest_is_counted(gzip_records: bool) -> None:
    stats = WarcStats()
    items = list(iter_warc(io.BytesIO(_warc(gzip_records=gzip_records)), name="t.warc",
                           stats=stats))
    assert not [i for i in items if isinstance(i, InputError)]
    articles = _articles(items)
    assert [a.url for a in articles] == ["https://news.example/a", "https://news.example/b"]
    assert [a.headline for a in articles] == ["Schools to be rebuilt", "Council meets again"]
    first = articles[0]
    assert first.text.startswith("KYIV, June 15 (Reuters) - The city council")
    assert first.dateline is not None and first.dateline.place == "KYIV"
    assert first.meta["warc"]["target_uri"] == "https://news.example/a"
    assert first.meta["html"]["method"] == "trafilatura"
    assert first.id == first.meta["warc"]["record_id"].strip("<>").removeprefix("urn:uuid:")
    assert stats.records == 7 and stats.responses == 5 and stats.articles == 2
    assert stats.skipped == {"not HTML": 1, "with status 404": 1, "without article text": 1}
    assert stats.truncated is None


@pytest.mark.filterwarnings("ignore::newscorpus_warc.WarcSkipWarning")
def test_truncated_file_yields_what_was_readable_then_one_error(tmp_path: Path) -> None:
    data = _warc()
    cut = data[: data.rindex(b"\x1f\x8b") + 60]  # stop inside the last record's gzip member
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(cut)
    items = list(read(path))
    articles = _articles(items)
    assert [a.url for a in articles] == ["https://news.example/a"]
    assert isinstance(items[-1], InputError)
    assert "truncated or corrupt" in str(items[-1]) and "cut.warc.gz" in str(items[-1])
    assert len(items) == 2


def test_a_broken_record_is_counted_and_skipped() -> None:
    data = _warc(gzip_records=False) + b"WARC/1.0\r\nthis is not a header\r\n\r\n"
    stats = WarcStats()
    items = list(iter_warc(io.BytesIO(data), name="bad.warc", stats=stats))
    assert len(_articles(items)) == 2 and len(items) == 2
    assert stats.skipped["broken"] == 1


@pytest.mark.filterwarnings("ignore::newscorpus_warc.WarcSkipWarning")
def test_corrupt_compressed_data_is_reported_not_raised(tmp_path: Path) -> None:
    data = bytearray(_warc())
    last = data.rindex(b"\x1f\x8b")
    data[last + 30 : last + 60] = b"\xff" * 30  # damage the last record's deflate stream
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    items = list(read(path))
    assert len(_articles(items)) == 1
    assert isinstance(items[-1], InputError) and "bad.warc.gz" in str(items[-1])


def test_not_a_warc_at_all_is_one_input_error(tmp_path: Path) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(b"hello, this is plain text\n" * 10)
    items = list(read(path))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_read_by_suffix_warns_with_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    path.write_bytes(_warc())
    assert gzip.decompress(path.read_bytes())[:8] == b"WARC/1.0"
    with pytest.warns(WarcSkipWarning, match="2 articles; skipped 1 not HTML"):
        articles = _articles(list(read(path)))
    assert len(articles) == 2


def test_command_line_turns_a_warc_into_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    path.write_bytes(_warc())
    out = tmp_path / "news.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "newscorpus", "extract", str(path), "-o", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    assert [a.url for a in _articles(list(read(out)))] == [
        "https://news.example/a", "https://news.example/b"]
