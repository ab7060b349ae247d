"""Deciding a response's outcome: kept (ok), or why not (blocked, not_html, http_error, ...)."""

from __future__ import annotations

# Markers of bot walls and JavaScript challenges served instead of an article (see outlets.md).
BOT_WALL_MARKERS = (
    b"captcha-delivery.com",
    b"you have been blocked",
    b"verify access",
    b"please enable javascript",
    b"we are having trouble retrieving the article content",
    b"are you a robot",
    b"cf-challenge",
    b"challenge-platform",
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/x-gzip", "application/gzip", "application/octet-stream")
API_TYPES = ("application/json", "text/json")
_WHAT = {"page": "HTML", "feed": "a feed", "api": "JSON"}


def _type_ok(ctype: str, expect: str) -> bool:
    if expect == "api":
        return ctype in API_TYPES or ctype.endswith("+json")
    allowed = HTML_TYPES if expect == "page" else HTML_TYPES + FEED_TYPES
    return ctype in allowed or (expect == "feed" and ctype.endswith("+xml"))


def looks_like_bot_wall(body: bytes) -> bool:
    """True when a (2xx) body is a bot wall or challenge page rather than content."""
    head = body[:200_000].lower()
    return any(marker in head for marker in BOT_WALL_MARKERS)


def classify_response(status: int, content_type: str, body: bytes, expect: str = "page") -> tuple[str, str | None]:
    """Outcome and error text for a response. ``expect`` is ``page`` (HTML), ``feed`` (RSS/Atom/sitemap) or
    ``api`` (JSON from an outlet's search API)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if status == 304:
        return "not_modified", None
    if status in (401, 403):
        return "blocked", f"HTTP {status}: access refused (bot wall)"
    if status == 202 and looks_like_bot_wall(body):
        return "blocked", "HTTP 202 challenge page"
    if status >= 400:
        return "http_error", f"HTTP {status}"
    if status >= 300:
        return "http_error", f"HTTP {status} redirect not followed"
    if ctype and not _type_ok(ctype, expect):
        return "not_html", f"content type {ctype!r} is not {_WHAT.get(expect, 'a feed')}"
    if not body.strip():
        return "http_error", f"HTTP {status} with an empty body"
    if ctype in HTML_TYPES and looks_like_bot_wall(body):
        return "blocked", f"HTTP {status} page is a bot wall / challenge"
    if status == 202:
        return "http_error", "HTTP 202: content not ready"
    return "ok", None


def content_type_ok(content_type: str | None, expect: str = "page") -> bool:
    """True when :func:`classify_response` would accept ``content_type`` for ``expect`` (an empty type passes).

    Lets a live fetcher refuse a wrong type from the headers alone, before reading the body.
    """
    ctype = (content_type or "").split(";")[0].strip().lower()
    if not ctype:
        return True
    return _type_ok(ctype, expect)
