"""The relation between two reports of the same claim.

What a report's interval is comes from ``pipelines.extract.intervals`` (the one place that says what a
qualifier means). Two reports disagree only where their intervals do not meet; a disagreement by a factor
near a power of ten is flagged as a probable unit error (a 만/억 slip, millions for billions).
"""

from __future__ import annotations

import math

from pipelines.extract.intervals import BOUND_QUALIFIERS, Interval

RELATIONS = ("first", "consistent", "rounding", "bound", "conflicting", "probable_unit_error")

# The same value (to float noise) is "consistent"; amounts converted between currencies with a
# monthly rate get the wider one.
SAME_VALUE_TOL = 1e-6
CONVERTED_VALUE_TOL = 0.05
# |log10(ratio) - k| below this, for an integer k != 0, is a power-of-ten slip.
UNIT_ERROR_LOG_TOL = 0.05


def is_power_of_ten_slip(a: float, b: float) -> bool:
    if a <= 0 or b <= 0:
        return False
    exponent = math.log10(b / a)
    k = round(exponent)
    return k != 0 and abs(exponent - k) < UNIT_ERROR_LOG_TOL


# bounds that cap a quantity from above, and those from below
UPPER_BOUNDS = frozenset({"at_most", "less_than", "up_to"})
LOWER_BOUNDS = BOUND_QUALIFIERS - UPPER_BOUNDS


def _same_side_bounds(a: str, b: str) -> bool:
    return (a in UPPER_BOUNDS and b in UPPER_BOUNDS) or (a in LOWER_BOUNDS and b in LOWER_BOUNDS)


def relation(
    current_value: float, current: Interval, current_qualifier: str,
    previous_value: float, previous: Interval, previous_qualifier: str,
    converted: bool = False,
) -> str:
    """How a report relates to an earlier one of the same claim (values already in one unit).

    - ``consistent``: the same value (up to float noise, or within 5 % when a currency conversion was involved);
    - ``rounding``: different values whose intervals meet (one is a rounding of the other, or both are
      roundings of one figure);
    - ``bound``: one side is a bound ("more than", "less than", ...) that the other satisfies (two caps, "up
      to", are the figure itself: they are compared as values);
    - ``probable_unit_error``: disjoint, by a factor near a power of ten; also two bounds on the same side
      by such a factor ("최대 80억 달러" after "up to $800 million": one cap written with a 억 slip, although
      either bound would allow the other);
    - ``conflicting``: disjoint otherwise.
    """
    if (_same_side_bounds(current_qualifier, previous_qualifier)
            and is_power_of_ten_slip(previous_value, current_value)):
        return "probable_unit_error"
    if not current.overlaps(previous):
        if is_power_of_ten_slip(previous_value, current_value):
            return "probable_unit_error"
        return "conflicting"
    if current_qualifier in BOUND_QUALIFIERS or previous_qualifier in BOUND_QUALIFIERS:
        if current_qualifier == previous_qualifier and _close(current_value, previous_value, converted):
            return "consistent"
        if current_qualifier == previous_qualifier == "up_to" and not _caps_meet(
                current_value, previous_value, converted):
            # a cap is the figure itself ("up to $10 billion" of a deal, "최대 징역 10년"): two caps that are not
            # roundings of one another disagree, although either would allow the other's value
            return "conflicting"
        return "bound"
    if _close(current_value, previous_value, converted):
        return "consistent"
    return "rounding"


def _caps_meet(a: float, b: float, converted: bool) -> bool:
    """Whether two caps are one value: within ``CONVERTED_VALUE_TOL`` of each other (a cap is written round,
    "up to $10 billion", "최대 100억 달러", so the tolerance of a conversion, whether or not one was involved)."""
    return _close(a, b, True)


def _close(a: float, b: float, converted: bool) -> bool:
    tol = CONVERTED_VALUE_TOL if converted else SAME_VALUE_TOL
    scale = max(abs(a), abs(b))
    return scale == 0 or abs(a - b) <= tol * scale
