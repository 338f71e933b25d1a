"""Input formats: wire text, JSON, JSON Lines; encodings; files, dirs, globs, stdin, gzip."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscorpus import Article, InputError, parse, read
from newscorpus.parsers.wire import parse_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "sievierodonetsk.txt"

WIRE = (
    "Ukraine ignores surrender ultimatum for city\n\n"
    "KYIV, June 15 (Reuters) - Ukraine ignored a Russian ultimatum on Wednesday.\n\n"
    '"We will hold," the mayor said.\n'
)


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _errors(items: list[Article | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_seed_story_caption_credit_and_picture_date() -> None:
    article = parse(SEED)
    assert article.id == "sievierodonetsk"
    assert article.text == SEED.read_text(encoding="utf-8")
    assert len(article.photos) == 1
    photo = article.photos[0]
    assert photo.credit == "Reuters / STRINGER"
    assert photo.taken == dt.date(2022, 6, 10)
    assert photo.caption.startswith("Smoke rises after a military strike")
    assert photo.caption.endswith("Ukraine June 10, 2022.")
    assert article.text[photo.start : photo.end] == photo.caption
    assert article.headline is None  # the story starts with its captions, not a headline
    assert article.dateline is None


def test_headline_and_dateline() -> None:
    article = parse_text(WIRE, id="w")
    assert article.headline == "Ukraine ignores surrender ultimatum for city"
    d = article.dateline
    assert d is not None
    assert (d.place, d.date_text, d.source) == ("KYIV", "June 15", "Reuters")
    assert WIRE[d.start : d.end] == "KYIV, June 15 (Reuters)"
    assert article.source == "Reuters"
    assert article.text == WIRE


def test_dateline_date_takes_its_year_from_the_picture_date() -> None:
    text = ("A soldier walks. Picture taken June 10, 2022. REUTERS/Jane Doe\n\n"
            "KYIV, June 15 (Reuters) - Fighting went on.")
    article = parse_text(text, id="x")
    assert article.published == dt.date(2022, 6, 15)
    assert article.photos[0].credit == "REUTERS/Jane Doe"


@pytest.mark.parametrize(
    "line",
    ["WASHINGTON (AP) — The Senate voted.", "LONDON, March 3 (Reuters) – Prices rose.",
     "SAN JUAN, Puerto Rico (AP) - Power returned."],
)
def test_dateline_forms(line: str) -> None:
    assert parse_text(line, id="d").dateline is not None


def test_plain_paragraphs_have_no_metadata() -> None:
    text = "The council met on Monday.\n\nIt voted to build a bridge."
    article = parse_text(text, id="p")
    assert (article.headline, article.dateline, article.photos) == (None, None, ())


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_utf8_bom_is_removed_and_utf16_is_read(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", codecs.BOM_UTF8 + "Kyiv – café".encode())
    b = _write(tmp_path / "b.txt", codecs.BOM_UTF16_LE + "Kyiv – café".encode("utf-16-le"))
    texts = [x.text for x in _articles(list(read([a, b])))]
    assert texts == ["Kyiv – café", "Kyiv – café"]


def test_cp1252_fallback_is_recorded_as_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "old.txt", "It cost £5 – “cheap”".encode("cp1252"))
    (article,) = _articles(list(read(path)))
    assert article.text == "It cost £5 – “cheap”"
    assert len(article.warnings) == 1
    assert "old.txt" in article.warnings[0] and "cp1252" in article.warnings[0]


def test_explicit_encoding_that_fails_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "x.txt", "café".encode("latin-1"))
    (error,) = _errors(list(read(path, encoding="utf-8")))
    assert "x.txt" in str(error) and "utf-8" in str(error)


def test_binary_file_named_txt_is_a_clear_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (error,) = _errors(list(read(path)))
    assert "photo.txt" in str(error) and "binary" in str(error)


def test_jsonl_with_corpus_keys_and_a_corrupt_line(tmp_path: Path) -> None:
    good = {"id": "n-1", "source": "Wire", "title": "Title one", "date": None, "text": "Body one."}
    lines = [json.dumps(good), '{"id": "n-2", "text": "unterminated', json.dumps({**good, "id": "n-3"})]
    path = _write(tmp_path / "c.jsonl", "\n".join(lines).encode())
    items = list(read(path))
    assert [a.id for a in _articles(items)] == ["n-1", "n-3"]
    (error,) = _errors(items)
    assert error.line == 2 and "c.jsonl:line 2" in str(error) and "invalid JSON" in str(error)
    assert _articles(items)[0].headline == "Title one"
    assert _articles(items)[0].source == "Wire"


def test_scraper_keys(tmp_path: Path) -> None:
    record = {"headline": "H", "maintext": "Body.", "date_publish": "2022-06-15 08:30:00+03:00",
              "url": "https://example.org/a", "authors": ["Ann Lee", "Bo Chan"], "section": "world"}
    path = _write(tmp_path / "s.json", json.dumps([record]).encode())
    (article,) = _articles(list(read(path)))
    assert article.headline == "H" and article.text == "Body."
    assert article.published == dt.datetime(2022, 6, 15, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert article.byline == "Ann Lee, Bo Chan" and article.url == "https://example.org/a"
    assert article.meta == {"section": "world"}


def test_date_only_stays_a_date(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.jsonl", b'{"id": "a", "text": "t", "date": "2022-06-15"}\n')
    (article,) = _articles(list(read(path)))
    assert article.published == dt.date(2022, 6, 15)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ('{"id": "a", "text": 5}', "field 'text' should be a string"),
        ('{"id": "a", "title": "no body"}', "no article text"),
        ('[1, 2]', "expected a JSON object"),
        ('{"id": {"x": 1}, "text": "t"}', "field 'id' should be a string"),
        ('{"id": "a", "text": "t", "date": "next full moon"}', "cannot read the date"),
    ],
)
def test_wrong_types_are_named(tmp_path: Path, record: str, message: str) -> None:
    path = _write(tmp_path / "bad.jsonl", record.encode() + b"\n")
    (error,) = _errors(list(read(path)))
    assert message in str(error) and "bad.jsonl:line 1" in str(error)


def test_gzip_directory_glob_and_missing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("First story.")
    with gzip.open(corpus / "sub" / "b.txt.gz", "wb") as handle:
        handle.write(b"Second story.")
    (corpus / ".hidden.txt").write_text("skipped")
    ids = [a.id for a in _articles(list(read(corpus)))]
    assert ids == ["a", "sub/b"]
    assert [a.text for a in _articles(list(read(str(corpus / "**" / "*.gz"))))] == ["Second story."]
    (error,) = _errors(list(read(tmp_path / "nope.txt")))
    assert "nope.txt" in str(error) and "no such file" in str(error)


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    payload = "".join(json.dumps({"id": f"r{i}", "text": "x" * 200}) + "\n" for i in range(50))
    data = gzip.compress(payload.encode())
    path = _write(tmp_path / "t.jsonl.gz", data[: len(data) // 2])
    items = list(read(path))
    assert 0 < len(_articles(items)) < 50
    (error,) = _errors(items)
    assert "t.jsonl.gz" in str(error) and "truncated" in str(error)


def test_stdin_is_sniffed() -> None:
    jsonl = io.BytesIO(b'{"id": "s1", "text": "From stdin."}\n')
    assert [a.id for a in _articles(list(read("-", stdin=jsonl)))] == ["s1"]
    text = io.BytesIO(b"Plain text from stdin.")
    assert [a.text for a in _articles(list(read("-", stdin=text)))] == ["Plain text from stdin."]


def test_unknown_suffix_asks_for_input_format(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.xyz", b"Text.")
    (error,) = _errors(list(read(path)))
    assert "--input-format" in str(error)
    assert [a.text for a in _articles(list(read(path, input_format="text")))] == ["Text."]


@given(st.text())
def test_wire_parser_keeps_any_text_exactly_and_spans_point_into_it(text: str) -> None:
    article = parse_text(text, id="h")
    assert article.text == text
    for photo in article.photos:
        assert photo.start is not None and photo.end is not None
        assert text[photo.start : photo.end] == photo.caption
    if article.dateline is not None:
        assert text[article.dateline.start : article.dateline.end] == article.dateline.text


@given(st.lists(st.dictionaries(st.sampled_from(["id", "title", "text", "date", "url"]),
                                st.none() | st.text() | st.integers(), max_size=5), max_size=5))
def test_jsonl_parser_never_raises_on_arbitrary_records(records: list[dict[str, object]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "h.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        for item in read(path):
            assert isinstance(item, (Article, InputError))
