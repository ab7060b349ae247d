"""The plain-Python stages the assets call: one page's failure never stops the batch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pipelines import stages
from pipelines.fetch.result import FetchResult

T = datetime(2025, 1, 28, 9, tzinfo=UTC)
ARTICLE = (b"<html lang='en'><head><meta property='og:type' content='article'>"
           b"<meta property='article:published_time' content='2025-01-28T08:00:00Z'>"
           b"<title>Nvidia chips</title></head><body><article><h1>Nvidia chips and export controls</h1>"
           + b"".join(b"<p>Nvidia sold more than 2,000 H800 chips to Chinese buyers before the export rule took "
                      b"effect, paragraph %d of the story about semiconductors.</p>" % i for i in range(6))
           + b"</article></body></html>")


def _row(pid, url):
    return {"page_id": pid, "url": url, "source": "other", "fetched_at": T}


def test_unreadable_and_crashing_pages_are_recorded_and_others_parse(monkeypatch):
    import pipelines.stages as st

    real = st.parse_page

    def flaky(body, url, source=None):
        if "crash" in url:
            raise RuntimeError("parser exploded")
        return real(body, url, source)

    monkeypatch.setattr(st, "parse_page", flaky)
    batch = stages.version_articles(stages.parse_pages([
        (_row("p1", "https://news.example/a.html"), ARTICLE, None),
        (_row("p2", "https://news.example/b.html"), None, "cannot read x.warc.gz@10: FileNotFoundError"),
        (_row("p3", "https://news.example/crash.html"), ARTICLE, None),
    ]))
    by_id = {r["page_id"]: r for r in batch.results}
    assert by_id["p1"]["is_article"] and by_id["p1"]["article_id"]
    assert by_id["p2"]["reason"] == "parse_error" and "FileNotFoundError" in by_id["p2"]["error"]
    assert by_id["p3"]["reason"] == "parse_error" and "parser exploded" in by_id["p3"]["error"]
    assert [a["url"] for a in batch.articles] == ["https://news.example/a.html"]


def test_same_body_twice_is_one_version_and_a_change_is_two():
    changed = ARTICLE.replace(b"2,000", b"3,000")
    later = datetime(2025, 1, 29, tzinfo=UTC)
    batch = stages.version_articles(stages.parse_pages([
        (_row("p1", "https://news.example/a.html"), ARTICLE, None),
        ({**_row("p2", "https://news.example/a.html"), "fetched_at": later}, ARTICLE.replace(b"<p>", b"<p> "), None),
        ({**_row("p3", "https://news.example/a.html"), "fetched_at": later}, changed, None),
    ]))
    assert [(a["version"], a["page_id"]) for a in batch.articles] == [(1, "p1"), (2, "p3")]
    assert len({a["article_id"] for a in batch.articles}) == 1
    assert batch.articles[1]["first_seen_at"] == T


def test_parsing_assigns_no_versions_and_versioning_names_each_page_its_article():
    parsed = stages.parse_pages([
        (_row("p1", "https://news.example/a.html"), ARTICLE, None),
        (_row("p2", "https://news.example/a.html?utm_source=x"), ARTICLE, None),
        (_row("p3", "https://news.example/gone.html"), None, "cannot read x.warc.gz@10"),
    ])
    assert [r["article_id"] for r in parsed.results] == [None, None, None]
    assert parsed.relevance == {"p1": True, "p2": True}
    batch = stages.version_articles(parsed)
    ids = [r["article_id"] for r in batch.results]
    assert ids[0] and ids[1] == ids[0] and ids[2] is None
    assert [(a["article_id"], a["version"], a["page_id"]) for a in batch.articles] == [(ids[0], 1, "p1")]
    assert [r["article_id"] for r in parsed.results] == [None, None, None]  # the parse stage's rows are kept


def test_fetch_all_records_a_raising_fetcher_and_goes_on():
    class Flaky:
        mode = "live"

        def fetch(self, url, source, expect="page"):
            if "bad" in url:
                raise OSError("socket gone")
            return [FetchResult(url=url, source=source, attempted_at=T, outcome="ok", mode="live", body=b"x")]

    results = stages.fetch_all(Flaky(), ["https://a/bad", "https://a/good"], "other")
    assert [r.outcome for r in results] == ["connection_error", "ok"]
    assert "socket gone" in results[0].error


def test_discover_adds_search_api_items_and_survives_api_failure():
    from pipelines.fetch.replay import WarcReplay
    from pipelines.sources.discovery import FeedItem
    from tests.conftest import REPO

    replay = WarcReplay([REPO / "sample_archive" / "sample.warc.gz"])

    class Search:
        def search(self, query, begin_date=None, end_date=None, filter_query=None):
            return [FeedItem(url="https://www.nytimes.com/2025/12/08/technology/h200-exports.html?smid=url-share",
                             title="U.S. to allow H200 sales", summary="The abstract.\n\nThe lead paragraph.",
                             published_at=T, source="nyt", via="nyt_api")]

    class Broken:
        def search(self, *a, **k):
            raise RuntimeError("NYT Article Search API key rejected (HTTP 401)")

    found = stages.discover(replay, "nyt", article_search=Search())
    api = [u for u in found.urls if u["via"] == "nyt_api"]
    assert api == [{**api[0], "url": "https://www.nytimes.com/2025/12/08/technology/h200-exports.html",
                    "summary": "The abstract.\n\nThe lead paragraph.", "title": "U.S. to allow H200 sales"}]
    plain = stages.discover(replay, "nyt")
    broken = stages.discover(replay, "nyt", article_search=Broken())
    assert [u["url"] for u in broken.urls] == [u["url"] for u in plain.urls]


def test_due_urls_by_mode_age_and_title():
    old = datetime(2024, 1, 1, tzinfo=UTC)
    now = datetime(2025, 1, 28, 12, tzinfo=UTC)
    rows = [
        {"url": "new", "published_at": now, "last_fetched_at": None, "title_relevant": True},
        {"url": "fresh-fetched", "published_at": now - timedelta(hours=1),
         "last_fetched_at": now - timedelta(minutes=20), "title_relevant": None},
        {"url": "fresh-recent", "published_at": now - timedelta(hours=1),
         "last_fetched_at": now - timedelta(minutes=5), "title_relevant": None},
        {"url": "old", "published_at": old, "last_fetched_at": old + timedelta(days=400), "title_relevant": True},
        {"url": "sport", "published_at": now, "last_fetched_at": None, "title_relevant": False},
    ]
    assert stages.due_urls(rows, now, "replay") == [r["url"] for r in rows]
    assert stages.due_urls(rows, now, "live") == ["new", "fresh-fetched"]
    assert stages.due_urls(rows, now, "live", prefilter_titles=False) == ["new", "fresh-fetched", "sport"]


def test_discover_reads_a_listing_page_for_an_outlet_without_feeds():
    listing = ("<html><body><ul>"
               "<li><h2 class='n1-header-title-1-2'>"
               "<a href='/world/usa-canada/5990001'>엔비디아 H200 수출 허용</a></h2>"
               "<li><h2 class='n1-header-title-1-2'><a href='/photos/view/123'>사진</a></h2>"
               "</ul></body></html>").encode()

    class Site:
        mode = "live"

        def feed_urls(self, source):
            return ["https://www.news1.kr/latest?page=1"]

        def fetch(self, url, source, expect="page"):
            assert expect == "page"  # a listing is HTML, not a feed
            return [FetchResult(url=url, source=source, attempted_at=T, outcome="ok", mode="live", body=listing,
                                headers={"Content-Type": "text/html"})]

    found = stages.discover(Site(), "news1")
    assert [(u["url"], u["via"]) for u in found.urls] == [("https://www.news1.kr/world/usa-canada/5990001", "listing")]


def test_read_page_bodies_reads_the_warc_and_records_what_it_cannot_read():
    from pipelines.fetch.warc import iter_responses
    from tests.conftest import REPO

    folder = REPO / "sample_archive"
    first = next(iter_responses(folder / "sample.warc.gz"))
    rows = [{"page_id": "ok", "warc_file": "sample.warc.gz", "warc_offset": first.offset},
            {"page_id": "gone", "warc_file": "missing.warc.gz", "warc_offset": 0},
            {"page_id": "skewed", "warc_file": "sample.warc.gz", "warc_offset": first.offset + 3}]
    got = list(stages.read_page_bodies(rows, lambda name: folder / name))
    assert [(r["page_id"], body, err is None) for r, body, err in got][0] == ("ok", first.body, True)
    assert got[1][1] is None and got[1][2].startswith("cannot read missing.warc.gz@0: FileNotFoundError")
    assert got[2][1] is None and got[2][2].startswith(f"cannot read sample.warc.gz@{first.offset + 3}: ")
