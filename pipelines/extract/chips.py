"""Chip gazetteer (the ``kind: chip`` rows of ``data/entities.json``) and binding a figure to a chip.

A figure gets a chip when a chip is named inside it ("512 H800 chips"); when it counts chips, servers
or units, the nearest chip named in the sentence (preferring one before it in the same clause); for
money, durations and percentages ("a charge of about $5.5 billion tied to the H20", "H800까지 규제하는
데 약 1년"), a chip named within 40 characters in the same clause; for ratios ("H20의 성능은 H100의 약
6분의 1"), the first chip of the sentence. A chip inside another figure, or closer to another figure,
is left to that figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .entities import Entity, Mention, entity_table

__all__ = ["CHIP_WORDS", "bind_chip", "chip_mentions", "chip_table"]

CHIP_WORDS = re.compile(r"칩|반도체|GPU|(?<![A-Za-z])(?:chips?|GPUs?|processors?|accelerators?|semiconductors?)\b")
_CLAUSE = re.compile(r"[,;:]|\s(?:and|but|while|whereas)\s|[고며서]\s|[,]")
_COUNT_UNITS = frozenset({"chips", "servers", "units", "count"})
_NEAR_METRICS = frozenset(
    {
        "revenue",
        "charge",
        "deal_value",
        "price",
        "duration",
        "investment",
        "tariff_or_fee_share",
        "training_cost",
        "other",
        "fine",
        "compute_hours",
        "percent_change",
    }
)


_SALES_OF_BEFORE = re.compile(r"\b(?:sales|revenues?|shipments)\s+of\s+(?:the\s+|its\s+)?$", re.I)
_SALES_AFTER_CHIP = re.compile(r"(?:['’]s)?\s?(?:sales|revenues?|매출)(?!\s?(?:손실|감소분?))", re.I)


def chip_table() -> list[Entity]:
    """The chip rows of the alias table."""
    return [e for e in entity_table() if e.kind == "chip"]


def chip_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    """The chip mentions among ``mentions``."""
    return [m for m in mentions if m.entity.kind == "chip"]


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return _CLAUSE.search(text, lo, hi) is None


def bind_chip(
    text: str,
    chips: list[Mention],
    span: tuple[int, int],
    unit: str,
    metric: str,
    other_spans: Iterable[tuple[int, int]] = (),
    inner: str | None = None,
) -> str | None:
    """The chip a figure at ``span`` (sentence offsets) is about, or ``None``."""
    if inner:
        return inner
    others = [o[:2] for o in other_spans if o[:2] != span]

    def dist(c: Mention, s: tuple[int, int]) -> int:
        return s[0] - c.end if c.end <= s[0] else max(0, c.start - s[1])

    def nearer(c: Mention, o: tuple[int, int]) -> bool:
        # closer to another figure of its own clause ("450억 달러를 제시하면서 H20 ... 80억 달러": a new clause
        # begins between the first figure and the chip, so the chip is the second figure's)
        gap = (c.end, o[0]) if c.end <= o[0] else (o[1], c.start)
        return dist(c, o) < dist(c, span) and _same_clause(text, *gap)

    free = [
        c
        for c in chips
        if not any(o[0] <= c.start < o[1] for o in others) and not any(nearer(c, o) for o in others)
    ]
    if unit in ("times", "fraction"):
        return free[0].canonical if free else None
    if unit in _COUNT_UNITS or metric == "chip_count":
        best: tuple[float, str] | None = None
        for c in free:
            if c.end <= span[0]:
                d = span[0] - c.end
                score = d + (0 if _same_clause(text, c.end, span[0]) else 60)
            else:
                d = c.start - span[1]
                score = d * 1.5 + (0 if _same_clause(text, span[1], c.start) else 60)
            if best is None or score < best[0]:
                best = (score, c.canonical)
        return best[1] if best else None
    if metric == "revenue":
        # "Sales of the H20, the chip Nvidia designed for China, came to only about $50 million": the chip whose
        # sales the sentence's subject names, however far before the figure
        sold = [c for c in free if c.end <= span[0] and (
            _SALES_OF_BEFORE.search(text, max(0, c.start - 16), c.start) or _SALES_AFTER_CHIP.match(text, c.end))]
        if sold:
            return sold[-1].canonical
    if metric in _NEAR_METRICS:
        for c in sorted(free, key=lambda c: dist(c, span) * (1.0 if c.end <= span[0] else 1.5)):
            d = span[0] - c.end if c.end <= span[0] else c.start - span[1]
            if 0 <= d <= 40:
                lo, hi = (c.end, span[0]) if c.end <= span[0] else (span[1], c.start)
                if _same_clause(text, lo, hi):
                    return c.canonical
    return None
