"""URLs that fail the same way on every run (a 404, a body over the cap, a timeout) are backed off across runs,
and raw.fetch_log says so (same_failures, next_try_at)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import dagster as dg
import duckdb

from assets.definitions import defs
from pipelines import stages
from pipelines.fetch.recheck import failure_streak, is_repeatable_failure, next_try_at
from pipelines.fetch.result import FetchResult
from tests.test_fetch_live_server import LoopbackServer, Reply, html, page, slow

T0 = datetime(2026, 1, 5, 6, tzinfo=UTC)

# Discover and fetch only (parsing and extraction have nothing to say here and cost seconds per run).
RAW = [dg.AssetKey(["raw", "discovered_urls"]), dg.AssetKey(["raw", "fetch_log"]), dg.AssetKey(["raw", "pages"])]


def _res(outcome: str, status: int | None) -> FetchResult:
    return FetchResult(url="u", source="cnn", attempted_at=T0, outcome=outcome, mode="live", http_status=status)


def test_streaks_count_identical_failures_only():
    assert is_repeatable_failure("http_error", 404) and is_repeatable_failure("too_large", 200)
    assert is_repeatable_failure("timeout", None) and is_repeatable_failure("blocked", 403)
    for outcome, status in (("ok", 200), ("connection_error", None), ("http_error", 503), ("http_error", 429),
                            ("http_error", None), ("replay_miss", None), ("not_modified", 304)):
        assert not is_repeatable_failure(outcome, status), (outcome, status)
    prev = {"last_outcome": "http_error", "last_status": 404, "last_same_failures": 2}
    assert failure_streak("http_error", 404, prev) == 3
    assert failure_streak("http_error", 410, prev) == 1  # another failure starts a new streak
    assert failure_streak("ok", 200, prev) is None
    assert next_try_at(T0, 1) is None  # the first failure is retried on the next run
    assert next_try_at(T0, 2) == T0 + timedelta(hours=1)
    assert next_try_at(T0, 3) == T0 + timedelta(hours=6)
    assert next_try_at(T0, 40) == T0 + timedelta(days=30)
    row = stages.fetch_log_row(_res("http_error", 404), prev, (timedelta(minutes=5),))
    assert row["same_failures"] == 3 and row["next_try_at"] == T0 + timedelta(minutes=5)
    assert stages.fetch_log_row(_res("http_error", 404))["same_failures"] is None  # replay, feeds: no back-off


def test_a_robots_txt_that_cannot_be_read_is_the_hosts_failure_not_the_urls():
    """robots.txt answering 503 (or not at all) disallows the host's URLs for a while, but is no failure of the
    URLs themselves: it starts no streak, so they are not backed off like a 404."""
    from pipelines.fetch.robots import RobotsCache, RobotsFetch

    for answer in (RobotsFetch(503, b"busy"), RobotsFetch(None, b"", "ConnectError")):
        decision = RobotsCache(lambda _url, a=answer: a, "chipwatch-test").check("https://h.example/news/1")
        assert not decision.allowed
        prev = {"last_outcome": "robots_disallowed", "last_status": None, "last_same_failures": 1}
        assert failure_streak("robots_disallowed", None, prev, decision.reason) is None
    prev = {"last_outcome": "robots_disallowed", "last_status": None, "last_same_failures": 1}
    # a robots.txt rule that disallows the URL is its own, and repeats
    prev = {"last_outcome": "robots_disallowed", "last_status": None, "last_same_failures": 1}
    assert failure_streak("robots_disallowed", None, prev, "disallowed for 'x' by https://h/robots.txt") == 2


def test_a_backed_off_url_is_not_due_until_its_time():
    row = {"url": "u", "first_seen_at": T0, "published_at": None, "last_fetched_at": None, "etag": None,
           "last_modified": None, "title_relevant": None, "last_outcome": "http_error", "last_status": 404,
           "last_same_failures": 2, "next_try_at": T0 + timedelta(hours=1)}
    assert stages.due_urls([row], T0 + timedelta(minutes=59), "live") == []
    assert stages.due_urls([row], T0 + timedelta(minutes=61), "live") == ["u"]
    assert stages.due_urls([row], T0, "replay") == ["u"]
    # An article fetched once, whose re-check now fails the same way again, is backed off too.
    fetched = {**row, "last_fetched_at": T0 - timedelta(days=2), "published_at": T0 - timedelta(days=3)}
    assert stages.due_urls([fetched], T0 + timedelta(minutes=30), "live") == []


def test_repeated_failures_are_backed_off_across_runs(isolated_env):
    with LoopbackServer() as srv:
        base = srv.url("/")
        paths = ["/gone", "/huge", "/slow", "/fine"]
        srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        srv.routes["/sitemap.xml"] = Reply(200, (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{base}{p[1:]}</loc></url>" for p in paths) + "</urlset>").encode(),
            {"Content-Type": "application/xml"})
        srv.routes["/gone"] = html("not here", status=404)
        srv.routes["/huge"] = html("<p>" + "x" * 5000 + "</p>")
        srv.routes["/slow"] = slow(0.6, page("slow"))
        srv.routes["/fine"] = page("fine")
        db = str(isolated_env / "wh" / "chipwatch.duckdb")
        config = {"resources": {
            "duckdb": {"config": {"database": db}},
            "fetcher": {"config": {"mode": "live", "min_delay_s": 0.0, "timeout_s": 0.3, "connect_timeout_s": 0.3,
                                   "max_attempts": 1, "max_bytes": 2000, "warc_dir": str(isolated_env / "warc"),
                                   "sources": {"other": {"feeds": [srv.url("/sitemap.xml")]}}}},
        }}
        requested = []
        with dg.instance_for_test() as instance:
            job = defs.resolve_job_def("ingest")
            for _ in range(3):
                before = len(srv.hits)
                assert job.execute_in_process(partition_key="other", instance=instance, run_config=config,
                                          asset_selection=RAW).success
                requested.append({h.path for h in srv.hits[before:]} & set(paths))
    failing = {"/gone", "/huge", "/slow"}
    assert requested[0] == set(paths)
    assert requested[1] == failing  # a first failure may be a blip: tried again on the next run
    assert requested[2] == set(), "the same failure twice: backed off"
    conn = duckdb.connect(db, read_only=True)
    try:
        rows = conn.execute("""SELECT url, outcome, same_failures, next_try_at - attempted_at FROM raw.fetch_log
                               WHERE url NOT LIKE '%.xml' AND url NOT LIKE '%/fine' ORDER BY url, attempted_at"""
                            ).fetchall()
    finally:
        conn.close()
    by_url: dict[str, list] = {}
    for url, outcome, same, wait in rows:
        by_url.setdefault(url.rsplit("/", 1)[1], []).append((outcome, same, wait))
    assert by_url == {
        "gone": [("http_error", 1, None), ("http_error", 2, timedelta(hours=1))],
        "huge": [("too_large", 1, None), ("too_large", 2, timedelta(hours=1))],
        "slow": [("timeout", 1, None), ("timeout", 2, timedelta(hours=1))],
    }
