"""The figures extractor (placeholder until its issue lands: it finds nothing yet)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..specs import Document, Extractor


def _extract(doc: Document, /) -> Sequence[Any]:
    return ()


def build() -> Extractor:
    """The figures extractor, ready to call on a :class:`~newscorpus.specs.Document`."""
    return _extract
