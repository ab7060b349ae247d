"""A figure candidate found by a language grammar, before binding (metric, subject, chip, source)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Candidate", "unit_family"]

CURRENCY_UNITS = frozenset({"USD", "KRW", "CNY", "EUR", "JPY", "TWD", "GBP"})
COUNT_UNITS = frozenset({"chips", "servers", "units", "count", "companies", "people"})
DURATION_UNITS = frozenset({"years", "months", "days", "hours"})


@dataclass
class Candidate:
    """Offsets are relative to the sentence text; ``start:end`` is the surface, ``num_start:num_end`` the
    number itself (without qualifier, currency or unit words)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    resolution: float | None
    unit: str
    qualifier: str
    rule: str
    low: float | None = None  # range ends
    high: float | None = None
    chip: str | None = None  # a chip named inside the figure ("512 H800 chips")
    direction: int = 0  # for percentages: -1 falling, +1 rising, 0 not stated


def unit_family(unit: str) -> str:
    """currency | count | duration | percent | ratio | compute."""
    if unit in CURRENCY_UNITS:
        return "currency"
    if unit in COUNT_UNITS:
        return "count"
    if unit in DURATION_UNITS:
        return "duration"
    if unit in ("percent", "percentage_points"):
        return "percent"
    if unit in ("times", "fraction"):
        return "ratio"
    return "compute"
