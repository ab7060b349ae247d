"""``parse_page`` on the hand-written fixtures in ``tests/fixtures/sources``."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.sources import is_relevant_page, parse_page
from tests.test_sources_support import fixture_bytes

NEWS1_URL = "https://www.news1.kr/economy/trade/6001234"


def test_news1_next_data_page() -> None:
    page = parse_page(fixture_bytes("news1_next_data.html"), NEWS1_URL)
    assert page.is_article and page.reason is None
    assert page.source == "news1" and page.language == "ko"
    assert page.parser == "news1.next_data"
    assert page.headline == '정부, AI 반도체 수출 통제 대응반 가동…"엔비디아 H20 공백 메운다"'
    assert page.authors == ["홍길동", "김철수"]
    # published_time has no offset: it is KST
    assert page.published_at == datetime(2025, 3, 4, 0, 15, tzinfo=UTC)
    assert page.modified_at == datetime(2025, 3, 4, 2, 2, 30, tzinfo=UTC)
    assert page.section == "경제"
    assert page.paragraphs == [
        "정부가 인공지능(AI) 반도체 수출 통제에 대응하는 전담반을 꾸렸다.",
        "산업통상자원부는 4일 중소 팹리스 기업을 위해 300억 원 규모의 지원 예산을 편성했다고 밝혔다.",
        "업계에서는 엔비디아 H20 공급이 끊긴 중국 시장의 공백을 국내 기업이 메우기 어렵다는 지적도 나온다.",
        '한 업계 관계자는 "규제가 길어지면 칩 재고가 1만 개 아래로 떨어질 수 있다"고 말했다.',
    ]
    assert page.body_text == "\n\n".join(page.paragraphs)
    assert page.extras["dateline_place"] == "세종"
    assert page.extras["dateline_reporters"] == ["홍길동", "김철수"]
    assert page.extras["reporter_email"] == "gildong@news1.kr"
    assert page.extras["subtitle"] == '산업부 "중소 팹리스 지원 300억 원" / 업계 "실효성 따져봐야"'
    assert page.extras["keywords"] == ["반도체", "수출통제", "엔비디아"]
    for gone in ("ⓒ", "News1", "AD", "@news1.kr", "Copyright", "실효성 따져봐야"):
        assert gone not in page.body_text
    assert is_relevant_page(page)


def test_news1_amp_url_maps_to_the_article() -> None:
    page = parse_page(fixture_bytes("news1_next_data.html"), "https://www.news1.kr/amp/economy/trade/6001234")
    assert page.source == "news1"
    assert page.canonical_url == NEWS1_URL
    assert page.url == "https://www.news1.kr/amp/economy/trade/6001234"


def test_news1_selectors_only_page() -> None:
    page = parse_page(fixture_bytes("news1_selectors_only.html"), "https://www.news1.kr/society/incident/6002345")
    assert page.is_article
    assert page.parser == "news1.selectors"
    assert page.headline == '부산항 반도체 장비 밀수 적발…"중국행 컨테이너서 GPU 200개"'
    assert page.authors == ["이영희"]
    assert page.published_at == datetime(2025, 3, 5, 5, 20, tzinfo=UTC)  # 14:20 KST
    assert page.paragraphs == [
        "중국으로 향하던 컨테이너에서 고성능 그래픽처리장치(GPU) 200개가 발견됐다.",
        "부산본부세관은 5일 수출 서류에 게임기로 신고된 화물에서 AI 연산용 칩을 찾아냈다고 밝혔다.",
        "세관은 해당 칩이 미국 수출 통제 대상인지 확인하고 있다. 적발된 물량은 약 40억 원어치로 추산된다.",
    ]
    assert page.extras["dateline_place"] == "부산"
    assert page.extras["subtitle"].startswith("세관")


def test_news1_photo_page_is_not_an_article() -> None:
    page = parse_page(fixture_bytes("news1_photo_view.html"), "https://www.news1.kr/photos/7100001")
    assert not page.is_article and page.reason == "non_article"


def test_cnn_2023_html_byline_in_jsonld() -> None:
    url = "https://edition.cnn.com/2025/03/03/tech/chip-export-rules-fixture/index.html"
    page = parse_page(fixture_bytes("cnn_2023_html_byline.html"), url)
    assert page.is_article and page.parser == "cnn.selectors.2023"
    assert page.canonical_url == "https://www.cnn.com/2025/03/03/tech/chip-export-rules-fixture/index.html"
    assert page.headline == "Chipmakers brace for a new round of export rules"
    assert page.authors == ["Jane Doe", "John Roe", "Ann Lee"]
    assert page.published_at == datetime(2025, 3, 3, 14, 5, 12, 345000, tzinfo=UTC)
    assert page.section == "tech"
    assert page.paragraphs[0] == ("Makers of artificial intelligence chips are bracing for another tightening of "
                                  "US export controls, the third in as many years.")
    assert "What comes next" in page.paragraphs
    for gone in ("Related article", "An older story", "Ad Feedback", "Getty Images", "Reuters", "Washington CNN",
                 "contributed to this report", "Cable News Network", "\u00a0"):
        assert gone not in page.body_text


def test_cnn_visible_timestamp_is_eastern_when_meta_is_missing() -> None:
    html = fixture_bytes("cnn_2023_html_byline.html")
    for tag in (b'<meta name="article:published_time" content="2025-03-03T14:05:12.345Z">',
                b'<meta name="article:modified_time" content="2025-03-04T02:05:44.120Z">'):
        html = html.replace(tag, b"")
    html = html.replace(b'"datePublished":"2025-03-03T14:05:12.345Z","dateModified":"2025-03-04T02:05:44.120Z",', b"")
    page = parse_page(html, "https://www.cnn.com/2025/03/03/tech/chip-export-rules-fixture/index.html")
    # "Updated 9:05 PM EST, Mon March 3, 2025" = 02:05 UTC on March 4
    assert page.modified_at == datetime(2025, 3, 4, 2, 5, tzinfo=UTC)


def test_cnn_live_blog_is_not_an_article() -> None:
    page = parse_page(fixture_bytes("cnn_live_blog.html"),
                      "https://www.cnn.com/business/live-news/chip-stocks-03-03-25/index.html")
    assert not page.is_article and page.reason == "non_article"


def test_nyt_paywall_stub() -> None:
    url = "https://www.nytimes.com/2025/03/02/technology/china-ai-chips-fixture.html"
    page = parse_page(fixture_bytes("nyt_paywall_stub.html"), url)
    assert page.is_article is False
    assert page.reason == "paywall_stub"
    assert page.paywalled is True
    assert page.headline == "Inside the Race to Build China’s Own A.I. Chips"
    assert page.authors == ["Fiona Fixture", "Gabriel Placeholder"]
    assert page.published_at == datetime(2025, 3, 2, 10, 0, 12, tzinfo=UTC)
    assert "Subscribe" not in page.body_text


def test_datadome_block_page() -> None:
    url = "https://www.nytimes.com/2025/03/02/technology/china-ai-chips-fixture.html"
    page = parse_page(fixture_bytes("datadome_403.html"), url)
    assert page.is_article is False and page.reason == "bot_wall"
    assert page.source == "nyt" and page.body_text == "" and page.headline is None


def test_jsonld_graph_page_from_another_site() -> None:
    page = parse_page(fixture_bytes("jsonld_graph.html"), "https://news.example.org/2025/03/foundry-output")
    assert page.is_article and page.source == "other"
    assert page.parser == "generic.trafilatura"
    assert page.headline == "Foundry output climbs as AI demand holds & prices firm"
    assert page.authors == ["Maya Example", "Lars Sample"]
    assert page.published_at == datetime(2025, 3, 5, 8, 30, tzinfo=UTC)
    assert page.language == "en"
    assert page.canonical_url == "https://news.example.org/2025/03/foundry-output"
    assert page.paragraphs[0].startswith("Contract chipmakers reported")
    assert "© 2025" not in page.body_text and "Home" not in page.paragraphs
    assert page.extras["keywords"] == ["semiconductors", "foundry", "AI"]


def test_source_detection_from_markup() -> None:
    assert parse_page(fixture_bytes("news1_next_data.html"), "").source == "news1"
    assert parse_page(fixture_bytes("cnn_2023_html_byline.html"), "").source == "cnn"
    assert parse_page(fixture_bytes("nyt_paywall_stub.html"), "").source == "nyt"


def test_explicit_source_wins() -> None:
    page = parse_page(fixture_bytes("jsonld_graph.html"), "https://news.example.org/x", source="other")
    assert page.source == "other"


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=3000), st.text(max_size=3000)),
       st.sampled_from(["", NEWS1_URL, "https://www.cnn.com/2025/01/01/tech/x/index.html", "x://y"]))
def test_parse_page_never_raises_property(data: bytes | str, url: str) -> None:
    page = parse_page(data, url)
    assert isinstance(page.is_article, bool)
    assert page.error is None or page.reason == "parse_error"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=4000), st.sampled_from(["news1_next_data.html", "cnn_2023_html_byline.html",
                                                                   "nyt_paywall_stub.html", "jsonld_graph.html"]))
def test_truncated_fixture_pages_never_raise(cut: int, name: str) -> None:
    data = fixture_bytes(name)
    page = parse_page(data[:cut], "")
    assert page.error is None


def test_layout_og_type_website_does_not_hide_a_news1_article() -> None:
    html = fixture_bytes("news1_next_data.html").replace(b'content="article"', b'content="website"')
    page = parse_page(html, NEWS1_URL)
    assert page.is_article and page.parser == "news1.next_data"


def test_unknown_cnn_page_type_is_not_held_against_an_article() -> None:
    html = fixture_bytes("cnn_2023_html_byline.html").replace(b'data-page-type="article"',
                                                              b'data-page-type="article_v2"')
    page = parse_page(html, "https://www.cnn.com/2025/03/03/tech/chip-export-rules-fixture/index.html")
    assert page.is_article
    html = html.replace(b'data-page-type="article_v2"', b'data-page-type="video"')
    assert parse_page(html, "https://www.cnn.com/2025/03/03/tech/x/index.html").reason == "non_article"
