"""Live fetching against a real loopback server: every fault gives its outcome, no crash, nothing partial archived.

Each test runs a :class:`LoopbackServer` on 127.0.0.x and a :class:`LiveFetcher` with short timeouts and
delays. After every fault the WARC directory is checked: only complete request/response pairs of ``ok``
pages, readable by :class:`WarcReplay`.
"""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from pipelines.fetch.crawl import fetch_many
from pipelines.fetch.decode import decode_html
from pipelines.fetch.live import LiveFetcher
from pipelines.fetch.replay import WarcReplay
from tests.test_fetch_live_server import (
    LoopbackServer,
    Reply,
    conditional,
    gzipped,
    html,
    page,
    reset,
    slow,
    trickle,
    truncated,
)

KOREAN = ("<html><head><meta charset=\"euc-kr\"><title>엔비디아</title></head><body><p>(서울=뉴스1) 엔비디아의 "
          "시가총액이 하루 만에 5890억 달러 감소했다. 미국 정부는 중국에 대한 인공지능 반도체 수출 통제를 강화했다."
          "</p></body></html>")
CHALLENGE = ("<html><body><script src='https://ct.captcha-delivery.com/c.js'></script>"
             "Please enable JavaScript</body></html>")


def make_fetcher(tmp_path: Path, **kw) -> LiveFetcher:
    opts = {"timeout_s": 0.3, "connect_timeout_s": 0.3, "min_delay_s": 0.0, "max_attempts": 2,
            "backoff_base_s": 0.01, "backoff_cap_s": 0.05, "max_retry_after_s": 2.0, "trust_env": False,
            "max_bytes": 200_000}
    opts.update(kw)
    return LiveFetcher(tmp_path / "warc", **opts)


def warc_records(warc_dir: Path) -> list[tuple[str, str]]:
    """(type, URL) of every record in the WARC directory; asserts each response is followed by its request."""
    records = []
    for path in sorted(warc_dir.glob("*.warc.gz")):
        with path.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                records.append((rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI")))
    types = [t for t, _ in records]
    assert types == ["response", "request"] * (len(types) // 2), f"unpaired records: {types}"
    assert all(records[i][1] == records[i + 1][1] for i in range(0, len(records), 2))
    return records


def archived_urls(warc_dir: Path) -> list[str]:
    return [u for t, u in warc_records(warc_dir) if t == "response"]


@pytest.fixture
def srv():
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def fetcher(tmp_path):
    with make_fetcher(tmp_path) as f:
        yield f


# ------------------------------------------------------------------------------------------- the good path


def test_ok_page_is_archived_and_replays(srv, fetcher, tmp_path):
    srv.routes["/a"] = page(1)
    [res] = fetcher.fetch(srv.url("/a?utm_source=rss&id=2#top"), "test")
    assert res.outcome == "ok" and res.http_status == 200 and res.attempts == 1 and b"1 H20" in res.body
    assert res.url == srv.url("/a?utm_source=rss&id=2#top") and res.final_url == srv.url("/a?id=2")
    assert srv.paths() == ["/robots.txt", "/a?id=2"]  # tracking parameter and fragment never sent
    ua = srv.hits[-1].headers["user-agent"]
    assert ua.startswith("chipwatch/") and "+https://" in ua
    assert archived_urls(tmp_path / "warc") == [srv.url("/a?id=2")]
    [again] = WarcReplay([res.warc_file]).fetch(srv.url("/a?id=2"), "test")
    assert again.outcome == "ok" and again.body == res.body and again.warc_offset == res.warc_offset


def test_gzip_encoded_page_is_decoded(srv, fetcher, tmp_path):
    body = page(7).body * 50
    srv.routes["/gz"] = gzipped(body)
    [res] = fetcher.fetch(srv.url("/gz"), "test")
    assert res.outcome == "ok" and res.body == body and res.header("Content-Encoding") is None
    assert WarcReplay([res.warc_file]).fetch(srv.url("/gz"), "test")[0].body == body


# ------------------------------------------------------------------------------------------- faults


def test_slow_response_times_out_and_is_retried(srv, fetcher, tmp_path):
    srv.routes["/slow"] = slow(1.0, page(1))
    [res] = fetcher.fetch(srv.url("/slow"), "test")
    assert res.outcome == "timeout" and res.attempts == 2 and "ReadTimeout" in res.error
    assert srv.paths().count("/slow") == 2
    assert not (tmp_path / "warc").exists()


def test_body_trickled_past_the_total_timeout(srv, tmp_path):
    srv.routes["/trickle"] = trickle(100, 0.05)
    with make_fetcher(tmp_path, total_timeout_s=0.4, max_attempts=1) as f:
        [res] = f.fetch(srv.url("/trickle"), "test")
    assert res.outcome == "timeout" and "not complete" in res.error and res.body is None


def test_connection_reset(srv, fetcher, tmp_path):
    srv.routes["/reset"] = reset
    [res] = fetcher.fetch(srv.url("/reset"), "test")
    assert res.outcome == "connection_error" and res.attempts == 2 and res.http_status is None
    assert not (tmp_path / "warc").exists()


def test_connection_refused(tmp_path, fetcher):
    with LoopbackServer() as gone:
        url = gone.url("/x")
    [res] = fetcher.fetch(url, "test")  # robots.txt unreachable first: disallow all
    assert res.outcome == "robots_disallowed" and "ConnectError" in res.error and res.attempts == 0
    with make_fetcher(tmp_path, robots=False) as f:
        [res] = f.fetch(url, "test")
    assert res.outcome == "connection_error" and "ConnectError" in res.error and res.attempts == 2


def test_429_waits_for_retry_after(srv, fetcher):
    srv.routes["/busy"] = [Reply(429, b"", {"Retry-After": "1"}), page(2)]
    [res] = fetcher.fetch(srv.url("/busy"), "test")
    assert res.outcome == "ok" and res.attempts == 2
    first, second = srv.times("/busy")
    assert second - first >= 0.95


def test_retry_after_beyond_the_cap_pauses_the_host(srv, fetcher):
    srv.routes["/busy"] = Reply(429, b"", {"Retry-After": "3600"})
    srv.routes["/other"] = page(3)
    [busy] = fetcher.fetch(srv.url("/busy"), "test")
    assert busy.outcome == "http_error" and busy.http_status == 429 and busy.attempts == 1
    assert "beyond" in busy.error
    [other] = fetcher.fetch(srv.url("/other"), "test")
    assert other.outcome == "http_error" and other.attempts == 0 and "not requested" in other.error
    assert "/other" not in srv.paths()


def test_503_then_success(srv, fetcher, tmp_path):
    srv.routes["/flaky"] = [Reply(503, b"down"), page(4)]
    [res] = fetcher.fetch(srv.url("/flaky"), "test")
    assert res.outcome == "ok" and res.attempts == 2 and res.error is None
    assert archived_urls(tmp_path / "warc") == [srv.url("/flaky")]


def test_5xx_exhausts_retries_and_404_is_not_retried(srv, tmp_path):
    srv.routes["/down"] = Reply(500, b"boom")
    with make_fetcher(tmp_path, max_attempts=3) as f:
        [down] = f.fetch(srv.url("/down"), "test")
        [missing] = f.fetch(srv.url("/missing"), "test")
    assert down.outcome == "http_error" and down.attempts == 3 and down.http_status == 500
    assert "earlier: HTTP 500; HTTP 500" in down.error
    assert missing.outcome == "http_error" and missing.attempts == 1 and srv.paths().count("/missing") == 1


def test_truncated_body(srv, fetcher, tmp_path):
    srv.routes["/short"] = truncated(5000, b"<html><body>only the start")
    [res] = fetcher.fetch(srv.url("/short"), "test")
    assert res.outcome == "connection_error" and res.attempts == 2 and res.body is None
    assert not (tmp_path / "warc").exists()


def test_wrong_charset_header_on_an_euc_kr_page(srv, fetcher, tmp_path):
    raw = KOREAN.encode("euc-kr")
    srv.routes["/ko"] = Reply(200, raw, {"Content-Type": "text/html; charset=utf-8"})
    srv.routes["/ko-bare"] = Reply(200, raw.replace(b'<meta charset="euc-kr">', b""),
                                   {"Content-Type": "text/html; charset=utf-8"})
    [res] = fetcher.fetch(srv.url("/ko"), "test")
    assert res.outcome == "ok" and res.body == raw  # the archive keeps the bytes as sent
    text, enc = decode_html(res.body, res.content_type)
    assert enc == "cp949" and "엔비디아의 시가총액이 하루 만에 5890억 달러" in text
    [bare] = fetcher.fetch(srv.url("/ko-bare"), "test")  # no meta: detection
    text, enc = decode_html(bare.body, bare.content_type)
    assert enc == "cp949" and "수출 통제를 강화했다" in text


def test_oversized_body(srv, fetcher, tmp_path):
    big = b"<html>" + b"x" * 300_000
    srv.routes["/big"] = Reply(200, big, {"Content-Type": "text/html"})
    srv.routes["/big-unannounced"] = Reply(200, big, {"Content-Type": "text/html"}, length=False)
    [declared] = fetcher.fetch(srv.url("/big"), "test")
    [streamed] = fetcher.fetch(srv.url("/big-unannounced"), "test")
    assert declared.outcome == "too_large" and "Content-Length" in declared.error
    assert streamed.outcome == "too_large" and "cap" in streamed.error and streamed.attempts == 1
    assert not (tmp_path / "warc").exists()


def test_gzip_bomb(srv, fetcher, tmp_path):
    bomb = gzipped(b"<html>" + b"\0" * 50_000_000)
    assert len(bomb.body) < 200_000  # passes the wire cap; only the decoded cap catches it
    srv.routes["/bomb"] = bomb
    [res] = fetcher.fetch(srv.url("/bomb"), "test")
    assert res.outcome == "too_large" and "decoded" in res.error
    srv.routes["/feed.xml.gz"] = Reply(200, bomb.body, {"Content-Type": "application/x-gzip"})
    [feed] = fetcher.fetch(srv.url("/feed.xml.gz"), "test", expect="feed")
    assert feed.outcome == "too_large" and "gzip feed" in feed.error
    assert not (tmp_path / "warc").exists()


def test_gzip_sitemap_feed_is_kept_as_sent(srv, fetcher):
    xml = b'<?xml version="1.0"?><urlset><url><loc>https://www.cnn.com/a</loc></url></urlset>'
    srv.routes["/news.xml.gz"] = Reply(200, gzip.compress(xml), {"Content-Type": "application/x-gzip"})
    [res] = fetcher.fetch(srv.url("/news.xml.gz"), "test", expect="feed")
    assert res.outcome == "ok" and gzip.decompress(res.body) == xml


def test_redirect_loop(srv, fetcher):
    srv.routes["/a"] = Reply(302, b"", {"Location": "/b"})
    srv.routes["/b"] = Reply(301, b"", {"Location": srv.url("/a")})
    [res] = fetcher.fetch(srv.url("/a"), "test")
    assert res.outcome == "http_error" and res.error.startswith("redirect loop:")
    assert res.attempts == 2 and srv.paths().count("/a") == 1


def test_too_many_redirects(srv, fetcher):
    for i in range(8):
        srv.routes[f"/r{i}"] = Reply(302, b"", {"Location": f"/r{i + 1}"})
    [res] = fetcher.fetch(srv.url("/r0"), "test")
    assert res.outcome == "http_error" and "too many redirects (more than 5)" in res.error and res.attempts == 6


def test_redirect_within_the_host_is_followed(srv, fetcher):
    srv.routes["/old"] = Reply(301, b"", {"Location": "/new"})
    srv.routes["/new"] = page(5)
    [res] = fetcher.fetch(srv.url("/old"), "test")
    assert res.outcome == "ok" and res.final_url == srv.url("/new") and res.attempts == 2
    assert WarcReplay([res.warc_file]).fetch(srv.url("/new"), "test")[0].outcome == "ok"


def test_offsite_redirect_unless_the_host_is_allowed(srv, tmp_path):
    with LoopbackServer("127.0.0.2") as other:
        other.routes["/there"] = page(6)
        srv.routes["/away"] = Reply(302, b"", {"Location": other.url("/there")})
        with make_fetcher(tmp_path) as f:
            [res] = f.fetch(srv.url("/away"), "test")
        assert res.outcome == "offsite_redirect" and res.final_url == other.url("/there")
        assert "127.0.0.2" in res.error and other.hits == []
        with make_fetcher(tmp_path, sources={"test": {"hosts": ["127.0.0.2"]}}) as f:
            [res] = f.fetch(srv.url("/away"), "test")
        assert res.outcome == "ok" and res.final_url == other.url("/there")


def test_registry_hosts_bound_outlet_redirects(srv, fetcher):
    srv.routes["/cnn"] = Reply(301, b"", {"Location": "https://evil.example/2025/01/01/x/index.html"})
    [res] = fetcher.fetch(srv.url("/cnn"), "cnn")
    assert res.outcome == "offsite_redirect" and "cnn.com" in res.error  # the registry's hosts for cnn


def test_non_html_content_type(srv, fetcher, tmp_path):
    srv.routes["/doc.pdf"] = Reply(200, b"%PDF-1.7" + b"0" * 100_000, {"Content-Type": "application/pdf"})
    [res] = fetcher.fetch(srv.url("/doc.pdf"), "test")
    assert res.outcome == "not_html" and "application/pdf" in res.error and res.body is None
    srv.routes["/feed"] = Reply(200, b"<rss></rss>", {"Content-Type": "application/rss+xml"})
    assert fetcher.fetch(srv.url("/feed"), "test")[0].outcome == "not_html"  # a feed is not a page
    assert fetcher.fetch(srv.url("/feed"), "test", expect="feed")[0].outcome == "ok"


def test_bot_walls_are_blocked_and_never_archived(srv, fetcher, tmp_path):
    srv.routes["/challenge"] = html(CHALLENGE, status=202)
    srv.routes["/wall"] = html(CHALLENGE)
    srv.routes["/forbidden"] = html("You have been blocked from The New York Times", status=403)
    srv.routes["/auth"] = html("no", status=401)
    for path in ("/challenge", "/wall", "/forbidden", "/auth"):
        [res] = fetcher.fetch(srv.url(path), "test")
        assert res.outcome == "blocked" and res.body is None and res.attempts == 1, path
    assert not (tmp_path / "warc").exists()


def test_empty_200(srv, fetcher, tmp_path):
    srv.routes["/empty"] = html("")
    [res] = fetcher.fetch(srv.url("/empty"), "test")
    assert res.outcome == "http_error" and "empty body" in res.error
    assert not (tmp_path / "warc").exists()


# ------------------------------------------------------------------------------------------- robots.txt


def test_robots_forbidden_path_is_never_requested(srv, fetcher):
    srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /private\n\nUser-agent: GPTBot\nDisallow: /\n",
                                      {"Content-Type": "text/plain"})
    srv.routes["/public"] = page(1)
    [no] = fetcher.fetch(srv.url("/private/a"), "test")
    [yes] = fetcher.fetch(srv.url("/public"), "test")
    assert no.outcome == "robots_disallowed" and no.attempts == 0 and "/robots.txt" in no.error
    assert yes.outcome == "ok"
    assert srv.paths() == ["/robots.txt", "/public"]  # fetched once, cached


def test_robots_group_naming_us(srv, fetcher):
    srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n\nUser-agent: chipwatch\nDisallow: /news\n")
    assert fetcher.fetch(srv.url("/news/1"), "test")[0].outcome == "robots_disallowed"


def test_robots_crawl_delay_is_kept(srv, fetcher):
    srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nCrawl-delay: 0.3\n")
    for i in range(3):
        srv.routes[f"/p{i}"] = page(i)
    results = fetch_many(fetcher, [srv.url(f"/p{i}") for i in range(3)], "test")
    assert [r.outcome for r in results] == ["ok"] * 3
    starts = srv.times()  # robots.txt, then the three pages
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= 0.29, gaps


def test_robots_unavailable_means_disallow_all_and_missing_means_allow_all(tmp_path):
    with LoopbackServer() as down, LoopbackServer("127.0.0.2") as missing, make_fetcher(tmp_path) as f:
        down.routes["/robots.txt"] = Reply(503, b"")
        down.routes["/a"] = page(1)
        missing.routes["/a"] = page(1)  # robots.txt: 404
        [res] = f.fetch(down.url("/a"), "test")
        assert res.outcome == "robots_disallowed" and "HTTP 503" in res.error and "disallow all" in res.error
        assert "/a" not in down.paths() and down.paths().count("/robots.txt") == 2  # retried once, then cached
        f.fetch(down.url("/b"), "test")
        assert down.paths().count("/robots.txt") == 2
        assert f.fetch(missing.url("/a"), "test")[0].outcome == "ok"


def test_robots_timeout_means_disallow_all(srv, fetcher):
    srv.routes["/robots.txt"] = slow(1.0, Reply(200, b""))
    srv.routes["/a"] = page(1)
    [res] = fetcher.fetch(srv.url("/a"), "test")
    assert res.outcome == "robots_disallowed" and "ReadTimeout" in res.error


# ------------------------------------------------------------------------------------------- conditional GET


def test_conditional_get_gives_not_modified(srv, fetcher, tmp_path):
    srv.routes["/a"] = conditional('"v1"', page(1))
    [first] = fetcher.fetch(srv.url("/a"), "test")
    assert first.outcome == "ok" and first.header("ETag") == '"v1"'
    [second] = fetcher.fetch(srv.url("/a"), "test", etag=first.header("ETag"),
                             last_modified="Mon, 27 Jan 2025 21:00:00 GMT")
    assert second.outcome == "not_modified" and second.http_status == 304 and second.body is None
    assert srv.hits[-1].headers["if-none-match"] == '"v1"'
    assert srv.hits[-1].headers["if-modified-since"] == "Mon, 27 Jan 2025 21:00:00 GMT"
    assert archived_urls(tmp_path / "warc") == [srv.url("/a")]  # the 304 archived nothing


# ------------------------------------------------------------------------------------------- batches


def test_politeness_per_host_while_hosts_run_concurrently(tmp_path):
    delay, n = 0.2, 4
    with LoopbackServer("127.0.0.1") as a, LoopbackServer("127.0.0.2") as b, \
            make_fetcher(tmp_path, min_delay_s=delay, robots=False) as f:
        for s in (a, b):
            for i in range(n):
                s.routes[f"/p{i}"] = page(i)
        urls = [s.url(f"/p{i}") for i in range(n) for s in (a, b)]  # interleaved
        t0 = time.monotonic()
        results = fetch_many(f, urls, "test", max_workers=4)
        wall = time.monotonic() - t0
    assert [r.url for r in results] == urls and {r.outcome for r in results} == {"ok"}
    for s in (a, b):
        starts = s.times()
        assert len(starts) == n
        assert min(y - x for x, y in zip(starts, starts[1:], strict=False)) >= delay - 0.01
    # the two hosts overlapped: both finished in about one host's time, not two
    assert wall < 2 * (n - 1) * delay
    assert abs(a.times()[0] - b.times()[0]) < delay


def test_batch_of_faults_and_good_pages(srv, tmp_path):
    srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /private\n")
    big = Reply(200, b"x" * 300_000, {"Content-Type": "text/html"})
    routes = {
        "/good1": page(1), "/slow": slow(1.0, page(0)), "/reset": reset,
        "/busy": [Reply(429, b"", {"Retry-After": "0"}), page(2)], "/flaky": [Reply(503), page(3)],
        "/short": truncated(900, b"<html>"), "/big": big, "/bomb": gzipped(b"<html>" + b"\0" * 20_000_000),
        "/loop": Reply(302, b"", {"Location": "/loop2"}), "/loop2": Reply(302, b"", {"Location": "/loop"}),
        "/off": Reply(302, b"", {"Location": "http://127.0.0.3:9/x"}),
        "/pdf": Reply(200, b"%PDF", {"Content-Type": "application/pdf"}), "/challenge": html(CHALLENGE, status=202),
        "/empty": html(""), "/private/x": page(9), "/good2": page(4),
        "/ko": Reply(200, KOREAN.encode("euc-kr"), {"Content-Type": "text/html; charset=utf-8"}),
    }
    srv.routes.update(routes)
    expected = {
        "/good1": "ok", "/slow": "timeout", "/reset": "connection_error", "/busy": "ok", "/flaky": "ok",
        "/short": "connection_error", "/big": "too_large", "/bomb": "too_large", "/loop": "http_error",
        "/off": "offsite_redirect", "/pdf": "not_html", "/challenge": "blocked", "/empty": "http_error",
        "/private/x": "robots_disallowed", "/missing": "http_error", "/good2": "ok", "/ko": "ok",
    }
    urls = [srv.url(p) for p in expected]
    with make_fetcher(tmp_path) as f:
        results = fetch_many(f, urls + [srv.url("/good1#again")], "test", max_workers=3)
    assert [r.url for r in results] == urls  # input order; the duplicate was dropped
    assert {p: r.outcome for p, r in zip(expected, results, strict=True)} == expected
    kept = [r.final_url for r in results if r.outcome == "ok"]
    assert sorted(archived_urls(tmp_path / "warc")) == sorted(kept)
    replay = WarcReplay(sorted((tmp_path / "warc").glob("*.warc.gz")))
    assert all(replay.fetch(u, "test")[0].outcome == "ok" for u in kept)


# ------------------------------------------------------------------------------------------- torn WARC


@pytest.mark.parametrize("tear", ["mid_record", "between_response_and_request", "garbage"])
def test_torn_warc_tail_is_truncated_before_the_next_append(srv, tmp_path, tear):
    srv.routes["/a"] = page(1)
    srv.routes["/b"] = page(2)
    with make_fetcher(tmp_path) as f:
        [a] = f.fetch(srv.url("/a"), "test")
    warc = Path(a.warc_file)
    good_size = warc.stat().st_size
    pair = warc.read_bytes()
    if tear == "mid_record":
        tail = pair[: len(pair) // 2]
    elif tear == "between_response_and_request":
        tail = pair[: _response_member_end(pair)]
    else:
        tail = b"\x1f\x8b\x08\x00garbage"
    with warc.open("ab") as fh:  # a crashed run left this behind
        fh.write(tail)
    with make_fetcher(tmp_path) as f:  # the next run appends to the same day's file
        [b] = f.fetch(srv.url("/b"), "test")
        assert f.archive.repaired_bytes == len(tail)
    assert b.outcome == "ok" and b.warc_file == str(warc) and b.warc_offset == good_size
    assert archived_urls(tmp_path / "warc") == [srv.url("/a"), srv.url("/b")]
    replay = WarcReplay([warc])
    assert [r.body for r in replay.fetch(srv.url("/a"), "test")] == [a.body]
    assert replay.fetch(srv.url("/b"), "test")[0].body == b.body


def _response_member_end(data: bytes) -> int:
    import zlib

    dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
    dec.decompress(data)
    return len(data) - len(dec.unused_data)


# ------------------------------------------------------------------------------------------- with the stages


def test_stage_rows_from_live_results_point_into_the_warc(srv, fetcher):
    from pipelines import stages
    from pipelines.fetch.warc import read_response_at

    srv.routes["/a"] = conditional('"e1"', page(1))
    srv.routes["/gone"] = Reply(404, b"")
    results = stages.fetch_all(fetcher, [srv.url("/a"), srv.url("/gone")], "test")
    assert [stages.fetch_log_row(r)["outcome"] for r in results] == ["ok", "http_error"]
    row = stages.page_row(results[0], "page")
    assert row["etag"] == '"e1"' and row["content_type"].startswith("text/html")
    assert read_response_at(row["warc_file"], row["warc_offset"]).body == results[0].body
    assert stages.page_row(results[1], "page") is None
