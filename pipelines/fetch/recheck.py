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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


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
