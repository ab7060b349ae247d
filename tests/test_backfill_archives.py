"""The backfill (``chipwatch run --archive``) on archives as other tools and old crawls write them: capture URIs
that are not canonical, revisit records, and damaged files said once per problem. Every archive is written
here with warcio from pages of the bundled sample."""

from __future__ import annotations

import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipelines.backfill import stream_archive
from pipelines.fetch.warc import read_response_at
from tests.conftest import REPO

_MANIFEST = [json.loads(line) for line in (REPO / "sample_archive" / "manifest.jsonl").read_text().splitlines()
             if line.strip()]
_PAGES = {m["url"]: m for m in _MANIFEST if m["kind"] == "article"}

# canonical URL -> the URI an old crawl, a browser or another tool recorded it under
WRITTEN = {
    "https://www.cnn.com/2025/01/27/tech/deepseek-ai-explainer/index.html":
        "https://amp.cnn.com/cnn/2025/01/27/tech/deepseek-ai-explainer/index.html",
    "https://www.cnn.com/2025/01/28/tech/deepseek-chips-scale-ai-claim/index.html":
        "https://edition.cnn.com/2025/01/28/tech/deepseek-chips-scale-ai-claim/index.html?utm_source=twitter",
    "https://www.cnn.com/2025/04/15/tech/nvidia-h20-china-export-charge/index.html":
        "https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/2025/04/15/tech/nvidia-h20-china-export-charge/"
        "index.html",
    "https://www.nytimes.com/2025/01/27/technology/deepseek-fewer-chips-explained.html":
        "https://www.nytimes.com/2025/01/27/technology/deepseek-fewer-chips-explained.amp.html",
    "https://www.nytimes.com/2024/08/04/technology/china-nvidia-chips-gray-market.html":
        "http://www.nytimes.com/2024/08/04/technology/china-nvidia-chips-gray-market.html?smid=tw-nytimes",
    "https://www.news1.kr/world/usa-canada/5673971": "https://amp.news1.kr/world/usa-canada/5673971",
    "https://www.news1.kr/it-science/general-it/5673402":
        "http://www.news1.kr/amp/it-science/general-it/5673402?utm_source=naver&utm_medium=referral",
}


def _response(writer: WARCWriter, url: str, page: dict):
    body = (REPO / "sample_archive" / page["file"]).read_bytes()
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                    warc_headers_dict={"WARC-Date": page["fetched_at"]})
    writer.write_record(rec)
    return rec


def _write(path, urls: dict[str, str]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for canonical, written in urls.items():
            _response(writer, written, _PAGES[canonical])


def _stream(path) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    stream_archive(path, lambda table, batch: rows.setdefault(table, []).extend(batch))
    return rows


def test_pages_captured_under_non_canonical_uris_are_backfilled_as_their_canonical_articles(tmp_path):
    """AMP hosts and paths (CNN's amp.cnn.com/cnn/..., NYT's .amp.html, News1's amp. host and /amp/ path),
    Google's AMP cache, mirror hosts, http:// for https and tracking parameters: each page is read as the
    article the outlet's partition would record, with the same rows as an archive of the canonical URIs."""
    canonical, variants = tmp_path / "canonical.warc.gz", tmp_path / "variants.warc.gz"
    _write(canonical, {url: url for url in WRITTEN})
    _write(variants, WRITTEN)
    want, got = _stream(canonical), _stream(variants)

    assert [r["reason"] for r in got["core.parse_results"]] == [None] * len(WRITTEN)  # none skipped by URL
    assert sorted(a["url"] for a in got["core.articles"]) == sorted(WRITTEN)
    for table, key in (("core.articles", ("article_id", "version", "url", "content_sha256")),
                       ("core.facts", ("fact_id", "surface")), ("raw.pages", ("page_id", "url", "source")),
                       ("raw.fetch_log", ("url", "source", "outcome"))):
        assert sorted(tuple(r[k] for k in key) for r in got[table]) == \
            sorted(tuple(r[k] for k in key) for r in want[table]), table
    assert len(got["core.facts"]) > 20
    # Each page row still points at its record, which keeps the URI as it was written.
    for page in got["raw.pages"]:
        assert read_response_at(page["warc_file"], page["warc_offset"]).url == WRITTEN[page["url"]]


@pytest.mark.parametrize("written", sorted(WRITTEN.values()))
def test_every_written_form_maps_to_its_article(written):
    from pipelines.fetch.replay import url_key

    [canonical] = [c for c, w in WRITTEN.items() if w == written]
    assert url_key(written) == canonical and url_key(canonical) == canonical


@pytest.mark.slow
def test_one_broken_archive_says_each_problem_once_without_dagster_lines(isolated_env, tmp_path, capfd):
    """One file (read by a run in the CLI's own process) with 21 broken gzip members and a cut at the end:
    one line per problem, the first 20 of them and how many more (not again as Dagster log lines, nor stack
    traces), what was read, then the run's summary and why it exits 1."""
    from assets.cli import main

    warc = tmp_path / "broken.warc.gz"
    offsets = []
    pages = list(WRITTEN) * 7
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, canonical in enumerate(pages):
            offsets.append(fh.tell())
            _response(writer, canonical, {**_PAGES[canonical], "fetched_at": f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}"
                                                                              "T09:00:00Z"})
    data = bytearray(warc.read_bytes())
    broken = range(1, 43, 2)  # every other one: consecutive broken members are one unreadable stretch
    for member in broken:
        for k in range(offsets[member] + 300, offsets[member] + 340):
            data[k] ^= 0x5A
    warc.write_bytes(bytes(data[:offsets[-1] + 100]))

    assert main(["run", "--archive", str(warc)]) == 1
    out, err = capfd.readouterr()
    assert "Traceback" not in err and " - dagster - " not in out + err  # "... - dagster - WARNING - ..."
    lines = [line.strip() for line in err.splitlines() if line.strip()]
    assert len(lines) == 22
    for member, line in zip(broken[:20], lines, strict=False):  # random record ids: zlib's words vary
        assert line.startswith(f"{warc}: byte {offsets[member]}: skipped unreadable record: broken gzip member (")
    assert lines[20:] == [f"{warc}: 2 more problems not shown",
                          f"chipwatch run: {warc} was cut short at byte {offsets[-1]} (what came before was replayed)"]
    kept = len(pages) - 22
    assert f"{warc}: {kept} records, {kept} responses, 0 revisits, 22 skipped, truncated at byte {offsets[-1]}" in out
    assert "chipwatch run finished" in out


def _revisit(writer: WARCWriter, original, url: str, date: str, refers_to_id: bool = True, uri_date: bool = True):
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    rec = writer.create_revisit_record(
        url, digest=original.rec_headers.get_header("WARC-Payload-Digest"),
        refers_to_uri=original.rec_headers.get_header("WARC-Target-URI"),
        refers_to_date=original.rec_headers.get_header("WARC-Date"), http_headers=http)
    rec.rec_headers.replace_header("WARC-Date", date)
    if not uri_date:  # the payload digest is all that points to the original
        rec.rec_headers.remove_header("WARC-Refers-To-Target-URI")
        rec.rec_headers.remove_header("WARC-Refers-To-Date")
    if refers_to_id:
        rec.rec_headers.add_header("WARC-Refers-To", original.rec_headers.get_header("WARC-Record-ID"))
    at = writer.out.tell()
    writer.write_record(rec)
    return at


def test_revisit_records_are_captures_of_the_response_they_point_to(tmp_path):
    """By record id, by target URI and date, by payload digest alone (under a mirror's URI): each revisit is a
    fetch of its page at its own date, with no new version of an unchanged article; a revisit of a response
    the file does not hold earlier is skipped, counted and named with its offset."""
    a, b = list(WRITTEN)[:2]
    elsewhere = tmp_path / "elsewhere.warc.gz"
    with elsewhere.open("wb") as fh:
        absent = _response(WARCWriter(fh, gzip=True), list(WRITTEN)[2], _PAGES[list(WRITTEN)[2]])
    warc = tmp_path / "revisits.warc.gz"
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        first, second = _response(writer, a, _PAGES[a]), _response(writer, b, _PAGES[b])
        _revisit(writer, first, a, "2025-12-01T09:00:00Z")
        _revisit(writer, second, b, "2025-12-02T09:00:00Z", refers_to_id=False)
        _revisit(writer, first, a.replace("www.cnn.com", "edition.cnn.com"), "2025-12-03T09:00:00Z",
                 refers_to_id=False, uri_date=False)
        lost_at = _revisit(writer, absent, list(WRITTEN)[2], "2025-12-04T09:00:00Z")
    rows: dict[str, list[dict]] = {}
    scan, counts = stream_archive(warc, lambda table, batch: rows.setdefault(table, []).extend(batch))

    attempts = sorted((r["url"], r["attempted_at"].date().isoformat(), r["outcome"]) for r in rows["raw.fetch_log"])
    assert attempts == sorted([
        (a, _PAGES[a]["fetched_at"][:10], "ok"), (b, _PAGES[b]["fetched_at"][:10], "ok"),
        (a, "2025-12-01", "ok"), (b, "2025-12-02", "ok"), (a, "2025-12-03", "ok")])
    assert sorted(r["url"] for r in rows["core.articles"]) == [a, b]  # unchanged: no new version
    assert {r["page_id"] for r in rows["raw.pages"]} == {r["page_id"] for r in rows["raw.pages"][:2]}
    assert (counts.responses, counts.revisits, counts.html_pages) == (2, 3, 2)
    assert (scan.revisits, scan.revisits_unresolved, scan.skipped) == (4, 1, 1) and scan.usable
    [problem] = scan.problems
    assert problem.offset == lost_at and list(WRITTEN)[2] in problem.line() and "revisit" in problem.line()


def test_an_archive_gzipped_as_one_stream_is_refused_with_one_line_before_any_run(isolated_env, tmp_path, capsys):
    """`gzip crawl.warc` makes one gzip stream of every record: no record has an offset to read it by. The
    file is refused before a backfill run is started for it, in one line, and nothing else was given: exit 2."""
    import gzip

    from assets.cli import main
    from pipelines.fetch.warc import one_gzip_stream

    plain = tmp_path / "crawl.warc"
    with plain.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for canonical in list(WRITTEN)[:3]:
            _response(writer, canonical, _PAGES[canonical])
    whole = tmp_path / "crawl.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    per_record = tmp_path / "ok.warc.gz"
    _write(per_record, {url: url for url in list(WRITTEN)[:3]})
    # how a file too large to scan first is told from one gzipped record by record, from its first bytes
    assert one_gzip_stream(whole) and not one_gzip_stream(per_record) and not one_gzip_stream(plain)

    assert main(["run", "--archive", str(whole)]) == 2
    captured = capsys.readouterr()
    assert "backfill" not in captured.out and "marts" not in captured.out  # no run was started
    assert f"archive {whole}: no readable record, nothing to replay" in captured.out
    assert [line.strip() for line in captured.err.splitlines()] == [
        f"{whole}: byte 0: refused: the whole file is one gzip stream, so its records cannot be read by offset "
        "(re-compress it record by record: warcio recompress IN OUT)",
        "chipwatch run: nothing to replay: no archive given holds a readable HTTP response"]


@pytest.mark.parametrize("gz", [False, True], ids=["arc", "arc.gz"])
def test_arc_files_are_backfilled(tmp_path, gz):
    """An ARC file (the Internet Archive's format before WARC) is read like a WARC file: its pages, their dates."""
    from tests.test_replay_archives import _arc, _arc_record

    urls = list(WRITTEN)[:3]
    arc = tmp_path / ("old.arc.gz" if gz else "old.arc")
    arc.write_bytes(_arc([_arc_record(url, f"2025012{i}210000", (REPO / "sample_archive" / _PAGES[url]["file"])
                                      .read_bytes()) for i, url in enumerate(urls)], gz))
    rows: dict[str, list[dict]] = {}
    scan, counts = stream_archive(arc, lambda table, batch: rows.setdefault(table, []).extend(batch))
    assert scan.format == "arc" and scan.complete and scan.problems == [] and counts.responses == 3
    assert sorted((a["url"], a["first_seen_at"].day) for a in rows["core.articles"]) == sorted(
        (url, 20 + i) for i, url in enumerate(urls))
    assert rows["core.facts"]


def test_an_archive_with_records_but_no_http_response_starts_no_run(isolated_env, tmp_path, capsys):
    """A WARC file whose records are all readable but none is an HTTP response (a warcinfo record, a request)
    gives nothing to backfill: one line says so and no run is started (exit 2)."""
    from assets.cli import main

    warc = tmp_path / "info.warc.gz"
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("info.warc.gz", {"software": "a crawler"}))
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.cnn.com")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://www.cnn.com/", "request", http_headers=http))
    assert main(["run", "--archive", str(warc)]) == 2
    captured = capsys.readouterr()
    assert "backfill" not in captured.out and "marts" not in captured.out
    assert f"archive {warc}: 2 records, 0 responses, 0 revisits, 0 skipped, nothing to replay" in captured.out
    assert captured.err.strip() == "chipwatch run: nothing to replay: no archive given holds a readable HTTP response"
