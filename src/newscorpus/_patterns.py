"""Building blocks for the extractors' compiled patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["word_trie"]


def word_trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` shaped as a prefix tree: ``f(?:ive|our)`` for ``five|four``.

    Python's regex engine tries the branches of an alternation one by one at every
    position; as a tree it tries one branch per character, so a list of hundreds of
    words costs little more than one. Longer words are tried first (the optional tail
    is greedy); followed by a look-ahead that no letter follows, at most one word can
    match at a place, so the shape does not change what matches.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
