"""The revision re-check schedule: what is due when, configurable as data."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.fetch.recheck import (
    DEFAULT_SCHEDULE,
    Step,
    interval_at,
    is_due,
    next_check_at,
    parse_duration,
    parse_schedule,
)

PUB = datetime(2025, 1, 27, 9, 0, tzinfo=UTC)
M, H, D = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


@pytest.mark.parametrize(("age", "every"), [
    (0 * M, 15 * M), (2 * H + 59 * M, 15 * M), (3 * H, H), (23 * H, H), (D, 3 * H), (6 * D, 3 * H),
    (7 * D, 3 * D), (29 * D, 3 * D), (30 * D, 30 * D), (364 * D, 30 * D), (365 * D, None), (900 * D, None),
])
def test_interval_by_age(age, every):
    assert interval_at(age) == every


def test_never_fetched_is_due_at_once():
    assert is_due(PUB, None, PUB)
    assert is_due(None, None, PUB)
    assert next_check_at(PUB, None) == PUB


def test_fresh_article_every_15_minutes():
    last = PUB + 30 * M
    assert next_check_at(PUB, last) == last + 15 * M
    assert not is_due(PUB, last, last + 14 * M)
    assert is_due(PUB, last, last + 15 * M)


def test_later_brackets():
    assert next_check_at(PUB, PUB + 5 * H) == PUB + 6 * H
    assert next_check_at(PUB, PUB + 2 * D) == PUB + 2 * D + 3 * H
    assert next_check_at(PUB, PUB + 10 * D) == PUB + 13 * D
    assert next_check_at(PUB, PUB + 100 * D) == PUB + 130 * D


def test_last_check_lands_on_the_schedule_end_then_never():
    assert next_check_at(PUB, PUB + 350 * D) == PUB + 365 * D
    assert next_check_at(PUB, PUB + 365 * D) is None
    assert not is_due(PUB, PUB + 365 * D, PUB + 5000 * D)


def test_first_seen_stands_in_for_a_missing_publication_date():
    seen = PUB + 2 * D
    assert next_check_at(None, seen + 5 * H, first_seen_at=seen) == seen + 6 * H
    assert next_check_at(None, seen + H) is None  # nothing to age it by


def test_future_publication_date_counts_as_age_zero_and_naive_is_utc():
    naive_pub = datetime(2025, 1, 27, 12, 0)
    last = datetime(2025, 1, 27, 10, 0, tzinfo=UTC)
    assert next_check_at(naive_pub, last) == last + 15 * M


def test_schedule_as_data():
    sched = parse_schedule([{"until": "1h", "every": "5m"}, ("2d", "6h")])
    assert sched == (Step(H, 5 * M), Step(2 * D, 6 * H))
    assert next_check_at(PUB, PUB + 10 * M, sched) == PUB + 15 * M
    assert next_check_at(PUB, PUB + 47 * H, sched) == PUB + 48 * H
    assert next_check_at(PUB, PUB + 48 * H, sched) is None
    assert parse_duration(90) == timedelta(seconds=90) and parse_duration("2w") == 14 * D
    with pytest.raises(ValueError):
        parse_schedule([("2h", "5m"), ("1h", "5m")])
    with pytest.raises(ValueError):
        parse_duration("soon")


ages = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=500))


@given(ages, ages)
def test_next_check_is_after_the_last_fetch_and_intervals_never_shrink(a, b):
    lo, hi = sorted((a, b))
    assert (interval_at(lo) or timedelta.max) <= (interval_at(hi) or timedelta.max)
    nxt = next_check_at(PUB, PUB + lo)
    if nxt is not None:
        assert PUB + lo < nxt <= PUB + DEFAULT_SCHEDULE[-1].until


@given(ages, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)))
def test_due_is_monotonic_in_time(age, later):
    last = PUB + age
    if is_due(PUB, last, last + later):
        assert is_due(PUB, last, last + later + timedelta(minutes=1))
