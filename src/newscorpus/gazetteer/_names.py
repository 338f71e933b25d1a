"""Name keys shared by the gazetteer build and the runtime lookup.

Both sides must fold a name the same way, or a spelling stored at build time is never
found again: accents, apostrophe variants, hyphens and the dots of abbreviations are all
spellings of one name in news text (``Kyiv``/``Kyïv``, ``Luhans'k``/``Luhansk``,
``Niu-York``/``Niu York``, ``St. Louis``/``St Louis``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

__all__ = ["fold", "is_latin"]

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
        key = name.lower().translate(_ASCII_FOLD)
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
