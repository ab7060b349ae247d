"""Unit tests of the live-fetch parts that need no server: politeness, robots policy, decoding, WARC appends."""

from __future__ import annotations

import codecs
import gzip
import threading
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.fetch.archive import WarcAppender, complete_prefix
from pipelines.fetch.crawl import fetch_many
from pipelines.fetch.decode import (
    BodyTooLarge,
    DecodingError,
    decode_html,
    decode_stream,
    gunzip_capped,
    normalise_encoding,
)
from pipelines.fetch.politeness import HostBusy, HostSlots, backoff_delay, parse_retry_after
from pipelines.fetch.replay import WarcReplay
from pipelines.fetch.result import FetchResult
from pipelines.fetch.robots import RobotsCache, RobotsFetch, agent_token
from pipelines.fetch.warc import iter_responses

NOW = datetime(2025, 1, 27, 21, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, s: float) -> None:
        self.slept.append(s)
        self.t += s


# ------------------------------------------------------------------------------------------- politeness


def test_slot_spaces_requests_from_the_end_of_the_previous_one():
    clock = FakeClock()
    slots = HostSlots(clock=clock, sleep=clock.sleep)
    with slots.slot("a", 1.0):
        clock.t += 0.25  # the request takes 0.25 s
    with slots.slot("a", 1.0):
        pass
    assert clock.slept == [1.0]
    with slots.slot("b", 1.0):  # another host: no wait
        pass
    assert clock.slept == [1.0]
    with slots.slot("a", 3.0):  # a larger delay (Crawl-delay) applies from the previous request's end
        pass
    assert clock.slept == [1.0, 3.0]


def test_defer_and_host_busy():
    clock = FakeClock()
    slots = HostSlots(max_wait_s=60, clock=clock, sleep=clock.sleep)
    slots.defer("a", 30, "Retry-After 30 s")
    with slots.slot("a", 0.0):
        pass
    assert clock.slept == [30]
    slots.defer("a", 3600, "Retry-After 3600 s")
    with pytest.raises(HostBusy, match="Retry-After 3600"), slots.slot("a", 0.0):
        pass
    assert slots.requests("a") == 1


def test_slots_serialise_one_host_across_threads():
    slots = HostSlots()
    inside, peak = [0], [0]
    lock = threading.Lock()

    def work() -> None:
        with slots.slot("h", 0.0):
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            threading.Event().wait(0.01)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 1 and slots.requests("h") == 8


def test_retry_after_forms():
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(format_datetime(NOW + timedelta(seconds=90), usegmt=True), now=NOW) == 90.0
    assert parse_retry_after(format_datetime(NOW - timedelta(seconds=90), usegmt=True), now=NOW) == 0.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None and parse_retry_after("") is None


@given(st.integers(min_value=1, max_value=30), st.floats(min_value=0, max_value=0.999))
def test_backoff_grows_and_is_capped(attempt, r):
    d = backoff_delay(attempt, base_s=1.0, cap_s=30.0, rng=lambda: r)
    raw = min(30.0, 2.0 ** (attempt - 1))
    assert raw / 2 <= d < raw


# ------------------------------------------------------------------------------------------- robots


def _robots(answers: list[RobotsFetch], clock: FakeClock | None = None) -> tuple[RobotsCache, list[str]]:
    asked: list[str] = []

    def fetch(url: str) -> RobotsFetch:
        asked.append(url)
        return answers[min(len(asked) - 1, len(answers) - 1)]

    return RobotsCache(fetch, "chipwatch", ttl_s=100, error_ttl_s=10, clock=clock or FakeClock()), asked


def test_robots_rules_crawl_delay_and_cache():
    cache, asked = _robots([RobotsFetch(200, b"User-agent: *\nDisallow: /search\nCrawl-delay: 5\n")])
    assert cache.check("https://x.test/a").allowed
    no = cache.check("https://x.test/search?q=1")
    assert not no.allowed and no.crawl_delay == 5.0 and "disallowed for 'chipwatch'" in no.reason
    assert asked == ["https://x.test/robots.txt"]
    cache.check("http://x.test/a")  # another origin (scheme)
    assert asked[-1] == "http://x.test/robots.txt"


@pytest.mark.parametrize(("answer", "allowed"), [
    (RobotsFetch(404), True), (RobotsFetch(410), True), (RobotsFetch(401), True), (RobotsFetch(403), True),
    (RobotsFetch(429), False), (RobotsFetch(500), False), (RobotsFetch(503), False),
    (RobotsFetch(None, error="ReadTimeout"), False), (RobotsFetch(None, error="ConnectError"), False),
])
def test_robots_failure_policy(answer, allowed):
    cache, _ = _robots([answer])
    assert cache.check("https://x.test/a").allowed is allowed


def test_robots_error_is_retried_after_its_short_ttl_and_rules_after_theirs():
    clock = FakeClock()
    cache, asked = _robots([RobotsFetch(503), RobotsFetch(200, b"User-agent: *\nDisallow: /x\n")], clock)
    assert not cache.check("https://x.test/a").allowed
    clock.t += 5
    assert not cache.check("https://x.test/a").allowed and len(asked) == 1
    clock.t += 6  # error TTL (10 s) passed
    assert cache.check("https://x.test/a").allowed and len(asked) == 2
    clock.t += 99
    cache.check("https://x.test/a")
    assert len(asked) == 2
    clock.t += 2  # rules TTL (100 s) passed
    cache.check("https://x.test/a")
    assert len(asked) == 3


def test_robots_named_bots_do_not_catch_us():
    body = b"User-agent: GPTBot\nDisallow: /\n\nUser-agent: news-please\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    cache, _ = _robots([RobotsFetch(200, body)])
    assert cache.check("https://www.cnn.com/2025/01/27/tech/x/index.html").allowed
    assert agent_token("chipwatch/0.1 (+https://github.com/chipwatch/chipwatch; news figure tracker)") == "chipwatch"


# ------------------------------------------------------------------------------------------- decoding


def test_content_decoding_caps_and_forms():
    data = b"<html>" + b"a" * 10_000
    assert decode_stream([zlib.compress(data)], "deflate", 20_000) == data
    raw = zlib.compressobj(wbits=-15)
    assert decode_stream([raw.compress(data) + raw.flush()], "deflate", 20_000) == data
    with pytest.raises(BodyTooLarge):
        decode_stream([b"x" * 100], "identity", 99)
    with pytest.raises(DecodingError, match="unsupported"):
        decode_stream([b"x"], "br", 100)
    with pytest.raises(DecodingError, match="corrupt"):
        decode_stream([b"\x1f\x8b\x08\x00not gzip"], "deflate", 100)
    with pytest.raises(DecodingError, match="truncated"):
        decode_stream([gzip.compress(data)[:-30]], "gzip", 20_000)


@pytest.mark.parametrize(("label", "codec"), [
    ("EUC-KR", "cp949"), ("ks_c_5601-1987", "cp949"), ("x-windows-949", "cp949"), ("UTF8", "utf-8"),
    ("ISO-8859-1", "cp1252"), ("us-ascii", "cp1252"), ("bogus", None),
])
def test_charset_labels(label, codec):
    assert normalise_encoding(label) == codec


def test_decode_html_clues():
    ko = "<p>반도체 수출 통제 강화</p>"
    assert decode_html(codecs.BOM_UTF8 + ko.encode(), None) == (ko, "utf-8-sig")
    assert decode_html(ko.encode("cp949"), "text/html; charset=EUC-KR") == (ko, "cp949")
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">{ko}'
    assert decode_html(meta.encode("cp949"), "text/html") == (meta, "cp949")
    xml = f'<?xml version="1.0" encoding="EUC-KR"?><rss>{ko}</rss>'
    assert decode_html(xml.encode("cp949"), "application/rss+xml") == (xml, "cp949")
    assert decode_html(ko.encode(), "text/html; charset=iso-8859-1") == (ko, "utf-8")  # a latin default header
    assert decode_html(b"<p>plain</p>", None) == ("<p>plain</p>", "utf-8")
    text, enc = decode_html(b"<p>\xff\xfe broken \x80</p>", "text/html; charset=utf-8")
    assert text.startswith("<p>") and enc


# ------------------------------------------------------------------------------------------- WARC appends


def _exchange(app: WarcAppender, i: int) -> tuple[str, int]:
    return app.append(f"https://x.test/{i}", NOW, 200, {"Content-Type": "text/html"}, f"<p>{i}</p>".encode() * 50)


def test_concurrent_appends_stay_whole(tmp_path):
    app = WarcAppender(tmp_path)
    out: list[tuple[str, int]] = []
    lock = threading.Lock()

    def work(k: int) -> None:
        for i in range(k * 20, k * 20 + 20):
            got = _exchange(app, i)
            with lock:
                out.append(got)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    path = tmp_path / "chipwatch-20250127.warc.gz"
    assert {p for p, _ in out} == {str(path)}
    responses = list(iter_responses(path))
    assert len(responses) == 80 and sorted(r.offset for r in responses) == sorted(o for _, o in out)
    assert complete_prefix(path) == path.stat().st_size
    replay = WarcReplay([path])
    assert len(replay.urls()) == 80


def test_complete_prefix_stops_before_an_unpaired_response(tmp_path):
    app = WarcAppender(tmp_path)
    _exchange(app, 1)
    path = tmp_path / "chipwatch-20250127.warc.gz"
    size = path.stat().st_size
    data = path.read_bytes()
    dec = zlib.decompressobj(31)
    dec.decompress(data)
    response_only = data[: len(data) - len(dec.unused_data)]
    path.write_bytes(data + response_only)
    assert complete_prefix(path) == size
    assert complete_prefix(path, start=size) == size
    _exchange(WarcAppender(tmp_path), 2)  # a new appender repairs, then appends
    assert [r.url for r in iter_responses(path)] == ["https://x.test/1", "https://x.test/2"]


# ------------------------------------------------------------------------------------------- fetch_many


class FakeFetcher:
    mode = "fake"

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def fetch(self, url: str, source: str, expect: str = "page", etag: str | None = None,
              last_modified: str | None = None) -> list[FetchResult]:
        self.calls.append((url, expect, etag, last_modified))
        if "boom" in url:
            raise RuntimeError("fetcher bug")
        return [FetchResult(url=url, source=source, attempted_at=NOW, outcome="ok", mode=self.mode, body=b"x")]


class PlainFetcher(FakeFetcher):
    def fetch(self, url: str, source: str, expect: str = "page") -> list[FetchResult]:  # type: ignore[override]
        return super().fetch(url, source, expect)


def test_fetch_many_order_dedupe_errors_and_validators():
    urls = ["https://a.test/1", "https://b.test/1", "https://a.test/boom", "https://a.test/1#dup",
            "https://c.test/1?utm_source=x", "https://c.test/1"]
    f = FakeFetcher()
    res = fetch_many(f, urls, "s", max_workers=3, validators={"https://b.test/1": ('"e"', None)})
    assert [r.url for r in res] == ["https://a.test/1", "https://b.test/1", "https://a.test/boom",
                                    "https://c.test/1?utm_source=x"]
    assert [r.outcome for r in res] == ["ok", "ok", "connection_error", "ok"] and "fetcher bug" in res[2].error
    assert ("https://b.test/1", "page", '"e"', None) in f.calls
    plain = PlainFetcher()
    assert len(fetch_many(plain, urls[:2], "s", validators={"https://b.test/1": ('"e"', None)})) == 2
    assert fetch_many(f, [], "s") == []


def test_one_gunzip_for_feeds_keeps_what_it_can():
    from pipelines.fetch.decode import gunzip_prefix

    body = gzip.compress(b"<urlset>" + b"<url><loc>https://x.test/a</loc></url>" * 50 + b"</urlset>")
    whole, error = gunzip_prefix(body, 1 << 20)
    assert error is None and whole.endswith(b"</urlset>")
    cut, error = gunzip_prefix(body[: len(body) // 2], 1 << 20)  # a download cut short
    assert error and "truncated" in error and cut and whole.startswith(cut)
    with pytest.raises(BodyTooLarge):
        gunzip_capped(body, 100)  # fetching: past the cap is an error, not a prefix


def test_decode_html_prefers_valid_utf8_over_a_stale_declaration():
    page = '<meta charset="euc-kr"><p>엔비디아 칩 수출</p>'
    assert decode_html(page.encode("utf-8")) == (page, "utf-8")
    assert decode_html(page.encode("cp949")) == (page, "cp949")


def test_retry_after_decimal_seconds():
    assert parse_retry_after("1.5") == 1.5 and parse_retry_after("-3") == 0.0
