"""At most one feed request per host per crawl: the primary feed every second crawl, the host's other feeds in
turn in between, decided from raw.fetch_log (so the turn survives restarts: every crawl here is a new run with
a new fetcher). A real HTTP stand-in on 127.0.0.1 serves one primary news sitemap and three secondary feeds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import dagster as dg
import duckdb

from assets.definitions import defs
from pipelines import stages
from pipelines.fetch.rotation import feeds_this_crawl
from pipelines.sources.registry import SOURCES
from tests.test_fetch_live_server import LoopbackServer, Reply, conditional

DISCOVER = [dg.AssetKey(["raw", "discovered_urls"])]
T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _crawls(feeds: list[str], primary: str | None, n: int) -> list[list[str]]:
    """``n`` crawls ten minutes apart, each recording its fetches as the warehouse would."""
    last: dict[str, datetime] = {}
    out = []
    for i in range(n):
        chosen = feeds_this_crawl(feeds, primary, last)
        for url in chosen:
            last[url] = T0 + timedelta(minutes=10 * i)
        out.append(chosen)
    return out


def test_one_feed_per_host_primary_every_second_crawl_secondaries_in_turn():
    a = ["https://a.example/news.xml", "https://a.example/s1.xml", "https://a.example/s2.xml",
         "https://a.example/s3.xml"]
    b = ["https://rss.b.example/1.xml", "https://rss.b.example/2.xml"]  # a host without the primary
    crawls = _crawls([a[0], b[0], a[1], b[1], a[2], a[3]], a[0], 12)
    assert all(len(c) == 2 for c in crawls)  # one per host
    on_a = [next(u for u in c if u in a) for c in crawls]
    assert on_a[::2] == [a[0]] * 6  # the primary every second crawl, starting with the first
    assert on_a[1::2] == [a[1], a[2], a[3], a[1], a[2], a[3]]  # the secondaries in turn, in list order
    assert [next(u for u in c if u in b) for c in crawls[:4]] == [b[0], b[1], b[0], b[1]]


def test_turns_edge_cases():
    only = ["https://c.example/news.xml"]
    assert _crawls(only, only[0], 3) == [only] * 3  # alone on its host: every crawl
    feeds = ["https://c.example/news.xml", "https://c.example/s1.xml", "https://c.example/new.xml"]
    # s1 fetched after the primary: the primary's turn; a feed added to the list is the next secondary
    last = {feeds[0]: T0, feeds[1]: T0 + timedelta(minutes=10)}
    assert feeds_this_crawl(feeds, feeds[0], last) == [feeds[0]]
    last[feeds[0]] = T0 + timedelta(minutes=20)
    assert feeds_this_crawl(feeds, feeds[0], last) == [feeds[2]]
    # times from DuckDB come in the session's time zone: compared as instants
    kst = datetime(2026, 12, 1, 17, 5, tzinfo=UTC).astimezone(ZoneInfo("Asia/Seoul"))
    assert feeds_this_crawl(feeds[:2], feeds[0], {feeds[0]: T0 + timedelta(hours=9), feeds[1]: kst}) == [feeds[0]]
    assert feeds_this_crawl([], None, {}) == []


def test_outlets_mark_their_news_sitemap_primary():
    assert SOURCES["news1"].primary_feed.url == "https://www.news1.kr/api/feeds/google-news/"
    assert SOURCES["cnn"].primary_feed.kind == "news_sitemap"
    assert SOURCES["nyt"].primary_feed.kind == "news_sitemap"
    # a stand-in's own list: its first feed is the primary
    assert stages.primary_feed_url("news1", ["http://127.0.0.1:1/a.xml", "http://127.0.0.1:1/b.xml"]).endswith("a.xml")
    news1 = [f.url for f in SOURCES["news1"].active_feeds]
    assert stages.primary_feed_url("news1", news1[::-1]) == news1[0]  # the marked one, wherever it is listed


def _sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc><news:news><news:title>Nvidia H20 chips</news:title>"
                   "<news:publication_date>2026-12-01T08:00:00Z</news:publication_date></news:news></url>"
                   for p in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


def _article(n: int) -> str:
    return f"/2026/12/01/tech/h20-report-{n}.html"


def test_live_crawls_ask_the_host_for_one_feed_each(isolated_env):
    with LoopbackServer() as srv:
        base = srv.url("")
        xml = {"Content-Type": "application/xml"}
        srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        srv.routes["/news.xml"] = conditional('"n1"', Reply(200, _sitemap(base, [_article(0)]), xml))
        for i, name in enumerate(("a", "b"), 1):
            srv.routes[f"/{name}.xml"] = conditional(f'"{name}"', Reply(200, _sitemap(base, [_article(i)]), xml))
        # /c.xml is missing (404): a failing feed takes its turn and holds no other back
        feeds = [srv.url(p) for p in ("/news.xml", "/a.xml", "/b.xml", "/c.xml")]
        db = str(isolated_env / "wh" / "chipwatch.duckdb")
        config = {"resources": {
            "duckdb": {"config": {"database": db}},
            "fetcher": {"config": {"mode": "live", "min_delay_s": 0.01, "timeout_s": 5, "max_attempts": 1,
                                   "prefilter_titles": False, "warc_dir": str(isolated_env / "warc"),
                                   "sources": {"other": {"feeds": feeds}}}},
        }}
        job = defs.resolve_job_def("ingest")
        per_crawl: list[list[str]] = []
        discovered: list[set[str]] = []
        with dg.instance_for_test() as instance:
            for crawl in range(8):
                if crawl == 1:  # a new article in the primary just after its fetch: found in crawl 3
                    srv.routes["/news.xml"] = conditional(
                        '"n2"', Reply(200, _sitemap(base, [_article(0), _article(9)]), xml))
                before = len(srv.hits)
                assert job.execute_in_process(partition_key="other", instance=instance, run_config=config,
                                              asset_selection=DISCOVER).success
                per_crawl.append([h.path for h in srv.hits[before:] if h.path != "/robots.txt"])
                conn = duckdb.connect(db, read_only=True)
                try:
                    discovered.append({r[0] for r in conn.execute("SELECT url FROM raw.discovered_urls").fetchall()})
                finally:
                    conn.close()
        robots = [h for h in srv.hits if h.path == "/robots.txt"]
    assert per_crawl == [["/news.xml"], ["/a.xml"], ["/news.xml"], ["/b.xml"], ["/news.xml"], ["/c.xml"],
                         ["/news.xml"], ["/a.xml"]]  # one feed request per host per crawl
    assert sum(c == ["/news.xml"] for c in per_crawl) == 4  # the primary's share: half
    assert len(robots) == 1  # robots.txt is cached across runs (24 h), not a request per crawl
    new = srv.url(_article(9))
    assert new not in discovered[1] and new in discovered[2]  # two crawls from the primary's change
    assert {srv.url(_article(i)) for i in (0, 1, 2)} <= discovered[3]  # every feed read within 2k crawls
    conn = duckdb.connect(db, read_only=True)
    try:
        outcomes = conn.execute("SELECT url, outcome FROM raw.fetch_log ORDER BY attempted_at").fetchall()
    finally:
        conn.close()
    assert [o for _, o in outcomes] == ["ok", "ok", "ok", "ok", "not_modified", "http_error", "not_modified",
                                        "not_modified"]
