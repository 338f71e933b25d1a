"""Name keys shared by the gazetteer build and the runtime lookup.

Both sides must fold a name the same way, or a spelling stored at build time is never
found again: accents, apostrophe variants, hyphens and the dots of abbreviations are all
spellings of one name in news text (``Kyiv``/``Kyïv``, ``Luhans'k``/``Luhansk``,
``Niu-York``/``Niu York``, ``St. Louis``/``St Louis``).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

__all__ = ["KeyHashes", "fold", "is_latin", "pack_key_hashes"]

# Letters NFKD does not decompose into an ASCII base letter.
_EXTRA: Final = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŀ": "l",
        "Ŀ": "L",
    }
)
_DROP: Final = re.compile(r"['’ʼ`´‘ʻʹ.]")
_SPACE: Final = re.compile(r"[\s\-‐‑–—_/]+")
# _DROP and _SPACE on ASCII text: the marks dropped, every separator a space.
_ASCII_FOLD: Final = str.maketrans(
    {
        **{c: None for c in map(chr, range(128)) if _DROP.fullmatch(c)},
        **{c: " " for c in map(chr, range(128)) if _SPACE.fullmatch(c)},
    }
)
_LATIN: Final = re.compile(r"[A-Za-z0-9 ,&()'\-.]+")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The lookup key of a name: lower case, no accents, no apostrophes or dots."""
    if name.isascii():
        # Nothing to decompose: the same key, without the Unicode work (and usually
        # without a regular expression: one translation drops and spaces alike).
        key = name.lower()
        if key.isalpha():
            return key  # a single plain word, the commonest name: nothing to drop
        key = key.translate(_ASCII_FOLD)
        if "  " in key or key.startswith(" ") or key.endswith(" "):
            return _SPACE.sub(" ", key).strip()
        return key
    text = unicodedata.normalize("NFKD", name.translate(_EXTRA))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DROP.sub("", text.casefold())
    return _SPACE.sub(" ", text).strip()


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters once its accents are folded away."""
    text = unicodedata.normalize("NFKD", name.translate(_EXTRA))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACE.sub(" ", text.replace("’", "'").replace("ʼ", "'"))
    return bool(_LATIN.fullmatch(text))


def _key_hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8"))


def pack_key_hashes(keys: Iterable[str]) -> bytes:
    """A bitmap of 2**k bits, at least 32 for each key, with the bit numbered by the
    first k bits of each key's CRC-32 set: a compact set the runtime loads in one read
    (see :class:`KeyHashes`)."""
    hashes = {_key_hash(key) for key in keys}
    size = 1 << 10
    while size < 32 * len(hashes):
        size <<= 1
    shift = 33 - size.bit_length()
    bitmap = bytearray(size // 8)
    for h in hashes:
        bit = h >> shift
        bitmap[bit >> 3] |= 1 << (bit & 7)
    return bytes(bitmap)


class KeyHashes:
    """A set of keys known only by bits of their CRC-32s (a Bloom filter with one hash):
    "no" is certain, "maybe" is wrong for about one key in 30 asked (the bitmap has 32
    bits or more for each key it holds), so it rules out most look-ups before they reach
    SQLite but never decides a hit. One probe touches one byte, where a binary search of
    sorted checksums went through a score of cache lines."""

    __slots__ = ("_bitmap", "_shift")

    def __init__(self, packed: bytes) -> None:
        size = len(packed) * 8
        if size < 8 or size & (size - 1):
            raise ValueError(f"a key bitmap has 2**k bits, not {size}")
        self._bitmap = packed
        self._shift = 33 - size.bit_length()

    def may_hold(self, key: str) -> bool:
        bit = zlib.crc32(key.encode("utf-8")) >> self._shift
        return bool(self._bitmap[bit >> 3] >> (bit & 7) & 1)
