"""When to re-fetch an article to catch revisions: often while it is fresh, then less and less, then never.

The schedule is data: a sequence of :class:`Step` ``(until, every)`` meaning "while the article is younger
than ``until``, check every ``every``". The default:

| article age      | check every |
|------------------|-------------|
| first 3 hours    | 15 minutes  |
| to 1 day         | 1 hour      |
| to 7 days        | 3 hours     |
| to 30 days       | 3 days      |
| to 1 year        | 30 days     |
| after            | never       |

Age is measured from ``published_at`` (else ``first_seen_at``). The interval that applies is the one for the
age at the last fetch, and a check never lands past the schedule's end: an article last fetched at day 350
gets one last check at day 365. Whether a re-fetch made a new version (304 or same body hash: no) is decided
downstream; these functions only say what is due.

Failures back off too. A URL that fails the same way (same outcome and HTTP status) on consecutive fetches
(a 404, a body over the cap, a timeout, a bot wall) is tried again on the next run once, then 1 hour after
the second failure, 6 hours after the third, then 1, 3, 7 and 30 days (:data:`DEFAULT_FAILURE_BACKOFF`,
``failure_backoff`` on the resource). Network and load failures (connection errors, 5xx, 429, a paused
host) are not the URL's and are not backed off here: the fetcher's retries and host pauses handle them.
``raw.fetch_log`` says it: ``same_failures`` and ``next_try_at`` on each failed attempt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .robots import robots_unavailable


@dataclass(frozen=True)
class Step:
    """While the article is younger than ``until``, re-check it every ``every``."""

    until: timedelta
    every: timedelta


Schedule = tuple[Step, ...]

DEFAULT_SCHEDULE: Schedule = (
    Step(timedelta(hours=3), timedelta(minutes=15)),
    Step(timedelta(days=1), timedelta(hours=1)),
    Step(timedelta(days=7), timedelta(hours=3)),
    Step(timedelta(days=30), timedelta(days=3)),
    Step(timedelta(days=365), timedelta(days=30)),
)

_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.I)


def parse_duration(text: str | int | float | timedelta) -> timedelta:
    """``"15m"``, ``"3h"``, ``"7d"``, ``"2w"``, ``"90s"`` or a number of seconds as a timedelta."""
    if isinstance(text, timedelta):
        return text
    if isinstance(text, int | float):
        return timedelta(seconds=text)
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"not a duration: {text!r} (use e.g. 15m, 3h, 7d)")
    return timedelta(**{_UNITS[match.group(2).lower()]: float(match.group(1))})


def parse_schedule(steps: Iterable[Mapping | Sequence | Step]) -> Schedule:
    """A schedule from config data: ``[{"until": "3h", "every": "15m"}, ...]`` or ``[("3h", "15m"), ...]``.

    Steps must have increasing ``until`` and positive ``every``.
    """
    out: list[Step] = []
    for step in steps:
        if isinstance(step, Step):
            out.append(step)
        elif isinstance(step, Mapping):
            out.append(Step(parse_duration(step["until"]), parse_duration(step["every"])))
        else:
            until, every = step
            out.append(Step(parse_duration(until), parse_duration(every)))
    for prev, cur in zip(out, out[1:], strict=False):
        if cur.until <= prev.until:
            raise ValueError(f"schedule steps must grow: {cur.until} follows {prev.until}")
    if any(s.every <= timedelta(0) for s in out):
        raise ValueError("every schedule interval must be positive")
    return tuple(out)


def _utc(ts: datetime) -> datetime:
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


def interval_at(age: timedelta, schedule: Schedule = DEFAULT_SCHEDULE) -> timedelta | None:
    """The re-check interval for an article of ``age``; None past the schedule's end."""
    for step in schedule:
        if age < step.until:
            return step.every
    return None


def next_check_at(
    published_at: datetime | None,
    last_fetched_at: datetime | None,
    schedule: Schedule = DEFAULT_SCHEDULE,
    first_seen_at: datetime | None = None,
) -> datetime | None:
    """When the article should next be fetched; None when never again.

    Never fetched → due at once (its ``published_at``/``first_seen_at``, or the epoch). Naive datetimes are
    taken as UTC. With neither ``published_at`` nor ``first_seen_at`` there is nothing to age a fetched
    article by, so it is not re-checked. A ``published_at`` after the last fetch (a clock or zone error)
    counts as age zero.
    """
    born = published_at or first_seen_at
    if last_fetched_at is None:
        return _utc(born) if born is not None else datetime(1970, 1, 1, tzinfo=UTC)
    if born is None or not schedule:
        return None
    born, last = _utc(born), _utc(last_fetched_at)
    age = max(last - born, timedelta(0))
    every = interval_at(age, schedule)
    if every is None:
        return None
    return min(last + every, born + schedule[-1].until)


def is_due(
    published_at: datetime | None,
    last_fetched_at: datetime | None,
    now: datetime,
    schedule: Schedule = DEFAULT_SCHEDULE,
    first_seen_at: datetime | None = None,
) -> bool:
    """True when the article should be fetched at ``now`` (see :func:`next_check_at`)."""
    due = next_check_at(published_at, last_fetched_at, schedule, first_seen_at=first_seen_at)
    return due is not None and _utc(now) >= due


# ----------------------------------------------------------------------------------- failures that repeat

# After a URL failed the same way twice in a row, wait this long before the next try; then the next step
# after each further identical failure; the last step repeats. The first failure is retried on the next run
# (it may have been a blip).
DEFAULT_FAILURE_BACKOFF: tuple[timedelta, ...] = (
    timedelta(hours=1), timedelta(hours=6), timedelta(days=1), timedelta(days=3), timedelta(days=7),
    timedelta(days=30),
)
# Outcomes that say something about the URL itself and come back the same on every try.
REPEATABLE_OUTCOMES = frozenset({"blocked", "too_large", "timeout", "not_html", "offsite_redirect",
                                 "robots_disallowed", "http_error"})


def parse_backoff(steps: Iterable[str | int | float | timedelta]) -> tuple[timedelta, ...]:
    """A failure backoff from config data: ``["1h", "6h", "1d"]`` (each positive)."""
    out = tuple(parse_duration(s) for s in steps)
    if any(s <= timedelta(0) for s in out):
        raise ValueError("every failure backoff step must be positive")
    return out


def is_repeatable_failure(outcome: str, http_status: int | None, error: str | None = None) -> bool:
    """True for a failure that is the URL's own and would come back the same (a 404, a body over the cap, a
    timeout, a bot wall, a robots.txt rule...); False for success and for failures of the network or the
    server's load (connection errors, 429, 5xx, a host paused or not asked: no status; a robots.txt that could
    not be read)."""
    if outcome not in REPEATABLE_OUTCOMES:
        return False
    if outcome == "robots_disallowed" and robots_unavailable(error):
        return False
    if outcome == "http_error":
        return http_status is not None and http_status < 500 and http_status not in (408, 429)
    return True


def failure_streak(outcome: str, http_status: int | None, previous: Mapping | None,
                   error: str | None = None) -> int | None:
    """How many fetches in a row, this one included, failed this same way; None when this one did not fail
    repeatably. ``previous`` is the URL's last live attempt (``last_outcome``, ``last_status``,
    ``last_same_failures``), or None; ``error`` the attempt's error text."""
    if not is_repeatable_failure(outcome, http_status, error):
        return None
    if (previous and previous.get("last_outcome") == outcome and previous.get("last_status") == http_status
            and previous.get("last_same_failures")):
        return int(previous["last_same_failures"]) + 1
    return 1


def next_try_at(attempted_at: datetime, streak: int | None,
                backoff: Sequence[timedelta] = DEFAULT_FAILURE_BACKOFF) -> datetime | None:
    """When a URL that failed ``streak`` times in a row the same way may be fetched again; None for no wait
    (no repeat yet, or no failure)."""
    if not streak or streak < 2 or not backoff:
        return None
    return _utc(attempted_at) + backoff[min(streak - 2, len(backoff) - 1)]
