"""NYT Article Search API: the HTTP client, on the same politeness, retry and archive path as every request.

NYT article pages answer 403 (DataDome) to server-side clients and must not be worked around; the legitimate
channels are the news sitemap / RSS and, when a key is configured, NYT's official Article Search API
(``Publisher.search`` of the NYT outlet). This module is that client; turning its ``docs`` into discovery
records is :mod:`pipelines.sources.outlets.nyt_search`.

* Politeness: requests wait for their host's slot (:class:`pipelines.fetch.politeness.HostSlots`, shared with
  the live fetcher when it passes its own), at least ``min_interval_s`` (12 s, the documented 5 requests per
  minute) after the previous request on the host ended.
* Retries: 429 and 5xx (and transport errors) are retried with the fetcher's backoff
  (:func:`~pipelines.fetch.politeness.backoff_delay`), honouring ``Retry-After``
  (:func:`~pipelines.fetch.politeness.parse_retry_after`) up to ``max_retry_after_s``; other 4xx are not
  retried. 401/403 raise :class:`NytApiError` with ``kind="auth"`` ("API key rejected").
* Archive: every 200 response is appended to the WARC archive (:class:`~pipelines.fetch.archive.WarcAppender`)
  under its URL *without* the key, so a replay of the archive reproduces an API-backed run
  (:class:`ArchivedSearch` reads those responses back).
* The key goes in the ``api-key`` query parameter, as the API documents. It is never logged, never archived
  and never appears in an exception message: errors are built here (not from httpx exception strings, which
  carry the URL), and a filter on the ``httpx`` logger masks ``api-key=`` in its "HTTP Request" INFO records.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from datetime import UTC, date, datetime
from typing import Any

import httpx

from pipelines.fetch.archive import WarcAppender
from pipelines.fetch.politeness import HostBusy, HostSlots, backoff_delay, parse_retry_after
from pipelines.fetch.urls import host_of
from pipelines.sources.discovery import FeedItem, FeedParseResult
from pipelines.sources.outlets.nyt_search import API_URL, KIND, parse_docs

log = logging.getLogger(__name__)

ENV_VAR = "NYT_API_KEY"
PAGE_SIZE = 10
MAX_PAGE_INDEX = 100  # the API refuses page > 100 (at most 1,010 results per query)
USER_AGENT = "chipwatch/0.1 (+https://github.com/chipwatch/chipwatch; news figure tracker)"
JSON_TYPES = ("application/json", "text/json")

_KEY_IN_TEXT = re.compile(r"(api[-_]key=)[^&\s\"'#]+", re.I)


class NytApiError(RuntimeError):
    """A failed Article Search request. The message never contains the API key.

    ``kind`` is one of ``auth`` (401/403: key rejected), ``rate_limited`` (429 after all retries),
    ``server`` (5xx after all retries), ``http`` (another status), ``transport`` (connection/timeout after all
    retries), ``malformed`` (a body that is not the documented JSON) or ``api`` (a JSON fault / non-OK status).
    """

    def __init__(self, message: str, *, kind: str, status: int | None = None, page: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.page = page


class _RedactApiKey(logging.Filter):
    """Masks ``api-key=...`` in records of the ``httpx`` logger (it logs every request URL at INFO)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(
                _KEY_IN_TEXT.sub(r"\1***", str(a)) if isinstance(a, httpx.URL | str) and "key=" in str(a) else a
                for a in record.args
            )
        if isinstance(record.msg, str) and "key=" in record.msg:
            record.msg = _KEY_IN_TEXT.sub(r"\1***", record.msg)
        return True


def _install_log_redaction() -> None:
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactApiKey) for f in httpx_logger.filters):
        httpx_logger.addFilter(_RedactApiKey())


def api_key_from_env(name: str = ENV_VAR) -> str | None:
    """The key in the environment variable ``name`` (``NYT_API_KEY``), stripped; ``None`` when unset or blank."""
    value = os.environ.get(name, "").strip()
    return value or None


def _fault(body: bytes) -> str:
    """A short reason from an error body (Apigee ``fault.faultstring``, ``message``, ``errors``), else ''."""
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    fault = data.get("fault")
    if isinstance(fault, dict) and isinstance(fault.get("faultstring"), str):
        return fault["faultstring"][:200]
    for key in ("message", "errors"):
        value = data.get(key)
        if isinstance(value, str):
            return value[:200]
        if isinstance(value, list) and value:
            return "; ".join(str(v) for v in value[:3])[:200]
    return ""


def decode_response(body: bytes, status: int, content_type: str, page: int,
                    redact: Any = lambda text: text) -> dict[str, Any]:
    """The ``response`` object of one Article Search page, or :class:`NytApiError` (``malformed``/``api``)."""
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise NytApiError(
            f"NYT Article Search returned malformed JSON (HTTP {status}, Content-Type {content_type or '?'}, "
            f"page {page}): {redact(str(exc))[:120]}",
            kind="malformed", status=status, page=page,
        ) from None
    if not isinstance(data, dict):
        raise NytApiError(f"NYT Article Search returned a JSON {type(data).__name__}, not an object (page {page})",
                          kind="malformed", status=status, page=page)
    fault = data.get("fault")
    if fault:
        reason = fault.get("faultstring") if isinstance(fault, dict) else fault
        raise NytApiError(f"NYT Article Search fault: {redact(str(reason))[:200]}", kind="api",
                          status=status, page=page)
    api_status = data.get("status")
    if isinstance(api_status, str) and api_status.upper() != "OK":
        errors = data.get("errors") or data.get("message") or ""
        raise NytApiError(f"NYT Article Search status {api_status!r}: {redact(str(errors))[:200]}",
                          kind="api", status=status, page=page)
    response = data.get("response")
    if not isinstance(response, dict):
        raise NytApiError(f"NYT Article Search response has no 'response' object (page {page})",
                          kind="malformed", status=status, page=page)
    docs = response.get("docs")
    if docs is not None and not isinstance(docs, list):
        raise NytApiError(f"NYT Article Search 'response.docs' is a {type(docs).__name__}, not a list "
                          f"(page {page})", kind="malformed", status=status, page=page)
    return response


class ArticleSearchClient:
    """Client for NYT's Article Search API (v2) that returns :class:`FeedItem`\\ s.

    ``client`` may be a shared :class:`httpx.Client` (it is not closed by :meth:`close`); otherwise one is
    created with our User-Agent. ``slots`` and ``archive`` are the live fetcher's host slots and WARC appender
    when it lends them (:meth:`pipelines.fetch.live.LiveFetcher`), else the client's own slots and no archive.
    ``min_interval_s`` spaces requests (default 12 s for the documented 5-per-minute limit; tests use 0).
    ``max_pages`` bounds paging (10 docs per page). Retries: ``max_retries`` after the first attempt, waiting
    ``Retry-After`` (capped at ``max_retry_after_s``) or the fetcher's jittered exponential backoff from
    ``backoff_s``. Requests from several threads are serialised.
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = API_URL,
        client: httpx.Client | None = None,
        min_interval_s: float = 12.0,
        max_pages: int = 5,
        timeout_s: float = 20.0,
        *,
        max_retries: int = 3,
        backoff_s: float = 2.0,
        max_retry_after_s: float = 60.0,
        slots: HostSlots | None = None,
        archive: WarcAppender | None = None,
    ) -> None:
        if not isinstance(api_key, str) or not api_key.strip():
            raise ValueError("an NYT API key is required (set NYT_API_KEY)")
        self._api_key = api_key.strip()
        self.base_url = base_url
        self.min_interval_s = max(0.0, float(min_interval_s))
        self.max_pages = max(1, min(int(max_pages), MAX_PAGE_INDEX + 1))
        self.timeout_s = timeout_s
        self.max_retries = max(0, int(max_retries))
        self.backoff_s = max(0.0, float(backoff_s))
        self.max_retry_after_s = max(0.0, float(max_retry_after_s))
        self.requests_made = 0
        self.last_hits: int | None = None
        self.slots = slots if slots is not None else HostSlots(max_wait_s=max(300.0, self.min_interval_s * 2))
        self.archive = archive
        self._host = host_of(base_url)
        self._owns_client = client is None
        self._client = client if client is not None else httpx.Client(
            timeout=timeout_s, headers={"User-Agent": USER_AGENT}, follow_redirects=False
        )
        self._lock = threading.Lock()
        _install_log_redaction()

    def __repr__(self) -> str:
        return f"ArticleSearchClient(base_url={self.base_url!r}, min_interval_s={self.min_interval_s})"

    def close(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> ArticleSearchClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests -------------------------------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        return _KEY_IN_TEXT.sub(r"\1***", text.replace(self._api_key, "***"))

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_retry_after_s)
        return min(backoff_delay(attempt + 1, self.backoff_s, self.max_retry_after_s), self.max_retry_after_s)

    def _archive(self, params: dict[str, str], resp: httpx.Response, body: bytes, at: datetime) -> None:
        """Keep a 200 response in the WARC archive under its URL without the key."""
        if self.archive is None:
            return
        public = str(httpx.URL(self.base_url, params=params))
        headers = {k: v for k, v in resp.headers.items()
                   if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")}
        self.archive.append(public, at, resp.status_code, headers, body,
                            request_headers={"User-Agent": str(self._client.headers.get("User-Agent", USER_AGENT)),
                                             "Accept": "application/json"})

    def _get_page(self, params: dict[str, str], page: int) -> dict[str, Any]:
        """One page, with spacing and retries; returns the decoded ``response`` object."""
        public = {**params, "page": str(page)}
        query = {**public, "api-key": self._api_key}
        last_problem = ""
        with self._lock:
            for attempt in range(self.max_retries + 1):
                at = datetime.now(UTC)
                try:
                    with self.slots.slot(self._host, self.min_interval_s):
                        try:
                            resp = self._client.get(self.base_url, params=query, timeout=self.timeout_s,
                                                    headers={"Accept": "application/json"})
                            body = resp.content  # read the body inside the slot: the next request is timed from here
                        finally:
                            self.requests_made += 1
                except HostBusy as exc:
                    raise NytApiError(f"NYT Article Search not requested: {exc}", kind="rate_limited",
                                      page=page) from None
                except httpx.HTTPError as exc:
                    last_problem = f"{type(exc).__name__}: {self._redact(str(exc))}"
                    log.warning("NYT Article Search page %d: %s (attempt %d)", page, last_problem, attempt + 1)
                    if attempt < self.max_retries:
                        self.slots.defer(self._host, self._backoff(attempt, None), "backoff after a transport error")
                        continue
                    raise NytApiError(f"NYT Article Search request failed: {last_problem}", kind="transport",
                                      page=page) from None
                status = resp.status_code
                log.debug("NYT Article Search page %d: HTTP %d (%d bytes)", page, status, len(body))
                if status in (401, 403):
                    reason = self._redact(_fault(body))
                    raise NytApiError(
                        f"NYT Article Search API key rejected (HTTP {status})" + (f": {reason}" if reason else ""),
                        kind="auth", status=status, page=page,
                    )
                if status == 429 or status >= 500:
                    wait = self._backoff(attempt, parse_retry_after(resp.headers.get("Retry-After")))
                    last_problem = f"HTTP {status}"
                    if attempt < self.max_retries:
                        log.info("NYT Article Search page %d: HTTP %d, retrying in %.1f s", page, status, wait)
                        self.slots.defer(self._host, wait, f"backoff after HTTP {status}")
                        continue
                    kind = "rate_limited" if status == 429 else "server"
                    what = "rate limited" if status == 429 else "server error"
                    raise NytApiError(
                        f"NYT Article Search {what} (HTTP {status}) after {attempt + 1} attempts",
                        kind=kind, status=status, page=page,
                    )
                if status != 200:
                    reason = self._redact(_fault(body))
                    raise NytApiError(
                        f"NYT Article Search request refused (HTTP {status})" + (f": {reason}" if reason else ""),
                        kind="http", status=status, page=page,
                    )
                response = decode_response(body, status, resp.headers.get("Content-Type", ""), page, self._redact)
                self._archive(public, resp, body, at)
                return response
        raise NytApiError(f"NYT Article Search request failed: {last_problem}", kind="transport",
                          page=page)  # pragma: no cover - the loop always returns or raises

    # -- search ---------------------------------------------------------------------------------------------

    @staticmethod
    def _params(query: str, begin_date: date | None, end_date: date | None, filter_query: str | None,
                sort: str | None) -> dict[str, str]:
        params: dict[str, str] = {"q": query}
        if begin_date is not None:
            params["begin_date"] = begin_date.strftime("%Y%m%d")
        if end_date is not None:
            params["end_date"] = end_date.strftime("%Y%m%d")
        if filter_query:
            params["fq"] = filter_query
        if sort:
            params["sort"] = sort
        return params

    def search_detailed(self, query: str, begin_date: date | None = None, end_date: date | None = None,
                        filter_query: str | None = None, *, sort: str | None = None) -> FeedParseResult:
        """Page through results (``page=0..``) until a page has fewer than 10 docs, ``hits`` are exhausted or
        ``max_pages`` is reached; return items, skipped non-articles and errors.

        A failure on the first page, and an auth failure on any page, raises :class:`NytApiError`. A later page
        that fails otherwise ends paging: its error is recorded in ``errors`` and earlier items are kept.
        ``sort`` is passed through (``newest``, ``oldest``, ``relevance``).
        """
        params = self._params(query, begin_date, end_date, filter_query, sort)
        result = FeedParseResult(kind=KIND)
        seen: set[str] = set()
        self.last_hits = None
        for page in range(self.max_pages):
            try:
                response = self._get_page(params, page)
            except NytApiError as exc:
                if page == 0 or exc.kind == "auth":
                    raise
                result.errors.append(str(exc))
                break
            docs = response.get("docs") or []
            meta = response.get("meta")
            if not isinstance(meta, dict):
                meta = response.get("metadata")
            hits = meta.get("hits") if isinstance(meta, dict) else None
            if isinstance(hits, int) and not isinstance(hits, bool):
                self.last_hits = hits
            parse_docs(docs, result, page=page, seen=seen)
            if len(docs) < PAGE_SIZE:
                break
            if isinstance(hits, int) and (page + 1) * PAGE_SIZE >= hits:
                break
        log.info("NYT Article Search %r: %d articles, %d skipped, %d errors, hits=%s", query, len(result.items),
                 len(result.skipped), len(result.errors), self.last_hits)
        return result

    def search(self, query: str, begin_date: date | None = None, end_date: date | None = None,
               filter_query: str | None = None, *, sort: str | None = None) -> list[FeedItem]:
        """Article items for ``query`` (``q``), optionally limited to ``begin_date``..``end_date`` (sent as
        ``YYYYMMDD``) and a Lucene ``fq`` filter. See :meth:`search_detailed` for paging and errors; errors on
        later pages are logged as warnings here.
        """
        result = self.search_detailed(query, begin_date, end_date, filter_query, sort=sort)
        for problem in result.errors:
            log.warning("NYT Article Search %r: %s", query, problem)
        return result.items


class ArchivedSearch:
    """Article Search results replayed from a WARC archive: every archived response of ``base_url`` (the live
    client archives each page without the key), whatever query it answered, so a replay of an API-backed run
    discovers the same articles. It has the client's ``search`` / ``search_detailed`` / ``close`` interface.
    """

    def __init__(self, replay: Any, source: str, base_url: str = API_URL) -> None:
        self.replay, self.source, self.base_url = replay, source, base_url

    def urls(self) -> list[str]:
        """The archived API requests (key-less URLs), in archive order of URL."""
        return [u for u in self.replay.urls() if u.split("?", 1)[0] == self.base_url]

    def search_detailed(self, query: str = "", begin_date: date | None = None, end_date: date | None = None,
                        filter_query: str | None = None, *, sort: str | None = None) -> FeedParseResult:
        """Items of every archived page; a page that cannot be read is noted in ``errors`` and skipped."""
        result = FeedParseResult(kind=KIND)
        seen: set[str] = set()
        for page, url in enumerate(self.urls()):
            for res in self.replay.fetch(url, self.source, expect="api"):
                if res.outcome != "ok" or res.body is None:
                    result.errors.append(f"{url}: {res.outcome} {res.error or ''}".strip())
                    continue
                try:
                    response = decode_response(res.body, res.http_status or 200, res.content_type, page)
                except NytApiError as exc:
                    result.errors.append(str(exc))
                    continue
                parse_docs(response.get("docs") or [], result, page=page, seen=seen)
        return result

    def search(self, query: str = "", begin_date: date | None = None, end_date: date | None = None,
               filter_query: str | None = None, *, sort: str | None = None) -> list[FeedItem]:
        """Article items of every archived page (see :meth:`search_detailed`)."""
        result = self.search_detailed(query, begin_date, end_date, filter_query, sort=sort)
        for problem in result.errors:
            log.warning("archived NYT Article Search: %s", problem)
        return result.items

    def close(self) -> None:
        """Nothing to close (the replay is shared)."""
