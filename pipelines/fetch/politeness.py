"""Politeness: one request in flight per host, a minimum delay between them, backoff and ``Retry-After``.

:class:`HostSlots` is shared by every thread of a fetcher. ``with slots.slot(host, delay):`` waits until the
host is free and ``delay`` has passed since its previous request *finished*, then holds the host for one
request. The delay is the one the new request asks for, so a ``Crawl-delay`` learnt from robots.txt counts
from the robots.txt request itself. Different hosts never wait for each other. A host can be pushed back
(:meth:`HostSlots.defer`) after a 429/503 so that every thread waits, not only the one retrying. A wait
longer than ``max_wait_s`` is not slept: :class:`HostBusy` is raised so the caller can record the URL as not
requested instead of stalling a worker for an hour. A host can also be paused (:meth:`HostSlots.pause`, for a
``Retry-After`` beyond the fetcher's cap): it is then never waited for, and every later request to it raises
:class:`HostBusy` at once, for as long as the slots live (a fetcher, or with a shared
:class:`~pipelines.fetch.state.FetchState` every fetcher of the run).

With a :class:`~pipelines.fetch.state.FetchState` the slots start from what earlier fetchers left (when each
host's last request ended, deferrals, pauses) and leave the same for the next one, so the spacing holds
across asset steps and runs.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from pipelines.fetch.state import FetchState


class HostBusy(Exception):
    """The host may not be asked again for longer than the caller is willing to wait."""

    def __init__(self, host: str, wait_s: float, reason: str, paused: bool = False, until: str = ""):
        if paused and until:  # an earlier run's pause, held until the server's time
            why = f"paused until {until} ({reason}, given to an earlier run)"
        elif paused:
            why = f"paused for this run ({reason})"
        else:
            why = f"must wait {wait_s:.0f} s ({reason})"
        super().__init__(f"host {host} not requested: {why}")
        self.host, self.wait_s, self.reason, self.paused = host, wait_s, reason, paused


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_allowed: float = 0.0  # deferred: no request may start before this monotonic time
    last_end: float = 0.0  # when the previous request ended
    ended: bool = False  # a previous request is known (here, or from the shared state)
    paused: str = ""  # why the host is paused for the run ("" when it is not)
    paused_until: str = ""  # when an earlier run's pause ends (UTC, as text); "" for this run's own pause
    reason: str = "politeness delay"
    requests: int = 0
    spans: list[tuple[float, float]] = field(default_factory=list)  # (start, end), when HostSlots(record=True)


class HostSlots:
    """Per-host serialisation and spacing of requests (thread-safe).

    ``clock``/``sleep`` are injectable for tests. ``record=True`` keeps each request's start and end per host
    (for benchmarks: :meth:`gaps`). ``state`` shares the per-host state with other fetchers (module docstring).
    """

    def __init__(self, max_wait_s: float = 300.0, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, record: bool = False,
                 state: FetchState | None = None):
        self.max_wait_s = max_wait_s
        self._clock, self._sleep, self._record = clock, sleep, record
        self._state = state
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> _Host:
        with self._lock:
            found = self._hosts.get(host)
            if found is None:
                found = self._hosts[host] = self._from_state(host)
            return found

    def _from_state(self, host: str) -> _Host:
        """A host's slot as earlier fetchers left it (wall-clock times moved onto this clock)."""
        fresh = _Host()
        if self._state is None:
            return fresh
        rec = self._state.host(host)
        offset = self._clock() - self._state.clock()  # wall time + offset = this clock's time
        if rec.last_end:
            fresh.last_end, fresh.ended = rec.last_end + offset, True
        if rec.not_before and rec.not_before + offset > self._clock():
            fresh.next_allowed, fresh.reason = rec.not_before + offset, rec.not_before_reason or fresh.reason
        if self._state.is_paused(rec):
            fresh.paused = rec.paused_reason
            if rec.paused_run != self._state.run_id:  # an earlier run's pause, held until the server's time
                fresh.paused_until = datetime.fromtimestamp(rec.paused_until, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            fresh.next_allowed = max(fresh.next_allowed, rec.paused_until + offset)
        return fresh

    def _wall(self, at: float) -> float:
        """This clock's time ``at`` as wall-clock time (for the shared state)."""
        assert self._state is not None
        return at - self._clock() + self._state.clock()

    @contextmanager
    def slot(self, host: str, delay_s: float) -> Iterator[None]:
        """Hold ``host`` for one request, starting no sooner than ``delay_s`` after its previous request ended
        (and not before any deferral).

        Raises :class:`HostBusy` (without waiting) when that is further away than ``max_wait_s``.
        """
        state = self._host(host)
        state.lock.acquire()
        started = 0.0
        try:
            if state.paused:
                raise HostBusy(host, max(0.0, state.next_allowed - self._clock()), state.paused, paused=True,
                               until=state.paused_until)
            start_at = max(state.next_allowed, state.last_end + delay_s if state.ended else 0.0)
            wait = start_at - self._clock()
            if wait > self.max_wait_s:
                reason = state.reason if state.next_allowed >= start_at else f"delay {delay_s:.1f} s"
                raise HostBusy(host, wait, reason)
            if wait > 0:
                self._sleep(wait)
            state.requests += 1
            started = self._clock()
            yield
        finally:
            if started:
                state.last_end, state.ended = self._clock(), True
                if self._state is not None:
                    self._state.request_ended(host)
                if self._record:
                    state.spans.append((started, state.last_end))
            state.lock.release()

    def defer(self, host: str, seconds: float, reason: str) -> None:
        """Ask no more of ``host`` for ``seconds`` from now (backoff, ``Retry-After``)."""
        state = self._host(host)
        until = self._clock() + seconds
        if until > state.next_allowed:
            state.next_allowed, state.reason = until, reason
            if self._state is not None:
                self._state.defer(host, self._wall(until), reason)

    def pause(self, host: str, seconds: float, reason: str) -> None:
        """Ask no more of ``host`` for the rest of the run (and not in ``seconds`` from now in a later one).

        Requests to a paused host raise :class:`HostBusy` at once; nothing waits for the pause to end.
        """
        state = self._host(host)
        until = self._clock() + seconds
        state.paused, state.paused_until = reason, ""
        state.next_allowed = max(state.next_allowed, until)
        if self._state is not None:
            self._state.pause(host, self._wall(until), reason)

    def paused(self, host: str) -> HostBusy | None:
        """The :class:`HostBusy` a request to ``host`` would raise if the host is paused for the run, else None."""
        state = self._host(host)
        if not state.paused:
            return None
        return HostBusy(host, max(0.0, state.next_allowed - self._clock()), state.paused, paused=True,
                        until=state.paused_until)

    def requests(self, host: str) -> int:
        """How many requests ``host`` has been given a slot for."""
        return self._host(host).requests

    def gaps(self, host: str) -> list[float]:
        """Seconds from the end of each request on ``host`` to the start of the next (needs ``record=True``)."""
        spans = self._host(host).spans
        return [nxt[0] - prev[1] for prev, nxt in zip(spans, spans[1:], strict=False)]

    def hosts(self) -> list[str]:
        """Every host that has had a slot."""
        with self._lock:
            return list(self._hosts)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date); None when absent/invalid."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))  # delta-seconds (decimals and negatives tolerated)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, base_s: float = 1.0, cap_s: float = 30.0,
                  rng: Callable[[], float] = random.random) -> float:
    """Exponential backoff with jitter before retry number ``attempt`` (1 = first retry).

    ``base * 2**(attempt-1)`` capped at ``cap_s``, then scaled by a random factor in [0.5, 1.0) so that many
    clients (or threads) retrying together spread out.
    """
    raw = min(cap_s, base_s * 2 ** max(0, attempt - 1))
    return raw * (0.5 + rng() / 2)
