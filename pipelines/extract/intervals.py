"""What a qualifier means: the interval a reported value supports. The one place that decides it.

A report supports an interval, not a point. The ends follow the precision as written:

- exact: half a unit of the last significant digit below and one unit above (a rounded or a truncated
  figure: "$5.6 million" → [5.55M, 5.7M), "16.9%" contains 16.97%; mirrored for negative values), but never
  more than 10% of the value below, nor above except for a one-digit figure, whose leading digit may be cut
  off up to 20% ("$5M" for $5.576 million): a round number written as an exact one ("10,000 chips",
  "1억 달러", "1년") is taken to be within [−10%, +20%] ([9,000, 12,000]), not within half its leading digit
  ([5,000, 15,000]), so that a different figure is not hidden inside a rounding;
- approx ("about", "약", "nearly", "수준"): ± two units of the last significant digit, at most ± 15% of the
  value ("about $6 million" → [5.1M, 6.9M], "약 1년" → [0.85, 1.15] years, so "about seven months" is not
  inside it; "about $593 billion" → [591B, 595B], so it is not the $589 billion another outlet reported;
  "about 12%" → [10.2, 13.8]); the documented widening of an exact report for the word "about";
- more_than → (v, inf); at_least → [v, inf); less_than → [0, v); at_most and up_to → [0, v];
- range → [low, high]; vague → no interval.

Negative values (falling percentages) mirror the bounds: "fell more than 17%" (v = -17) → (-inf, -17).
The extractor stores the ends as plain floats (``value_low``/``value_high``, ``inf`` for an open end);
``interval_for`` gives them back with the open/closed ends the qualifier implies, for comparisons.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = [
    "APPROX_SHARE", "APPROX_UNITS", "BOUND_QUALIFIERS", "EXACT_MAX_SHARE", "Interval", "interval", "interval_for",
]

INF = float("inf")
BOUND_QUALIFIERS = frozenset({"at_least", "more_than", "at_most", "less_than", "up_to"})
# An exact report is at most this share of its value away from the truth; an approximate one this share.
EXACT_MAX_SHARE = 0.10
TRUNCATED_MAX_SHARE = 0.20
APPROX_SHARE = 0.15
APPROX_UNITS = 2  # ... and an approximate one at most this many units of its last significant digit


@dataclass(frozen=True)
class Interval:
    """A closed, open or half-open interval of values."""

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = False

    def overlaps(self, other: Interval) -> bool:
        lo, hi = max(self.low, other.low), min(self.high, other.high)
        if lo < hi:
            return True
        if lo > hi:
            return False
        # Touching ends: they share the point only if both sides include it.
        lo_closed = (self.low_closed if self.low == lo else True) and (other.low_closed if other.low == lo else True)
        hi_closed = (self.high_closed if self.high == hi else True) and (
            other.high_closed if other.high == hi else True)
        return lo_closed and hi_closed

    def contains(self, other: Interval) -> bool:
        low_ok = self.low < other.low or (self.low == other.low and (self.low_closed or not other.low_closed))
        high_ok = self.high > other.high or (self.high == other.high and (self.high_closed or not other.high_closed))
        return low_ok and high_ok


def interval(
    value: float | None,
    resolution: float | None,
    qualifier: str,
    low: float | None = None,
    high: float | None = None,
) -> tuple[float | None, float | None]:
    """(value_low, value_high) for a value written with ``resolution`` and ``qualifier``."""
    if qualifier == "range":
        return low, high
    if value is None or qualifier == "vague":
        return None, None
    res = resolution if resolution and resolution > 0 else 0.0
    exact_half = min(res / 2, EXACT_MAX_SHARE * abs(value))
    if qualifier == "approx":
        # "about" widens by the precision as written: two units of the last significant digit, up to 15% of the
        # value ("about $6 million" ± $0.9M; "about $593 billion" ± $2B, so $589 billion is another figure)
        units = APPROX_UNITS * res if res else APPROX_SHARE * abs(value)
        half = max(exact_half, min(APPROX_SHARE * abs(value), units))
        return value - half, value + half
    negative = value < 0
    if qualifier in ("more_than", "at_least"):
        return (-INF, value) if negative else (value, INF)
    if qualifier in ("less_than", "at_most", "up_to"):
        return (value, 0.0) if negative else (0.0, value)
    # outlets round or truncate: away from zero the figure may stand for up to one unit more
    # ("16.9%" for 16.97%, "$593 billion" for $593.7 billion)
    # (a one-digit figure, "$5M" for $5.576 million, is most often the leading digit cut off: up to 20% above)
    cap = TRUNCATED_MAX_SHARE if res and math.isclose(abs(value), round(abs(value) / res) * res) and \
        round(abs(value) / res) < 10 else EXACT_MAX_SHARE
    beyond = min(res, cap * abs(value))
    return (value - beyond, value + exact_half) if negative else (value - exact_half, value + beyond)


def interval_for(qualifier: str, value: float | None, low: float | None, high: float | None) -> Interval | None:
    """The interval of a stored report (its qualifier and ``value_low``/``value_high``), with the open and
    closed ends the qualifier implies; ``None`` for a vague report."""
    if value is None and (low is None or high is None):
        return None
    lo = low if low is not None else value
    hi = high if high is not None else value
    if qualifier == "more_than":
        return Interval(lo, math.inf, low_closed=False) if value is None or value >= 0 else Interval(
            -math.inf, hi, True, False)
    if qualifier == "at_least":
        return Interval(lo, math.inf, low_closed=True) if value is None or value >= 0 else Interval(
            -math.inf, hi, True, True)
    if qualifier == "less_than":
        return Interval(0.0 if lo is None or lo >= hi else lo, hi, True, False)
    if qualifier in ("at_most", "up_to"):
        return Interval(0.0 if lo is None or lo >= hi else lo, hi, True, True)
    if qualifier == "range":
        return Interval(lo, hi, True, True)
    if lo == hi:
        return Interval(lo, hi, True, True)
    return Interval(lo, hi, True, False)
