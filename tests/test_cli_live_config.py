"""``chipwatch run --live --config FILE`` (the fetcher resource's keys) and CHIPWATCH_* variables point live mode
at a stand-in; bad settings are one clear line."""

from __future__ import annotations

import json

import duckdb
import pytest

from assets.cli import main
from assets.resources import FetcherConfigError, fetcher_settings
from tests.test_fetch_live_server import LoopbackServer, Reply
from tests.test_live_stand_ins import PAGES, SAMPLE, _sitemap


@pytest.mark.slow  # a `chipwatch run` on the persistent instance: ~12 s
def test_run_live_with_a_config_file_and_environment(isolated_env, monkeypatch, capsys):
    monkeypatch.delenv("NYT_API_KEY", raising=False)
    # Only the cnn partition: the others have nothing to fetch here, and each run costs ~5 s of Dagster.
    monkeypatch.setattr("assets.partitions.SOURCE_KEYS", ["cnn"])
    path, file = PAGES["cnn"]
    with LoopbackServer() as srv:
        base = srv.url("/")
        srv.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        srv.routes["/sitemap.xml"] = Reply(200, _sitemap(base, [path]).encode(), {"Content-Type": "application/xml"})
        srv.routes[path] = Reply(200, (SAMPLE / file).read_bytes(), {"Content-Type": "text/html; charset=utf-8"})
        config = isolated_env / "live.yaml"
        # Every outlet is pointed somewhere local (no feeds at all for the others): nothing leaves the machine.
        config.write_text(json.dumps({
            "min_delay_s": 0.01, "timeout_s": 5, "max_attempts": 1, "prefilter_titles": False,
            "warc_dir": str(isolated_env / "ignored-warc"),
            "sources": {"cnn": {"hosts": ["127.0.0.1"], "feeds": [srv.url("/sitemap.xml")]},
                        "news1": {"feeds": []}, "nyt": {"feeds": []}, "other": {"feeds": []}},
        }))
        monkeypatch.setenv("CHIPWATCH_USER_AGENT", "chipwatch/0.1 (+mailto:ops@example.org; test)")
        monkeypatch.setenv("CHIPWATCH_WARC_DIR", str(isolated_env / "warc"))  # the environment beats the file
        assert main(["run", "--live", "--config", str(config)]) == 0
        agents = {h.headers.get("user-agent") for h in srv.hits}
    out = capsys.readouterr().out
    assert "live fetching" in out
    assert agents == {"chipwatch/0.1 (+mailto:ops@example.org; test)"}
    assert sorted(h.path for h in srv.hits) == sorted(["/robots.txt", "/sitemap.xml", path])
    assert list((isolated_env / "warc").glob("*.warc.gz")) and not (isolated_env / "ignored-warc").exists()
    conn = duckdb.connect(str(isolated_env / "wh" / "chipwatch.duckdb"), read_only=True)
    try:
        assert conn.execute("SELECT source, count(*) FROM core.articles GROUP BY 1").fetchall() == [("cnn", 1)]
    finally:
        conn.close()


@pytest.mark.parametrize(("text", "env", "message"), [
    ('{"min_delay": 1}', {}, "unknown fetcher key(s) min_delay in fetcher config"),
    ('{"sources": {"cnnn": {"feeds": []}}}', {}, "unknown source 'cnnn'"),
    ('{"sources": {"cnn": {"host": ["127.0.0.1"]}}}', {}, "unknown key(s) host; use hosts / feeds"),
    ('{"min_delay_s": "soon"}', {}, "fetcher key min_delay_s in fetcher config"),
    ("[1, 2]", {}, "must be a mapping"),
    ("{: nope", {}, "is not JSON or YAML"),
    ("{}", {"CHIPWATCH_MAX_WORKERS": "many"}, "fetcher key max_workers in CHIPWATCH_MAX_WORKERS"),
    ("{}", {"CHIPWATCH_SOURCES": "{cnn"}, "CHIPWATCH_SOURCES is not JSON"),
])
def test_bad_settings_are_one_clear_line(tmp_path, text, env, message):
    config = tmp_path / "c.json"
    config.write_text(text)
    with pytest.raises(FetcherConfigError) as info:
        fetcher_settings(config, env)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_run_with_a_bad_config_exits_2_before_running(isolated_env, capsys):
    assert main(["run", "--live", "--config", str(isolated_env / "missing.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("chipwatch run: cannot read fetcher config") and err.count("\n") == 1


def test_yaml_config_and_environment_numbers(tmp_path):
    config = tmp_path / "c.yaml"
    config.write_text("mode: live\nmin_delay_s: 2\nsources:\n  nyt:\n    hosts: [127.0.0.1]\n")
    got = fetcher_settings(config, {"CHIPWATCH_MIN_DELAY_S": "0.5", "CHIPWATCH_MAX_ATTEMPTS": "2"})
    assert got == {"mode": "live", "min_delay_s": 0.5, "max_attempts": 2,
                   "sources": {"nyt": {"hosts": ["127.0.0.1"]}}}
