"""The chipwatch command line: clear messages and exit codes for bad input."""

from __future__ import annotations

import json

from assets.cli import main


def test_run_with_missing_archive_fails_clearly(isolated_env, capsys):
    assert main(["run", "--archive", str(isolated_env / "nope.warc.gz")]) == 2
    assert "archive not found" in capsys.readouterr().err


def test_figures_without_snapshot_says_what_to_do(isolated_env, capsys):
    assert main(["figures"]) == 2
    assert "no published snapshot" in capsys.readouterr().err


def test_parse_unreadable_file(isolated_env, capsys):
    assert main(["parse", str(isolated_env / "missing.html")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_parse_non_article_prints_json_and_exits_nonzero(tmp_path, capsys):
    page = tmp_path / "front.html"
    page.write_text("<html><head><title>Tech - CNN</title></head><body><nav>Home</nav></body></html>")
    code = main(["parse", str(page), "--url", "https://www.cnn.com/business/tech"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["is_article"] is False and out["reason"]


def test_extract_reads_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("R1에 투입된 비용은 557만 6000달러로 알려졌다."))
    assert main(["extract", "-"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert any(f["surface"] == "557만 6000달러" and f["value"] == 5_576_000 and f["unit"] == "USD" for f in lines)
