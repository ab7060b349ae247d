"""Bad input at the command line: legacy encodings, standard input, row limits, an archive with nothing in it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assets.cli import main
from warehouse.db import connect
from warehouse.paths import published_db_path

KO = "R1에 투입된 비용은 557만 6000달러로 알려졌다."
CNN_PAGE = sorted((Path(__file__).resolve().parents[1] / "sample_archive" / "pages" / "cnn").glob("*.html"))[0]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _figures(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr", "utf-16"])
def test_extract_reads_a_korean_file_in_a_legacy_encoding_and_says_which(tmp_path, capsys, encoding):
    path = tmp_path / "ko.txt"
    path.write_bytes(KO.encode(encoding))
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert [f["surface"] for f in _figures(captured.out)] == ["557만 6000달러"]
    assert captured.err.count("\n") == 1 and "is not UTF-8; read it as" in captured.err


def test_extract_reads_legacy_bytes_on_stdin_too(monkeypatch, capsys):
    _stdin(monkeypatch, KO.encode("cp949"))
    assert main(["extract", "-"]) == 0
    captured = capsys.readouterr()
    assert [f["value"] for f in _figures(captured.out)] == [5_576_000]
    assert "standard input is not UTF-8; read it as cp949" in captured.err


def test_extract_of_utf8_says_nothing_on_stderr(tmp_path, capsys):
    path = tmp_path / "ko.txt"
    path.write_text(KO, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert len(_figures(captured.out)) == 1 and captured.err == ""


def test_extract_of_undecodable_bytes_is_one_clear_line_not_a_traceback(tmp_path, capsys):
    path = tmp_path / "junk.txt"
    path.write_bytes(b"Nvidia paid $5 million.\n" + bytes(range(128, 256)) * 4)
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert [f["value"] for f in _figures(captured.out)] == [5_000_000]
    assert captured.err.count("\n") == 1 and "expected: UTF-8" in captured.err


def test_parse_reads_standard_input(monkeypatch, capsys):
    _stdin(monkeypatch, CNN_PAGE.read_bytes())
    assert main(["parse", "-"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["is_article"] and page["source"] == "cnn" and page["headline"]


def _snapshot_with_claims(n: int) -> None:
    path = published_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with connect(path) as conn:
        for i in range(n):
            conn.execute("INSERT INTO marts.figure_timeline (claim_key, n_observations, unit) VALUES (?, ?, 'USD')",
                         [f"claim-{i:02d}", n - i])


def test_figures_limit_minus_one_is_refused(isolated_env, capsys):
    _snapshot_with_claims(48)
    with pytest.raises(SystemExit) as exc:
        main(["figures", "--limit", "-1"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--limit" in err and "0 shows all rows" in err


def test_figures_limit_zero_shows_every_row(isolated_env, capsys):
    _snapshot_with_claims(48)
    assert main(["figures", "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert all(f"claim-{i:02d}" in out for i in range(48)) and "more rows" not in out
    assert main(["figures", "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "claim-04" in out and "claim-05" not in out and "43 more rows" in out


def _archive_of_nothing_useful(path: Path) -> Path:
    """A readable WARC whose one response (an image) is nothing chipwatch reads."""
    from datetime import UTC, datetime

    from warcio.warcwriter import WARCWriter

    from pipelines.fetch.warc import write_exchange

    with path.open("wb") as fh:
        write_exchange(WARCWriter(fh, gzip=True), "https://example.com/logo.png", datetime(2025, 1, 27, tzinfo=UTC),
                       200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return path


@pytest.mark.slow
def test_run_on_an_archive_with_nothing_in_it_says_it_read_nothing(isolated_env, capsys):
    archive = _archive_of_nothing_useful(isolated_env / "nothing.warc.gz")
    main(["run", "--archive", str(archive)])
    out = capsys.readouterr().out
    lines = out.splitlines()
    nothing = next(i for i, line in enumerate(lines) if "this run read nothing" in line)
    totals = next(i for i, line in enumerate(lines) if "warehouse totals (all runs)" in line)
    assert str(archive) in lines[nothing] and nothing < totals
    assert "0 pages read" in out
