"""URLs for fetching: canonical forms, host keys, and each source's allowed hosts and feeds.

:func:`canonicalize` is the form a URL is fetched and de-duplicated under. Article URLs of a known outlet go
through :func:`pipelines.sources.registry.canonical_article_url` (AMP → article, mirror hosts, every query
string dropped where the outlet's articles carry none). Other URLs of an outlet (feeds, sitemaps, listings) get
the same host/path rules but keep their non-tracking parameters (News1's ``/api/feeds/google?category_id=N``);
URLs of unknown sites get the generic treatment only: lower-case scheme and host, no default port, no
fragment, no tracking parameters.

:class:`SourceConfig` holds what the live fetcher needs per source: the hosts a redirect may lead to and the
discovery URLs. Defaults come from the registry; a mapping of overrides lets a local test server stand in for
an outlet without code changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from pipelines.sources.registry import SOURCES, canonical_article_url, is_article_url, source_for_url

# Parameters that only track a click; they never select content. NYT's robots.txt disallows URLs carrying
# several of them (smid, partner, utm_source, campaignId, login, embed, entry, hybrid).
TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|smid|smtyp|partner|campaign_?id|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|"
    r"igshid|_ga|_gl|ocid|cmpid|ns_\w+|login|embed|entry|hybrid)$",
    re.I,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _strip_tracking(query: str) -> str:
    kept = [p for p in query.split("&") if p and not TRACKING_PARAMS.match(p.split("=", 1)[0])]
    return "&".join(kept)


def canonicalize(url: str) -> str:
    """The form of ``url`` to fetch and to de-duplicate by.

    >>> canonicalize("https://www.news1.kr/amp/world/usa-canada/5673971?utm_source=x#top")
    'https://www.news1.kr/world/usa-canada/5673971'
    >>> canonicalize("HTTP://Example.COM:80/a?id=3&utm_medium=rss&fbclid=z#frag")
    'http://example.com/a?id=3'
    """
    text = (url or "").strip()
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text.split("#", 1)[0]
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return text.split("#", 1)[0]
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = _strip_tracking(parts.query)
    source = source_for_url(text)
    if source in SOURCES:
        if is_article_url(source, text) or not query:
            return canonical_article_url(text)
        # a feed or listing with real parameters: the outlet's host/path rules, but keep its query
        base = canonical_article_url(urlunsplit((scheme, netloc, parts.path or "/", "", "")))
        return f"{base}?{query}"
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def host_of(url: str) -> str:
    """The lower-cased host name of ``url`` (no port), ``""`` when it has none. Politeness is kept per host."""
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: the scope of a robots.txt file (RFC 9309)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    return f"{scheme}://{host}" if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{scheme}://{host}:{port}"


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """True when ``host`` is one of ``allowed`` or a subdomain of one (``www.cnn.com`` under ``cnn.com``)."""
    host = host.lower().rstrip(".")
    for entry in allowed:
        entry = entry.lower().rstrip(".")
        if host == entry or host.endswith("." + entry):
            return True
    return False


@dataclass(frozen=True)
class SourceConfig:
    """What the live fetcher needs about one source: hosts a redirect may reach, and discovery URLs."""

    hosts: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()


def source_config(source: str, overrides: Mapping[str, SourceConfig | Mapping] | None = None) -> SourceConfig:
    """The registry's hosts and active feeds for ``source``, with any field given in ``overrides`` replacing them.

    ``overrides`` maps a source name to a :class:`SourceConfig` or a dict with ``hosts`` and/or ``feeds``, e.g.
    ``{"cnn": {"hosts": ["127.0.0.1"], "feeds": ["http://127.0.0.1:8080/sitemap.xml"]}}``. An unknown source
    with no override has no hosts (redirects may then stay on the requested URL's own host only).
    """
    pub = SOURCES.get(source)
    base = SourceConfig(hosts=tuple(pub.hosts), feeds=tuple(f.url for f in pub.active_feeds)) if pub else SourceConfig()
    over = (overrides or {}).get(source)
    if over is None:
        return base
    if isinstance(over, SourceConfig):
        return over
    unknown = set(over) - {"hosts", "feeds"}
    if unknown:
        raise ValueError(f"source override for {source!r} has unknown keys {sorted(unknown)}; use hosts / feeds")
    return SourceConfig(
        hosts=tuple(over["hosts"]) if "hosts" in over else base.hosts,
        feeds=tuple(over["feeds"]) if "feeds" in over else base.feeds,
    )
