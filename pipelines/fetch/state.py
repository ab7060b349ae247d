"""What one live fetcher leaves for the next: per-host politeness and pauses, and the robots.txt cache.

A Dagster run builds a fetcher per asset step (and a multiprocess executor runs each step in its own
process), so a fetcher alone would forget, at every step boundary, when it last asked a host, which host a
long ``Retry-After`` paused, and every robots.txt it read. :class:`FetchState` keeps that in one small JSON
file (by default ``<warc_dir>/fetch_state.json``), read when a fetcher starts and written as things happen:

- per host: when the last request ended (so a ``Crawl-delay`` or ``min_delay_s`` holds across steps and
  runs), the time before which it may not be asked (a backoff or a short ``Retry-After``), and a pause (a
  ``Retry-After`` past the fetcher's cap): the pausing run does not ask the host again at all, a later run
  not before the server's time;
- per origin: the robots.txt answer (status and body, or the error) and when it expires, so the 24 h cache
  holds across steps and runs.

Times are wall-clock seconds (``time.time``), as monotonic clocks do not survive a process. Writes replace
the file atomically under an exclusive lock (``fcntl.flock`` on a sibling ``.lock`` file), merging with what
another process may have written meanwhile. A missing or unreadable file is an empty state (logged), never an
error: the worst case is one more robots.txt request.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: in-process locking only
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

STATE_FILE = "fetch_state.json"
_VERSION = 1


@dataclass
class HostRecord:
    """What is known about one host (wall-clock seconds; 0 means never / not set)."""

    last_end: float = 0.0
    not_before: float = 0.0
    not_before_reason: str = ""
    paused_until: float = 0.0
    paused_run: str = ""
    paused_reason: str = ""


@dataclass
class RobotsRecord:
    """One origin's robots.txt answer and when it expires (wall clock)."""

    status: int | None
    body: str
    error: str | None
    expires: float


class FetchState:
    """The shared state file of one warehouse's live fetching (thread-safe; see the module docstring).

    ``path`` None keeps the state in memory only (one fetcher, as in unit tests). ``run_id`` names the run
    the fetcher works for: a host it pauses stays paused for that run whatever the clock says.
    """

    def __init__(self, path: str | Path | None, run_id: str | None = None,
                 clock: Callable[[], float] = time.time):
        self.path = Path(path) if path is not None else None
        self.run_id = run_id or ""
        self.clock = clock
        self._lock = threading.Lock()
        self._hosts: dict[str, HostRecord] = {}
        self._robots: dict[str, RobotsRecord] = {}
        if self.path is not None:
            self._hosts, self._robots = self._read()

    # -- reading

    def host(self, host: str) -> HostRecord:
        """The host's record (a fresh one when nothing is known)."""
        with self._lock:
            return HostRecord(**asdict(self._hosts.get(host, HostRecord())))

    def is_paused(self, rec: HostRecord) -> bool:
        """True when ``rec``'s pause holds for this run: paused by this run, or until a time not yet reached."""
        if not rec.paused_reason:
            return False
        return (bool(self.run_id) and rec.paused_run == self.run_id) or rec.paused_until > self.clock()

    def robots(self, origin: str) -> RobotsRecord | None:
        """The cached robots.txt answer of ``origin`` if it has not expired."""
        with self._lock:
            rec = self._robots.get(origin)
        return rec if rec is not None and rec.expires > self.clock() else None

    # -- writing

    def request_ended(self, host: str, when: float | None = None) -> None:
        """A request to ``host`` just ended."""
        self._update_host(host, last_end=self.clock() if when is None else when)

    def defer(self, host: str, until: float, reason: str) -> None:
        """Ask nothing of ``host`` before ``until`` (a backoff, a short ``Retry-After``)."""
        rec = self.host(host)
        if until > rec.not_before:
            self._update_host(host, not_before=until, not_before_reason=reason)

    def pause(self, host: str, until: float, reason: str) -> None:
        """Pause ``host``: not asked again by this run, nor by a later one before ``until``."""
        self._update_host(host, paused_until=until, paused_run=self.run_id, paused_reason=reason)

    def save_robots(self, origin: str, status: int | None, body: str, error: str | None, expires: float) -> None:
        """Remember ``origin``'s robots.txt answer until ``expires``."""
        rec = RobotsRecord(status, body, error, expires)
        with self._lock:
            self._robots[origin] = rec
        self._persist(robots={origin: rec})

    def _update_host(self, host: str, **changes: object) -> None:
        with self._lock:
            rec = self._hosts.setdefault(host, HostRecord())
            for key, value in changes.items():
                setattr(rec, key, value)
            snapshot = HostRecord(**asdict(rec))
        self._persist(hosts={host: snapshot})

    # -- the file

    @contextmanager
    def _file_lock(self) -> Iterator[None]:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a") as fh:
            if fcntl is not None:
                fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(fh, fcntl.LOCK_UN)

    def _read(self) -> tuple[dict[str, HostRecord], dict[str, RobotsRecord]]:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            hosts = {h: HostRecord(**r) for h, r in data.get("hosts", {}).items()}
            robots = {o: RobotsRecord(**r) for o, r in data.get("robots", {}).items()}
            return hosts, robots
        except FileNotFoundError:
            return {}, {}
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            log.warning("fetch state %s unreadable (%s): starting afresh", self.path, exc)
            return {}, {}

    def _persist(self, hosts: dict[str, HostRecord] | None = None,
                 robots: dict[str, RobotsRecord] | None = None) -> None:
        if self.path is None:
            return
        try:
            with self._lock, self._file_lock():
                on_disk_hosts, on_disk_robots = self._read()
                on_disk_hosts.update(hosts or {})
                on_disk_robots.update(robots or {})
                now = self.clock()
                data = {
                    "version": _VERSION,
                    "hosts": {h: asdict(r) for h, r in sorted(on_disk_hosts.items())},
                    # expired robots answers are dropped, so the file does not grow without end
                    "robots": {o: asdict(r) for o, r in sorted(on_disk_robots.items()) if r.expires > now},
                }
                tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
                tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
                os.replace(tmp, self.path)
        except OSError as exc:  # state is an optimisation of politeness; never fail a fetch over it
            log.warning("fetch state %s not written: %s", self.path, exc)
