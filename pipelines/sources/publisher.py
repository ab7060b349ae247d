"""What an outlet is, as data: :class:`Publisher` and the pieces it is made of.

An outlet is one unit: one module in ``pipelines/sources/outlets/`` holds its parser and template eras and
ends with its ``PUBLISHER``; one line in ``outlets/__init__.py`` lists it. Everything else (partitions, CLI
choices, dispatch, report colours, the live fetcher's hosts and feeds, search-API discovery) is derived
from the registry (:mod:`pipelines.sources.registry`). The shape follows the idea of flairNLP/fundus'
``PublisherSpec`` (a declarative record per publisher: domain, sources, parser), written for our needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from pipelines.fetch.urls import UrlPolicy, host_allowed

if TYPE_CHECKING:
    import lxml.html

    from .layers.context import PageContext
    from .layers.selectors import Template
    from .parsed_page import ParsedPage

FeedKind = Literal["rss", "sitemap", "news_sitemap", "listing"]


@dataclass(frozen=True)
class Feed:
    """A discovery endpoint. ``confidence`` repeats outlets.md: confirmed / single / inferred / frozen.

    ``kind`` is what the endpoint serves; sitemap indexes are plain ``sitemap`` here (``parse_feed`` recognises
    an index by its root element and returns its children in ``FeedParseResult.sitemaps``). ``listing`` is an
    HTML page of article links, for outlets without a usable feed. ``primary`` marks the feed that lists new
    articles first: the live crawl polls it every second crawl, the outlet's other feeds on its host in turn
    in between (:mod:`pipelines.fetch.rotation`).
    """

    url: str
    kind: FeedKind
    confidence: str = "confirmed"
    enabled: bool = True
    note: str = ""
    primary: bool = False


@dataclass(frozen=True)
class ParserVersion:
    """A parser layer that is not a selector :class:`~pipelines.sources.layers.selectors.Template` (News1's
    ``__NEXT_DATA__`` reader), with the dates it is valid for."""

    name: str
    valid_from: date | None
    valid_until: date | None
    marker: str


@dataclass(frozen=True)
class SearchApi:
    """An outlet's official search API, asked during discovery when ``key_env`` holds a key (live mode).

    ``url`` is the endpoint; ``query`` and ``filter_query`` are sent as the API's ``q`` and ``fq``; results
    from the last ``days`` days. The client is :mod:`pipelines.fetch.article_search` (NYT's Article Search).
    """

    url: str
    query: str
    key_env: str
    filter_query: str | None = None
    days: int = 2


def path_key(name: str) -> Callable[[str], str | None]:
    """The default article key: ``"<outlet>:<path of the canonical URL>"``."""

    def key(canonical_url: str) -> str | None:
        return f"{name}:{urlsplit(canonical_url).path}"

    return key


@dataclass(frozen=True)
class Publisher:
    """Everything the pipeline knows about one outlet.

    * where it lives: ``hosts`` (subdomains included) and ``url_policy`` (canonical host, mirror hosts, AMP
      prefix, which article URLs keep a query string);
    * how to discover it: ``feeds`` and ``search`` (an official search API);
    * which URLs are articles: ``article_url`` and ``skip_urls``; ``key`` maps a canonical URL to the
      article's identity across URL variants (default: outlet and path);
    * how to read it: ``language`` (``html_lang_wins``: whether ``<html lang>`` may override it),
      ``timezone`` for naive times, ``parse`` (the outlet parser), ``templates`` (its selector eras, each
      knowing the dates it is valid for) and ``other_versions`` (non-template layers);
    * how to classify its pages: ``detect`` (markup says a page with an unknown URL is this outlet's; it gets
      the document and the lower-cased site names), ``front_page`` (a reason when the markup marks a front,
      section or listing), ``article_marker`` (a marker when it marks a single story) and
      ``article_evidence`` (evidence that outweighs a generic ``og:type=website``). The classification hooks
      apply to every page, as the markup they look for is unambiguous;
    * how to show it: ``title`` and ``color`` (report charts).
    """

    name: str
    title: str
    language: str
    timezone: tzinfo
    hosts: tuple[str, ...]
    feeds: tuple[Feed, ...]
    article_url: re.Pattern[str]
    skip_urls: tuple[re.Pattern[str], ...]
    url_policy: UrlPolicy
    parse: Callable[[PageContext], ParsedPage]
    templates: tuple[Template, ...] = ()
    other_versions: tuple[ParserVersion, ...] = ()
    key: Callable[[str], str | None] | None = None
    detect: Callable[[lxml.html.HtmlElement, str], bool] | None = None
    front_page: Callable[[PageContext], str | None] | None = None
    article_marker: Callable[[PageContext], str | None] | None = None
    article_evidence: Callable[[PageContext], bool] | None = None
    html_lang_wins: bool = True
    search: SearchApi | None = None
    color: str = "#7f7f7f"

    def owns_host(self, host: str) -> bool:
        """True when ``host`` is one of this outlet's domains or a subdomain of one."""
        return host_allowed(host, self.hosts)

    @property
    def active_feeds(self) -> tuple[Feed, ...]:
        """Feeds to poll (frozen or unconfirmed ones are listed but disabled)."""
        return tuple(f for f in self.feeds if f.enabled)

    @property
    def primary_feed(self) -> Feed | None:
        """The active feed marked ``primary``, else the first active feed (None when there is none)."""
        active = self.active_feeds
        return next((f for f in active if f.primary), active[0] if active else None)

    @property
    def parser_versions(self) -> tuple[Template | ParserVersion, ...]:
        """Every parser layer with its era: the selector templates, then the other layers."""
        return (*self.templates, *self.other_versions)

    def article_key(self, canonical_url: str) -> str | None:
        """The article's identity across URL variants."""
        return (self.key or path_key(self.name))(canonical_url)
