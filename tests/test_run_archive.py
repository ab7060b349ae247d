"""`chipwatch run --archive`: replaying another WARC file, with an outlet chipwatch has no adapter for and a
page that cannot be parsed. The run goes on and records why."""

from __future__ import annotations

import json

import duckdb

from assets.cli import main
from pipelines.fetch.pack import pack_folder
from tests.conftest import REPO

OTHER_ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Chip smugglers test new export rules | Harbor Ledger</title>
<link rel="canonical" href="https://www.harborledger.example/2025/03/02/chip-smuggling-rules.html">
<meta property="og:type" content="article"><meta property="article:published_time" content="2025-03-02T08:00:00Z">
</head><body><header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header><article>
<h1>Chip smugglers test new export rules</h1>
<p>Traders in Singapore said they had moved more than 3,000 Nvidia H100 chips to buyers in China since the
rules took effect, according to people familiar with the shipments.</p>
<p>One broker described a deal worth about $120 million for servers packed with the processors, a figure
the company declined to confirm when asked about the export controls.</p>
<p>The Commerce Department has said the semiconductor rules are meant to slow China's progress in artificial
intelligence, and officials declined to comment on the specific shipments.</p>
<p>Analysts said the smuggling showed how hard it is to police the trade in advanced AI chips.</p>
</article><footer>© Harbor Ledger</footer></body></html>"""


def _archive(tmp_path):
    folder = tmp_path / "capture"
    (folder / "pages").mkdir(parents=True)
    sample_page = "pages/cnn/2025-01-27_deepseek-ai-explainer.html"
    sample = next(json.loads(x) for x in (REPO / "sample_archive" / "manifest.jsonl").read_text().splitlines()
                  if json.loads(x)["file"] == sample_page)
    (folder / "pages" / "cnn.html").write_bytes((REPO / "sample_archive" / sample_page).read_bytes())
    (folder / "pages" / "other.html").write_text(OTHER_ARTICLE, encoding="utf-8")
    (folder / "pages" / "garbage.html").write_bytes(b"\x00\xff\xfe binary \x00 junk" * 50)
    entries = [
        {"url": sample["url"], "file": "pages/cnn.html", "fetched_at": sample["fetched_at"], "status": 200,
         "headers": {"Content-Type": "text/html; charset=utf-8"}},
        {"url": "https://www.harborledger.example/2025/03/02/chip-smuggling-rules.html", "file": "pages/other.html",
         "fetched_at": "2025-03-02T09:00:00Z", "status": 200, "headers": {"Content-Type": "text/html"}},
        {"url": "https://www.harborledger.example/2025/03/03/broken.html", "file": "pages/garbage.html",
         "fetched_at": "2025-03-03T09:00:00Z", "status": 200, "headers": {"Content-Type": "text/html"}},
    ]
    (folder / "manifest.jsonl").write_text("\n".join(json.dumps(e) for e in entries) + "\n")
    out = tmp_path / "other.warc.gz"
    pack_folder(folder, out)
    return out, sample["url"]


def test_run_on_another_archive_uses_generic_parser_and_survives_bad_pages(isolated_env, tmp_path, capsys):
    warc, cnn_url = _archive(tmp_path)
    assert main(["run", "--archive", str(warc)]) == 0
    out = capsys.readouterr().out
    assert "replaying" in out and str(warc) in out
    conn = duckdb.connect(str(isolated_env / "wh" / "chipwatch.duckdb"), read_only=True)
    try:
        other = conn.execute("SELECT source, parser, is_relevant, language FROM core.articles "
                             "WHERE url LIKE '%harborledger%'").fetchall()
        assert other == [("other", other[0][1], True, "en")] and other[0][1].startswith("generic")
        facts = {r[0] for r in conn.execute(
            "SELECT surface FROM core.facts WHERE source = 'other'").fetchall()}
        assert any("3,000" in s for s in facts) and any("120 million" in s for s in facts)
        broken = conn.execute("SELECT is_article, reason FROM core.parse_results WHERE url LIKE '%broken%'"
                              ).fetchall()
        # Binary junk: no chip term in it, so the sniff skips it without parsing (is_article unknown), and says so.
        assert broken == [(None, "skipped_off_topic")]
        assert conn.execute("SELECT count(*) FROM core.articles WHERE url = ?", [cnn_url]).fetchone()[0] == 1
        # The archive is backfilled as its own partition: every response logged, nothing asked of it beyond them.
        assert conn.execute("SELECT count(*) FROM raw.fetch_log").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM raw.fetch_log WHERE outcome = 'replay_miss'").fetchone()[0] == 0
    finally:
        conn.close()


def test_good_archive_beside_broken_ones_replays_in_full_and_the_run_says_what_was_wrong(isolated_env, tmp_path,
                                                                                          capsys):
    """A broken gzip member, a file cut short and a text file named .warc beside a good archive: the good
    one replays in full, the readable part of the broken one too, each problem is one line naming the file and
    offset, no stack trace, and the exit status is non-zero."""
    from tests.test_replay_archives import CAPTURES, write_warc

    good, cnn_url = _archive(tmp_path)
    broken = tmp_path / "broken.warc.gz"
    stories = [(url, OTHER_ARTICLE.replace("https://www.harborledger.example/2025/03/02/chip-smuggling-rules.html",
                                           url).encode()) for url, _ in CAPTURES[:4]]
    offsets = write_warc(broken, stories)
    data = bytearray(broken.read_bytes())
    for k in range(offsets[1] + 300, offsets[1] + 340):  # inside the second member's deflate data
        data[k] ^= 0x5A
    broken.write_bytes(bytes(data[:offsets[3] + 200]))  # and cut inside the fourth
    notes = tmp_path / "notes.warc"
    notes.write_text("These are my notes about chips.\n")

    assert main(["run", "--archive", str(good), str(broken), str(notes)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "dagster" not in captured.err.lower()
    assert f"{broken}: 2 records, 2 responses, 0 revisits, 2 skipped, truncated at byte {offsets[3]}" in captured.out
    problems = [ln.strip() for ln in captured.err.splitlines()]
    assert problems[0].startswith(f"{broken}: byte {offsets[1]}: skipped unreadable record: broken gzip member (")
    assert problems[1:3] == [
        f"{broken}: byte {offsets[3]}: truncated: the file ends inside this record (at byte {offsets[3] + 200})",
        f"{notes}: byte 0: skipped data that is not a WARC or ARC record (starts 'These are my notes about chips.')",
    ]
    assert len(problems) == 5 and "cut short" in problems[3] and "yielded nothing" in problems[4]
    assert "chipwatch run finished" in captured.out
    conn = duckdb.connect(str(isolated_env / "wh" / "chipwatch.duckdb"), read_only=True)
    try:
        urls = {r[0] for r in conn.execute("SELECT url FROM core.articles").fetchall()}
    finally:
        conn.close()
    assert cnn_url in urls and "https://www.harborledger.example/2025/03/02/chip-smuggling-rules.html" in urls
    assert {u for u in urls if "/2025/01/" in u and "harborledger" in u} == {CAPTURES[0][0], CAPTURES[2][0]}


def test_run_with_nothing_to_replay_starts_no_run(isolated_env, tmp_path, capsys):
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert main(["run", "--archive", str(empty)]) == 2
    captured = capsys.readouterr()
    assert f"{empty}: empty file, nothing to replay" in captured.out and "ingest" not in captured.out
    assert "nothing to replay" in captured.err
