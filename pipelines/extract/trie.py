"""Compile a word list into a trie-shaped regular expression.

Python's ``re`` tries the alternatives of ``a|b|c...`` one by one at every position; with hundreds of
aliases or cue words that dominates extraction time. A trie-shaped pattern (``D(?:eepSeek|OJ)``) shares
prefixes, so each position costs about the length of the longest word. Matching stays leftmost and, by
greedy optional groups, longest-first (with backtracking to shorter words when a lookahead fails).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str], space: str = r"\s") -> str:
    """Regex source matching any of ``words``; a space inside a word matches ``space``."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _build(trie, space) or r"(?!x)x"


def _build(node: dict[str, dict], space: str) -> str:
    alts = [(space if ch == " " else re.escape(ch)) + _build(child, space) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body
