"""The words that govern a figure: what its clause says before it and right after it.

Before: the clause's words up to the figure, after the last amount that precedes it ("less than the $5.5 billion
it had warned of": for $5.5 billion, only "less than the"); after: the words that follow it, past its own
conversion in parentheses ("55억 달러(약 7조8000억 원)를 … 반영하겠다고"), up to the next amount, a comma, a
semicolon or a colon ("손실은 45억 달러로, 지난달 예고한 55억 달러보다": what comes after the comma is the next
amount's; a Korean clause splits inside words, "재고 관련", so the end of the window is not the clause's)."""

from __future__ import annotations

import re

from .sentences import clause_around_span

__all__ = ["AMOUNT", "words_around"]

# the start of an amount of money in either language ("$5.5", "55억", "7800억 원", "4.5 billion")
AMOUNT = re.compile(r"[$€£¥]\s?\d|\d[\d,.]*\s?(?:달러|원|억|조)|\d[\d,.]*\s+(?:billion|million|trillion|bn|mn)\b", re.I)
_GLOSS = re.compile(r"\s?\([^()]{0,30}\)")


def words_around(st: str, span: tuple[int, int], before: int = 60, after: int = 40) -> tuple[str, str]:
    """(the governing words before the figure at ``span`` of ``st``, the words after it), at most ``before`` and
    ``after`` characters."""
    start, end = span
    lo, _hi = clause_around_span(st, span)
    head = st[max(lo, start - before):start]
    amounts = list(AMOUNT.finditer(head))
    if amounts:
        head = head[amounts[-1].end():]
    gloss = _GLOSS.match(st, end)
    end = gloss.end() if gloss else end
    tail = re.split(r"[;:]|,\s", st[end:end + after])[0]
    nxt = AMOUNT.search(tail)
    return head, tail[:nxt.start()] if nxt else tail
