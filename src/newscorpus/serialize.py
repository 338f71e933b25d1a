"""The JSON shape of an article, versioned and lossless.

``article_to_dict`` and ``article_from_dict`` are exact inverses: exporting an article
and reading it back gives an equal object (a property test checks this for arbitrary
articles). The shape is plain JSON: dates as ISO 8601 strings, figure values as JSON
numbers, nested records as objects, and ``schema_version`` at the top so readers can
tell which shape they hold.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any, Final, TypeVar

import attrs

from .models import (
    Article,
    Cue,
    Dateline,
    DateMention,
    Figure,
    Mention,
    Person,
    Photo,
    Place,
    Quote,
    Speaker,
)

__all__ = [
    "SCHEMA_KEY",
    "SCHEMA_VERSION",
    "article_from_dict",
    "article_to_dict",
    "article_to_json",
    "number_to_json",
    "record_from_dict",
    "record_to_dict",
]

SCHEMA_KEY: Final = "schema_version"
SCHEMA_VERSION: Final = 1

T = TypeVar("T")

# Nested record fields and the class each holds; tuples of records are listed as such.
_NESTED: Final[dict[tuple[type, str], type]] = {
    (Article, "dateline"): Dateline,
    (Article, "photos"): Photo,
    (Article, "quotes"): Quote,
    (Article, "people"): Person,
    (Article, "places"): Place,
    (Article, "figures"): Figure,
    (Article, "dates"): DateMention,
    (Quote, "speaker"): Speaker,
    (Quote, "cue"): Cue,
    (Person, "mentions"): Mention,
    (Place, "mentions"): Mention,
}
_TUPLE_FIELDS: Final = frozenset(
    [
        (Article, "photos"),
        (Article, "quotes"),
        (Article, "people"),
        (Article, "places"),
        (Article, "figures"),
        (Article, "dates"),
        (Article, "warnings"),
        (Person, "roles"),
        (Person, "mentions"),
        (Place, "mentions"),
    ]
)
_DECIMAL_FIELDS: Final = frozenset([(Figure, "value"), (Figure, "low"), (Figure, "high")])
_DATE_FIELDS: Final = frozenset([(Article, "published"), (Photo, "taken")])
_FLOAT_FIELDS: Final = frozenset(
    [(Place, "lat"), (Place, "lon"), (Place, "confidence"), (Quote, "confidence")]
)


def number_to_json(value: Decimal) -> int | float:
    """A Decimal of at most 15 significant digits as the JSON number that reads back equal."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _date_to_json(value: dt.date | dt.datetime) -> str:
    return value.isoformat()


def _date_from_json(value: str) -> dt.date | dt.datetime:
    if "T" in value or " " in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


# How to write each class, decided once per class rather than once per value: a function
# is generated per class (as attrs generates its own methods), because a generic loop
# over the fields costs a lookup and a branch per field of every record (0.13 s CPU over
# the 2,092-article BBC corpus; the generated functions take 0.08 s).
_WRITERS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    known = _WRITERS.get(cls)
    if known is not None:
        return known
    namespace: dict[str, Any] = {
        "number_to_json": number_to_json,
        "_date_to_json": _date_to_json,
    }
    items = []
    for field in attrs.fields(cls):
        name = field.name
        key = (cls, name)
        value = f"r.{name}"
        if key in _NESTED:
            inner = f"_write_{name}"
            namespace[inner] = _writer(_NESTED[key])
            if key in _TUPLE_FIELDS:
                expr = f"[{inner}(x) for x in v] if (v := {value}) is not None else None"
            else:
                expr = f"{inner}(v) if (v := {value}) is not None else None"
        elif key in _TUPLE_FIELDS:
            expr = f"list(v) if (v := {value}) is not None else None"
        elif key in _DECIMAL_FIELDS:
            expr = f"number_to_json(v) if (v := {value}) is not None else None"
        elif key in _DATE_FIELDS:
            expr = f"_date_to_json(v) if (v := {value}) is not None else None"
        else:
            expr = value
        items.append(f"{name!r}: ({expr})")
    source = f"def write(r):\n    return {{{', '.join(items)}}}\n"
    code = compile(source, f"<newscorpus.serialize writer for {cls.__qualname__}>", "exec")
    exec(code, namespace)  # the source is built from the class's own field names only
    writer: Callable[[Any], dict[str, Any]] = namespace["write"]
    _WRITERS[cls] = writer
    return writer


def record_to_dict(record: Any) -> dict[str, Any]:
    """Any newscorpus model as a JSON-ready dict (every field, in declaration order)."""
    return _writer(type(record))(record)


# -- compact JSON, written directly ----------------------------------------------------
#
# An article's JSON line could be had as json.dumps(article_to_dict(article)), but most of
# that time goes on building the dicts and on the encoder's general walk over them
# (0.24 s CPU for the BBC corpus with every extractor on). Each class gets a generated
# function instead that writes its JSON text with one f-string, knowing its fields' names
# and kinds; strings go through the json module's own C escaper. Every fast step either
# gives exactly the text json.dumps would, or raises: a value of an unexpected type (an
# int field holding a bool, a str field holding None) takes _any or raises TypeError,
# and the caller then falls back to json.dumps, so the output never depends on the path.

_ANY_JSON: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
_any_json: Final = _ANY_JSON.encode
_str_json: Final = encode_basestring  # the C escaper; raises TypeError for a non-str
_STR_TYPES: Final = frozenset(["str", "SpeakerType", "QuoteKind", "MentionRole"])
_JSON_ENCODERS: dict[type, Callable[[Any], str]] = {}


def _number_json(value: int | float) -> str:
    """A number from :func:`number_to_json` as JSON text."""
    if value.__class__ is int:
        return int.__repr__(value)
    if value.__class__ is float and value - value == 0.0:  # finite
        return float.__repr__(value)
    return _any_json(value)


def _value_expression(cls: type, field: attrs.Attribute[Any], v: str, namespace: dict[str, Any]) -> str:
    """The expression that gives the JSON text of field value ``v``, or an int or float
    whose format() is that text."""
    key = (cls, field.name)
    if key in _NESTED:
        inner = f"_encode_{field.name}"
        namespace[inner] = _json_encoder(_NESTED[key])
        if key in _TUPLE_FIELDS:
            return f'"null" if {v} is None else "[" + ",".join(map({inner}, {v})) + "]"'
        return f'"null" if {v} is None else {inner}({v})'
    if key in _TUPLE_FIELDS:
        each = "_str_json" if str(field.type) == "tuple[str, ...]" else "_any_json"
        return f'"null" if {v} is None else "[" + ",".join(map({each}, {v})) + "]"'
    if key in _DECIMAL_FIELDS:
        return f'"null" if {v} is None else _number_json(number_to_json({v}))'
    if key in _DATE_FIELDS:
        return f'"null" if {v} is None else _str_json(_date_to_json({v}))'
    kind = str(field.type)
    optional = kind.endswith(" | None")
    kind = kind.removesuffix(" | None")
    if kind in _STR_TYPES or kind.startswith("Literal["):
        expr = f"_str_json({v})"
    elif kind == "int":
        expr = f"{v} if {v}.__class__ is int else _any_json({v})"
    elif kind == "float":
        expr = f"{v} if {v}.__class__ is float and {v} - {v} == 0.0 else _any_json({v})"
    elif kind == "bool":
        expr = f'"true" if {v} is True else "false" if {v} is False else _any_json({v})'
    else:
        return f"_any_json({v})"
    return f'"null" if {v} is None else {expr}' if optional else expr


def _json_encoder(cls: type, head: str = "") -> Callable[[Any], str]:
    """The generated function writing a ``cls`` record as compact JSON (``head`` opens
    the object: the article's schema version)."""
    known = _JSON_ENCODERS.get(cls) if not head else None
    if known is not None:
        return known
    namespace: dict[str, Any] = {
        "number_to_json": number_to_json,
        "_date_to_json": _date_to_json,
        "_number_json": _number_json,
        "_any_json": _any_json,
        "_str_json": _str_json,
    }
    body = []
    parts = []
    for i, field in enumerate(attrs.fields(cls)):
        body.append(f"    v{i} = r.{field.name}")
        body.append(f"    p{i} = {_value_expression(cls, field, f'v{i}', namespace)}")
        parts.append(f'"{field.name}":{{p{i}}}')
    source = "def encode(r):\n{}\n    return f'{{{{{}}}}}'\n".format("\n".join(body), head + ",".join(parts))
    code = compile(source, f"<newscorpus.serialize JSON encoder for {cls.__qualname__}>", "exec")
    exec(code, namespace)  # the source is built from the class's own field names only
    encoder: Callable[[Any], str] = namespace["encode"]
    if not head:
        _JSON_ENCODERS[cls] = encoder
    return encoder


def record_from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a model from :func:`record_to_dict` output; unknown keys are an error."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    names = {field.name for field in attrs.fields(cls)}  # type: ignore[arg-type]
    unknown = set(data) - names - {SCHEMA_KEY}
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown field(s) {', '.join(sorted(unknown))}")
    kwargs: dict[str, Any] = {}
    for name in names & set(data):
        value = data[name]
        key = (cls, name)
        if value is None:
            kwargs[name] = None
        elif key in _NESTED:
            inner = _NESTED[key]
            if key in _TUPLE_FIELDS:
                if not isinstance(value, list):
                    raise TypeError(f"{cls.__name__}.{name}: expected a list")
                kwargs[name] = tuple(record_from_dict(inner, item) for item in value)
            else:
                kwargs[name] = record_from_dict(inner, value)
        elif key in _TUPLE_FIELDS:
            if not isinstance(value, list):
                raise TypeError(f"{cls.__name__}.{name}: expected a list")
            kwargs[name] = tuple(value)
        elif key in _DECIMAL_FIELDS:
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise TypeError(f"{cls.__name__}.{name}: expected a number")
            kwargs[name] = Decimal(value) if isinstance(value, (int, str)) else repr(value)
        elif key in _DATE_FIELDS:
            if not isinstance(value, str):
                raise TypeError(f"{cls.__name__}.{name}: expected an ISO 8601 string")
            kwargs[name] = _date_from_json(value)
        elif key in _FLOAT_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            kwargs[name] = float(value)
        else:
            kwargs[name] = value
    return cls(**kwargs)


def article_to_dict(article: Article) -> dict[str, Any]:
    """An article as a JSON-ready dict, with ``schema_version`` first."""
    return {SCHEMA_KEY: SCHEMA_VERSION, **record_to_dict(article)}


_ARTICLE_JSON: Final = _json_encoder(Article, f'"{SCHEMA_KEY}":{SCHEMA_VERSION},')


def article_to_json(article: Article) -> str:
    """An article as compact JSON text: what ``json.dumps(article_to_dict(article),
    ensure_ascii=False, separators=(",", ":"))`` gives, written faster."""
    if article.__class__ is Article:  # (a subclass's fields are its own writer's to say)
        try:
            return _ARTICLE_JSON(article)
        except Exception:  # a value of an unexpected type: the json module says what it makes of it
            pass
    return _any_json(article_to_dict(article))


def article_from_dict(data: Mapping[str, Any]) -> Article:
    """Read an article written by :func:`article_to_dict` (this or an older version)."""
    version = data.get(SCHEMA_KEY, SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ValueError(
            f"schema_version {version!r} is not supported by this newscorpus "
            f"(it reads version {SCHEMA_VERSION})"
        )
    return record_from_dict(Article, data)
