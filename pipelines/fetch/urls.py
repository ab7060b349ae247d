"""URL plumbing for every request and record: tracking parameters, host matching, the canonical form.

This module knows no outlet. An outlet's rules (its canonical host and the mirror hosts that map to it, an AMP
path prefix, whether its article URLs keep a query string) come in as a :class:`UrlPolicy`, which each
outlet declares on its ``Publisher`` (``pipelines/sources/outlets/``). :func:`canonical_form` is the one
canonicalization: :func:`pipelines.sources.registry.canonical_article_url` (records, de-duplication) and
:func:`pipelines.fetch.targets.canonicalize` (what is fetched) both call it with the outlet's policy.

courlan (installed with trafilatura) was tried on the outlets' URL forms and is not used: ``normalize_url``
drops News1's legacy article id (``/articles/?5012345`` becomes ``/articles/``, so every legacy article would
share one key), keeps content-free query strings unless ``strict`` (which then also drops feed parameters such
as ``category_id``), reorders parameters, keeps fragments, and maps no mirror host (``www10.nytimes.com``,
``edition.cnn.com``, ``m.news1.kr``) or AMP path. Ours stays; its tracking list is the union of the two lists
the project used to keep (``fetch/urls`` and ``sources/registry``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

# Parameters that only track a click or a share; they never select content. NYT's robots.txt disallows URLs
# carrying several of them (smid, partner, utm_source, campaignId, login, embed, entry, hybrid).
TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|smid|smtyp|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|ocid|cmpid|campaign_?id|"
    r"partner|ref|referer|source|hpt|iid|iref|sr|rss|_ga|_gl|igshid|ito|ns_\w+|pagewanted|emc|nl|src|action|"
    r"module|pgtype|region|context|login|embed|entry|hybrid|auth|unlocked_article_code|share_id|t)$",
    re.I,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


# Google's AMP cache serves a page of any site under https://<site-with-dashes>.cdn.ampproject.org/c/s/<host>/<path>
# (``/c/`` the document, ``/v/`` the viewer, ``/i/`` images; ``s/`` for https); a browser's crawl records that URL.
_AMP_CACHE = re.compile(r"^https?://[a-z0-9-]+\.cdn\.ampproject\.org/[cvi]/(s/)?([^/?#]+)(.*)$", re.I | re.S)


def unwrap_amp_cache(url: str) -> str:
    """The page's own URL for a URL of Google's AMP cache, else ``url`` unchanged.

    >>> unwrap_amp_cache("https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/2025/01/27/tech/x/index.html")
    'https://www.cnn.com/2025/01/27/tech/x/index.html'
    """
    m = _AMP_CACHE.match((url or "").strip())
    if m is None:
        return url
    return f"{'https' if m.group(1) else 'http'}://{m.group(2)}{m.group(3) or '/'}"


def strip_tracking(query: str) -> str:
    """``query`` without its tracking parameters, the others kept as written (News1's ``?5012345`` too)."""
    kept = [part for part in query.split("&") if part and not TRACKING_PARAMS.match(part.split("=", 1)[0])]
    return "&".join(kept)


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """True when ``host`` is one of ``allowed`` or a subdomain of one (``www.cnn.com`` under ``cnn.com``)."""
    host = host.lower().rstrip(".")
    for entry in allowed:
        entry = entry.lower().rstrip(".")
        if host == entry or host.endswith("." + entry):
            return True
    return False


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


@dataclass(frozen=True)
class UrlPolicy:
    """One outlet's URL rules.

    ``host``: the canonical host; ``aliases``: hosts (full match, lower case) rewritten to it; ``https``: always
    https; ``strip_prefix``: a path prefix dropped (AMP, ``/amp``); ``query_paths``: the article paths whose
    query string carries meaning (matched case-insensitively against the path without a trailing slash); any
    other article URL of the outlet loses its query string.
    """

    host: str | None = None
    aliases: re.Pattern[str] | None = None
    https: bool = True
    strip_prefix: str | None = None
    path_rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()
    query_paths: re.Pattern[str] | None = None

    def keeps_query(self, path: str) -> bool:
        """True when an article URL with this path keeps its (tracking-free) query string."""
        return bool(self.query_paths and self.query_paths.fullmatch(path.rstrip("/").lower()))


def canonical_form(url: str, policy: UrlPolicy | None = None, *, keep_query: bool = False) -> str:
    """The canonical form of ``url``: lower-case scheme and host, no default port, no fragment, no tracking
    parameters, and ``policy``'s host, scheme, path-prefix and query rules. ``keep_query`` keeps the
    tracking-free query even where the policy drops it (feeds and listings of an outlet: News1's
    ``/api/feeds/google?category_id=N``).

    >>> canonical_form("HTTP://Example.COM:80/a?id=3&utm_medium=rss&fbclid=z#frag")
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
    path = parts.path or "/"
    query = strip_tracking(parts.query)
    if policy is not None:
        if policy.host and policy.aliases is not None and policy.aliases.fullmatch(host):
            host = policy.host
        if policy.https:
            scheme = "https"
            port = None if port in _DEFAULT_PORTS.values() else port
        prefix = policy.strip_prefix
        while prefix and path.lower().startswith(prefix + "/"):
            path = path[len(prefix):]
        for pattern, replacement in policy.path_rewrites:
            path = pattern.sub(replacement, path)
        if not keep_query and not policy.keeps_query(path):
            query = ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, path, query, ""))
