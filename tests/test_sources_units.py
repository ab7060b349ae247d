"""Unit tests for the source helpers: datelines, bylines, dates and time zones, URLs, classification."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from pipelines.sources import canonical_article_url, is_article_url, parse_page, source_for_url
from pipelines.sources.layers.authors import smart_title, split_byline
from pipelines.sources.layers.dates import EASTERN, KST, choose, parse_any, parse_compact, parse_english, parse_iso
from pipelines.sources.layers.html_text import clean_text, parse_html, split_html_paragraphs, strip_tags
from pipelines.sources.layers.jsonld import extract_jsonld, find_article
from pipelines.sources.layers.page_kinds import bot_wall_marker, is_paywall_stub
from pipelines.sources.outlets.news1_text import clean_body, is_caption, parse_dateline
from pipelines.sources.registry import SOURCES, article_key
from tests.test_sources_support import shared_dir

# --- News1 datelines and body conventions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "reporters", "rest"),
    [
        ("(서울=뉴스1) 이창규 기자 = 중국의 AI", "서울", ["이창규"], "중국의 AI"),
        ("(세종=뉴스1) 홍길동 기자,김철수 기자 = 정부가", "세종", ["홍길동", "김철수"], "정부가"),
        ("(부산=뉴스1) 홍길동·김철수 기자 = 세관이", "부산", ["홍길동", "김철수"], "세관이"),
        ("(서울=뉴스1) = 시민들이 걷고 있다.", "서울", [], "시민들이 걷고 있다."),
        ("(워싱턴=뉴스1) 김현 특파원 = 미국 상무부가", "워싱턴", ["김현"], "미국 상무부가"),
        ("(서울=뉴스1) 이창규 선임기자 = 본문", "서울", ["이창규"], "본문"),
    ],
)
def test_parse_dateline(text: str, place: str, reporters: list[str], rest: str) -> None:
    assert parse_dateline(text) == (place, reporters, rest)


def test_dateline_only_at_paragraph_start() -> None:
    assert parse_dateline("그는 (서울=뉴스1) 이창규 기자 = 라고 썼다") is None
    assert parse_dateline("뉴스1과의 통화에서 그는 말했다") is None


def test_clean_body_drops_prefix_captions_email_footer() -> None:
    lines = [
        "제목 줄",
        "부제 줄",
        "로고. ⓒ 로이터=뉴스1 ⓒ News1 박형기 기자",
        "(서울=뉴스1) 이창규 기자 = 첫 문단이다.",
        "본문 이미지 - 대통령 ⓒ 로이터=뉴스1 ⓒ News1 류정민 특파원",
        "둘째 문단은 뉴스1과의 통화에서 나온 말을 전한다.",
        "(KT 제공) 2023.10.31/뉴스1 photo@news1.kr",
        "현장 사진 2017.6.7/뉴스1 © News1 박세연 기자",
        "마지막 문단이다.",
        "yellowapollo@news1.kr",
        "대표이사/발행인 : 홍길동",
        "|",
        "Copyright ⓒ 뉴스1. All rights reserved. 무단 사용 및 재배포, AI학습 활용 금지.",
    ]
    body = clean_body(lines)
    assert body.paragraphs == ["첫 문단이다.", "둘째 문단은 뉴스1과의 통화에서 나온 말을 전한다.", "마지막 문단이다."]
    assert body.dateline_place == "서울"
    assert body.dateline_reporters == ["이창규"]
    assert body.reporter_email == "yellowapollo@news1.kr"
    assert body.dropped_captions == 3


def test_old_footer_wording_is_dropped() -> None:
    body = clean_body(["(서울=뉴스1) 김기자 기자 = 본문.", "kim@news1.kr",
                       "Copyright ⓒ 뉴스1코리아 www.news1.kr 무단복제 및 전재 – 재배포금지"])
    assert body.paragraphs == ["본문."]


def test_caption_rule_keeps_body_mentions_of_news1() -> None:
    assert not is_caption("업계 관계자는 뉴스1과의 통화에서 이렇게 말했다.")
    assert is_caption("서울 광화문. 2025.1.28/뉴스1 © News1 이승배 기자")


def test_seed_text_cleanup() -> None:
    seed = shared_dir() / "seed" / "000_68cb2df34e3786ef.txt"
    if not seed.is_file():
        pytest.skip(f"seed text not found at {seed}")
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = clean_body(lines)
    assert body.dateline_place == "서울" and body.dateline_reporters == ["이창규"]
    assert body.paragraphs[0].startswith("중국의 인공지능(AI) 스타트업 딥시크")
    text = "\n".join(body.paragraphs)
    for gone in ("ⓒ News1", "@news1.kr", "Copyright", "대표이사", "본문 이미지"):
        assert gone not in text


# --- bylines -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By  Ed Hornick, CNN", ["Ed Hornick"]),
        ('By <a href="/profiles/x">Jane Doe</a>, John Roe and Ann Lee, CNN', ["Jane Doe", "John Roe", "Ann Lee"]),
        ("Dana A. Ford , James S.A. Corey, Chien-Ming Wang, and Tom Watkins, CNN",
         ["Dana A. Ford", "James S.A. Corey", "Chien-Ming Wang", "Tom Watkins"]),
        ("Jill Disis, CNN Business", ["Jill Disis"]),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
        ("Analysis by Joan Biskupic, CNN Senior Supreme Court Analyst", ["Joan Biskupic"]),
        ("By Thomas L. Friedman, Opinion Columnist", ["Thomas L. Friedman"]),
        ("Opinion by Frida Ghitis", ["Frida Ghitis"]),
        ("by Julia Horowitz @CNNMoney", ["Julia Horowitz"]),
        ("By MARC SANTORA, WILLIAM K. RASHBAUM, AL BAKER and ADAM GOLDMAN",
         ["Marc Santora", "William K. Rashbaum", "Al Baker", "Adam Goldman"]),
        ("CNN Wire Staff", ["CNN Wire Staff"]),
        ("The New York Times", ["The New York Times"]),
        ("이창규 기자", ["이창규"]),
        ("홍길동 기자,김철수 기자", ["홍길동", "김철수"]),
        ("", []),
    ],
)
def test_split_byline(byline: str, names: list[str]) -> None:
    assert split_byline(byline) == names


def test_smart_title() -> None:
    assert smart_title("JUDITH H. DOBRZYNSKI") == "Judith H. Dobrzynski"
    assert smart_title("MITCH MCCONNELL") == "Mitch McConnell"
    assert smart_title("Ana Swanson") == "Ana Swanson"


# --- dates and time zones -------------------------------------------------------------------------------------


def test_naive_news1_times_are_kst() -> None:
    value = parse_any("2025-01-28 13:12:05", KST)
    assert value is not None and value.value == datetime(2025, 1, 28, 4, 12, 5, tzinfo=UTC)
    value = parse_any("2025-01-28T13:12:05", KST)
    assert value is not None and value.value.utcoffset().total_seconds() == 9 * 3600


def test_offsets_win_over_the_default_zone() -> None:
    value = parse_iso("2023-11-06T13:00:15.055Z", KST)
    assert value is not None and value.value == datetime(2023, 11, 6, 13, 0, 15, 55000, tzinfo=UTC)
    assert parse_iso("2025-01-28T10:39:12+0900").value.utcoffset().total_seconds() == 9 * 3600


def test_nyt_compact_stamps_are_eastern_with_dst() -> None:
    winter = parse_compact("20170113000004", EASTERN)
    summer = parse_compact("20160316133957", EASTERN)
    assert winter.value.isoformat() == "2017-01-13T00:00:04-05:00"
    assert summer.value.isoformat() == "2016-03-16T13:39:57-04:00"
    day = parse_compact("20110110", EASTERN)
    assert day is not None and not day.has_time


def test_cnn_visible_timestamps() -> None:
    value = parse_english("Updated 9:22 PM EST, Mon November 6, 2023", EASTERN)
    assert value.value.astimezone(UTC) == datetime(2023, 11, 7, 2, 22, tzinfo=UTC)
    legacy = parse_english("Updated 0203 GMT (1003 HKT) November 28, 2013", EASTERN)
    assert legacy.value == datetime(2013, 11, 28, 2, 3, tzinfo=UTC)
    money = parse_english("November 29, 2016: 8:18 AM ET", EASTERN)
    assert money.value.isoformat() == "2016-11-29T08:18:00-05:00"


def test_js_date_and_korean_dates() -> None:
    assert parse_any("Fri Aug 13 19:08:33 EDT 2010").value.isoformat() == "2010-08-13T19:08:33-04:00"
    value = parse_any("2025.01.28 오후 5:30", KST)
    assert value.value.isoformat() == "2025-01-28T17:30:00+09:00"


def test_choose_upgrades_a_date_to_a_same_day_time() -> None:
    date_only = parse_any("2016-03-16", EASTERN)
    timed = parse_any("20160316133957", EASTERN)
    other_day = parse_any("20160317010000", EASTERN)
    assert choose([date_only, other_day]) is date_only
    assert choose([date_only, other_day, timed]) is timed
    assert choose([None, None]) is None


def test_every_parsed_date_is_aware() -> None:
    for raw in ("2016-11-29 03:33:08", "20110110", "July 12, 2011, 4:13 pm", "2025년 1월 28일", 1700000000):
        value = parse_any(raw, EASTERN)
        assert value is not None and value.value.tzinfo is not None, raw


# --- URLs -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://www.news1.kr/amp/world/usa-canada/5673971", "https://www.news1.kr/world/usa-canada/5673971"),
        ("http://m.news1.kr/amp/society/labor/6228304?utm_source=x#top", "https://www.news1.kr/society/labor/6228304"),
        ("https://news1.kr/articles/?5012345", "https://www.news1.kr/articles/?5012345"),
        ("https://edition.cnn.com/2023/11/06/politics/x/index.html?iid=ob&hpt=hp_c1",
         "https://www.cnn.com/2023/11/06/politics/x/index.html"),
        ("http://www10.nytimes.com/2011/01/11/world/asia/11pakistan.html?pagewanted=all",
         "https://www.nytimes.com/2011/01/11/world/asia/11pakistan.html"),
        ("https://www.nytimes.com/2025/01/27/technology/x.html?smid=tw-share#comments",
         "https://www.nytimes.com/2025/01/27/technology/x.html"),
        ("https://example.org/a/b?id=3&utm_source=rss&smid=x#frag", "https://example.org/a/b?id=3"),
    ],
)
def test_canonical_article_url(url: str, canonical: str) -> None:
    assert canonical_article_url(url) == canonical


def test_amp_and_plain_urls_share_a_key() -> None:
    assert article_key("https://www.news1.kr/amp/world/usa-canada/5673971") == "news1:5673971"
    assert article_key("https://www.news1.kr/world/usa-canada/5673971") == "news1:5673971"
    assert article_key("https://www.news1.kr/articles/?5673971") == "news1:5673971"


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.news1.kr/world/usa-canada/5673971", "news1"),
        ("https://edition.cnn.com/2025/01/27/tech/x/index.html", "cnn"),
        ("https://money.cnn.com/2016/11/29/news/x/index.html", "cnn"),
        ("https://thecaucus.blogs.nytimes.com/2011/07/12/x/", "nyt"),
        ("https://www.example.com/cnn.com/", "other"),
        ("not a url", "other"),
        ("", "other"),
    ],
)
def test_source_for_url(url: str, source: str) -> None:
    assert source_for_url(url) == source


@pytest.mark.parametrize(
    ("source", "url", "ok"),
    [
        ("news1", "https://www.news1.kr/world/usa-canada/5673971", True),
        ("news1", "https://www.news1.kr/amp/world/5673971", True),
        ("news1", "https://www.news1.kr/articles/?5012345", True),
        ("news1", "https://www.news1.kr/photos/7108811", False),
        ("news1", "https://www.news1.kr/latest?page=2", False),
        ("cnn", "https://www.cnn.com/2025/01/27/tech/deepseek-ai-explainer/index.html", True),
        ("cnn", "http://www.cnn.com/2010/POLITICS/08/13/democrats.social.security/index.html", True),
        ("cnn", "https://www.cnn.com/2025/01/27/business/live-news/stocks-01-27-25/index.html", False),
        ("cnn", "https://www.cnn.com/videos/business/2025/01/27/x.cnn", False),
        ("cnn", "https://www.cnn.com/2025/01/27/world/gallery/x/index.html", False),
        ("cnn", "https://www.cnn.com/", False),
        ("nyt", "https://www.nytimes.com/2025/01/23/technology/deepseek.html", True),
        ("nyt", "https://www.nytimes.com/live/2025/01/27/business/stocks", False),
        ("nyt", "https://www.nytimes.com/interactive/2025/01/27/technology/x.html", False),
        ("nyt", "https://www.nytimes.com/athletic/6000000/2025/06/23/x/", False),
        ("nyt", "https://www.cnn.com/2025/01/27/tech/x/index.html", False),
    ],
)
def test_is_article_url(source: str, url: str, ok: bool) -> None:
    assert is_article_url(source, url) is ok


def test_registry_declares_real_feeds_and_eras() -> None:
    assert set(SOURCES) == {"news1", "cnn", "nyt"}
    assert any(f.url == "https://www.cnn.com/sitemap/news.xml" for f in SOURCES["cnn"].active_feeds)
    assert any(f.url == "https://www.nytimes.com/sitemaps/new/news.xml.gz" for f in SOURCES["nyt"].active_feeds)
    assert not any("rss.cnn.com" in f.url for f in SOURCES["cnn"].active_feeds)  # frozen since 2023
    assert any("google-news" in f.url for f in SOURCES["news1"].active_feeds)
    for pub in SOURCES.values():
        assert pub.parser_versions and all(v.name.startswith(pub.name + ".") for v in pub.parser_versions)


# --- text helpers and JSON-LD -------------------------------------------------------------------------------------


def test_clean_text_collapses_nbsp_and_entities() -> None:
    assert clean_text("export\u00a0controls,\n  the\u200b third") == "export controls, the third"
    assert strip_tags('By <a href="x">Jane</a>, <b>John</b>') == "By Jane, John"
    assert split_html_paragraphs("a<br/><br/>b<p>c <b>d</b>e</p>") == ["a", "b", "c de"]


def test_jsonld_tolerates_graph_lists_empty_and_broken_blocks() -> None:
    doc = parse_html(
        b"<html><head>"
        b'<script type="application/ld+json">[]</script>'
        b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x",,}</script>'
        b'<script type="application/ld+json"><![CDATA[ {"@graph": [{"@type": "WebSite"},'
        b' {"@type": ["NewsArticle"], "headline": "From the graph"}]} ]]></script>'
        b'<script type="application/ld+json">[{"@type": "Person", "name": "A"}, {"@type": "Report"}]</script>'
        b"</head><body></body></html>"
    )
    objects = extract_jsonld(doc)
    types = [o.get("@type") for o in objects]
    assert "WebSite" in types and "Person" in types
    assert find_article(objects)["headline"] in ("x", "From the graph")


# --- classification ---------------------------------------------------------------------------------------


def test_bot_wall_needs_little_visible_text_for_weak_markers() -> None:
    small = b"<html><body><p>Please enable JavaScript to continue.</p></body></html>"
    assert bot_wall_marker(small, parse_html(small)) == "please enable javascript"
    long_article = (b"<html><body><noscript>Please enable JavaScript</noscript>"
                    + b"<p>" + b"A long paragraph about chips. " * 400 + b"</p></body></html>")
    assert bot_wall_marker(long_article, parse_html(long_article)) is None


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><h1>Access Denied</h1><p>verify access to continue</p></body></html>",
        "<html><body><iframe src='https://geo.captcha-delivery.com/captcha/?x=1'></iframe></body></html>",
        "<html><body><p>We are having trouble retrieving the article content.</p>"
        "<p>Please enable JavaScript in your browser settings.</p></body></html>",
    ],
)
def test_bot_walls_are_classified(html: str) -> None:
    page = parse_page(html, "https://www.nytimes.com/2025/01/28/business/x.html")
    assert page.is_article is False and page.reason == "bot_wall"


def test_front_pages_are_non_articles() -> None:
    html = "<html lang='en'><body><h1>Top stories</h1><ul><li><a href='/a'>A</a></li></ul></body></html>"
    for url in ("https://www.cnn.com/", "https://www.nytimes.com", "https://www.news1.kr/"):
        page = parse_page(html, url)
        assert page.reason == "non_article", url


def test_paywall_stub_rule() -> None:
    assert is_paywall_stub(["A teaser paragraph of a dozen words or so, no more than that."], True)
    full = ["word " * 60] * 6
    assert not is_paywall_stub(full, True)
    assert is_paywall_stub(full[:3], True, "Subscribe to continue reading")
    assert not is_paywall_stub(["short"], False)


# --- never raises -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"   \n\t ",
        b"\x00\x01\x02\xff\xfe\x00binary\x89PNG\r\n\x1a\n",
        bytes(range(256)) * 20,
        b"<html><head><title>trunc",
        b"<html><body><article><p>Cut off in the mid",
        b"<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
        "<div>" * 5000 + "deep" + "</div>" * 5000,
        '<script id="__NEXT_DATA__">{"props": {"pageProps": {"articleView": {"contentArrange": 5}}}}</script>',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": ["x", 3]}, '
        '"datePublished": 12345678901234567890}</script>',
        "\ufeff<html><body>bom</body></html>".encode("utf-16"),
    ],
)
@pytest.mark.parametrize("url", ["https://www.news1.kr/world/usa-canada/1234567",
                                 "https://www.cnn.com/2025/01/01/tech/x/index.html",
                                 "https://www.nytimes.com/2025/01/01/technology/x.html", "", "::not a url::"])
def test_parse_page_never_raises_on_garbage(garbage: bytes | str, url: str) -> None:
    page = parse_page(garbage, url)
    assert page.is_article is False
    assert page.reason in ("non_article", "bot_wall", "paywall_stub", "empty", "parse_error")


def test_parser_exceptions_become_parse_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.sources import registry

    def boom(ctx: object) -> None:
        raise ValueError("selector exploded")

    monkeypatch.setitem(registry.SOURCES, "cnn", dataclasses.replace(registry.SOURCES["cnn"], parse=boom))
    page = parse_page("<html><body><p>x</p></body></html>", "https://www.cnn.com/2025/01/01/tech/x/index.html")
    assert page.is_article is False
    assert page.reason == "parse_error"
    assert page.error == "ValueError: selector exploded"
    assert page.source == "cnn"


def test_split_html_paragraphs_newlines() -> None:
    assert split_html_paragraphs("first line\nsecond line") == ["first line", "second line"]
    assert split_html_paragraphs("<p>one sentence\nwrapped</p><p>two</p>") == ["one sentence wrapped", "two"]


_UNDATED_BODY = "".join(
    f"<p>Paragraph {i}: traders said more than 3,000 Nvidia H100 chips had reached buyers despite the export "
    f"controls, according to people familiar with the shipments.</p>" for i in range(6)
)


@pytest.mark.parametrize(
    "dateline",
    ['<div class="byline">By A. Writer <time datetime="2025-03-02T08:00:00Z">March 2, 2025</time></div>',
     '<p class="meta">Published: March 2, 2025 8:00 a.m. ET</p>'],
)
def test_date_only_in_a_byline_time_or_a_visible_line_is_found(dateline: str) -> None:
    html = (f'<html><head><title>Chip rules</title><meta property="og:type" content="article"></head><body>'
            f"<article><h1>Chip rules</h1>{dateline}{_UNDATED_BODY}</article></body></html>")
    page = parse_page(html, "https://www.example.org/news/chip-rules")
    assert page.is_article and page.published_at == datetime(2025, 3, 2, tzinfo=UTC)
    assert page.extras["field_layers"]["published"] == "htmldate" and page.extras["published_precision"] == "day"


def test_a_page_with_no_date_anywhere_stays_undated() -> None:
    html = (f'<html><head><title>Chip rules</title><meta property="og:type" content="article"></head><body>'
            f"<article><h1>Chip rules</h1>{_UNDATED_BODY}</article></body></html>")
    page = parse_page(html, "https://www.example.org/news/chip-rules")
    assert page.is_article and page.published_at is None
