"""Deciding a response's outcome: kept (ok), or why not (blocked, not_html, http_error, ...).

Bot walls are recognised two ways: by the markers of known walls (:data:`BOT_WALL_MARKERS`), and by the
shape every JavaScript challenge shares whoever serves it (:func:`looks_like_challenge`): a small page with
next to no readable text whose script reloads the page (or sets a cookie and navigates or submits a form),
so that a browser comes back with a token. Either is ``blocked`` whatever the 2xx status (200 or 202).
"""

from __future__ import annotations

import re

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
# Phrases challenge pages show while their script runs (lower case); with a script, enough on a tiny page.
CHALLENGE_PHRASES = (
    b"checking your browser",
    b"checking if the site connection is secure",
    b"just a moment",
    b"one moment, please",
    b"please wait while",
    b"verifying you are human",
    b"verify you are human",
    b"ddos protection",
    b"browser check",
    b"enable javascript and cookies",
)
CHALLENGE_MAX_BYTES = 256 * 1024  # challenge pages are small; a real article page is larger or has text
CHALLENGE_MAX_TEXT = 1500  # characters of visible text, at most
_SCRIPT = re.compile(rb"<script\b[^>]*>(.*?)</script\s*>", re.S | re.I)
_INVISIBLE = re.compile(rb"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(rb"<[^>]*>")
_SPACE = re.compile(rb"(?:\s|&nbsp;)+")
# The page reloads itself: location.reload(), or a meta refresh with no other URL.
_RELOAD = re.compile(rb"location\s*\.\s*reload\s*\(", re.I)
_META_REFRESH = re.compile(rb"<meta[^>]+http-equiv\s*=\s*[\"']?refresh[\"']?[^>]*>", re.I)
# The page navigates or submits a form from script (with a cookie set or a challenge phrase: a challenge).
_NAVIGATE = re.compile(
    rb"location\s*\.\s*(?:replace|assign)\s*\(|location(?:\s*\.\s*href)?\s*=[^=]|\.submit\s*\(\s*\)", re.I)
_COOKIE = re.compile(rb"document\s*\.\s*cookie\s*=", re.I)
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
    """True when a (2xx) body is a bot wall or challenge page rather than content (see :func:`bot_wall_reason`)."""
    return bot_wall_reason(body) is not None


def visible_text_length(body: bytes) -> int:
    """Characters of text a browser would show (scripts, styles and tags removed, spaces collapsed)."""
    text = _TAG.sub(b" ", _INVISIBLE.sub(b" ", body))
    return len(_SPACE.sub(b" ", text).strip())


def looks_like_challenge(body: bytes) -> str | None:
    """Why a body is a JavaScript challenge page by its shape (no vendor marker needed), else ``None``.

    The shape: at most :data:`CHALLENGE_MAX_BYTES`, at most :data:`CHALLENGE_MAX_TEXT` characters of visible
    text, and a script (or meta refresh) that reloads the page, or a script that sets a cookie and navigates
    or submits, or a script beside a challenge phrase ("Checking your browser", "Just a moment"...). A short
    real page has paragraphs of text or no such script; a plain redirect stub names its target.
    """
    if len(body) > CHALLENGE_MAX_BYTES:
        return None
    low = body.lower()
    scripts = _SCRIPT.findall(body)
    refresh = [m.group(0) for m in _META_REFRESH.finditer(body)]
    if not scripts and not refresh:
        return None
    code = b"\n".join(scripts)
    phrase = next((p for p in CHALLENGE_PHRASES if p in low), None)
    if _RELOAD.search(code):
        why = "script reloads the page"
    elif any(b"url=" not in tag.lower() for tag in refresh):
        why = "meta refresh reloads the page"
    elif _COOKIE.search(code) and _NAVIGATE.search(code):
        why = "script sets a cookie and navigates"
    elif phrase and scripts:
        why = f"script and {phrase.decode()!r}"
    else:
        return None
    # The costly test last: most pages with scripts have no challenge script at all.
    return None if visible_text_length(body) > CHALLENGE_MAX_TEXT else why


def bot_wall_reason(body: bytes) -> str | None:
    """Why a (2xx) body is a bot wall or a challenge page (a known marker or the challenge shape), else None."""
    head = body[:200_000].lower()
    marker = next((m for m in BOT_WALL_MARKERS if m in head), None)
    if marker is not None:
        return f"marker {marker.decode()!r}"
    shape = looks_like_challenge(body)
    return f"challenge page ({shape})" if shape else None


def classify_response(status: int, content_type: str, body: bytes, expect: str = "page") -> tuple[str, str | None]:
    """Outcome and error text for a response. ``expect`` is ``page`` (HTML), ``feed`` (RSS/Atom/sitemap) or
    ``api`` (JSON from an outlet's search API)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if status == 304:
        return "not_modified", None
    if status in (401, 403):
        return "blocked", f"HTTP {status}: access refused (bot wall)"
    htmlish = ctype in HTML_TYPES or (not ctype and expect == "page")
    wall = bot_wall_reason(body) if 200 <= status < 300 and (htmlish or status == 202) else None
    if status == 202 and wall:
        return "blocked", f"HTTP 202: {wall}"
    if status >= 400:
        return "http_error", f"HTTP {status}"
    if status >= 300:
        return "http_error", f"HTTP {status} redirect not followed"
    if ctype and not _type_ok(ctype, expect):
        return "not_html", f"content type {ctype!r} is not {_WHAT.get(expect, 'a feed')}"
    if not body.strip():
        return "http_error", f"HTTP {status} with an empty body"
    if wall:
        return "blocked", f"HTTP {status} page is a bot wall: {wall}"
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
