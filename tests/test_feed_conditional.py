"""Live feed fetches are conditional GETs: the second crawl of an unchanged feed sends its ETag, gets a 304,
logs ``not_modified``, keeps no new body and parses nothing."""

from __future__ import annotations

import dagster as dg
import duckdb

from assets.definitions import defs
from pipelines import stages
from tests.test_fetch_live_server import LoopbackServer, Reply, conditional
from tests.test_live_stand_ins import PAGES, _sitemap

DISCOVER = [dg.AssetKey(["raw", "discovered_urls"])]


def test_unchanged_feed_is_a_304_and_costs_no_parse(isolated_env, monkeypatch):
    path, _ = PAGES["cnn"]
    parsed: list[str] = []
    real_parse = stages.parse_feed_detailed

    def counting_parse(body, source, feed_url, *args, **kwargs):
        parsed.append(feed_url)
        return real_parse(body, source, feed_url, *args, **kwargs)

    monkeypatch.setattr(stages, "parse_feed_detailed", counting_parse)
    with LoopbackServer() as srv:
        srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        feed = _sitemap(srv.url("/"), [path]).encode()
        srv.routes["/sitemap.xml"] = conditional('"feed-v1"', Reply(200, feed, {"Content-Type": "application/xml"}))
        db = str(isolated_env / "wh" / "chipwatch.duckdb")
        config = {"resources": {
            "duckdb": {"config": {"database": db}},
            "fetcher": {"config": {"mode": "live", "min_delay_s": 0.01, "timeout_s": 5, "max_attempts": 1,
                                   "warc_dir": str(isolated_env / "warc"),
                                   "sources": {"cnn": {"hosts": ["127.0.0.1"], "feeds": [srv.url("/sitemap.xml")]}}}},
        }}
        job = defs.resolve_job_def("ingest")
        with dg.instance_for_test() as instance:
            for _ in range(2):
                assert job.execute_in_process(partition_key="cnn", instance=instance, run_config=config,
                                              asset_selection=DISCOVER).success
        feed_hits = [h for h in srv.hits if h.path == "/sitemap.xml"]
    assert [h.headers.get("if-none-match") for h in feed_hits] == [None, '"feed-v1"']
    assert parsed == [srv.url("/sitemap.xml")]  # the 304 was not parsed
    conn = duckdb.connect(db, read_only=True)
    try:
        outcomes = [r[0] for r in conn.execute(
            "SELECT outcome FROM raw.fetch_log WHERE url LIKE '%sitemap.xml' ORDER BY attempted_at").fetchall()]
        assert outcomes == ["ok", "not_modified"]
        assert conn.execute("SELECT count(*) FROM raw.pages WHERE kind = 'feed'").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM raw.discovered_urls").fetchone()[0] == 1
    finally:
        conn.close()
