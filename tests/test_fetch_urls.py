"""Canonical URLs for fetching and de-duplication; per-source hosts and feeds with overrides."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.fetch.targets import SourceConfig, canonicalize, source_config
from pipelines.fetch.urls import host_allowed, origin_of
from pipelines.sources.registry import canonical_article_url


@pytest.mark.parametrize(("url", "canon"), [
    # outlet articles: the registry's canonical form (AMP, mirrors, query strings)
    ("https://www.news1.kr/amp/world/usa-canada/5673971?utm_source=naver#top",
     "https://www.news1.kr/world/usa-canada/5673971"),
    ("https://m.news1.kr/society/labor/6228304", "https://www.news1.kr/society/labor/6228304"),
    ("https://edition.cnn.com/2025/01/27/tech/nvidia-deepseek/index.html?iid=ob_lockedrail#x",
     "https://www.cnn.com/2025/01/27/tech/nvidia-deepseek/index.html"),
    ("https://www.nytimes.com/2025/01/27/technology/nvidia.html?smid=nytcore-ios-share&partner=slack",
     "https://www.nytimes.com/2025/01/27/technology/nvidia.html"),
    ("https://www.news1.kr/articles/?5012345", "https://www.news1.kr/articles/?5012345"),
    # everything else: generic clean-up only
    ("HTTP://Example.COM:80/a?id=3&utm_medium=rss&fbclid=z&gclid=q#frag", "http://example.com/a?id=3"),
    ("https://Example.com:443", "https://example.com/"),
    ("http://127.0.0.1:8080/p?campaignId=7&b=1&smid=tw", "http://127.0.0.1:8080/p?b=1"),
    ("https://www.news1.kr/api/feeds/google?category_id=3", "https://www.news1.kr/api/feeds/google?category_id=3"),
    ("https://www.nytimes.com/sitemaps/new/news.xml.gz", "https://www.nytimes.com/sitemaps/new/news.xml.gz"),
    ("https://www.nytimes.com/section/technology?smid=x&login=email", "https://www.nytimes.com/section/technology"),
    ("//www.cnn.com/sitemap/news.xml", "https://www.cnn.com/sitemap/news.xml"),
    ("mailto:desk@example.com#x", "mailto:desk@example.com"),
])
def test_canonicalize(url, canon):
    assert canonicalize(url) == canon
    assert canonicalize(canon) == canon  # idempotent


def test_article_urls_agree_with_the_registry():
    url = "https://amp.cnn.com/cnn/2025/01/27/tech/x/index.html?utm_source=x"
    assert canonicalize(url) == canonical_article_url(url)


def test_hosts_and_origins():
    assert host_allowed("www.cnn.com", ["cnn.com"]) and host_allowed("CNN.com.", ["cnn.com"])
    assert not host_allowed("evilcnn.com", ["cnn.com"]) and not host_allowed("cnn.com.evil.org", ["cnn.com"])
    assert origin_of("HTTPS://Www.X.com:443/a?b") == "https://www.x.com"
    assert origin_of("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080"


def test_source_config_defaults_and_overrides():
    cnn = source_config("cnn")
    assert cnn.hosts == ("cnn.com",) and "https://www.cnn.com/sitemap/news.xml" in cnn.feeds
    assert "http://rss.cnn.com/rss/cnn_topstories.rss" not in cnn.feeds  # frozen feeds stay off
    local = source_config("cnn", {"cnn": {"hosts": ["127.0.0.1"]}})
    assert local.hosts == ("127.0.0.1",) and local.feeds == cnn.feeds
    assert source_config("x", {"x": SourceConfig(("a.test",), ("http://a.test/f",))}).feeds == ("http://a.test/f",)
    assert source_config("unknown") == SourceConfig()
    with pytest.raises(ValueError, match="unknown keys"):
        source_config("cnn", {"cnn": {"host": ["x"]}})


_hosts = st.sampled_from(["Example.COM", "www.cnn.com", "edition.cnn.com", "www.news1.kr", "m.news1.kr",
                          "www.nytimes.com", "127.0.0.1:8080", "rss.nytimes.com", "a.test:443"])
_segments = st.lists(st.sampled_from(["2025", "01", "27", "tech", "amp", "world", "6228304", "index.html", "a b",
                                      "x.html", "api", "feeds"]), max_size=6)
_params = st.lists(st.tuples(st.sampled_from(["utm_source", "id", "smid", "category_id", "q", "fbclid", "page"]),
                             st.sampled_from(["1", "x", ""])), max_size=4)


@given(st.sampled_from(["http", "https", "HTTPS"]), _hosts, _segments, _params, st.booleans())
def test_canonicalize_is_idempotent_and_drops_tracking(scheme, host, segs, params, frag):
    query = "&".join(f"{k}={v}" for k, v in params)
    url = f"{scheme}://{host}/{'/'.join(segs)}" + (f"?{query}" if query else "") + ("#f" if frag else "")
    canon = canonicalize(url)
    assert canonicalize(canon) == canon
    assert "#" not in canon and "utm_source" not in canon and "fbclid" not in canon and "smid" not in canon
    assert canon.split("://", 1)[1].split("/", 1)[0] == canon.split("://", 1)[1].split("/", 1)[0].lower()
