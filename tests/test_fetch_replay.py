"""Packing readable captures into WARC and replaying them through the fetcher interface."""

import gzip
import json

import pytest

from pipelines.fetch.pack import pack_folder, read_manifest
from pipelines.fetch.replay import WarcReplay
from pipelines.fetch.warc import iter_responses, read_response_at

PAGE = "<html><head><title>t</title></head><body><p>Nvidia lost $589 billion.</p></body></html>"


def _capture_folder(tmp_path, entries):
    folder = tmp_path / "cap"
    (folder / "pages").mkdir(parents=True)
    lines = []
    for i, (url, at, status, ctype, body, extra) in enumerate(entries):
        name = f"pages/p{i}.html"
        (folder / name).write_text(body, encoding="utf-8")
        lines.append(json.dumps({"url": url, "file": name, "fetched_at": at, "status": status,
                                 "headers": {"Content-Type": ctype}, **extra}))
    (folder / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def archive(tmp_path):
    folder = _capture_folder(tmp_path, [
        ("https://www.cnn.com/a/index.html", "2025-01-27T21:00:00Z", 200, "text/html", PAGE, {}),
        ("https://www.cnn.com/a/index.html", "2025-01-28T09:00:00Z", 200, "text/html",
         PAGE.replace("589", "593"), {}),
        ("https://www.nytimes.com/2025/01/27/x.html", "2025-01-27T22:00:00Z", 403, "text/html",
         "<html>You have been blocked ... captcha-delivery.com</html>", {}),
        ("https://www.nytimes.com/sitemaps/new/news.xml.gz", "2025-01-27T23:00:00Z", 200, "application/x-gzip",
         "<urlset></urlset>", {"gzip": True}),
    ])
    out = tmp_path / "a.warc.gz"
    assert pack_folder(folder, out) == 4
    return folder, out


def test_replay_returns_every_capture_in_order(archive):
    _, warc = archive
    replay = WarcReplay([warc])
    results = replay.fetch("https://www.cnn.com/a/index.html#comments", "cnn")
    assert [r.outcome for r in results] == ["ok", "ok"]
    assert [r.attempted_at.isoformat() for r in results] == ["2025-01-27T21:00:00+00:00", "2025-01-28T09:00:00+00:00"]
    assert b"589" in results[0].body and b"593" in results[1].body
    assert read_response_at(results[1].warc_file, results[1].warc_offset).body == results[1].body


def test_replay_classifies_bot_wall_and_misses(archive):
    replay = WarcReplay([archive[1]])
    [blocked] = replay.fetch("https://www.nytimes.com/2025/01/27/x.html", "nyt")
    assert blocked.outcome == "blocked" and blocked.http_status == 403 and blocked.body is None
    [miss] = replay.fetch("https://www.cnn.com/not-archived", "cnn")
    assert miss.outcome == "replay_miss" and "not in the replay archive" in miss.error


def test_gzip_feed_is_stored_compressed(archive):
    replay = WarcReplay([archive[1]])
    [feed] = replay.fetch("https://www.nytimes.com/sitemaps/new/news.xml.gz", "nyt", expect="feed")
    assert feed.outcome == "ok" and gzip.decompress(feed.body) == b"<urlset></urlset>"
    [as_page] = replay.fetch("https://www.nytimes.com/sitemaps/new/news.xml.gz", "nyt", expect="page")
    assert as_page.outcome == "not_html"


def test_pack_is_deterministic(archive, tmp_path):
    folder, first = archive
    again = tmp_path / "b.warc.gz"
    pack_folder(folder, again)
    assert first.read_bytes() == again.read_bytes()
    assert len([r for r in iter_responses(first)]) == 4


def test_bad_manifest_is_reported_with_its_line(tmp_path):
    folder = _capture_folder(tmp_path, [("https://x/a", "2025-01-01T00:00:00Z", 200, "text/html", PAGE, {})])
    with (folder / "manifest.jsonl").open("a") as fh:
        fh.write('{"url": "https://x/b", "file": "pages/missing.html", "fetched_at": "2025-01-01T00:00:00Z"}\n')
    with pytest.raises(FileNotFoundError, match="manifest.jsonl:2: missing file pages/missing.html"):
        read_manifest(folder)
    (folder / "manifest.jsonl").write_text('{"url": "https://x/a"}\n')
    with pytest.raises(ValueError, match="manifest.jsonl:1: bad manifest line"):
        read_manifest(folder)


def test_missing_archive_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="WARC archive not found"):
        WarcReplay([tmp_path / "nope.warc.gz"])


def test_committed_sample_archive_matches_its_readable_pages(tmp_path):
    """sample_archive/sample.warc.gz is packed from the readable files: re-pack after editing a page
    (`chipwatch pack-sample`)."""
    from tests.conftest import REPO

    folder = REPO / "sample_archive"
    fresh = tmp_path / "sample.warc.gz"
    n = pack_folder(folder, fresh)
    assert n >= 50
    assert fresh.read_bytes() == (folder / "sample.warc.gz").read_bytes(), "sample.warc.gz is stale: re-pack it"
