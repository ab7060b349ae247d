"""Relations between two reports of one claim, at the edges of their intervals."""

import math

import pytest

from pipelines.extract.intervals import Interval, interval_for
from pipelines.track.relations import is_power_of_ten_slip, relation


def rel(cur, cur_q, prev, prev_q, converted=False):
    ci = interval_for(cur_q, *cur)
    pi = interval_for(prev_q, *prev)
    return relation(cur[0], ci, cur_q, prev[0], pi, prev_q, converted=converted)


def test_half_open_intervals_touching_do_not_overlap():
    assert not Interval(5.55e6, 5.65e6).overlaps(Interval(5.65e6, 5.75e6))
    assert Interval(5.55e6, 5.65e6, high_closed=True).overlaps(Interval(5.65e6, 5.75e6))
    assert not Interval(2000, math.inf, low_closed=False).overlaps(Interval(0, 2000, True, True))
    assert Interval(2000, math.inf, low_closed=True).overlaps(Interval(0, 2000, True, True))


def test_same_value_is_consistent():
    assert rel((5_576_000, 5_575_500, 5_576_500), "exact", (5_576_000, 5_575_500, 5_576_500), "exact") == "consistent"


def test_rounded_value_inside_the_other_is_rounding():
    # "$5.6 million" after "557만 6000달러"
    assert rel((5.6e6, 5.55e6, 5.65e6), "exact", (5_576_000, 5_575_500, 5_576_500), "exact") == "rounding"
    # "about $6 million" contains 5.576M
    assert rel((6e6, 5e6, 7e6), "approx", (5_576_000, 5_575_500, 5_576_500), "exact") == "rounding"


def test_bound_satisfied_is_bound_and_violated_is_conflicting():
    # "less than $6 million" vs $5.6 million
    assert rel((6e6, None, 6e6), "less_than", (5.6e6, 5.55e6, 5.65e6), "exact") == "bound"
    # "more than 2,000" vs exactly 2,000: the bound excludes its own edge
    # [1999.5, 2000.5) meets (2000, inf)
    assert rel((2000, 2000, None), "more_than", (2000, 1999.5, 2000.5), "exact") == "bound"
    assert rel((2000, 2000, None), "more_than", (1999, 1998.5, 1999.5), "exact") == "conflicting"
    # at_least includes its edge
    assert rel((2000, 2000, None), "at_least", (2000, 2000, 2000), "exact") == "bound"
    assert rel((2000, 2000, None), "more_than", (2000, 2000, 2000), "exact") == "conflicting"


def test_two_caps_are_compared_as_values():
    # "up to $10 billion" vs "최대 50억 달러": the deal's cap is the figure, and these differ
    assert rel((10e9, None, 10e9), "up_to", (5e9, None, 5e9), "up_to") == "conflicting"
    # a cap and its rounding agree; a cap and a value under it are a bound met
    assert rel((10e9, None, 10e9), "up_to", (1.0e10, None, 1.0e10), "up_to") == "consistent"
    assert rel((1.0e10, None, 1.0e10), "up_to", (9.8e9, None, 9.8e9), "up_to") == "bound"
    assert rel((5e9, 4.95e9, 5.05e9), "exact", (10e9, None, 10e9), "up_to") == "bound"
    # other bounds on one side stay bounds ("fewer than 50,000" and "fewer than 60,000" are both possible)
    assert rel((50000, None, 50000), "less_than", (60000, None, 60000), "less_than") == "bound"


def test_power_of_ten_slip_is_probable_unit_error():
    # 5576만 달러 against 557만 6000달러
    assert rel((55_760_000, 55_755_000, 55_765_000), "exact", (5_576_000, 5_575_500, 5_576_500), "exact") == \
        "probable_unit_error"
    assert is_power_of_ten_slip(5.576e6, 5.576e9)
    assert not is_power_of_ten_slip(5.576e6, 2.94e5 * 1.0)  # 294,000 vs 5.576M: ratio 0.0527, not a slip


def test_different_figure_is_conflicting():
    assert rel((294_000, 293_500, 294_500), "exact", (5_576_000, 5_575_500, 5_576_500), "exact") == "conflicting"
    assert rel((390_000, 385_000, 395_000), "exact", (294_000, 293_500, 294_500), "exact") == "conflicting"


@pytest.mark.parametrize("q", ["exact", "approx"])
def test_interval_for_point_values_without_ends(q):
    iv = interval_for(q, 10.0, None, None)
    assert iv.low == iv.high == 10.0 and iv.overlaps(Interval(10.0, 10.0, True, True))


def test_vague_has_no_interval():
    assert interval_for("vague", None, None, None) is None


def test_falling_bound_is_open_below():
    # "fell more than 17%" (-17, stored as (-inf, -17)) excludes a 6% fall and includes a 20% one
    iv = interval_for("more_than", -17.0, -math.inf, -17.0)
    assert not iv.overlaps(interval_for("exact", -6.0, -6.05, -5.95))
    assert iv.overlaps(interval_for("exact", -20.0, -20.05, -19.95))


def test_two_caps_on_one_side_by_a_power_of_ten_are_a_unit_error():
    # "최대 80억 달러" after "up to $800 million": either cap allows the other, but it is one cap and a 억 slip
    assert rel((8e9, None, 8e9), "up_to", (8e8, None, 8e8), "up_to") == "probable_unit_error"
    assert rel((5e4, 5e4, None), "more_than", (5e3, 5e3, None), "at_least") == "probable_unit_error"
    # caps on opposite sides, or not a power of ten apart, stay bounds
    assert rel((8e9, None, 8e9), "up_to", (8e8, 8e8, None), "more_than") == "bound"
    # (two caps not a power of ten apart are two different caps: conflicting, not a unit error)
    assert rel((3e9, None, 3e9), "up_to", (8e8, None, 8e8), "up_to") == "conflicting"
    assert rel((3e9, None, 3e9), "at_most", (8e8, None, 8e8), "at_most") == "bound"
