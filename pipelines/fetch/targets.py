"""What the fetcher asks for, per outlet: the canonical URL to request, the hosts a redirect may reach, the feeds.

:func:`canonicalize` is the form a URL is fetched and de-duplicated under: an outlet's article URL gets the
outlet's canonical form (AMP → article, mirror hosts, every query string dropped where its articles carry
none); its other URLs (feeds, sitemaps, listings) get the same host/path rules but keep their non-tracking
parameters; URLs of unknown sites get the generic treatment only (:func:`pipelines.fetch.urls.canonical_form`).

:class:`SourceConfig` holds what the live fetcher needs per source: the hosts a redirect may lead to and the
discovery URLs. Defaults come from the registry; a mapping of overrides lets a local test server stand in for
an outlet without code changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipelines.fetch.urls import canonical_form
from pipelines.sources.registry import SOURCES, is_article_url, publisher_for_url


def canonicalize(url: str) -> str:
    """The form of ``url`` to fetch and to de-duplicate by.

    >>> canonicalize("https://www.news1.kr/amp/world/usa-canada/5673971?utm_source=x#top")
    'https://www.news1.kr/world/usa-canada/5673971'
    >>> canonicalize("HTTP://Example.COM:80/a?id=3&utm_medium=rss&fbclid=z#frag")
    'http://example.com/a?id=3'
    """
    pub = publisher_for_url(url)
    if pub is None:
        return canonical_form(url)
    return canonical_form(url, pub.url_policy, keep_query=not is_article_url(pub.name, url))


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


def switched_off(source: str, overrides: Mapping[str, SourceConfig | Mapping] | None = None) -> bool:
    """True when ``overrides`` turn ``source`` off by giving it no feeds (``{"news1": {"feeds": []}}``): a live
    run then neither discovers nor fetches anything for it, not even re-checks of the pages it knows."""
    over = (overrides or {}).get(source)
    if over is None:
        return False
    feeds = over.feeds if isinstance(over, SourceConfig) else over.get("feeds")
    return feeds is not None and len(feeds) == 0
