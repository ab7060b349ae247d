"""NYT Article Search API: a rate-limited client returning discovery :class:`FeedItem`\\ s.

NYT article pages answer 403 (DataDome) to server-side clients and must not be worked around; the legitimate
channels are the news sitemap / RSS (:mod:`discovery`) and, when a key is configured, NYT's official Article
Search API (``https://api.nytimes.com/svc/search/v2/articlesearch.json``). This module is that client.

* The key goes in the ``api-key`` query parameter, as the API documents. It is never logged and never appears in
  an exception message: errors are built here (not from httpx exception strings, which carry the URL), and a
  filter on the ``httpx`` logger masks ``api-key=`` in its "HTTP Request: GET <url>" INFO records.
* The public API allows about 5 requests per minute and 500 per day, so requests are spaced at least
  ``min_interval_s`` (12 s) apart, measured from the end of one response to the start of the next request.
* 429 and 5xx (and transport errors) are retried with exponential backoff, honouring ``Retry-After``
  (seconds or an HTTP date) up to ``max_retry_after_s``; other 4xx are not retried. 401/403 raise
  :class:`NytApiError` with ``kind="auth"`` ("API key rejected").
* Responses are parsed tolerantly: ``meta`` or ``metadata``, ``headline`` as an object or a string, ``byline``
  null, ``lead_paragraph`` absent (newer API versions), ``pub_date`` with ``+0000`` or ``Z``, ``docs`` null.
  Only docs whose ``document_type`` is ``article`` (or missing) and whose canonical ``web_url`` passes
  ``is_article_url("nyt", ...)`` become items; the rest go to ``FeedParseResult.skipped`` with a reason.

No Dagster, no DuckDB; only httpx and the standard library.
"""

from __future__ import annotations

import email.utils
import logging
import os
import re
import threading
import time
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

import httpx

from .discovery import FeedItem, FeedParseResult
from .layers.authors import split_byline
from .layers.dates import parse_any
from .layers.html_text import clean_text
from .registry import canonical_article_url, is_article_url, source_for_url

log = logging.getLogger(__name__)

API_URL = "https://api.nytimes.com/svc/search/v2/articlesearch.json"
ENV_VAR = "NYT_API_KEY"
VIA = "nyt_api"
KIND = "article_search"
PAGE_SIZE = 10
MAX_PAGE_INDEX = 100  # the API refuses page > 100 (at most 1,010 results per query)
USER_AGENT = "chipwatch/0.1 (+https://github.com/chipwatch/chipwatch; news figure tracker)"

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


def _text(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _headline(doc: dict[str, Any]) -> str | None:
    head = doc.get("headline")
    if isinstance(head, str):
        return _text(head) or None
    if isinstance(head, dict):
        for key in ("main", "print_headline", "name", "default"):
            found = _text(head.get(key))
            if found:
                return found
    return None


def _summary(doc: dict[str, Any]) -> str | None:
    parts: list[str] = []
    first = _text(doc.get("abstract")) or _text(doc.get("snippet"))
    if first:
        parts.append(first)
    lead = _text(doc.get("lead_paragraph"))
    if lead and lead not in parts:
        parts.append(lead)
    return "\n\n".join(parts) or None


def _published(doc: dict[str, Any]) -> datetime | None:
    found = parse_any(doc.get("pub_date"), UTC)
    return found.value.astimezone(UTC) if found else None


def _keywords(doc: dict[str, Any]) -> list[str]:
    raw = doc.get("keywords")
    if not isinstance(raw, list):
        return []
    out: list[str] = []
    for kw in raw:
        value = _text(kw.get("value")) if isinstance(kw, dict) else _text(kw)
        if value and value not in out:
            out.append(value)
    return out


def doc_authors(doc: dict[str, Any]) -> list[str]:
    """Author names of one doc: ``byline.person[]`` (first/middle/last), else ``byline.original`` split.

    :class:`FeedItem` has no authors field yet, so :func:`doc_to_item` cannot carry these; they are offered for
    callers that keep the raw docs.
    """
    byline = doc.get("byline")
    if isinstance(byline, str):
        return split_byline(byline)
    if not isinstance(byline, dict):
        return []
    names: list[str] = []
    people = byline.get("person")
    if isinstance(people, list):
        for person in people:
            if not isinstance(person, dict):
                continue
            name = " ".join(_text(person.get(k)) for k in ("firstname", "middlename", "lastname"))
            name = clean_text(name)
            if name and name not in names:
                names.append(name)
    return names or split_byline(_text(byline.get("original")) or None)


def doc_to_item(doc: dict[str, Any]) -> FeedItem | None:
    """Map one Article Search doc to a :class:`FeedItem` (``None`` when it has no ``web_url``).

    The item is marked ``is_article=False`` with a ``skip_reason`` when the doc is not an article
    (``document_type`` other than ``article``; a missing type is left to the URL rule) or its canonical URL is
    not an NYT article URL (``/interactive/``, ``/video/``, ``/live/``, ...).
    """
    raw_url = doc.get("web_url")
    if not isinstance(raw_url, str) or not raw_url.strip():
        return None
    raw_url = raw_url.strip()
    url = canonical_article_url(raw_url)
    item = FeedItem(
        url=url,
        title=_headline(doc),
        summary=_summary(doc),
        published_at=_published(doc),
        source="nyt",
        via=VIA,
        raw_url=raw_url,
        kind=KIND,
        keywords=_keywords(doc),
    )
    doc_type = doc.get("document_type")
    if isinstance(doc_type, str) and doc_type.strip() and doc_type.strip().lower() != "article":
        item.is_article = False
        item.skip_reason = f"document_type={doc_type.strip()}"
    elif source_for_url(url) != "nyt" or not is_article_url("nyt", url):
        item.is_article = False
        item.skip_reason = "not an article URL for nyt"
    return item


def parse_docs(docs: Iterable[Any], result: FeedParseResult | None = None, *, page: int = 0,
               seen: set[str] | None = None) -> FeedParseResult:
    """Sort docs into ``items`` (articles) and ``skipped``; docs without a URL are noted in ``errors``.

    ``seen`` holds canonical URLs already returned (by an earlier page); repeats are dropped silently.
    """
    result = result if result is not None else FeedParseResult(kind=KIND)
    seen = seen if seen is not None else set()
    for index, doc in enumerate(docs):
        if not isinstance(doc, dict):
            result.errors.append(f"page {page} doc {index}: not an object")
            continue
        item = doc_to_item(doc)
        if item is None:
            ident = doc.get("_id") or doc.get("uri") or "?"
            result.errors.append(f"page {page} doc {index} ({ident}): no web_url")
            continue
        if not item.is_article:
            result.skipped.append(item)
            continue
        if item.url in seen:
            continue
        seen.add(item.url)
        result.items.append(item)
    return result


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _fault(resp: httpx.Response) -> str:
    """A short reason from an error body (Apigee ``fault.faultstring``, ``message``, ``errors``), else ''."""
    try:
        data = resp.json()
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


class ArticleSearchClient:
    """Client for NYT's Article Search API (v2) that returns :class:`FeedItem`\\ s.

    ``client`` may be a shared :class:`httpx.Client` (it is not closed by :meth:`close`); otherwise one is
    created with our User-Agent. ``min_interval_s`` spaces requests (default 12 s for the documented
    5-per-minute limit; tests use 0). ``max_pages`` bounds paging (10 docs per page). Retries: ``max_retries``
    after the first attempt, waiting ``Retry-After`` (capped at ``max_retry_after_s``) or
    ``backoff_s * 2**attempt``. Requests from several threads are serialised.
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
        self._owns_client = client is None
        self._client = client if client is not None else httpx.Client(
            timeout=timeout_s, headers={"User-Agent": USER_AGENT}, follow_redirects=False
        )
        self._lock = threading.Lock()
        self._last_done: float | None = None
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

    def _wait_turn(self) -> None:
        if self._last_done is None or self.min_interval_s <= 0:
            return
        remaining = self._last_done + self.min_interval_s - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_retry_after_s)
        return min(self.backoff_s * (2**attempt), self.max_retry_after_s)

    def _get_page(self, params: dict[str, str], page: int) -> dict[str, Any]:
        """One page, with spacing and retries; returns the decoded JSON object."""
        query = {**params, "page": str(page), "api-key": self._api_key}
        last_problem = ""
        with self._lock:
            for attempt in range(self.max_retries + 1):
                self._wait_turn()
                try:
                    resp = self._client.get(self.base_url, params=query, timeout=self.timeout_s,
                                            headers={"Accept": "application/json"})
                    body = resp.content  # read the body before the next request is timed
                except httpx.HTTPError as exc:
                    self._last_done = time.monotonic()
                    last_problem = f"{type(exc).__name__}: {self._redact(str(exc))}"
                    log.warning("NYT Article Search page %d: %s (attempt %d)", page, last_problem, attempt + 1)
                    if attempt < self.max_retries:
                        time.sleep(self._backoff(attempt, None))
                        continue
                    raise NytApiError(f"NYT Article Search request failed: {last_problem}", kind="transport",
                                      page=page) from None
                finally:
                    self.requests_made += 1
                self._last_done = time.monotonic()
                status = resp.status_code
                log.debug("NYT Article Search page %d: HTTP %d (%d bytes)", page, status, len(body))
                if status in (401, 403):
                    reason = self._redact(_fault(resp))
                    raise NytApiError(
                        f"NYT Article Search API key rejected (HTTP {status})" + (f": {reason}" if reason else ""),
                        kind="auth", status=status, page=page,
                    )
                if status == 429 or status >= 500:
                    wait = self._backoff(attempt, _retry_after(resp.headers.get("Retry-After")))
                    last_problem = f"HTTP {status}"
                    if attempt < self.max_retries:
                        log.info("NYT Article Search page %d: HTTP %d, retrying in %.1f s", page, status, wait)
                        time.sleep(wait)
                        continue
                    kind = "rate_limited" if status == 429 else "server"
                    what = "rate limited" if status == 429 else "server error"
                    raise NytApiError(
                        f"NYT Article Search {what} (HTTP {status}) after {attempt + 1} attempts",
                        kind=kind, status=status, page=page,
                    )
                if status != 200:
                    reason = self._redact(_fault(resp))
                    raise NytApiError(
                        f"NYT Article Search request refused (HTTP {status})" + (f": {reason}" if reason else ""),
                        kind="http", status=status, page=page,
                    )
                return self._decode(resp, page)
        raise NytApiError(f"NYT Article Search request failed: {last_problem}", kind="transport",
                          page=page)  # pragma: no cover - the loop always returns or raises

    def _decode(self, resp: httpx.Response, page: int) -> dict[str, Any]:
        try:
            data = resp.json()
        except ValueError as exc:
            ctype = resp.headers.get("Content-Type", "?")
            raise NytApiError(
                f"NYT Article Search returned malformed JSON (HTTP {resp.status_code}, Content-Type {ctype}, "
                f"page {page}): {self._redact(str(exc))[:120]}",
                kind="malformed", status=resp.status_code, page=page,
            ) from None
        if not isinstance(data, dict):
            raise NytApiError(f"NYT Article Search returned a JSON {type(data).__name__}, not an object (page {page})",
                              kind="malformed", status=resp.status_code, page=page)
        fault = data.get("fault")
        if fault:
            reason = fault.get("faultstring") if isinstance(fault, dict) else fault
            raise NytApiError(f"NYT Article Search fault: {self._redact(str(reason))[:200]}", kind="api",
                              status=resp.status_code, page=page)
        status = data.get("status")
        if isinstance(status, str) and status.upper() != "OK":
            errors = data.get("errors") or data.get("message") or ""
            raise NytApiError(f"NYT Article Search status {status!r}: {self._redact(str(errors))[:200]}",
                              kind="api", status=resp.status_code, page=page)
        response = data.get("response")
        if not isinstance(response, dict):
            raise NytApiError(f"NYT Article Search response has no 'response' object (page {page})",
                              kind="malformed", status=resp.status_code, page=page)
        docs = response.get("docs")
        if docs is not None and not isinstance(docs, list):
            raise NytApiError(f"NYT Article Search 'response.docs' is a {type(docs).__name__}, not a list "
                              f"(page {page})", kind="malformed", status=resp.status_code, page=page)
        return response

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
