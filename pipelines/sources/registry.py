"""Declarative publisher definitions (in the manner of fundus' ``PublisherSpec``) and URL rules.

Each :class:`Publisher` says where an outlet lives (hosts), how to discover its articles (feeds with their
kind), which URLs are articles and which to skip, and which parser versions exist per template era. The
URL helpers (:func:`source_for_url`, :func:`is_article_url`, :func:`canonical_article_url`) only use this
data and the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

FeedKind = Literal["rss", "sitemap", "news_sitemap", "listing"]


@dataclass(frozen=True)
class Feed:
    """A discovery endpoint. ``confidence`` repeats outlets.md: confirmed / single / inferred / frozen.

    ``kind`` is what the endpoint serves; sitemap indexes are plain ``sitemap`` here (``parse_feed`` recognises
    an index by its root element and returns its children in ``FeedParseResult.sitemaps``).
    """

    url: str
    kind: FeedKind
    confidence: str = "confirmed"
    enabled: bool = True
    note: str = ""


@dataclass(frozen=True)
class ParserVersion:
    """One parser per template era. ``marker`` names the markup that identifies the era."""

    name: str
    valid_from: date | None
    valid_until: date | None
    marker: str


@dataclass(frozen=True)
class Publisher:
    """Everything the pipeline needs to know about one outlet."""

    name: str
    title: str
    language: str
    timezone: str
    hosts: tuple[str, ...]
    feeds: tuple[Feed, ...]
    article_url: re.Pattern[str]
    skip_urls: tuple[re.Pattern[str], ...]
    parser_versions: tuple[ParserVersion, ...]
    drop_all_query: bool = True

    def owns_host(self, host: str) -> bool:
        """True when ``host`` is one of this outlet's domains or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    @property
    def active_feeds(self) -> tuple[Feed, ...]:
        """Feeds to poll (frozen or unconfirmed ones are listed but disabled)."""
        return tuple(f for f in self.feeds if f.enabled)


NEWS1 = Publisher(
    name="news1",
    title="News1 Korea (뉴스1)",
    language="ko",
    timezone="Asia/Seoul",
    hosts=("news1.kr",),
    feeds=(
        Feed("https://www.news1.kr/api/feeds/google-news/", "news_sitemap", "single",
             note="declared in robots.txt"),
        Feed("https://www.news1.kr/api/feeds/sitemap-index/", "sitemap", "single",
             note="sitemap index, declared in robots.txt"),
        Feed("https://www.news1.kr/api/feeds/category/", "sitemap", "single", note="declared in robots.txt"),
        Feed("https://www.news1.kr/api/feeds/globalmarkets/", "sitemap", "single",
             note="declared in robots.txt"),
        Feed("https://www.news1.kr/api/feeds/news-sitemap/section/realestate", "news_sitemap", "inferred",
             note="per-section pattern; only realestate seen"),
        Feed("https://www.news1.kr/latest?page=1", "listing", "single",
             note="latest-news listing (HTML, ~34 items); News1 has no confirmed RSS"),
        Feed("https://www.news1.kr/rss", "rss", "unconfirmed", enabled=False,
             note="returned HTML in 2026-03; do not rely on RSS"),
    ),
    article_url=re.compile(
        r"^https?://(?:www\.|m\.)?news1\.kr/"
        r"(?:amp/)?(?:(?:[a-z][a-z0-9_-]*/){1,2}\d{4,}|articles/\??(?:id=)?\d{4,})/?(?:[?#].*)?$",
        re.I,
    ),
    skip_urls=(
        re.compile(r"/(?:photos?|video|videos|vod|latest|trend|search|jebo|ads|gallery|live|reporter|"
                   r"series|issue|topic)(?:/|\?|$)", re.I),
    ),
    parser_versions=(
        ParserVersion("news1.next_data", date(2023, 1, 1), None, "script#__NEXT_DATA__ props.pageProps.articleView"),
        ParserVersion("news1.selectors", date(2023, 1, 1), None, "#articleBodyContent, h1.article-h2-header-title"),
        ParserVersion("news1.generic", None, date(2023, 1, 1), "pre-Next.js pages: generic extractor + News1 rules"),
    ),
    drop_all_query=False,
)

CNN = Publisher(
    name="cnn",
    title="CNN",
    language="en",
    timezone="America/New_York",
    hosts=("cnn.com",),
    feeds=(
        Feed("https://www.cnn.com/sitemap/news.xml", "news_sitemap", "confirmed (5+)", note="~48 h"),
        Feed("https://edition.cnn.com/sitemap/news.xml", "news_sitemap", "confirmed", enabled=False,
             note="same content as www"),
        Feed("https://www.cnn.com/sitemap/article.xml", "sitemap", "confirmed",
             note="sitemap index of monthly archives; walk it, do not build names"),
        Feed("https://www.cnn.com/sitemaps/cnn/news.xml", "news_sitemap", "single", enabled=False,
             note="legacy"),
        Feed("http://rss.cnn.com/rss/cnn_topstories.rss", "rss", "frozen", enabled=False,
             note="answers 200 but stopped in April 2023"),
    ),
    article_url=re.compile(
        r"^https?://(?:(?:www|edition|us|amp|money|lite)\.)?cnn\.com/"
        r"(?:\d{4}/(?:[A-Za-z]+/)?\d{2}/\d{2}/[^?#]+?(?:/index\.html|\.html|/)?"
        r"|(?:en/)?article/[^?#]+)(?:[?#].*)?$",
        re.I,
    ),
    skip_urls=(
        re.compile(r"/(?:videos?|live-news|gallery|galleries|interactive|specials|photos?|audio|podcasts?|"
                   r"profiles|vr|election/\d{4}/results)(?:/|$)", re.I),
        re.compile(r"\.cnn(?:-ap)?\.html$", re.I),
        re.compile(r"^https?://(?:www\.)?cnn\.com/?$", re.I),
    ),
    parser_versions=(
        ParserVersion("cnn.selectors.2023", date(2022, 9, 1), None, "div.article__content p.paragraph"),
        ParserVersion("cnn.selectors.2015", date(2015, 1, 1), date(2023, 1, 1),
                      "section#body-text .zn-body__paragraph"),
        ParserVersion("cnn.selectors.2013", date(2012, 1, 1), date(2015, 1, 1), "p.cnn_storypgraphtxt"),
        ParserVersion("cnn.selectors.2010", None, date(2013, 1, 1), "div.cnn_strycntntlft > p"),
        ParserVersion("cnn.selectors.money", None, date(2023, 1, 1), "money.cnn.com div#storytext"),
    ),
)

NYT = Publisher(
    name="nyt",
    title="The New York Times",
    language="en",
    timezone="America/New_York",
    hosts=("nytimes.com",),
    feeds=(
        Feed("https://www.nytimes.com/sitemaps/new/news.xml.gz", "news_sitemap", "confirmed (3)",
             note="gzip, ~48 h, 400-900 items incl. image entries"),
        Feed("https://www.nytimes.com/sitemaps/new/sitemap.xml.gz", "sitemap", "confirmed", note="sitemap index"),
        Feed("https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml", "rss", "likely live"),
        Feed("https://rss.nytimes.com/services/xml/rss/nyt/Business.xml", "rss", "likely live"),
        Feed("https://rss.nytimes.com/services/xml/rss/nyt/World.xml", "rss", "likely live"),
        Feed("https://rss.nytimes.com/services/xml/rss/nyt/HomePage.xml", "rss", "likely live"),
    ),
    article_url=re.compile(
        r"^https?://(?:(?:www\d*|mobile|m)\.)?nytimes\.com/(?:(?:es|en)/)?\d{4}/\d{2}/\d{2}/[a-z0-9/_.-]+\.html"
        r"(?:[?#].*)?$"
        r"|^https?://[a-z0-9-]+\.blogs\.nytimes\.com/\d{4}/\d{2}/\d{2}/[^/?#]+/?(?:[?#].*)?$",
        re.I,
    ),
    skip_urls=(
        re.compile(r"/(?:live|interactive|video|slideshow|athletic|wirecutter|paidpost|by|section|spotlight|"
                   r"topic|column|puzzles|crosswords|games)/", re.I),
        re.compile(r"^https?://(?:cooking|myaccount|help|store)\.nytimes\.com", re.I),
    ),
    parser_versions=(
        ParserVersion("nyt.selectors.2018", date(2018, 1, 1), None,
                      "section[name=articleBody] / StoryBodyCompanionColumn"),
        ParserVersion("nyt.selectors.2014", date(2014, 1, 1), date(2018, 6, 1), "p.story-body-text"),
        ParserVersion("nyt.selectors.2010", None, date(2014, 1, 1), "div.articleBody / NYT_TEXT"),
        ParserVersion("nyt.selectors.blog", None, date(2017, 1, 1), "*.blogs.nytimes.com div.entry-content"),
    ),
)

SOURCES: dict[str, Publisher] = {p.name: p for p in (NEWS1, CNN, NYT)}

_TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|smid|smtyp|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|campaign_?id|partner|ref|referer|"
    r"source|hpt|iid|iref|sr|rss|_ga|igshid|ito|ns_\w+|pagewanted|emc|nl|src|action|module|pgtype|region|"
    r"context|login|embed|entry|hybrid|auth|unlocked_article_code|share_id|t)$",
    re.I,
)


def source_for_url(url: str | None) -> str:
    """``"news1"``, ``"cnn"``, ``"nyt"`` by host, else ``"other"``."""
    if not url:
        return "other"
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return "other"
    for name, pub in SOURCES.items():
        if pub.owns_host(host):
            return name
    return "other"


def is_article_url(source: str, url: str | None) -> bool:
    """True when ``url`` looks like one of ``source``'s article pages and matches no skip pattern."""
    if not url:
        return False
    pub = SOURCES.get(source)
    url = url.strip()
    if pub is None:
        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        return parts.scheme in ("http", "https") and len(parts.path.strip("/")) > 0
    if source_for_url(url) != source:
        return False
    if any(p.search(url) for p in pub.skip_urls):
        return False
    return bool(pub.article_url.match(url))


def _strip_query(query: str, *, drop_all: bool) -> str:
    if drop_all or not query:
        return ""
    # keep the parameters as written (News1's legacy "/articles/?5012345" has a bare id as its query)
    kept = [part for part in query.split("&") if part and not _TRACKING_PARAMS.match(part.split("=", 1)[0])]
    return "&".join(kept)


def canonical_article_url(url: str) -> str:
    """Normalise an article URL for de-duplication and fetching.

    Drops fragments, ``utm_*``/``smid``/other tracking parameters (every query string for NYT and CNN),
    upgrades to https, maps ``edition.cnn.com``/``us.cnn.com``/``amp.cnn.com`` to ``www.cnn.com``, NYT mirror
    hosts (``www10``, ``mobile``) to ``www.nytimes.com``, and News1 AMP URLs (``/amp/...``) and ``m.``/bare
    hosts to ``https://www.news1.kr/...``.
    """
    if not url:
        return url
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return text
    host = parts.hostname.lower()
    path = parts.path or "/"
    source = source_for_url(text)
    scheme = parts.scheme
    if source == "cnn":
        if host in ("edition.cnn.com", "us.cnn.com", "amp.cnn.com", "cnn.com"):
            host = "www.cnn.com"
        scheme = "https"
        query = ""
    elif source == "nyt":
        if re.match(r"^(?:www\d*|mobile|m)\.nytimes\.com$", host) or host == "nytimes.com":
            host = "www.nytimes.com"
        scheme = "https"
        query = ""
    elif source == "news1":
        if host in ("news1.kr", "m.news1.kr", "amp.news1.kr"):
            host = "www.news1.kr"
        if path.lower().startswith("/amp/"):
            path = path[4:]
        scheme = "https"
        # only the legacy "/articles/?{id}" form carries meaning in its query string
        query = _strip_query(parts.query, drop_all=path.rstrip("/").lower() != "/articles")
    else:
        query = _strip_query(parts.query, drop_all=False)
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    return urlunsplit((scheme, host + port, path, query, ""))


def article_key(url: str) -> str | None:
    """A stable identity for an article across URL variants (News1: the numeric id)."""
    source = source_for_url(url)
    canon = canonical_article_url(url)
    if source == "news1":
        match = re.search(r"(\d{4,})/?(?:$|\?)", canon) or re.search(r"[?&/](\d{4,})", canon)
        return f"news1:{match.group(1)}" if match else None
    if source in ("cnn", "nyt"):
        return f"{source}:{urlsplit(canon).path}"
    return canon or None
