"""robots.txt: fetched once per origin, cached with a TTL, parsed by protego.

Policy when robots.txt cannot be read (the usual convention, as in RFC 9309 and Google's crawler):

| robots.txt answer                          | we assume            | cached for     |
|--------------------------------------------|----------------------|----------------|
| 2xx                                        | its rules            | ``ttl_s`` (24 h) |
| 4xx other than 429 (404, 401, 403, 410...) | allow everything     | ``ttl_s``        |
| 429, 5xx, timeout, connection error        | disallow everything  | ``error_ttl_s`` (10 min), then asked again |

Redirects are followed (up to 5 hops, any host) by the fetch callable. Only the first 512 KiB are parsed.
Rules are matched for the crawler's product token (``chipwatch``), so ``User-agent: *`` groups apply unless
a group names us. ``Crawl-delay`` for that token is returned with each decision.

With a :class:`~pipelines.fetch.state.FetchState` the answers are also kept there with their expiry, so the
next fetcher (the next asset step, the next run) reuses them instead of asking again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from protego import Protego

from pipelines.fetch.state import FetchState
from pipelines.fetch.urls import origin_of

MAX_ROBOTS_BYTES = 512 * 1024


@dataclass(frozen=True)
class RobotsFetch:
    """What fetching ``/robots.txt`` gave: an HTTP status and body, or an error (status None)."""

    status: int | None
    body: bytes = b""
    error: str | None = None


# the word a decision's reason carries when robots.txt could not be read (a 5xx, no answer): the host's
# trouble, not the URL's (``robots_unavailable``)
UNAVAILABLE = "unavailable"


def robots_unavailable(reason: str | None) -> bool:
    """Whether a ``robots_disallowed`` reason says robots.txt could not be read, rather than that its rules
    disallow the URL (a failure of the host, which is not backed off like one of the URL's own)."""
    return bool(reason) and f" {UNAVAILABLE} (" in reason


@dataclass(frozen=True)
class RobotsDecision:
    """Whether a URL may be fetched, the origin's ``Crawl-delay`` for us, and why."""

    allowed: bool
    crawl_delay: float | None
    reason: str


@dataclass
class _Entry:
    parser: Protego | None  # None: a blanket rule (see allow_all)
    allow_all: bool
    expires: float
    note: str


class RobotsCache:
    """robots.txt rules per origin.

    ``fetch(robots_url) -> RobotsFetch`` does the HTTP request (through the fetcher's client and politeness).
    One thread fetches an origin's file while others wanting the same origin wait for it.
    """

    def __init__(self, fetch: Callable[[str], RobotsFetch], agent: str, ttl_s: float = 86_400.0,
                 error_ttl_s: float = 600.0, clock: Callable[[], float] = time.monotonic,
                 state: FetchState | None = None):
        self._fetch = fetch
        self._state = state
        self.agent = agent
        self.ttl_s, self.error_ttl_s = ttl_s, error_ttl_s
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.fetches = 0

    def _origin_lock(self, origin: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(origin, threading.Lock())

    def _entry(self, origin: str) -> _Entry:
        with self._origin_lock(origin):
            entry = self._entries.get(origin)
            if entry is None or entry.expires <= self._clock():
                entry = self._stored(origin)
                if entry is None:
                    self.fetches += 1
                    entry = self._load(origin)
                self._entries[origin] = entry
            return entry

    def _stored(self, origin: str) -> _Entry | None:
        """The answer an earlier fetcher kept in the shared state, if it has not expired."""
        rec = self._state.robots(origin) if self._state is not None else None
        if rec is None:
            return None
        got = RobotsFetch(rec.status, rec.body.encode("utf-8"), rec.error)
        remaining = rec.expires - self._state.clock()  # type: ignore[union-attr]
        return self._build(origin, got, self._clock() + remaining)

    def _load(self, origin: str) -> _Entry:
        got = self._fetch(origin + "/robots.txt")
        entry = self._build(origin, got, None)
        if self._state is not None:
            body = got.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
            remaining = entry.expires - self._clock()
            self._state.save_robots(origin, got.status, body, got.error, self._state.clock() + remaining)
        return entry

    def _build(self, origin: str, got: RobotsFetch, expires: float | None) -> _Entry:
        """The rules of a robots.txt answer, expiring at ``expires`` (default: now plus the TTL it earns)."""
        url = origin + "/robots.txt"
        now = self._clock()
        if got.status is not None and 200 <= got.status < 300:
            text = got.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
            return _Entry(Protego.parse(text), False, expires or now + self.ttl_s, f"{url} (HTTP {got.status})")
        if got.status is not None and 400 <= got.status < 500 and got.status != 429:
            return _Entry(None, True, expires or now + self.ttl_s, f"{url} answered HTTP {got.status}: allow all")
        why = f"HTTP {got.status}" if got.status is not None else (got.error or "unreachable")
        return _Entry(None, False, expires or now + self.error_ttl_s,
                      f"{url} {UNAVAILABLE} ({why}): disallow all for {self.error_ttl_s:.0f} s")

    def check(self, url: str) -> RobotsDecision:
        """May ``url`` be fetched? Fetches (or re-fetches, after the TTL) the origin's robots.txt as needed."""
        entry = self._entry(origin_of(url))
        if entry.parser is None:
            return RobotsDecision(entry.allow_all, None, entry.note)
        allowed = entry.parser.can_fetch(url, self.agent)
        delay = entry.parser.crawl_delay(self.agent)
        reason = entry.note if allowed else f"disallowed for {self.agent!r} by {entry.note}"
        return RobotsDecision(allowed, delay, reason)

    def forget(self, url_or_origin: str) -> None:
        """Drop the cached rules of an origin (the next check fetches robots.txt again)."""
        origin = origin_of(url_or_origin) if "://" in url_or_origin else url_or_origin
        with self._origin_lock(origin):
            self._entries.pop(origin, None)


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched on: ``chipwatch`` for ``chipwatch/0.1 (+https://...)``."""
    token = user_agent.strip().split("/", 1)[0].split()[0] if user_agent.strip() else "*"
    return token.lower()
