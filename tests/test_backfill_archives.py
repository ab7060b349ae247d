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
    """One file (read by a run in the CLI's own process): a broken gzip member and a cut at the end are one
    line each, on the file's terminal output too (not again as Dagster log lines), then the run's summary."""
    from assets.cli import main

    warc = tmp_path / "broken.warc.gz"
    offsets = []
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for canonical in WRITTEN:
            offsets.append(fh.tell())
            _response(writer, canonical, _PAGES[canonical])
    data = bytearray(warc.read_bytes())
    for k in range(offsets[1] + 300, offsets[1] + 340):
        data[k] ^= 0x5A
    warc.write_bytes(bytes(data[:offsets[-1] + 100]))

    assert main(["run", "--archive", str(warc)]) == 1
    out, err = capfd.readouterr()
    assert "Traceback" not in err and " - dagster - " not in out + err  # "... - dagster - WARNING - ..."
    lines = [line.strip() for line in err.splitlines() if line.strip()]
    assert len(lines) == 3  # random record ids: zlib's words for the damage vary
    assert lines[0].startswith(f"{warc}: byte {offsets[1]}: skipped unreadable record: broken gzip member (")
    assert lines[1:] == [
        f"{warc}: byte {offsets[-1]}: truncated: the file ends inside this record (at byte {offsets[-1] + 100})",
        f"chipwatch run: {warc} was cut short at byte {offsets[-1]} (what came before was replayed)",
    ]
    assert f"{warc}: {len(WRITTEN) - 2} records, {len(WRITTEN) - 2} responses, 0 revisits, 2 skipped, " \
           f"truncated at byte {offsets[-1]}" in out
    assert "chipwatch run finished" in out
