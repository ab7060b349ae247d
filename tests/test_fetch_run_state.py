"""Per-host politeness, pauses and the robots.txt cache outlive one fetcher: across asset steps (a new
fetcher each) and across runs, through the shared fetch state file; a long Retry-After pauses a host
without sleeping."""

from __future__ import annotations

import json
import time

import dagster as dg
import duckdb
import pytest

from assets.definitions import defs
from pipelines.fetch.crawl import fetch_many
from pipelines.fetch.state import FetchState
from tests.test_fetch_live import make_fetcher
from tests.test_fetch_live_server import LoopbackServer, Reply, page

# Discover and fetch only (parsing and extraction have nothing to say here and cost seconds per run).
RAW = [dg.AssetKey(["raw", "discovered_urls"]), dg.AssetKey(["raw", "fetch_log"]), dg.AssetKey(["raw", "pages"])]


@pytest.fixture
def srv():
    with LoopbackServer() as server:
        yield server


def test_next_fetcher_keeps_crawl_delay_and_robots_cache(srv, tmp_path):
    srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nCrawl-delay: 0.5\n")
    srv.routes["/a"], srv.routes["/b"] = page("a"), page("b")
    state_file = tmp_path / "state.json"
    with make_fetcher(tmp_path, state=FetchState(state_file, run_id="r1")) as first:
        assert first.fetch(srv.url("/a"), "test")[0].outcome == "ok"
    with make_fetcher(tmp_path, state=FetchState(state_file, run_id="r1")) as second:  # the next asset step
        assert second.fetch(srv.url("/b"), "test")[0].outcome == "ok"
    assert srv.paths() == ["/robots.txt", "/a", "/b"]  # robots.txt asked once
    t_a, t_b = srv.times("/a")[0], srv.times("/b")[0]
    assert t_b - t_a >= 0.49, "the Crawl-delay must hold across fetchers"
    with make_fetcher(tmp_path, state=FetchState(state_file, run_id="r2")) as later:  # a later run
        assert later.fetch(srv.url("/a"), "test")[0].outcome == "ok"
    assert srv.paths().count("/robots.txt") == 1


def test_robots_cache_expires_and_a_broken_state_file_is_no_error(srv, tmp_path):
    srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n")
    srv.routes["/a"] = page("a")
    state_file = tmp_path / "state.json"
    with make_fetcher(tmp_path, state=FetchState(state_file)) as first:
        first.fetch(srv.url("/a"), "test")
    # the cached answer's day has passed (set on disk: no sleeping on a wall clock a loaded machine stretches)
    data = json.loads(state_file.read_text())
    assert data["robots"]
    for rec in data["robots"].values():
        rec["expires"] = time.time() - 1
    state_file.write_text(json.dumps(data))
    with make_fetcher(tmp_path, state=FetchState(state_file)) as second:
        second.fetch(srv.url("/a"), "test")
    assert srv.paths().count("/robots.txt") == 2
    state_file.write_text("{not json")
    with make_fetcher(tmp_path, state=FetchState(state_file)) as third:
        assert third.fetch(srv.url("/a"), "test")[0].outcome == "ok"
    assert json.loads(state_file.read_text())["robots"]  # rewritten whole


def test_long_retry_after_pauses_the_host_for_the_run_without_sleeping(srv, tmp_path):
    srv.routes["/busy"] = Reply(503, b"", {"Retry-After": "200"})
    for i in range(3):
        srv.routes[f"/p{i}"] = page(i)
    state_file = tmp_path / "state.json"
    # Retry-After 200 s is past the 2 s cap but under max_wait_s (300 s): it used to be slept on.
    with make_fetcher(tmp_path, state=FetchState(state_file, run_id="r1")) as fetcher:
        t0 = time.monotonic()
        results = fetch_many(fetcher, [srv.url("/busy"), *(srv.url(f"/p{i}") for i in range(3))], "test")
        assert time.monotonic() - t0 < 2.0
    assert [r.outcome for r in results] == ["http_error"] * 4
    assert "pauses the host" in results[0].error or "host paused" in results[0].error
    assert all("paused for this run" in r.error and r.attempts == 0 for r in results[1:])
    # The run's next step (a new fetcher) does not ask the host either, robots.txt included.
    with make_fetcher(tmp_path, state=FetchState(state_file, run_id="r1")) as step2:
        [res] = step2.fetch(srv.url("/p0"), "test")
    assert res.outcome == "http_error" and "paused" in res.error
    # A later run does not ask it either before the server's time, and says whose pause it is and until when.
    with make_fetcher(tmp_path, state=FetchState(state_file, run_id="r2")) as later:
        [res] = later.fetch(srv.url("/p1"), "test")
    assert res.outcome == "http_error" and res.attempts == 0
    assert "paused until 20" in res.error and "UTC (Retry-After 200 s, given to an earlier run)" in res.error
    assert srv.paths() == ["/robots.txt", "/busy"]


def test_pause_holds_for_its_run_and_a_later_run_only_until_retry_after(srv, tmp_path):
    srv.routes["/busy"] = [Reply(429, b"", {"Retry-After": "1"}), page("ok")]
    state_file = tmp_path / "state.json"
    with make_fetcher(tmp_path, max_retry_after_s=0.5, state=FetchState(state_file, run_id="r1")) as fetcher:
        assert fetcher.fetch(srv.url("/busy"), "test")[0].outcome == "http_error"
    time.sleep(1.05)
    with make_fetcher(tmp_path, state=FetchState(state_file, run_id="r1")) as same_run:
        assert "paused for this run" in same_run.fetch(srv.url("/busy"), "test")[0].error
    with make_fetcher(tmp_path, state=FetchState(state_file, run_id="r2")) as next_run:
        assert next_run.fetch(srv.url("/busy"), "test")[0].outcome == "ok"


def test_ingest_steps_share_politeness_and_robots_within_and_across_runs(srv, isolated_env):
    """The issue's scenario: discover and fetch are separate steps; Crawl-delay holds between them and robots.txt
    is read once for both runs."""
    base = srv.url("/")
    srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nCrawl-delay: 0.6\n", {"Content-Type": "text/plain"})
    srv.routes["/sitemap.xml"] = Reply(200, (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}story/nvidia-chips</loc></url></urlset>").encode(), {"Content-Type": "application/xml"})
    srv.routes["/story/nvidia-chips"] = page("story")
    db = str(isolated_env / "wh" / "chipwatch.duckdb")
    config = {"resources": {
        "duckdb": {"config": {"database": db}},
        "fetcher": {"config": {"mode": "live", "min_delay_s": 0.0, "timeout_s": 5, "max_attempts": 1,
                               "warc_dir": str(isolated_env / "warc"),
                               "sources": {"other": {"feeds": [srv.url("/sitemap.xml")]}}}},
    }}
    with dg.instance_for_test() as instance:
        job = defs.resolve_job_def("ingest")
        assert job.execute_in_process(partition_key="other", instance=instance, run_config=config,
                                          asset_selection=RAW).success
        assert job.execute_in_process(partition_key="other", instance=instance, run_config=config,
                                          asset_selection=RAW).success
    assert srv.paths().count("/robots.txt") == 1
    starts = srv.times()
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= 0.59, (srv.paths(), gaps)
    conn = duckdb.connect(db, read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM raw.fetch_log WHERE outcome = 'ok' AND url LIKE '%story%'"
                            ).fetchone()[0] == 1
    finally:
        conn.close()
