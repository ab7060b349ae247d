"""NYT Article Search client against a local stand-in (pytest-httpserver); never touches the internet."""

from __future__ import annotations

import gzip
import json
import logging
import socket
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from werkzeug import Request, Response

from pipelines.fetch.article_search import ArticleSearchClient, NytApiError, api_key_from_env
from pipelines.sources.discovery import FeedItem
from pipelines.sources.outlets.nyt_search import doc_authors, doc_to_item, parse_docs

FIXTURES = Path(__file__).parent / "fixtures" / "sources" / "nyt_api"
PATH = "/svc/search/v2/articlesearch.json"
KEY = "test-key-Zq8xW3vN"


def load(name: str) -> dict[str, Any]:
    """A fixture response as a dict."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A JSON werkzeug response."""
    return Response(json.dumps(data), status=status, headers=headers, content_type="application/json")


class Recorder:
    """A handler that logs each request (args, arrival time) and answers from a list, then a fallback."""

    def __init__(self, responses: list[Response] | None = None,
                 by_page: dict[int, dict[str, Any] | Response] | None = None) -> None:
        self.responses = list(responses or [])
        self.by_page = by_page or {}
        self.args: list[dict[str, str]] = []
        self.times: list[float] = []

    def __call__(self, request: Request) -> Response:
        self.times.append(time.monotonic())
        self.args.append(dict(request.args))
        if self.responses:
            return self.responses.pop(0)
        page = int(request.args.get("page", "0"))
        found = self.by_page.get(page)
        if isinstance(found, Response):
            return found
        if found is not None:
            return json_response(found)
        return json_response({"status": "OK", "response": {"docs": [], "meta": {"hits": 0, "offset": page * 10}}})


def full_page(page: int, hits: int = 1000) -> dict[str, Any]:
    """A page of ten distinct article docs."""
    docs = [
        {"web_url": f"https://www.nytimes.com/2025/03/{page + 1:02d}/technology/chip-story-{page}-{i}.html",
         "headline": {"main": f"Chip story {page}-{i}"}, "pub_date": "2025-03-01T12:00:00+0000",
         "document_type": "article"}
        for i in range(10)
    ]
    return {"status": "OK", "response": {"docs": docs, "meta": {"hits": hits, "offset": page * 10}}}


@pytest.fixture
def make_client(httpserver):
    """Build clients aimed at the stand-in with no spacing and tiny backoffs; closes them afterwards."""
    made: list[ArticleSearchClient] = []

    def build(handler: Recorder, **kwargs: Any) -> ArticleSearchClient:
        httpserver.expect_request(PATH).respond_with_handler(handler)
        options: dict[str, Any] = {"min_interval_s": 0.0, "backoff_s": 0.01, "timeout_s": 5.0}
        options.update(kwargs)
        client = ArticleSearchClient(KEY, base_url=httpserver.url_for(PATH), **options)
        made.append(client)
        return client

    yield build
    for client in made:
        client.close()


def fixture_pages() -> Recorder:
    """The two fixture pages."""
    return Recorder(by_page={0: load("page_0.json"), 1: load("page_1.json")})


def test_search_pages_and_maps_items(make_client):
    rec = fixture_pages()
    client = make_client(rec)
    items = client.search("nvidia export controls")
    assert [a["page"] for a in rec.args] == ["0", "1"]
    assert client.requests_made == 2
    assert client.last_hits == 14
    assert all(isinstance(i, FeedItem) for i in items)
    urls = [i.url for i in items]
    assert urls == [
        "https://www.nytimes.com/2025/01/27/technology/deepseek-model-nvidia-shares.html",
        "https://www.nytimes.com/2025/01/29/technology/nvidia-h20-export-limits.html",
        "https://www.nytimes.com/2025/01/13/business/ai-chip-export-rule-tiers.html",
        "https://www.nytimes.com/2025/02/11/technology/ai-chip-smuggling-southeast-asia.html",
        "https://www.nytimes.com/2025/02/03/us/politics/nvidia-lawmakers-letter-export.html",
        "https://www.nytimes.com/2025/02/26/business/nvidia-earnings-forecast.html",
        "https://www.nytimes.com/2025/04/02/technology/huawei-ascend-chips-china.html",
        "https://www.nytimes.com/2025/04/15/technology/nvidia-h20-license-charge.html",
        "https://www.nytimes.com/2025/05/20/business/chip-export-rule-rescinded.html",
    ]  # the page-1 repeat of the DeepSeek story is dropped
    first = items[0]
    assert first.source == "nyt" and first.via == "nyt_api" and first.kind == "article_search"
    assert first.is_article and first.skip_reason is None
    assert first.title == "Chinese Start-Up's Cheap Model Jolts Nvidia Investors"
    assert first.summary is not None
    abstract, lead = first.summary.split("\n\n")
    assert abstract.startswith("A Chinese start-up said") and lead.startswith("Investors dumped chip stocks")
    assert first.published_at == datetime(2025, 1, 27, 10, 0, tzinfo=UTC)
    assert first.keywords == ["DeepSeek", "Nvidia Corporation", "Artificial Intelligence"]
    second = items[1]
    assert second.raw_url.endswith("nvidia-h20-export-limits.html?smid=url-share")
    assert second.published_at == datetime(2025, 1, 29, 23, 30, tzinfo=UTC)


def test_non_articles_are_skipped(make_client):
    result = make_client(fixture_pages()).search_detailed("nvidia")
    reasons = {i.url: i.skip_reason for i in result.skipped}
    assert reasons == {
        "https://www.nytimes.com/video/business/100000009900001/nvidia-chips-explained.html":
            "document_type=multimedia",
        "https://www.nytimes.com/interactive/2025/01/30/technology/ai-chip-export-tiers-map.html":
            "not an article URL for nyt",
        "https://www.nytimes.com/live/2025/01/27/business/stock-market-deepseek": "not an article URL for nyt",
    }
    assert all(not i.is_article for i in result.skipped)
    assert not any("/video/" in i.url or "/interactive/" in i.url or "/live/" in i.url for i in result.items)
    assert len(result.errors) == 1 and "no web_url" in result.errors[0] and "0a1b2c3d-0010" in result.errors[0]


def test_missing_fields_tolerated(make_client):
    items = {i.url.rsplit("/", 1)[-1]: i for i in make_client(fixture_pages()).search("nvidia")}
    # headline as a plain string, byline null
    assert items["nvidia-lawmakers-letter-export.html"].title == "Senators Press Nvidia on Chip Sales in Asia"
    # lead paragraph identical to the abstract: not repeated
    smuggling = items["ai-chip-smuggling-southeast-asia.html"]
    assert smuggling.summary == (
        "Smugglers are moving restricted processors through third countries, according to court filings."
    )
    # newer shape: "metadata", "Z" dates, no lead_paragraph, keywords as strings
    huawei = items["huawei-ascend-chips-china.html"]
    assert huawei.published_at == datetime(2025, 4, 2, 4, 0, 12, tzinfo=UTC)
    assert huawei.summary is not None and "\n\n" not in huawei.summary
    assert huawei.keywords == ["Huawei Technologies Co Ltd", "Semiconductors and Chips"]
    assert items["nvidia-h20-license-charge.html"].keywords == ["Export Controls", "Nvidia Corporation"]
    # a bare doc: URL only
    bare = items["chip-export-rule-rescinded.html"]
    assert bare.title is None and bare.summary is None and bare.published_at is None and bare.keywords == []
    for item in items.values():
        assert item.published_at is None or item.published_at.utcoffset().total_seconds() == 0


def test_docs_null_and_unusual_values_do_not_crash():
    result = parse_docs([None, "x", {"web_url": 5}, {"web_url": "https://www.nytimes.com/2025/06/01/technology/a.html",
                                                     "headline": {"main": None, "print_headline": "Fallback"},
                                                     "keywords": [{"value": None}, 3], "byline": "By X"}])
    assert len(result.errors) == 3
    assert [i.title for i in result.items] == ["Fallback"]
    assert result.items[0].keywords == []
    assert doc_to_item({"web_url": ""}) is None


def test_empty_result_with_null_docs(make_client):
    rec = Recorder([json_response({"status": "OK", "response": {"docs": None, "metadata": {"hits": 0}}})])
    client = make_client(rec)
    assert client.search("nothing matches") == []
    assert client.requests_made == 1 and client.last_hits == 0


def test_params_sent(make_client):
    rec = fixture_pages()
    client = make_client(rec)
    client.search("DeepSeek", begin_date=date(2025, 1, 1), end_date=date(2025, 3, 31),
                  filter_query='section_name:("Technology" "Business")', sort="newest")
    assert rec.args[0] == {
        "q": "DeepSeek", "begin_date": "20250101", "end_date": "20250331",
        "fq": 'section_name:("Technology" "Business")', "sort": "newest", "page": "0", "api-key": KEY,
    }
    assert rec.args[1]["page"] == "1" and rec.args[1]["api-key"] == KEY


def test_no_date_params_when_not_given(make_client):
    rec = fixture_pages()
    make_client(rec).search("chips")
    assert set(rec.args[0]) == {"q", "page", "api-key"}


def test_max_pages_bounds_paging(make_client):
    rec = Recorder(by_page={p: full_page(p) for p in range(10)})
    items = make_client(rec, max_pages=3).search("chips")
    assert [a["page"] for a in rec.args] == ["0", "1", "2"]
    assert len(items) == 30


def test_paging_stops_when_hits_are_exhausted(make_client):
    rec = Recorder(by_page={0: full_page(0, hits=20), 1: full_page(1, hits=20), 2: full_page(2, hits=20)})
    make_client(rec).search("chips")
    assert [a["page"] for a in rec.args] == ["0", "1"]


def test_429_with_retry_after_then_success(make_client):
    rec = Recorder(
        [json_response({"fault": {"faultstring": "Rate limit quota violation"}}, 429, {"Retry-After": "0"}),
         json_response({"fault": {"faultstring": "Rate limit quota violation"}}, 429, {"Retry-After": "1"})],
        by_page={0: load("page_1.json")},
    )
    client = make_client(rec)
    start = time.monotonic()
    items = client.search("nvidia")
    elapsed = time.monotonic() - start
    assert len(items) == 4
    assert client.requests_made == 3
    assert rec.times[2] - rec.times[1] >= 0.95  # Retry-After: 1 honoured
    assert elapsed < 3


def test_retry_after_is_capped(make_client):
    rec = Recorder([json_response({}, 429, {"Retry-After": "3600"})], by_page={0: load("page_1.json")})
    client = make_client(rec, max_retry_after_s=0.05)
    start = time.monotonic()
    assert len(client.search("nvidia")) == 4
    assert time.monotonic() - start < 2


def test_5xx_retried_then_success(make_client):
    rec = Recorder([Response("upstream", status=502), Response("busy", status=503)], by_page={0: load("page_1.json")})
    client = make_client(rec)
    assert len(client.search("nvidia")) == 4
    assert client.requests_made == 3


def test_retries_exhausted_raise(make_client):
    rec = Recorder([Response("busy", status=503) for _ in range(5)])
    client = make_client(rec, max_retries=2)
    with pytest.raises(NytApiError) as info:
        client.search("nvidia")
    assert info.value.kind == "server" and info.value.status == 503
    assert "after 3 attempts" in str(info.value)
    assert len(rec.args) == 3


def test_429_exhausted_is_rate_limited(make_client):
    rec = Recorder([json_response({}, 429, {"Retry-After": "0"}) for _ in range(3)])
    with pytest.raises(NytApiError) as info:
        make_client(rec, max_retries=1).search("nvidia")
    assert info.value.kind == "rate_limited" and info.value.status == 429 and len(rec.args) == 2


@pytest.mark.parametrize("status", [401, 403])
def test_rejected_key_raises_without_leaking_it(make_client, status):
    body = {"fault": {"faultstring": f"Invalid ApiKey {KEY}", "detail": {"errorcode": "oauth.v2.InvalidApiKey"}}}
    rec = Recorder([json_response(body, status)])
    with pytest.raises(NytApiError) as info:
        make_client(rec).search("nvidia")
    message = str(info.value)
    assert "API key rejected" in message and f"HTTP {status}" in message
    assert KEY not in message and KEY not in repr(info.value)
    assert info.value.kind == "auth" and info.value.status == status
    assert info.value.__cause__ is None and info.value.__context__ is None
    assert len(rec.args) == 1  # not retried


def test_auth_failure_on_a_later_page_raises(make_client):
    rec = Recorder(by_page={0: full_page(0), 1: json_response({"fault": {"faultstring": "Invalid ApiKey"}}, 401)})
    with pytest.raises(NytApiError) as info:
        make_client(rec).search("nvidia")
    assert info.value.kind == "auth" and info.value.page == 1


@pytest.mark.parametrize("status", [400, 404])
def test_other_4xx_not_retried(make_client, status):
    rec = Recorder([json_response({"status": "ERROR", "errors": ["page must be <= 100"]}, status)])
    with pytest.raises(NytApiError) as info:
        make_client(rec).search("nvidia")
    assert info.value.kind == "http" and info.value.status == status
    assert "page must be <= 100" in str(info.value)
    assert len(rec.args) == 1


def test_malformed_json_raises_clearly(make_client):
    rec = Recorder([Response('{"status": "OK", "response": {"docs": [', status=200, content_type="application/json")])
    with pytest.raises(NytApiError) as info:
        make_client(rec).search("nvidia")
    message = str(info.value)
    assert info.value.kind == "malformed" and "malformed JSON" in message and "page 0" in message
    assert KEY not in message


def test_html_body_is_malformed(make_client):
    rec = Recorder([Response("<html><body>Service unavailable</body></html>", status=200, content_type="text/html")])
    with pytest.raises(NytApiError, match="malformed JSON.*text/html"):
        make_client(rec).search("nvidia")


@pytest.mark.parametrize(
    ("body", "kind", "text"),
    [
        ({"status": "OK"}, "malformed", "no 'response' object"),
        ({"status": "OK", "response": {"docs": {"a": 1}}}, "malformed", "not a list"),
        ([1, 2], "malformed", "not an object"),
        ({"status": "ERROR", "errors": ["bad fq"]}, "api", "bad fq"),
        ({"fault": {"faultstring": "Spike arrest violation"}}, "api", "Spike arrest violation"),
    ],
)
def test_unexpected_shapes(make_client, body, kind, text):
    with pytest.raises(NytApiError) as info:
        make_client(Recorder([json_response(body)])).search("nvidia")
    assert info.value.kind == kind and text in str(info.value)


def test_later_page_failure_keeps_earlier_items(make_client):
    rec = Recorder(by_page={0: full_page(0), 1: Response("oops", status=500)})
    client = make_client(rec, max_retries=0)
    result = client.search_detailed("nvidia")
    assert len(result.items) == 10
    assert len(result.errors) == 1 and "HTTP 500" in result.errors[0]
    assert len(client.search("nvidia")) == 10  # search() logs the error and returns what it has


def test_min_interval_between_requests(make_client):
    rec = Recorder(
        [json_response({}, 429, {"Retry-After": "0"})],
        by_page={0: full_page(0), 1: full_page(1), 2: full_page(2, hits=30)},
    )
    client = make_client(rec, min_interval_s=0.2)
    client.search("chips")
    assert len(rec.times) == 4  # one 429 retry and three pages
    gaps = [b - a for a, b in zip(rec.times, rec.times[1:], strict=False)]
    assert all(gap >= 0.2 for gap in gaps), gaps


def test_first_request_is_not_delayed(make_client):
    client = make_client(Recorder(by_page={0: load("page_1.json")}), min_interval_s=5.0)
    start = time.monotonic()
    client.search("chips")
    assert time.monotonic() - start < 1


def test_transport_error_raises_without_key():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = ArticleSearchClient(KEY, base_url=f"http://127.0.0.1:{port}{PATH}", min_interval_s=0, timeout_s=1,
                                 max_retries=1, backoff_s=0.01)
    with client, pytest.raises(NytApiError) as info:
        client.search("nvidia")
    assert info.value.kind == "transport" and KEY not in str(info.value)
    assert client.requests_made == 2


def test_key_never_logged(make_client, caplog):
    caplog.set_level(logging.DEBUG)
    rec = Recorder([json_response({}, 429, {"Retry-After": "0"})], by_page={0: load("page_0.json"),
                                                                            1: load("page_1.json")})
    make_client(rec).search("nvidia")
    # the stand-in server (werkzeug) logs its own access lines; everything on the client side must be clean
    client_side = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("werkzeug"))
    assert "HTTP Request" in client_side  # httpx did log the request line ...
    assert "api-key=***" in client_side  # ... with the key masked
    assert KEY not in client_side


def test_key_not_in_repr():
    client = ArticleSearchClient(KEY)
    with client:
        assert KEY not in repr(client)


def test_empty_key_refused():
    with pytest.raises(ValueError):
        ArticleSearchClient("  ")


def test_api_key_from_env(monkeypatch):
    monkeypatch.delenv("NYT_API_KEY", raising=False)
    assert api_key_from_env() is None
    monkeypatch.setenv("NYT_API_KEY", "   ")
    assert api_key_from_env() is None
    monkeypatch.setenv("NYT_API_KEY", f" {KEY}\n")
    assert api_key_from_env() == KEY


def test_doc_authors():
    docs = load("page_0.json")["response"]["docs"]
    assert doc_authors(docs[0]) == ["Dana Whitfield", "Marcus Oyelaran"]
    assert doc_authors(docs[4]) == ["Priya Santhanam", "Tomas Ekwueme"]  # empty person[]: from "original"
    assert doc_authors(docs[6]) == []  # byline null
    assert doc_authors({"byline": {"original": "By Wen Jiahui"}}) == ["Wen Jiahui"]


def test_responses_are_archived_without_the_key_and_replay_reproduces_the_run(make_client, tmp_path):
    from pipelines import stages
    from pipelines.fetch.archive import WarcAppender
    from pipelines.fetch.article_search import ArchivedSearch
    from pipelines.fetch.replay import WarcReplay

    archive = WarcAppender(tmp_path / "warc")
    live = make_client(fixture_pages(), archive=archive)
    found = live.search("nvidia", begin_date=date(2025, 1, 1))
    files = sorted((tmp_path / "warc").glob("*.warc.gz"))
    assert files and all(KEY.encode() not in gzip.decompress(f.read_bytes()) for f in files)
    replay = WarcReplay(files)
    archived = ArchivedSearch(replay, "nyt", live.base_url)
    assert len(archived.urls()) == 2 and all("api-key" not in u and "page=" in u for u in archived.urls())
    assert [i.url for i in archived.search("anything")] == [i.url for i in found]
    discovered = stages.discover(replay, "nyt", article_search=archived)
    assert {u["url"] for u in discovered.urls if u["via"] == "nyt_api"} == {i.url for i in found}


def test_archived_search_skips_unreadable_pages(tmp_path):
    from pipelines.fetch.archive import WarcAppender
    from pipelines.fetch.article_search import API_URL, ArchivedSearch
    from pipelines.fetch.replay import WarcReplay

    archive = WarcAppender(tmp_path)
    at = datetime(2025, 3, 1, tzinfo=UTC)
    archive.append(API_URL + "?page=0&q=x", at, 200, {"Content-Type": "application/json"},
                   json.dumps(load("page_1.json")).encode())
    archive.append(API_URL + "?page=1&q=x", at, 200, {"Content-Type": "application/json"}, b"{not json")
    archive.append(API_URL + "?page=2&q=x", at, 200, {"Content-Type": "text/html"}, b"<html>wall</html>")
    result = ArchivedSearch(WarcReplay(sorted(tmp_path.glob("*.warc.gz"))), "nyt").search_detailed()
    assert len(result.items) == 4
    assert len(result.errors) == 2 and "malformed JSON" in result.errors[0] and "not_html" in result.errors[1]


def test_client_shares_the_live_fetchers_host_slots(make_client):
    from pipelines.fetch.politeness import HostSlots

    slots = HostSlots(record=True)
    client = make_client(Recorder(by_page={0: full_page(0), 1: full_page(1, hits=20)}), slots=slots,
                         min_interval_s=0.1)
    client.search("chips")
    [host] = slots.hosts()
    assert slots.requests(host) == 2 and all(gap >= 0.1 for gap in slots.gaps(host))


def test_fetcher_resource_wires_the_search_api_from_the_registry(monkeypatch, tmp_path):
    from assets.resources import FetcherResource
    from pipelines.fetch.live import LiveFetcher

    resource = FetcherResource()
    replay = resource.build()
    assert resource.article_search("nyt", replay) is None  # the sample archive holds no API responses
    monkeypatch.delenv("NYT_API_KEY", raising=False)
    with LiveFetcher(tmp_path, robots=False) as live:
        assert resource.article_search("nyt", live) is None  # no key, no client
        monkeypatch.setenv("NYT_API_KEY", KEY)
        client = resource.article_search("nyt", live)
        assert client is not None and client.slots is live.slots and client.archive is live.archive
        assert resource.article_search("cnn", live) is None  # CNN declares no search API
        client.close()
    with LiveFetcher(tmp_path, robots=False, sources={"nyt": {"hosts": ["127.0.0.1"]}}) as stand_in:
        assert resource.article_search("nyt", stand_in) is None  # a stand-in's run never asks the real API
