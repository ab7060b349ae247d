"""Discovery (feeds, sitemaps, gzip, malformed XML) and the bilingual topic filter."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from pipelines.fetch.decode import gunzip_prefix
from pipelines.sources import is_relevant_text, parse_feed, parse_listing
from pipelines.sources.discovery import MAX_DECOMPRESSED_BYTES, parse_feed_detailed, sniff_kind
from pipelines.sources.topics import relevance_hits
from tests.test_sources_support import fixture_bytes

NEWS1_FEED = "https://www.news1.kr/api/feeds/google-news/"


def test_malformed_news_sitemap_is_read_with_recovery() -> None:
    result = parse_feed_detailed(fixture_bytes("sitemap_malformed.xml"), "news1", NEWS1_FEED)
    assert result.kind == "news_sitemap"
    assert result.errors  # the damage is reported, not raised
    assert [i.url for i in result.items] == [
        "https://www.news1.kr/economy/trade/6001234",
        "https://www.news1.kr/society/incident/6002345",
        "https://www.news1.kr/world/usa-canada/6003456",
    ]
    first = result.items[0]
    assert first.raw_url == "https://www.news1.kr/economy/trade/6001234"  # <loc> whitespace trimmed
    assert first.title is not None and first.title.startswith("정부, AI 반도체 수출 통제 대응반 가동")
    assert first.published_at == datetime(2025, 3, 4, 0, 15, tzinfo=UTC)
    assert first.modified_at == datetime(2025, 3, 4, 2, 2, 30, tzinfo=UTC)
    assert first.source == "news1" and first.via == NEWS1_FEED and first.kind == "news_sitemap"
    assert result.items[1].raw_url.startswith("https://www.news1.kr/amp/")  # AMP form normalised in .url
    assert [i.url for i in result.skipped] == ["https://www.news1.kr/photos/7100001"]
    assert result.skipped[0].skip_reason and not result.skipped[0].is_article
    assert result.total == 4


def test_gzip_sitemap_by_magic_bytes() -> None:
    body = gzip.compress(fixture_bytes("sitemap_malformed.xml"))
    items = parse_feed(body, "news1", NEWS1_FEED + "sitemap.xml.gz")
    assert len(items) == 3


def test_gzip_size_cap() -> None:
    body = gzip.compress(b"<urlset>" + b" " * 100_000 + b"</urlset>")
    data, error = gunzip_prefix(body, 1000)
    assert len(data) == 1000 and error and "truncated" in error
    assert gunzip_prefix(b"<urlset/>", MAX_DECOMPRESSED_BYTES) == (b"<urlset/>", None)
    assert gunzip_prefix(b"\x1f\x8bnot gzip", MAX_DECOMPRESSED_BYTES)[1].startswith("gzip:")


def test_sitemap_index_lists_children() -> None:
    result = parse_feed_detailed(fixture_bytes("sitemap_index.xml"), "cnn", "https://www.cnn.com/sitemap/article.xml")
    assert result.kind == "sitemap_index"
    assert result.sitemaps == ["https://www.cnn.com/sitemaps/article-2025-02.xml",
                               "https://www.cnn.com/sitemaps/article-2025-03.xml"]
    assert result.items == []


def test_rss_keeps_articles_and_skips_video_and_interactive() -> None:
    feed_url = "https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml"
    result = parse_feed_detailed(fixture_bytes("rss_nyt_technology.xml"), "nyt", feed_url)
    assert result.kind == "rss"
    assert len(result.items) == 1 and len(result.skipped) == 2
    item = result.items[0]
    assert item.url == "https://www.nytimes.com/2025/03/02/technology/china-ai-chips-fixture.html"  # ?smid dropped
    assert item.title == "Inside the Race to Build China’s Own A.I. Chips"
    assert item.summary == "Chinese firms are trying to replace banned American processors."
    assert item.published_at == datetime(2025, 3, 2, 10, 0, 12, tzinfo=UTC)
    assert item.keywords == ["Semiconductors and Chips"]
    interactive = next(i for i in result.skipped if "interactive" in i.url)
    assert interactive.published_at is not None and interactive.published_at.utcoffset().total_seconds() == -5 * 3600


def test_atom_feed_for_another_site() -> None:
    result = parse_feed_detailed(fixture_bytes("atom_feed.xml"), "other", "https://news.example.org/feed.atom")
    assert result.kind == "atom"
    assert [i.url for i in result.items] == ["https://news.example.org/2025/03/foundry-output"]
    assert result.items[0].summary == "Contract chipmakers reported higher output."


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"<!DOCTYPE html><html><body>News1 RSS moved</body></html>", "html"),
        (b"", "empty"),
        (b"\x00\x01\x02 binary", "unknown"),
        (b"<urlset><url><loc>https://www.cnn.com/2025/01/01/tech/x/index.html", "sitemap"),
    ],
)
def test_feed_parsing_never_raises(body: bytes, kind: str) -> None:
    result = parse_feed_detailed(body, "cnn", "https://www.cnn.com/sitemap/news.xml")
    assert result.kind == kind
    if kind == "sitemap":
        assert [i.url for i in result.items] == ["https://www.cnn.com/2025/01/01/tech/x/index.html"]


def test_sniff_kind() -> None:
    assert sniff_kind(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><rss version="2.0">') == "rss"
    assert sniff_kind(b"<?xml version='1.0'?><sitemapindex>") == "sitemap_index"
    assert sniff_kind(b"<feed xmlns='http://www.w3.org/2005/Atom'>") == "atom"


# --- topic filter ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia shares tumbled after DeepSeek released its model",
        "The Commerce Department tightened export controls on advanced chips",
        "Huawei's new chips rival the H100, analysts said",
        "TSMC and SMIC raised capex",
        "딥시크 성공 뒤에 美 규제",
        "엔비디아 H20 중국 수출 제한",
        "미국의 대중국 수출 통제 강화",
        "화웨이 칩이 중국 데이터센터에",
        "AI칩 밀수 적발",
        "반도체 수출 증가",
    ],
)
def test_relevant(text: str) -> None:
    assert is_relevant_text(text), relevance_hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jannik Sinner beats Alexander Zverev to retain his Australian Open crown",
        "Blue-chip stocks rose as investors bought bank shares",
        "A chocolate chip cookie recipe for the holidays",
        "Huawei unveiled a folding phone in Barcelona",
        "설날 전국 곳곳 눈…수도권 최대 8㎝",
        "그는 정계 은퇴 후 칩거에 들어갔다",
        "화웨이 신제품 공개",
        "",
    ],
)
def test_not_relevant(text: str) -> None:
    assert not is_relevant_text(text), relevance_hits(text)


def test_listing_page_links() -> None:
    html = """<html><body><ul>
      <li><h2 class="n1-header-title-1-2">
        <a href="/world/usa-canada/6003456">엔비디아 실적 발표 앞두고 긴장</a></h2></li>
      <li><h2 class="n1-header-title-1-2">
        <a href="https://www.news1.kr/amp/economy/trade/6001234?utm_source=x">대응반 가동</a></h2></li>
      <li><a href="/economy/trade/6001234">대응반 가동 (중복)</a></li>
      <li><a href="/photos/7100001">[포토] 반도체 공장</a></li>
      <li><a href="https://www.example.com/other">elsewhere</a></li>
      <li><a href="/latest?page=2">다음</a></li>
    </ul></body></html>"""
    result = parse_listing(html, "news1", "https://www.news1.kr/latest?page=1")
    assert [(i.url, i.title) for i in result.items] == [
        ("https://www.news1.kr/world/usa-canada/6003456", "엔비디아 실적 발표 앞두고 긴장"),
        ("https://www.news1.kr/economy/trade/6001234", "대응반 가동"),
    ]
    assert {i.raw_url for i in result.skipped} == {"https://www.news1.kr/photos/7100001",
                                                   "https://www.news1.kr/latest?page=2"}
    assert parse_listing(b"", "news1", "https://www.news1.kr/latest").errors
