"""Live fetching over HTTP (httpx), archiving every kept response to a dated WARC file.

:class:`LiveFetcher` has the same ``fetch(url, source, expect)`` interface as
:class:`~pipelines.fetch.replay.WarcReplay` and returns **one final** :class:`FetchResult` per URL. Per URL:

1. the URL is canonicalised (:func:`pipelines.fetch.targets.canonicalize`: tracking parameters, AMP, fragments);
2. robots.txt of its origin is consulted (:mod:`pipelines.fetch.robots`, cached in the shared
   :class:`~pipelines.fetch.state.FetchState` when one is given); a forbidden URL is never requested and
   comes back ``robots_disallowed``;
3. the request waits for its host's slot (:mod:`pipelines.fetch.politeness`): one request in flight per
   host, ``max(min_delay_s, Crawl-delay)`` between requests;
4. connection errors, timeouts, 429 and 5xx are retried with exponential backoff and jitter, honouring
   ``Retry-After`` up to ``max_retry_after_s`` (a longer one is not retried, and pauses the host for the rest
   of the run: its later URLs come back at once as not requested, nothing sleeps);
   other 4xx are not retried. ``FetchResult.attempts`` counts the requests; each failed attempt is logged
   (``logging``, logger ``pipelines.fetch.live``) and summarised in the final result's ``error``;
5. redirects are followed by hand, at most ``max_redirects`` hops, only to the source's allowed hosts (from
   the registry, overridable) or the URL's own host: elsewhere is ``offsite_redirect``, a loop ``http_error``;
6. the body is streamed with a cap on wire bytes and on decoded bytes (gzip bombs): ``too_large``; a wrong
   content type is refused from the headers (``not_html``) without reading the body;
7. the response is classified (:func:`pipelines.fetch.outcome.classify_response`: bot walls, challenge
   pages and 401/403 are ``blocked``; 304 after a conditional GET is ``not_modified``), and an ``ok`` response
   is appended to ``warc_dir/chipwatch-YYYYMMDD.warc.gz`` (:class:`WarcAppender`) before it is returned.

``fetch`` never raises: anything unexpected becomes a ``connection_error`` result with the exception text.
``elapsed_ms`` is the time spent in HTTP requests for the URL (every attempt and hop), not the time spent
waiting for the host's turn or a backoff.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from pipelines.fetch.archive import WarcAppender
from pipelines.fetch.decode import BodyTooLarge, ContentDecoder, DecodingError, gunzip_capped
from pipelines.fetch.outcome import classify_response, content_type_ok
from pipelines.fetch.politeness import HostBusy, HostSlots, backoff_delay, parse_retry_after
from pipelines.fetch.result import FetchResult
from pipelines.fetch.robots import RobotsCache, RobotsFetch, agent_token
from pipelines.fetch.state import FetchState
from pipelines.fetch.targets import SourceConfig, canonicalize, source_config, switched_off
from pipelines.fetch.urls import host_allowed, host_of

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "chipwatch/0.1 (+https://github.com/chipwatch/chipwatch; news figure tracker)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5",
    "robots": "text/plain,*/*;q=0.5",
}
# Headers describing the wire form of the body; the archive keeps the decoded body, so they are dropped.
_WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


def _header(headers: Mapping[str, str], name: str) -> str | None:
    lname = name.lower()
    for k, v in headers.items():
        if k.lower() == lname:
            return v
    return None


@dataclass
class _Exchange:
    """One request's outcome. ``outcome`` None means "a response to classify" (status/headers/body set)."""

    outcome: str | None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    retryable: bool = False
    retry_after: float | None = None
    attempts: int = 1
    history: list[str] = field(default_factory=list)  # failed attempts before this one
    busy_s: float = 0.0  # time spent in requests (all attempts), not waiting for a slot or a backoff
    busy: HostBusy | None = None  # the host was not asked at all (paused, or a wait past max_wait_s)

    def describe(self) -> str:
        return self.error or f"HTTP {self.status}"


@dataclass
class _Tally:
    """Requests made for one URL (redirect hops and retries) and the time they took."""

    attempts: int = 0
    busy_s: float = 0.0


def _with_history(error: str, ex: _Exchange) -> str:
    """``error``, followed by the failed attempts that came before it when there were retries."""
    if not ex.history:
        return error
    return f"{error} (on attempt {ex.attempts}; earlier: {'; '.join(ex.history)})"


# ------------------------------------------------------------------------------------------------ fetcher


class LiveFetcher:
    """Fetches URLs over HTTP politely and archives kept responses (see the module docstring).

    Thread-safe: :func:`pipelines.fetch.crawl.fetch_many` calls :meth:`fetch` from several threads. The first
    five parameters keep the original signature; everything else is keyword-only:

    - ``connect_timeout_s`` / ``timeout_s`` (read) / ``total_timeout_s`` (whole body, against slow trickles);
    - ``max_bytes`` (wire), ``max_decoded_bytes`` (after gzip/deflate; default ``max_bytes``);
    - ``max_attempts``, ``backoff_base_s``, ``backoff_cap_s``, ``max_retry_after_s``;
    - ``min_delay_s`` per host, ``max_wait_s`` (a host needing a longer wait is skipped, not slept on);
    - ``robots`` (obey robots.txt), ``robots_agent`` (token matched in robots.txt; from the UA),
      ``robots_ttl_s``, ``robots_error_ttl_s``;
    - ``max_redirects``; ``sources`` (per-source ``hosts``/``feeds`` overrides, see
      :func:`pipelines.fetch.urls.source_config`); ``canonicalize_urls``;
    - ``fsync`` for the WARC; ``transport`` / ``trust_env`` passed to httpx; ``record_timing`` keeps per-host
      request start/end times in ``self.slots`` (benchmarks);
    - ``state``: a :class:`~pipelines.fetch.state.FetchState` shared with the fetchers before and after this one
      (the run's other asset steps, later runs): per-host politeness and pauses, and the robots.txt cache.
    """

    mode = "live"

    def __init__(self, warc_dir: str | Path, user_agent: str = DEFAULT_USER_AGENT, timeout_s: float = 20.0,
                 max_bytes: int = 10 * 1024 * 1024, min_delay_s: float = 1.0, *,
                 connect_timeout_s: float = 10.0, total_timeout_s: float = 120.0,
                 max_decoded_bytes: int | None = None, max_attempts: int = 4, backoff_base_s: float = 1.0,
                 backoff_cap_s: float = 30.0, max_retry_after_s: float = 120.0, max_wait_s: float = 300.0,
                 robots: bool = True, robots_agent: str | None = None, robots_ttl_s: float = 86_400.0,
                 robots_error_ttl_s: float = 600.0, max_redirects: int = 5,
                 sources: Mapping[str, SourceConfig | Mapping] | None = None, canonicalize_urls: bool = True,
                 fsync: bool = False, transport: httpx.BaseTransport | None = None, trust_env: bool = True,
                 record_timing: bool = False, state: FetchState | None = None):
        self.warc_dir = Path(warc_dir)
        self.user_agent = user_agent
        self.max_bytes = max_bytes
        self.max_decoded_bytes = max_decoded_bytes if max_decoded_bytes is not None else max_bytes
        self.min_delay_s = min_delay_s
        self.total_timeout_s = total_timeout_s
        self.max_attempts = max(1, max_attempts)
        self.backoff_base_s, self.backoff_cap_s = backoff_base_s, backoff_cap_s
        self.max_retry_after_s = max_retry_after_s
        self.max_redirects = max_redirects
        self.sources = dict(sources or {})
        self.canonicalize_urls = canonicalize_urls
        self.state = state
        self.slots = HostSlots(max_wait_s=max_wait_s, record=record_timing, state=state)
        self.archive = WarcAppender(self.warc_dir, fsync=fsync)
        self.client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout_s, connect=connect_timeout_s),
            follow_redirects=False, transport=transport, trust_env=trust_env,
        )
        self.robots: RobotsCache | None = (
            RobotsCache(self._fetch_robots, robots_agent or agent_token(user_agent), ttl_s=robots_ttl_s,
                        error_ttl_s=robots_error_ttl_s, state=state) if robots else None
        )

    # -- lifecycle and configuration

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> LiveFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def source_config(self, source: str) -> SourceConfig:
        """The hosts and feeds of ``source``: the registry's, with this fetcher's overrides applied."""
        return source_config(source, self.sources)

    def switched_off(self, source: str) -> bool:
        """True when this fetcher's ``sources`` override gives ``source`` no feeds (see
        :func:`pipelines.fetch.targets.switched_off`)."""
        return switched_off(source, self.sources)

    def feed_urls(self, source: str) -> list[str]:
        """Discovery URLs of ``source`` (registry defaults unless overridden)."""
        return list(self.source_config(source).feeds)

    # -- fetching

    def fetch(self, url: str, source: str, expect: str = "page", etag: str | None = None,
              last_modified: str | None = None) -> list[FetchResult]:
        """Fetch ``url`` for ``source``; ``expect`` is ``page`` (HTML) or ``feed`` (RSS/Atom/sitemap).

        ``etag`` / ``last_modified`` (from an earlier response) make the request conditional: an unchanged
        resource comes back ``not_modified`` with no body. Always returns exactly one result.
        """
        attempted_at = datetime.now(UTC)
        tally = _Tally()

        def result(outcome: str, **kw: object) -> FetchResult:
            return FetchResult(url=url, source=source, attempted_at=attempted_at, outcome=outcome, mode=self.mode,
                               elapsed_ms=round(tally.busy_s * 1000, 3), attempts=tally.attempts, **kw)

        try:
            return [self._fetch(url, source, expect, etag, last_modified, attempted_at, tally, result)]
        except Exception as exc:  # the batch must go on whatever happens to one URL
            log.exception("fetch of %s failed unexpectedly", url)
            return [result("connection_error", error=f"internal error: {type(exc).__name__}: {exc}")]

    def _fetch(self, url: str, source: str, expect: str, etag: str | None, last_modified: str | None,
               attempted_at: datetime, tally: _Tally, result: Callable[..., FetchResult]) -> FetchResult:
        target = canonicalize(url) if self.canonicalize_urls else url.split("#", 1)[0]
        allowed = (*self.source_config(source).hosts, host_of(target))
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        chain = [target]
        for _hop in range(self.max_redirects + 1):
            delay = self.min_delay_s
            paused = self.slots.paused(host_of(target))  # not asked again this run, robots.txt included
            if paused is not None:
                return result("http_error", error=str(paused), final_url=target)
            if self.robots is not None:
                try:
                    decision = self.robots.check(target)
                except HostBusy as exc:  # robots.txt could not be asked: neither can the page
                    return result("http_error", error=str(exc), final_url=target)
                if not decision.allowed:
                    return result("robots_disallowed", error=decision.reason, final_url=target)
                delay = max(delay, decision.crawl_delay or 0.0)
            ex = self._request(target, conditional, expect, delay)
            tally.attempts += ex.attempts
            tally.busy_s += ex.busy_s
            if ex.outcome is not None:
                return result(ex.outcome, http_status=ex.status, headers=ex.headers, final_url=target,
                              error=_with_history(ex.error or ex.outcome, ex))
            if ex.status not in REDIRECT_STATUSES:
                break
            location = _header(ex.headers, "Location")
            if not location:
                return result("http_error", http_status=ex.status, headers=ex.headers, final_url=target,
                              error=f"HTTP {ex.status} redirect without a Location header")
            nxt = urljoin(target, location.strip()).split("#", 1)[0]
            if urlsplit(nxt).scheme not in ("http", "https") or not host_allowed(host_of(nxt), allowed):
                return result("offsite_redirect", http_status=ex.status, headers=ex.headers, final_url=nxt,
                              error=f"redirect to {nxt} leaves the hosts allowed for {source}: "
                                    f"{', '.join(dict.fromkeys(allowed))}")
            if nxt in chain:
                return result("http_error", http_status=ex.status, headers=ex.headers, final_url=nxt,
                              error="redirect loop: " + " -> ".join([*chain, nxt]))
            chain.append(nxt)
            target = nxt
        else:
            return result("http_error", http_status=ex.status, headers=ex.headers, final_url=target,
                          error=f"too many redirects (more than {self.max_redirects}): " + " -> ".join(chain))
        ctype = _header(ex.headers, "Content-Type") or ""
        outcome, error = classify_response(ex.status or 0, ctype, ex.body, expect)
        if outcome != "ok":
            error = _with_history(ex.error or error or outcome, ex)
        if outcome == "ok" and expect == "feed" and ex.body[:2] == b"\x1f\x8b":
            try:
                gunzip_capped(ex.body, self.max_decoded_bytes)
            except BodyTooLarge as exc:
                outcome, error = "too_large", f"gzip feed: {exc}"
            except DecodingError as exc:
                outcome, error = "http_error", f"gzip feed: {exc}"
        if outcome != "ok":
            return result(outcome, http_status=ex.status, headers=ex.headers, error=error, final_url=target)
        request_headers = {**dict(self.client.headers), **conditional}
        warc_file, warc_offset = self.archive.append(target, attempted_at, ex.status or 200, ex.headers, ex.body,
                                                     request_headers=request_headers)
        return result("ok", http_status=ex.status, headers=ex.headers, body=ex.body, final_url=target,
                      warc_file=warc_file, warc_offset=warc_offset)

    def _request(self, url: str, headers: dict[str, str], expect: str, delay_s: float) -> _Exchange:
        """One URL (no redirects), retried on transient failures, within the host's politeness slot.

        The returned exchange's ``history`` lists the failed attempts before it.
        """
        host = host_of(url)
        history: list[str] = []
        made, busy = 0, 0.0
        while True:
            try:
                with self.slots.slot(host, delay_s):
                    made += 1
                    t0 = time.monotonic()
                    ex = self._attempt(url, headers, expect)
                    busy += time.monotonic() - t0
            except HostBusy as exc:
                ex = _Exchange("http_error", error=str(exc), busy=exc)
            ex.attempts, ex.busy_s, ex.history = made, busy, list(history)
            if not ex.retryable or made >= self.max_attempts:
                return ex
            wait = backoff_delay(made, self.backoff_base_s, self.backoff_cap_s)
            if ex.retry_after is not None:
                if ex.retry_after > self.max_retry_after_s:
                    self.slots.pause(host, ex.retry_after, f"Retry-After {ex.retry_after:.0f} s")
                    ex.error = (f"{ex.describe()}; Retry-After {ex.retry_after:.0f} s is beyond the "
                                f"{self.max_retry_after_s:.0f} s cap: not retried, host paused")
                    return ex
                wait = max(wait, ex.retry_after)
            history.append(ex.describe())
            log.info("attempt %d of %s failed (%s); retrying in %.2f s", made, url, history[-1], wait)
            self.slots.defer(host, wait, f"backoff after {history[-1]}")

    def _attempt(self, url: str, headers: dict[str, str], expect: str) -> _Exchange:
        """One HTTP request and its (capped, decoded) body."""
        deadline = time.monotonic() + self.total_timeout_s
        try:
            with self.client.stream("GET", url, headers={"Accept": _ACCEPT.get(expect, "*/*"), **headers}) as resp:
                return self._read(resp, expect, deadline)
        except httpx.TimeoutException as exc:
            return _Exchange("timeout", error=f"{type(exc).__name__}: {exc or 'timed out'}", retryable=True)
        except httpx.UnsupportedProtocol as exc:
            return _Exchange("http_error", error=f"unsupported URL: {exc}")
        except httpx.TransportError as exc:
            return _Exchange("connection_error", error=f"{type(exc).__name__}: {exc}", retryable=True)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return _Exchange("http_error", error=f"{type(exc).__name__}: {exc}")

    def _read(self, resp: httpx.Response, expect: str, deadline: float) -> _Exchange:
        status = resp.status_code
        raw_headers = {}
        for k, v in resp.headers.raw:
            key, val = k.decode("latin-1"), v.decode("latin-1")
            raw_headers[key] = f"{raw_headers[key]}, {val}" if key in raw_headers else val
        kept = {k: v for k, v in raw_headers.items() if k.lower() not in _WIRE_HEADERS}
        if status == 429 or 500 <= status <= 599:
            retry_after = parse_retry_after(_header(raw_headers, "Retry-After"))
            return _Exchange(None, status, kept, retryable=True, retry_after=retry_after)
        if not 200 <= status < 300:  # redirects, 304, 4xx: the status says it all
            return _Exchange(None, status, kept)
        ctype = _header(raw_headers, "Content-Type") or ""
        if expect != "robots" and not content_type_ok(ctype, expect):
            what = "HTML" if expect == "page" else "a feed"
            return _Exchange("not_html", status, kept, error=f"content type {ctype.split(';')[0]!r} is not {what}")
        length = _header(raw_headers, "Content-Length")
        if length and length.strip().isdigit() and int(length) > self.max_bytes:
            return _Exchange("too_large", status, kept,
                             error=f"Content-Length {length} over the {self.max_bytes} byte cap")
        try:
            decoder = ContentDecoder(_header(raw_headers, "Content-Encoding"), self.max_decoded_bytes)
            parts: list[bytes] = []
            wire = 0
            for chunk in resp.iter_raw():  # as received (a chunk size would buffer)
                wire += len(chunk)
                if wire > self.max_bytes:
                    return _Exchange("too_large", status, kept, error=f"body over the {self.max_bytes} byte cap")
                if time.monotonic() > deadline:
                    return _Exchange("timeout", status, kept, retryable=True,
                                     error=f"body not complete after {self.total_timeout_s:.0f} s")
                parts.append(decoder.feed(chunk))
            parts.append(decoder.flush())
        except BodyTooLarge as exc:
            return _Exchange("too_large", status, kept, error=str(exc))
        except DecodingError as exc:
            return _Exchange("http_error", status, kept, error=str(exc))
        return _Exchange(None, status, kept, b"".join(parts))

    # -- robots.txt

    def _fetch_robots(self, robots_url: str) -> RobotsFetch:
        """GET a robots.txt, following up to 5 redirects to any http(s) host, politely and with retries."""
        target = robots_url
        for _hop in range(6):
            ex = self._request(target, {}, "robots", self.min_delay_s)
            if ex.busy is not None:  # not asked: no answer to cache (the page's fetch says why)
                raise ex.busy
            if ex.outcome is not None:
                return RobotsFetch(None, error=ex.error or ex.outcome)
            location = _header(ex.headers, "Location")
            if ex.status in REDIRECT_STATUSES and location:
                target = urljoin(target, location.strip())
                if urlsplit(target).scheme not in ("http", "https"):
                    return RobotsFetch(None, error=f"redirect to {target}")
                continue
            return RobotsFetch(ex.status, ex.body)
        return RobotsFetch(None, error="too many redirects")
