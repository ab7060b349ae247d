"""JavaScript challenge pages are ``blocked`` by their shape, with 200 or 202, whoever serves them."""

from __future__ import annotations

import pytest

from pipelines.fetch.outcome import classify_response, looks_like_challenge
from pipelines.sources import parse_page
from tests.test_fetch_live import make_fetcher
from tests.test_fetch_live_server import LoopbackServer, html

# No vendor marker the fetcher knows: only the shape (a tiny page whose script reloads it).
CHECKING = """<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>
<h1>Checking your browser before accessing the site.</h1>
<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
<script>setTimeout(function () { window.location.reload(); }, 5000);</script></body></html>"""
COOKIE_HOP = """<html><head><title>loading</title></head><body><noscript>Turn on scripts.</noscript>
<script>document.cookie = "__chk=8f1e; path=/"; window.location.href = window.location.pathname;</script>
</body></html>"""
PHRASE_ONLY = """<html><head><title>DDoS protection by Example</title><script src="/cdn/c.js"></script></head>
<body><div>Please wait while we are checking your browser...</div></body></html>"""
SELF_REFRESH = """<html><head><meta http-equiv="refresh" content="5"><script src="/x.js"></script></head>
<body>One moment, please...</body></html>"""
# A short real page with a script that touches location is no challenge; nor is a redirect stub.
SHORT_ARTICLE = ("<html><head><title>Nvidia</title><script>if (location.hash) { location.href = '/a'; }</script>"
                 "</head><body><article>" + "<p>Nvidia sold more than 2,000 H20 chips to Chinese buyers, the "
                 "company said on Monday, as export rules tightened again and prices rose.</p>" * 15
                 + "</article></body></html>")
REDIRECT_STUB = ('<html><head><meta http-equiv="refresh" content="0; url=https://example.com/new"></head>'
                 '<body><a href="https://example.com/new">Moved</a></body></html>')


@pytest.mark.parametrize("body", [CHECKING, COOKIE_HOP, PHRASE_ONLY, SELF_REFRESH])
@pytest.mark.parametrize("status", [200, 202])
def test_challenge_pages_are_blocked_by_shape(body, status):
    outcome, error = classify_response(status, "text/html; charset=utf-8", body.encode())
    assert outcome == "blocked", (status, error)
    assert looks_like_challenge(body.encode())


@pytest.mark.parametrize("body", [SHORT_ARTICLE, REDIRECT_STUB])
def test_short_pages_that_are_no_challenge_stay_ok(body):
    assert looks_like_challenge(body.encode()) is None
    assert classify_response(200, "text/html", body.encode())[0] == "ok"


def test_live_fetch_of_a_challenge_with_200_and_202_is_blocked_and_not_archived(tmp_path):
    with LoopbackServer() as srv, make_fetcher(tmp_path) as fetcher:
        srv.routes["/a"] = html(CHECKING)
        srv.routes["/b"] = html(COOKIE_HOP, status=202)
        for path in ("/a", "/b"):
            [res] = fetcher.fetch(srv.url(path), "test")
            assert res.outcome == "blocked" and res.body is None, (path, res.outcome, res.error)
            assert "challenge" in res.error
    assert not (tmp_path / "warc").exists()


def test_archived_challenge_page_is_parsed_as_a_bot_wall():
    page = parse_page(COOKIE_HOP, "https://www.cnn.com/2025/01/27/tech/x/index.html")
    assert not page.is_article and page.reason == "bot_wall"
