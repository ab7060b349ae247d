"""Live mode against a local server standing in for each outlet: the documented ``sources`` override
(``{"cnn": {"hosts": ["127.0.0.1"], "feeds": [...]}}``) works for news1, cnn and nyt, not only ``other``, and
keeps the run on the stand-in (no re-check of the real outlet's pages the warehouse knows, no search API)."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from assets.definitions import defs
from tests.conftest import REPO
from tests.test_fetch_live_server import LoopbackServer
from warehouse.db import connect

SAMPLE = REPO / "sample_archive" / "pages"
# One real page per outlet from the bundled sample, served under its own path on the stand-in.
PAGES = {
    "news1": ("/it-science/general-it/5673402", "news1/2025-01-27_5673402_deepseek-cost.html"),
    "cnn": ("/2025/01/27/tech/deepseek-ai-explainer/index.html", "cnn/2025-01-27_deepseek-ai-explainer.html"),
    "nyt": ("/2025/01/27/technology/deepseek-fewer-chips-explained.html",
            "nyt/2025-01-27_deepseek-fewer-chips-explained.html"),
}

# Discover, fetch and parse (extraction has nothing to add here and costs seconds per run).
UP_TO_PARSE = [dg.AssetKey(k) for k in (["raw", "discovered_urls"], ["raw", "fetch_log"], ["raw", "pages"],
                                        ["core", "parse_results"], ["core", "articles"])]


def _sitemap(base: str, paths: list[str]) -> str:
    urls = "".join(
        f"<url><loc>{base}{p.lstrip('/')}</loc><news:news><news:title>DeepSeek and Nvidia chips</news:title>"
        "<news:publication_date>2025-01-27T08:00:00Z</news:publication_date></news:news></url>" for p in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')


REAL_HOSTS = {"news1": "https://www.news1.kr", "cnn": "https://www.cnn.com", "nyt": "https://www.nytimes.com"}


@pytest.fixture
def way_out(monkeypatch):
    """Every request not to the loopback stand-in goes to this recording proxy, which refuses it: nothing leaves
    the machine, and the test sees what would have."""
    with LoopbackServer() as proxy:
        for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
            monkeypatch.setenv(var, proxy.url(""))
        monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
        monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
        monkeypatch.setenv("NYT_API_KEY", "stand-in-test-key")  # the real search API must not be asked either
        yield proxy


@pytest.mark.parametrize("source", sorted(PAGES))
def test_stand_in_override_discovers_fetches_and_parses_each_outlet(source, httpserver, isolated_env, way_out):
    path, file = PAGES[source]
    db = str(isolated_env / "wh" / "chipwatch.duckdb")
    # The warehouse already knows the real outlet's page (as after `make run` replays the sample): a run pointed
    # at the stand-in leaves it alone instead of going to the real site to re-check it.
    real_url = REAL_HOSTS[source] + path
    with connect(db) as conn:
        conn.execute("INSERT INTO raw.discovered_urls (source, url, via, first_seen_at) "
                     "VALUES (?, ?, 'news_sitemap', now())", [source, real_url])
    base = f"http://127.0.0.1:{httpserver.port}/"
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n",
                                                               content_type="text/plain")
    # A path that is no article of the outlet (a video) is still skipped on the stand-in.
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        _sitemap(base, [path, "/videos/business/2025/01/27/clip.html"]), content_type="application/xml")
    httpserver.expect_request(path).respond_with_data((SAMPLE / file).read_bytes(),
                                                      content_type="text/html; charset=utf-8")
    config = {"resources": {
        "duckdb": {"config": {"database": db}},
        "fetcher": {"config": {"mode": "live", "min_delay_s": 0.01, "timeout_s": 5, "max_attempts": 1,
                               "warc_dir": str(isolated_env / "warc"), "prefilter_titles": False,
                               "sources": {source: {"hosts": ["127.0.0.1"],
                                                    "feeds": [base + "sitemap.xml"]}}}},
    }}
    with dg.instance_for_test() as instance:
        result = defs.resolve_job_def("ingest").execute_in_process(partition_key=source, instance=instance,
                                                                   run_config=config, asset_selection=UP_TO_PARSE)
        assert result.success
    conn = duckdb.connect(db, read_only=True)
    try:
        urls = [r[0] for r in conn.execute("SELECT url FROM raw.discovered_urls WHERE source = ? AND url <> ?",
                                           [source, real_url]).fetchall()]
        assert urls == [base + path.lstrip("/")]
        outcomes = conn.execute("SELECT outcome FROM raw.fetch_log WHERE url = ?", [urls[0]]).fetchall()
        assert outcomes == [("ok",)]
        elsewhere = conn.execute("SELECT url, outcome, error FROM raw.fetch_log WHERE url NOT LIKE ?",
                                 [base + "%"]).fetchall()
        assert elsewhere == [], "a stand-in run asked the real outlet"
        articles = conn.execute("SELECT source, headline FROM core.articles").fetchall()
        assert len(articles) == 1 and articles[0][0] == source and articles[0][1]
        parser = conn.execute("SELECT parser FROM core.articles").fetchone()[0]
        assert parser.startswith(source + "."), parser
    finally:
        conn.close()
    assert way_out.paths() == [], "a stand-in run went off the machine"


@pytest.mark.parametrize("source", ["news1", "nyt"])
def test_an_outlet_given_no_feeds_is_left_alone(source, isolated_env, way_out):
    """The README's "nothing else anywhere": an outlet whose override is ``feeds: []`` asks nothing of anyone,
    neither for the real pages the warehouse knows nor (NYT) through its search API."""
    db = str(isolated_env / "wh" / "chipwatch.duckdb")
    with connect(db) as conn:
        conn.execute("INSERT INTO raw.discovered_urls (source, url, via, first_seen_at) "
                     "VALUES (?, ?, 'news_sitemap', now())", [source, REAL_HOSTS[source] + PAGES[source][0]])
    config = {"resources": {
        "duckdb": {"config": {"database": db}},
        "fetcher": {"config": {"mode": "live", "min_delay_s": 0.01, "timeout_s": 5, "max_attempts": 1,
                               "warc_dir": str(isolated_env / "warc"), "sources": {source: {"feeds": []}}}},
    }}
    with dg.instance_for_test() as instance:
        assert defs.resolve_job_def("ingest").execute_in_process(
            partition_key=source, instance=instance, run_config=config, asset_selection=UP_TO_PARSE[:3]).success
    conn = duckdb.connect(db, read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM raw.fetch_log").fetchone()[0] == 0
    finally:
        conn.close()
    assert way_out.paths() == [], "an outlet switched off went off the machine"
