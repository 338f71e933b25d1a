"""Turning input bytes into text, with a record of any guess we had to make.

News scraped from the web arrives in every encoding. We accept UTF-8 (with or without a
byte-order mark) and UTF-16 with a BOM without comment; anything else is read as cp1252
(then Latin-1, which never fails) and the guess is recorded on the article as a warning,
so a user can find and re-run those files with ``--encoding``.
"""

from __future__ import annotations

import codecs
from typing import Final

from ..errors import InputError

__all__ = ["decode"]

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text; a NUL is the surest sign of a binary file.
_BINARY_SNIFF: Final = 4096
ENCODING_HINT: Final = "use --encoding to name the file's encoding"


def decode(
    data: bytes,
    *,
    path: str,
    encoding: str | None = None,
    line: int | None = None,
    sniff_binary: bool = True,
) -> tuple[str, str | None]:
    """Decode ``data``; return the text and a warning when the encoding was guessed."""
    if encoding is not None:
        try:
            return data.decode(encoding), None
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", path=path) from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot decode as {encoding}: byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start} is not valid",
                path=path,
                line=line,
                hint="try another --encoding, or leave it out to let newscorpus guess",
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), None
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(offset {exc.start})",
                    path=path,
                    line=line,
                    hint=ENCODING_HINT,
                ) from None
    if sniff_binary and b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(
            "looks like a binary file, not text (it contains NUL bytes)",
            path=path,
            line=line,
            hint="check the file type, or give --input-format for a format a plugin reads",
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text, codec = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, codec = data.decode("latin-1"), "latin-1"
    return text, (
        f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}); "
        f"decoded as {codec}"
    )
