"""The Dagster instance on a real PostgreSQL server (instance/dagster.postgres.yaml, CHIPWATCH_INSTANCE=postgres).

A throw-away server (the Debian ``postgresql`` package's initdb/pg_ctl) on a temporary data directory, a free
port on 127.0.0.1 and a password login; `chipwatch run` on the sample archive through it, as `make run` does;
then the runs, the asset materializations and the duckdb_writes pool are read back from Postgres, through
Dagster's API and with SQL on its tables. Skips, saying so, when the server binaries are missing (.ci/run
installs them).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.serve_harness import free_port

CHIPWATCH = Path(sys.executable).parent / "chipwatch"
PG_FILE = REPO / "instance" / "dagster.postgres.yaml"
PG_VARS = ("DAGSTER_PG_USERNAME", "DAGSTER_PG_PASSWORD", "DAGSTER_PG_HOST", "DAGSTER_PG_DB", "DAGSTER_PG_PORT")
UNPRIVILEGED = "nobody"  # initdb and postgres refuse to run as root; tests (and CI) may run as root


def _pg_bin() -> Path | None:
    """The folder of initdb/pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin (newest)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl", path=str(Path(found).resolve().parent)):
        return Path(found).resolve().parent
    debian = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb") if p.parent.parent.name.isdigit()]
    return max(debian, key=lambda p: int(p.parent.name), default=None)


@dataclass
class Server:
    """A running throw-away PostgreSQL server and the connection chipwatch gets through DAGSTER_PG_*."""

    port: int
    user: str = "chipwatch"
    password: str = "pg-test-only-7f3a"  # the test's own server; the instance file holds no password
    db: str = "chipwatch_dagster"

    def env(self) -> dict[str, str]:
        return {"DAGSTER_PG_USERNAME": self.user, "DAGSTER_PG_PASSWORD": self.password,
                "DAGSTER_PG_HOST": "127.0.0.1", "DAGSTER_PG_DB": self.db, "DAGSTER_PG_PORT": str(self.port)}

    def connect(self, db: str | None = None):
        import psycopg2

        return psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                                dbname=db or self.db, connect_timeout=10)


def _as_unprivileged(root: Path) -> list[str]:
    """The command prefix that runs the server's binaries as an ordinary user when we are root."""
    if os.geteuid() != 0:
        return []
    user = pwd.getpwnam(UNPRIVILEGED)
    for path in [root, *root.rglob("*")]:
        os.chown(path, user.pw_uid, user.pw_gid)
    if shutil.which("runuser"):
        return ["runuser", "-u", UNPRIVILEGED, "--"]
    return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]


def _stop(prefix: list[str], bin_dir: Path, data: Path) -> None:
    """Stop the server, whatever state it is in: a fast shutdown, else SIGKILL to the postmaster we started."""
    if not (data / "postmaster.pid").exists():
        return
    subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", "20", "stop"],
                   capture_output=True, timeout=40, cwd=data.parent)
    pidfile = data / "postmaster.pid"
    with contextlib.suppress(OSError, ValueError, IndexError):
        pid = int(pidfile.read_text().split()[0])
        if str(data) in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):  # still ours
            os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def postgres() -> Iterator[Server]:
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: `apt-get install postgresql` "
                    "(.ci/run does) to run the Postgres instance tests")
    # not pytest's tmp_path: it is private to root, and the server runs as another user
    root = Path(tempfile.mkdtemp(prefix="chipwatch-pg-"))
    data = root / "data"
    server = Server(port=free_port())
    (root / "pw").write_text(server.password)
    prefix = _as_unprivileged(root)
    try:
        init = subprocess.run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", server.user,
                               f"--pwfile={root / 'pw'}", "--auth=scram-sha-256", "-E", "UTF8", "--no-locale",
                               "--no-sync"], capture_output=True, text=True, timeout=60, cwd=root)
        (root / "pw").unlink()
        assert init.returncode == 0, init.stderr[-2000:]
        options = f"-h 127.0.0.1 -p {server.port} -k {root} -F -c fsync=off -c synchronous_commit=off"
        start = subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"),
                                "-o", options, "-w", "-t", "30", "start"],
                               capture_output=True, text=True, timeout=60, cwd=root)
        log = root / "server.log"
        assert start.returncode == 0, start.stderr[-1000:] + (log.read_text()[-2000:] if log.exists() else "")
        conn = server.connect("postgres")
        conn.autocommit = True
        conn.cursor().execute(f"CREATE DATABASE {server.db}")
        conn.close()
        yield server
    finally:
        _stop(prefix, bin_dir, data)
        shutil.rmtree(root, ignore_errors=True)


def _env(root: Path, **extra: str) -> dict[str, str]:
    """This process's environment without chipwatch's and Dagster's settings, then a fresh warehouse and home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHIPWATCH_", "DAGSTER_"))}
    env.update({
        "CHIPWATCH_DB": str(root / "wh" / "chipwatch.duckdb"),
        "CHIPWATCH_PUBLISHED_DB": str(root / "wh" / "published" / "chipwatch.duckdb"),
        "CHIPWATCH_OUTPUT": str(root / "wh" / "output"),
        "DAGSTER_HOME": str(root / "dagster_home"),
        "CHIPWATCH_INSTANCE": "postgres",
    })
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def pg_run(postgres, tmp_path_factory):
    """`chipwatch run` on the sample archive with DAGSTER_HOME holding the Postgres instance file."""
    root = tmp_path_factory.mktemp("pg_run")
    env = _env(root, **postgres.env())
    t0 = time.monotonic()
    proc = subprocess.run([str(CHIPWATCH), "run"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    return proc, Path(env["DAGSTER_HOME"]), time.monotonic() - t0


@pytest.fixture
def pg_instance(postgres, pg_run, monkeypatch):
    """The run's instance, opened the way the webserver or daemon would: from DAGSTER_HOME and DAGSTER_PG_*."""
    import dagster as dg

    for key, value in postgres.env().items():
        monkeypatch.setenv(key, value)
    with dg.DagsterInstance.from_config(str(pg_run[1])) as instance:
        yield instance


def _sqlite_files(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*.db"))


@pytest.mark.slow  # one `chipwatch run` on Postgres: ~20 s
def test_main_job_runs_on_postgres(pg_run):
    proc, home, seconds = pg_run
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "marts + publish ok" in proc.stdout and "facts:" in proc.stdout
    assert (home / "dagster.yaml").read_text() == PG_FILE.read_text()
    # no SQLite storage was made: runs, event log and schedules are all in Postgres
    assert _sqlite_files(home) == []
    assert seconds < 120


def test_runs_and_materializations_read_back_from_postgres(pg_instance):
    import dagster as dg
    from dagster_postgres import PostgresEventLogStorage, PostgresRunStorage

    from assets.definitions import defs
    from assets.partitions import SOURCE_KEYS

    assert isinstance(pg_instance.run_storage, PostgresRunStorage)
    assert isinstance(pg_instance.event_log_storage, PostgresEventLogStorage)
    runs = pg_instance.get_runs()
    assert len(runs) == len(SOURCE_KEYS) + 1 and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
    assert sorted((r.job_name, r.tags.get("dagster/partition", "")) for r in runs) == sorted(
        [("ingest", key) for key in SOURCE_KEYS] + [("marts", "")])

    graph = defs.resolve_asset_graph()
    # Every asset of the main job; the backfill's (backfill/*) run only for `chipwatch run --archive FILE`.
    keys = {k for k in graph.materializable_asset_keys if k.path[0] != "backfill"}
    assert len(keys) >= 14
    for key in keys:
        assert pg_instance.get_latest_materialization_event(key) is not None, f"{key.to_user_string()} missing"
        if graph.get(key).partitions_def is not None:
            assert set(pg_instance.get_materialized_partitions(key)) == set(SOURCE_KEYS), key.to_user_string()


def test_the_single_writer_pool_lives_in_postgres(pg_instance):
    """The duckdb_writes pool (limit 1, from instance/dagster.yaml's settings) is kept in Postgres, and the
    run left no slot claimed."""
    from assets.partitions import WAREHOUSE_POOL

    config = pg_instance.get_concurrency_config()
    assert config.pool_config.default_pool_limit == 1 and config.run_queue_config.max_concurrent_runs == 4
    info = pg_instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL)
    assert info.slot_count == 1 and not info.claimed_slots and not info.pending_steps


def test_postgres_tables_hold_the_runs_and_events(postgres, pg_run):
    """Read back with SQL, not through Dagster: what an operator sees with psql."""
    conn = postgres.connect()
    try:
        cur = conn.cursor()
        cur.execute("SELECT status, count(*) FROM runs GROUP BY status")
        assert dict(cur.fetchall()) == {"SUCCESS": 5}
        cur.execute("SELECT asset_key, count(DISTINCT partition) FILTER (WHERE partition IS NOT NULL) "
                    "FROM event_logs WHERE dagster_event_type = 'ASSET_MATERIALIZATION' GROUP BY asset_key")
        materialized = dict(cur.fetchall())
        assert materialized['["core", "facts"]'] == 4 and materialized['["marts", "figure_timeline"]'] == 0
        assert '["publish", "analyst_snapshot"]' in materialized
        cur.execute('SELECT concurrency_key, "limit" FROM concurrency_limits')
        assert cur.fetchall() == [("duckdb_writes", 1)]
    finally:
        conn.close()


@pytest.mark.slow  # dagster-postgres retries the login for ~13 s before it gives up
def test_wrong_password_is_one_line_and_no_run(postgres, tmp_path):
    env = _env(tmp_path, **{**postgres.env(), "DAGSTER_PG_PASSWORD": "not-the-password"})
    proc = subprocess.run([str(CHIPWATCH), "run"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("chipwatch run: cannot open the Dagster instance")
    assert "password authentication failed" in last and "not-the-password" not in proc.stderr
    assert "Traceback" not in proc.stderr and "ingest" not in proc.stdout


def test_unset_connection_variable_is_named_and_no_run(tmp_path):
    """No server needed: the instance file reads its connection from the environment, and says which is missing."""
    env = {**_env(tmp_path, DAGSTER_PG_USERNAME="chipwatch", DAGSTER_PG_HOST="127.0.0.1", DAGSTER_PG_DB="d")}
    proc = subprocess.run([str(CHIPWATCH), "run"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"chipwatch run: cannot open the Dagster instance ({tmp_path / 'dagster_home' / 'dagster.yaml'}, from "
        "dagster.postgres.yaml): the environment variable DAGSTER_PG_PASSWORD is not set; "
        "the environment variable DAGSTER_PG_PORT is not set"]


def test_unknown_instance_name_is_refused(isolated_env, monkeypatch, capsys):
    from assets.cli import main

    monkeypatch.setenv("CHIPWATCH_INSTANCE", "postgress")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "CHIPWATCH_INSTANCE=postgress: there is no instance/dagster.postgress.yaml" in err
    assert "postgres" in err.split("choose one of:")[1]
    assert not (isolated_env / "dagster_home" / "dagster.yaml").exists()


def test_postgres_file_is_the_sqlite_settings_plus_storage():
    """Everything instance/dagster.yaml sets (the run queue, the duckdb_writes pool limit, run monitoring,
    retention) is in the Postgres file unchanged; the connection is only environment variables."""
    base = yaml.safe_load((REPO / "instance" / "dagster.yaml").read_text())
    pg = yaml.safe_load(PG_FILE.read_text())
    storage = pg.pop("storage")
    assert "storage" not in base
    for key in base.keys() | pg.keys():
        assert pg.get(key) == base.get(key), f"instance/dagster.postgres.yaml differs from dagster.yaml at {key!r}"
    db = storage["postgres"]["postgres_db"]
    assert {k: v["env"] for k, v in db.items() if isinstance(v, dict)} == dict(
        zip(("username", "password", "hostname", "db_name", "port"), PG_VARS, strict=True))
    assert set(db) - {"username", "password", "hostname", "db_name", "port"} == {"scheme"}


def test_make_copies_the_chosen_instance_file():
    base = ["make", "-n", "-s", "dev", "-C", str(REPO)]
    env = {k: v for k, v in os.environ.items() if k != "CHIPWATCH_INSTANCE"}
    plain = subprocess.run(base, env=env, capture_output=True, text=True, timeout=60).stdout
    chosen = subprocess.run(base, env={**env, "CHIPWATCH_INSTANCE": "postgres"}, capture_output=True, text=True,
                            timeout=60).stdout
    assert "cp instance/dagster.yaml " in plain and "dagster.postgres.yaml" not in plain
    assert "cp instance/dagster.postgres.yaml " in chosen
