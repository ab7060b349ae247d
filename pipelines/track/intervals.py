"""Reported values as intervals, and the relation between two reports of the same claim.

A report supports an interval, not a point: "$5.6 million" is [5.55M, 5.65M), "more than 2,000" is
(2000, inf). Two reports disagree only where their intervals do not meet; a disagreement by a factor near a
power of ten is flagged as a probable unit error (a 만/억 slip, millions for billions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

BOUND_QUALIFIERS = frozenset({"at_least", "more_than", "at_most", "less_than", "up_to"})
RELATIONS = ("first", "consistent", "rounding", "bound", "conflicting", "probable_unit_error")

# The same value (to float noise) is "consistent"; amounts converted between currencies with a
# monthly rate get the wider one.
SAME_VALUE_TOL = 1e-6
CONVERTED_VALUE_TOL = 0.05
# |log10(ratio) - k| below this, for an integer k != 0, is a power-of-ten slip.
UNIT_ERROR_LOG_TOL = 0.05


@dataclass(frozen=True)
class Interval:
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


def interval_for(qualifier: str, value: float | None, low: float | None, high: float | None) -> Interval | None:
    """The interval of a report from its qualifier and the extractor's low/high ends."""
    if value is None and (low is None or high is None):
        return None
    lo = low if low is not None else value
    hi = high if high is not None else value
    if qualifier == "more_than":
        return Interval(lo, math.inf, low_closed=False)
    if qualifier == "at_least":
        return Interval(lo, math.inf, low_closed=True)
    if qualifier == "less_than":
        return Interval(0.0 if lo is None or lo >= hi else lo, hi, True, False)
    if qualifier in ("at_most", "up_to"):
        return Interval(0.0 if lo is None or lo >= hi else lo, hi, True, True)
    if qualifier == "range":
        return Interval(lo, hi, True, True)
    if lo == hi:
        return Interval(lo, hi, True, True)
    return Interval(lo, hi, True, False)


def is_power_of_ten_slip(a: float, b: float) -> bool:
    if a <= 0 or b <= 0:
        return False
    exponent = math.log10(b / a)
    k = round(exponent)
    return k != 0 and abs(exponent - k) < UNIT_ERROR_LOG_TOL


def relation(
    current_value: float, current: Interval, current_qualifier: str,
    previous_value: float, previous: Interval, previous_qualifier: str,
    converted: bool = False,
) -> str:
    """How a report relates to an earlier one of the same claim (values already in one unit).

    - ``consistent``: the same value (up to float noise, or within 5 % when a currency conversion was involved);
    - ``rounding``: different values whose intervals meet (one is a rounding of the other, or both are
      roundings of one figure);
    - ``bound``: one side is a bound ("more than", "less than", ...) that the other satisfies;
    - ``probable_unit_error``: disjoint, by a factor near a power of ten;
    - ``conflicting``: disjoint otherwise.
    """
    if not current.overlaps(previous):
        if is_power_of_ten_slip(previous_value, current_value):
            return "probable_unit_error"
        return "conflicting"
    if current_qualifier in BOUND_QUALIFIERS or previous_qualifier in BOUND_QUALIFIERS:
        if current_qualifier == previous_qualifier and _close(current_value, previous_value, converted):
            return "consistent"
        return "bound"
    if _close(current_value, previous_value, converted):
        return "consistent"
    return "rounding"


def _close(a: float, b: float, converted: bool) -> bool:
    tol = CONVERTED_VALUE_TOL if converted else SAME_VALUE_TOL
    scale = max(abs(a), abs(b))
    return scale == 0 or abs(a - b) <= tol * scale
