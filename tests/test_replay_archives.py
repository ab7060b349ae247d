"""Replaying archives written by other tools: non-canonical capture URIs, unreadable or truncated records,
files that are not WARC at all, ARC files and revisit records. Every archive is written here, with warcio
(ARC by hand: warcio reads ARC but does not write it), into ``tmp_path``."""

from __future__ import annotations

import gzip
import io
import uuid
from datetime import UTC, datetime

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipelines import stages
from pipelines.fetch.replay import WarcReplay
from pipelines.fetch.warc import read_response_at, scan_archive

PAGE = "<html><head><title>{t}</title></head><body><p>Nvidia lost $589 billion ({t}).</p></body></html>"


def _page(title: str, size: int = 0) -> bytes:
    """A small HTML page; ``size`` pads it with a comment of random-looking bytes (so gzip cannot shrink it)."""
    pad = "" if not size else "<!-- " + "".join(f"{(i * 7919) % 10007:05d}" for i in range(size // 5)) + " -->"
    return (PAGE.format(t=title) + pad).encode()


def _response(writer: WARCWriter, url: str, body: bytes, date: str = "2025-01-27T21:00:00Z", status: str = "200 OK",
              ctype: str = "text/html; charset=utf-8"):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    # a fixed record id keeps the compressed bytes the same on every run, so a corruption at an offset always
    # hits the same place (a random id made the "deflate-data" case flaky)
    rid = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url + date)}>"
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                    warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": rid})
    writer.write_record(rec)
    return rec


def write_warc(path, captures, gz: bool = True) -> list[int]:
    """Write ``captures`` ((url, body[, date]) tuples) as response records; return each record's offset."""
    offsets = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for cap in captures:
            offsets.append(fh.tell())
            _response(writer, *cap)
    return offsets


CAPTURES = [(f"https://www.harborledger.example/2025/01/{i:02d}/story.html", _page(f"story {i}", 3000))
            for i in range(1, 6)]


# ------------------------------------------------------------------------------------------ canonical URIs


def test_captures_under_non_canonical_uris_replay_under_their_canonical_url(tmp_path):
    """An old crawl records URLs as it met them; the pipeline asks for the canonical form."""
    written = {
        "http://www.cnn.com": "https://www.cnn.com/",
        "https://edition.cnn.com/2025/01/27/tech/deepseek-ai/index.html":
            "https://www.cnn.com/2025/01/27/tech/deepseek-ai/index.html",
        "https://www.cnn.com/2025/01/28/tech/nvidia-chips/index.html?utm_source=twitter&utm_medium=social":
            "https://www.cnn.com/2025/01/28/tech/nvidia-chips/index.html",
        "http://www.nytimes.com/2025/01/27/technology/nvidia-deepseek.html":
            "https://www.nytimes.com/2025/01/27/technology/nvidia-deepseek.html",
        "https://www.news1.kr/amp/world/usa-canada/5673971": "https://www.news1.kr/world/usa-canada/5673971",
        "https://amp.cnn.com/cnn/2025/01/29/tech/amp-story/index.html":
            "https://www.cnn.com/2025/01/29/tech/amp-story/index.html",
        "https://www.nytimes.com/2025/01/28/technology/amp-story.amp.html":
            "https://www.nytimes.com/2025/01/28/technology/amp-story.html",
        "https://www-news1-kr.cdn.ampproject.org/c/s/www.news1.kr/amp/world/china/5674085":
            "https://www.news1.kr/world/china/5674085",
        "http://www.harborledger.example/a.html?utm_campaign=x&id=3#top": "http://www.harborledger.example/a.html?id=3",
    }
    warc = tmp_path / "old-crawl.warc.gz"
    write_warc(warc, [(uri, _page(uri)) for uri in written])
    replay = WarcReplay([warc])
    for original, canonical in written.items():
        [res] = replay.fetch(canonical, "any")
        assert res.outcome == "ok", (original, res.error)
        assert original.encode() in res.body
        assert res.final_url == original  # the capture keeps its URI as written
        assert [c.url for c in replay.captures(canonical)] == [original]
    # Asking with the URI as written finds the capture too.
    assert replay.fetch("https://edition.cnn.com/2025/01/27/tech/deepseek-ai/index.html", "cnn")[0].outcome == "ok"


def test_archive_discovery_lists_canonical_urls_that_then_fetch(tmp_path):
    warc = tmp_path / "old-crawl.warc.gz"
    write_warc(warc, [
        ("https://edition.cnn.com/2025/01/27/tech/deepseek-ai/index.html", _page("a")),
        ("https://www.cnn.com/2025/01/28/tech/nvidia-chips/index.html?utm_source=twitter", _page("b")),
        ("http://cnn.com", _page("front")),
    ])
    replay = WarcReplay([warc])
    found = stages.discover(replay, "cnn")
    archived = sorted(u["url"] for u in found.urls if u["via"] == "archive")
    assert archived == ["https://www.cnn.com/", "https://www.cnn.com/2025/01/27/tech/deepseek-ai/index.html",
                        "https://www.cnn.com/2025/01/28/tech/nvidia-chips/index.html"]
    results = stages.fetch_all(replay, archived, "cnn", max_workers=1)
    assert [r.outcome for r in results] == ["ok", "ok", "ok"]


def test_discovered_archive_pages_keep_a_meaningful_query_and_amp_variants_are_the_article(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [
        ("https://www.cnn.com/search?q=chips&utm_source=x", _page("search")),  # not an article: query kept
        ("https://www.news1.kr/amp/world/usa-canada/5673971?ref_src=app&view=full", _page("amp")),
    ])
    replay = WarcReplay([warc])
    assert replay.urls() == ["https://www.cnn.com/search?q=chips", "https://www.news1.kr/world/usa-canada/5673971"]
    for source, url in (("cnn", replay.urls()[0]), ("news1", replay.urls()[1])):
        [listed] = [u["url"] for u in stages.discover(replay, source).urls if u["via"] == "archive"]
        assert listed == url and replay.fetch(listed, source)[0].outcome == "ok"


# ------------------------------------------------------------------------------- unreadable records


def _corrupt(path, start: int, length: int = 40) -> None:
    data = bytearray(path.read_bytes())
    for k in range(start, start + length):
        data[k] ^= 0x5A
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", [12, 200], ids=["member-header", "deflate-data"])
def test_broken_gzip_member_is_skipped_named_once_and_the_rest_replays(tmp_path, where):
    warc = tmp_path / "broken.warc.gz"
    offsets = write_warc(warc, CAPTURES)
    _corrupt(warc, offsets[2] + where)
    replay = WarcReplay([warc])
    [scan] = replay.scans
    assert scan.responses == 4 and scan.skipped == 1 and scan.truncated_at is None
    assert [p.offset for p in scan.problems] == [offsets[2]]
    assert str(warc) in scan.problems[0].line() and str(offsets[2]) in scan.problems[0].line()
    assert "\n" not in scan.problems[0].line()
    for i, (url, body) in enumerate(CAPTURES):
        res = replay.fetch(url, "other")
        assert [r.outcome for r in res] == (["replay_miss"] if i == 2 else ["ok"])
        if i != 2:
            assert res[0].body == body


def test_a_broken_member_warcio_reads_as_raw_bytes_is_named_where_it_starts(tmp_path):
    """warcio reads some broken members' raw bytes as a record of garbage before it fails; the problem is
    still named at the member's own offset, and the made-up record is not counted. (Real pages, a fixed record
    id per capture: these bytes at these offsets gave an offset inside a member, 27744, before.)"""
    import json

    from tests.conftest import REPO

    manifest = [json.loads(x) for x in (REPO / "sample_archive" / "manifest.jsonl").read_text().splitlines() if x]
    caps = [(m["url"], (REPO / "sample_archive" / m["file"]).read_bytes(), m["fetched_at"]) for m in manifest
            if m["kind"] == "article"]
    warc = tmp_path / "broken.warc.gz"
    offsets = write_warc(warc, caps)
    broken = range(1, len(caps), 2)
    for member in broken:
        _corrupt(warc, offsets[member] + 340)
    [scan] = WarcReplay([warc]).scans
    assert [p.offset for p in scan.problems] == [offsets[m] for m in broken]
    assert all("broken gzip member" in p.message for p in scan.problems)
    assert scan.records == scan.responses == len(caps) - len(broken) and scan.skipped == len(broken)


def test_unreadable_record_in_plain_warc_is_skipped(tmp_path):
    warc = tmp_path / "plain.warc"
    offsets = write_warc(warc, CAPTURES, gz=False)
    data = bytearray(warc.read_bytes())
    data[offsets[1]:offsets[1] + 8] = b"WARC/9.Z"  # not a WARC version line
    warc.write_bytes(bytes(data))
    [scan] = WarcReplay([warc]).scans
    assert scan.responses == 4 and scan.skipped == 1
    assert [p.offset for p in scan.problems] == [offsets[1]]


def test_record_with_a_bad_date_is_skipped_alone(tmp_path):
    warc = tmp_path / "baddate.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        _response(writer, CAPTURES[0][0], CAPTURES[0][1])
        bad_at = fh.tell()
        _response(writer, CAPTURES[1][0], CAPTURES[1][1], date="yesterday")
        _response(writer, CAPTURES[2][0], CAPTURES[2][1])
    [scan] = WarcReplay([warc]).scans
    assert scan.responses == 2 and scan.skipped == 1 and [p.offset for p in scan.problems] == [bad_at]
    assert "WARC-Date" in scan.problems[0].message


# ------------------------------------------------------------------------------- truncated or not WARC


def test_half_an_archive_says_where_it_was_cut(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    offsets = write_warc(whole, CAPTURES)
    half = tmp_path / "half.warc.gz"
    cut = (offsets[2] + offsets[3]) // 2
    half.write_bytes(whole.read_bytes()[:cut])
    [scan] = WarcReplay([half]).scans
    assert scan.responses == 2 and scan.truncated_at == offsets[2]
    assert f"truncated at byte {offsets[2]}" in scan.summary_line()
    assert not scan.complete


def test_truncated_plain_warc_drops_the_partial_record(tmp_path):
    whole = tmp_path / "whole.warc"
    offsets = write_warc(whole, CAPTURES, gz=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:offsets[4] + 500])
    replay = WarcReplay([cut])
    [scan] = replay.scans
    assert scan.responses == 4 and scan.truncated_at == offsets[4] and not scan.complete
    assert replay.fetch(CAPTURES[4][0], "other")[0].outcome == "replay_miss"


def test_empty_and_text_files_yield_nothing(tmp_path):
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    text = tmp_path / "notes.warc"
    text.write_text("These are my notes about chips.\nNot an archive at all.\n")
    scans = WarcReplay([empty, text]).scans
    assert [s.responses for s in scans] == [0, 0] and not any(s.usable for s in scans)
    assert "empty file" in scans[0].summary_line()
    assert "not a WARC or ARC file" in scans[1].summary_line()
    assert scans[1].records == 0


def test_whole_file_gzip_is_refused_with_one_line(tmp_path):
    plain = tmp_path / "plain.warc"
    write_warc(plain, CAPTURES, gz=False)
    whole = tmp_path / "whole.warc.gz"  # `gzip plain.warc`: one stream, not one member per record
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    [scan] = WarcReplay([whole]).scans
    assert not scan.usable and scan.responses == 0
    assert [p.line() for p in scan.problems] == [
        f"{whole}: byte 0: refused: the whole file is one gzip stream, so its records cannot be read by offset "
        "(re-compress it record by record: warcio recompress IN OUT)"]


def test_complete_archive_reports_clean(tmp_path):
    warc = tmp_path / "good.warc.gz"
    write_warc(warc, CAPTURES)
    [scan] = WarcReplay([warc]).scans
    assert scan.complete and scan.usable and scan.problems == []
    assert scan.summary_line() == f"{warc}: 5 records, 5 responses, 0 revisits, 0 skipped"


def test_scan_of_a_good_file_matches_read_back(tmp_path):
    warc = tmp_path / "good.warc"
    offsets = write_warc(warc, CAPTURES, gz=False)
    scan = scan_archive(warc)
    assert [e.offset for e in scan.entries] == offsets
    assert read_response_at(warc, offsets[3]).body == CAPTURES[3][1]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_mutated_archives_never_raise_and_what_is_indexed_reads_back(tmp_path, gz):
    """Seeded damage (flipped bytes, cuts, inserted junk) at random places: the scan never raises or loops,
    and every capture it keeps can be read back."""
    import random

    good = tmp_path / "good.warc"
    write_warc(good, [(url, _page(url, 400)) for url, _ in CAPTURES], gz=gz)
    original = good.read_bytes()
    rng = random.Random(12)
    target = tmp_path / "mutated.warc"
    for _ in range(300):
        data = bytearray(original)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(data))
            kind = rng.choice(["flip", "cut", "junk"])
            if kind == "flip":
                data[at] ^= 1 << rng.randrange(8)
            elif kind == "cut":
                del data[at:at + rng.randint(1, 200)]
            else:
                data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 30)))
        target.write_bytes(bytes(data))
        replay = WarcReplay([target])
        [scan] = replay.scans
        assert scan.responses + scan.skipped >= 1
        for url in replay.urls():
            for res in replay.fetch(url, "other"):
                assert res.outcome in ("ok", "replay_miss", "http_error", "not_html")


# ------------------------------------------------------------------------------------------------- ARC


def _arc_record(url: str, date: str, body: bytes, ctype: str = "text/html") -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)
    return f"{url} 93.184.216.34 {date} {ctype} {len(http)}\n".encode() + http + b"\n"


def _arc(records: list[bytes], gz: bool) -> bytes:
    desc_body = b"1 0 chipwatch-test\nURL IP-address Archive-date Content-type Archive-length\n"
    head = f"filedesc://test.arc 0.0.0.0 20250127200000 text/plain {len(desc_body)}\n".encode() + desc_body + b"\n"
    parts = [head, *records]
    return b"".join(gzip.compress(p, mtime=0) for p in parts) if gz else b"".join(parts)


@pytest.mark.parametrize("gz", [False, True], ids=["arc", "arc.gz"])
def test_arc_files_are_read(tmp_path, gz):
    arc = tmp_path / ("old.arc.gz" if gz else "old.arc")
    arc.write_bytes(_arc([_arc_record(url, f"2025012{i}210000", body) for i, (url, body) in enumerate(CAPTURES[:3])],
                         gz))
    replay = WarcReplay([arc])
    [scan] = replay.scans
    assert scan.complete and scan.responses == 3 and scan.format == "arc"
    for i, (url, body) in enumerate(CAPTURES[:3]):
        [res] = replay.fetch(url, "other")
        assert res.outcome == "ok" and res.body == body
        assert res.attempted_at == datetime(2025, 1, 20 + i, 21, tzinfo=UTC)
        assert read_response_at(res.warc_file, res.warc_offset).body == body


# --------------------------------------------------------------------------------------------- revisits


def _revisit(writer: WARCWriter, original, url: str, date: str, with_id: bool = True, status: str = "200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
    rec = writer.create_revisit_record(url, digest=original.rec_headers.get_header("WARC-Payload-Digest"),
                                       refers_to_uri=original.rec_headers.get_header("WARC-Target-URI"),
                                       refers_to_date=original.rec_headers.get_header("WARC-Date"),
                                       http_headers=http)
    rec.rec_headers.replace_header("WARC-Date", date)
    if with_id:
        rec.rec_headers.add_header("WARC-Refers-To", original.rec_headers.get_header("WARC-Record-ID"))
    writer.write_record(rec)


def test_revisits_resolve_to_the_response_they_point_to(tmp_path):
    first = tmp_path / "day1.warc.gz"
    second = tmp_path / "day2.warc.gz"
    url, body = CAPTURES[0]
    other_url, other_body = CAPTURES[1]
    with open(first, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        original = _response(w, url, body, date="2025-01-27T21:00:00Z")
        other = _response(w, other_url, other_body, date="2025-01-27T21:05:00Z")
        _revisit(w, original, url, "2025-01-28T09:00:00Z")  # by record id, same file
    with open(second, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        # by URI and date (no record id), pointing into the other file, and one answered 304
        _revisit(w, other, other_url, "2025-01-29T09:00:00Z", with_id=False)
        _revisit(w, original, url, "2025-01-30T09:00:00Z", with_id=False, status="304 Not Modified")
    replay = WarcReplay([first, second])
    got = replay.fetch(url, "other")
    assert [r.attempted_at.day for r in got] == [27, 28, 30]
    assert all(r.outcome == "ok" and r.body == body and r.http_status == 200 for r in got)
    assert read_response_at(got[2].warc_file, got[2].warc_offset).body == body
    got = replay.fetch(other_url, "other")
    assert [r.attempted_at.day for r in got] == [27, 29] and all(r.body == other_body for r in got)
    assert [s.revisits for s in replay.scans] == [1, 2] and all(s.complete for s in replay.scans)


def test_revisit_of_a_response_not_given_is_named(tmp_path):
    elsewhere = tmp_path / "elsewhere.warc.gz"
    with open(elsewhere, "wb") as fh:
        original = _response(WARCWriter(fh, gzip=True), *CAPTURES[0])
    lone = tmp_path / "lone.warc.gz"
    with open(lone, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        _response(w, *CAPTURES[1])
        at = fh.tell()
        _revisit(w, original, CAPTURES[0][0], "2025-01-28T09:00:00Z")
    replay = WarcReplay([lone])
    [scan] = replay.scans
    assert scan.revisits == 1 and scan.skipped == 1 and [p.offset for p in scan.problems] == [at]
    assert "revisit" in scan.problems[0].message and CAPTURES[0][0] in scan.problems[0].message
    assert replay.fetch(CAPTURES[0][0], "other")[0].outcome == "replay_miss"
