"""Live mode through Dagster, against a local server standing in for an outlet (no internet)."""

from __future__ import annotations

import duckdb
import pytest

from assets.definitions import defs

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nvidia's China chips</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2025-01-28T08:00:00Z">
</head><body><article><h1>DeepSeek trained its model on about 2,000 Nvidia chips</h1>
<p>DeepSeek said it spent $5.6 million on computing power to train its V3 model, a fraction of what US labs spend.</p>
<p>The Chinese start-up used about 2,000 Nvidia H800 chips, which were later restricted by US export controls.</p>
<p>American companies typically train their systems on 16,000 or more of the semiconductors, analysts said.</p>
<p>Nvidia shares fell 17% on Monday as investors questioned the spending on AI chips.</p>
</article></body></html>"""
WALL = "<html><body>You have been blocked. <script src='https://ct.captcha-delivery.com/c.js'></script></body></html>"


@pytest.fixture
def outlet(httpserver):
    base = httpserver.url_for("")
    sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}2025/01/28/tech/deepseek-chips.html</loc><news:news><news:title>DeepSeek chips</news:title>
<news:publication_date>2025-01-28T08:00:00Z</news:publication_date></news:news></url>
<url><loc>{base}2025/01/28/tech/walled.html</loc><news:news><news:title>Nvidia chip smuggling grows</news:title>
<news:publication_date>2025-01-28T09:00:00Z</news:publication_date></news:news></url>
<url><loc>{base}2025/01/28/weather/snow.html</loc><news:news><news:title>Heavy snow to hit the Midwest</news:title>
<news:publication_date>2025-01-28T10:00:00Z</news:publication_date></news:news></url>
</urlset>"""
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    httpserver.expect_request("/sitemap.xml").respond_with_data(sitemap, content_type="application/xml")
    httpserver.expect_request("/2025/01/28/tech/deepseek-chips.html").respond_with_data(
        ARTICLE, content_type="text/html; charset=utf-8", headers={"ETag": '"v1"'})
    httpserver.expect_request("/2025/01/28/tech/walled.html").respond_with_data(
        WALL, status=403, content_type="text/html")
    return httpserver


def test_live_ingest_fetches_archives_and_rechecks_by_age(outlet, isolated_env):
    import dagster as dg

    db = str(isolated_env / "wh" / "chipwatch.duckdb")
    config = {"resources": {
        "duckdb": {"config": {"database": db}},
        "fetcher": {"config": {"mode": "live", "min_delay_s": 0.01, "timeout_s": 5, "max_attempts": 1,
                               "warc_dir": str(isolated_env / "warc"),
                               "sources": {"other": {"feeds": [outlet.url_for("/sitemap.xml")]}}}},
    }}
    with dg.instance_for_test() as instance:
        ingest = defs.resolve_job_def("ingest")
        assert ingest.execute_in_process(partition_key="other", instance=instance, run_config=config).success
        first_log = len(outlet.log)
        assert ingest.execute_in_process(partition_key="other", instance=instance, run_config=config).success
        second = [req.path for req, _ in outlet.log[first_log:]]
    conn = duckdb.connect(db, read_only=True)
    try:
        outcomes = dict(conn.execute("SELECT url, outcome FROM raw.fetch_log WHERE url LIKE '%/2025/%'").fetchall())
        assert sorted(outcomes.values()) == ["blocked", "ok"]
        assert conn.execute("SELECT count(*) FROM raw.pages WHERE kind = 'page'").fetchone()[0] == 1
        warc = conn.execute("SELECT warc_file FROM raw.pages WHERE kind = 'page'").fetchone()[0]
        assert "warc" in warc and warc.endswith(".warc.gz")
        assert conn.execute("SELECT count(*) FROM core.articles").fetchone()[0] == 1
        surfaces = {r[0] for r in conn.execute("SELECT surface FROM core.facts").fetchall()}
        assert any("5.6 million" in s for s in surfaces)
    finally:
        conn.close()
    # The article was published long ago and was just fetched: it is not due again; the blocked URL was
    # never fetched successfully, so it is retried.
    assert "/2025/01/28/tech/deepseek-chips.html" not in second
    assert "/2025/01/28/tech/walled.html" in second
    # An off-topic feed title is never fetched in live mode.
    assert all("/weather/" not in req.path for req, _ in outlet.log)


def test_live_assets_close_their_http_connections(outlet, isolated_env, monkeypatch):
    import dagster as dg

    from pipelines.fetch.live import LiveFetcher

    built, closed = [], []
    real_init, real_close = LiveFetcher.__init__, LiveFetcher.close

    def init(self, *a, **kw):
        real_init(self, *a, **kw)
        built.append(self)

    def close(self):
        closed.append(self)
        real_close(self)

    monkeypatch.setattr(LiveFetcher, "__init__", init)
    monkeypatch.setattr(LiveFetcher, "close", close)
    config = {"resources": {
        "duckdb": {"config": {"database": str(isolated_env / "wh" / "chipwatch.duckdb")}},
        "fetcher": {"config": {"mode": "live", "min_delay_s": 0.01, "timeout_s": 5, "max_attempts": 1,
                               "warc_dir": str(isolated_env / "warc"),
                               "sources": {"other": {"feeds": [outlet.url_for("/sitemap.xml")]}}}},
    }}
    with dg.instance_for_test() as instance:
        assert defs.resolve_job_def("ingest").execute_in_process(
            partition_key="other", instance=instance, run_config=config).success
    assert built and all(f in closed for f in built) and all(f.client.is_closed for f in built)
