"""A deployment on a temporary instance for the daemon test and the freshness benchmark: ``chipwatch serve``
(dagster-webserver + dagster-daemon, the automation on) against a local stand-in outlet that can publish new
articles while it runs. Loopback only; nothing leaves the machine."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.test_fetch_live_server import Hit, LoopbackServer, Reply

REPO = Path(__file__).resolve().parents[1]
SOURCE = "other"  # the generic adapter: any article on the stand-in's host is read

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="{published}">
</head><body><article><h1>{title}</h1>
<p>Nvidia shipped {units:,} H20 chips to Chinese customers in the quarter, the company said on {day}.</p>
<p>The chips were designed to comply with US export controls that restrict sales of advanced processors.</p>
<p>Analysts said Chinese buyers spent about ${dollars} billion on the processors before the new rules.</p>
</article></body></html>"""


@dataclass
class Article:
    path: str
    title: str
    units: int
    published: datetime


@dataclass
class StandIn:
    """A news sitemap and its articles on 127.0.0.1. The sitemap carries an ETag that changes with each
    article published, and answers 304 to a request that sends the current one. With ``secondaries``, the
    same host also serves that many secondary feeds (``/section-N.xml``, listed after the news sitemap, which
    is the primary), each listing the first article only: a new article is found through the primary."""

    server: LoopbackServer = field(default_factory=LoopbackServer)
    articles: list[Article] = field(default_factory=list)
    secondaries: int = 0

    def __enter__(self) -> StandIn:
        self.server.__enter__()
        self.server.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        self.server.routes["/sitemap.xml"] = self._sitemap
        for path in self.secondary_paths:
            self.server.routes[path] = self._section
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.__exit__(*exc)

    @property
    def feed_url(self) -> str:
        return self.server.url("/sitemap.xml")

    @property
    def secondary_paths(self) -> list[str]:
        return [f"/section-{i}.xml" for i in range(1, self.secondaries + 1)]

    @property
    def feed_urls(self) -> list[str]:
        """Every feed of the stand-in, the primary first."""
        return [self.feed_url, *(self.server.url(p) for p in self.secondary_paths)]

    def etag(self) -> str:
        return f'"v{len(self.articles)}"'

    def publish(self, n: int, units: int) -> Article:
        """Put article ``n`` (a unique figure: ``units`` H20 chips) in the sitemap, published now."""
        now = datetime.now(UTC).replace(microsecond=0)
        art = Article(f"/{now:%Y/%m/%d}/tech/h20-shipments-{n}.html", f"Nvidia H20 chip shipments, report {n}",
                      units, now)
        body = ARTICLE.format(title=art.title, published=now.isoformat(), units=units, day=f"{now:%A}",
                              dollars=2 + n).encode()
        self.server.routes[art.path] = Reply(200, body, {"Content-Type": "text/html; charset=utf-8"})
        self.articles.append(art)
        return art

    def url(self, art: Article) -> str:
        return self.server.url(art.path)

    def _sitemap(self, hit: Hit, sock: socket.socket) -> None:
        self._serve(hit, sock, self.etag(), self.articles)

    def _section(self, hit: Hit, sock: socket.socket) -> None:
        self._serve(hit, sock, f'"{hit.path.strip("/")}-{min(len(self.articles), 1)}"', self.articles[:1])

    def _serve(self, hit: Hit, sock: socket.socket, etag: str, articles: list[Article]) -> None:
        if hit.headers.get("if-none-match") == etag:
            sock.sendall(Reply(304, b"", {"ETag": etag}).raw())
            return
        items = "".join(
            f"<url><loc>{self.url(a)}</loc><news:news><news:title>{a.title}</news:title>"
            f"<news:publication_date>{a.published.isoformat()}</news:publication_date></news:news></url>"
            for a in articles)
        body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{items}</urlset>').encode()
        sock.sendall(Reply(200, body, {"Content-Type": "application/xml", "ETag": etag}).raw())

    def feed_hits(self) -> list[Hit]:
        """Requests of the primary feed (the news sitemap)."""
        return [h for h in self.server.hits if h.path == "/sitemap.xml"]

    def all_feed_hits(self) -> list[Hit]:
        """Requests of any of the stand-in's feeds (one host): the primary's and the secondaries'."""
        paths = {"/sitemap.xml", *self.secondary_paths}
        return [h for h in self.server.hits if h.path in paths]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Deployment:
    """``chipwatch serve`` on a temporary instance, warehouse and snapshot, crawling only the stand-in."""

    root: Path
    stand_in: StandIn
    crawl_every: str = "20s"
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def home(self) -> Path:
        return self.root / "dagster_home"

    @property
    def published_db(self) -> Path:
        return self.root / "wh" / "published" / "chipwatch.duckdb"

    @property
    def log_path(self) -> Path:
        return self.root / "serve.log"

    def env(self) -> dict[str, str]:
        config = self.root / "live.json"
        config.write_text(json.dumps({
            "min_delay_s": 0.01, "timeout_s": 5, "max_attempts": 1, "prefilter_titles": False,
            "warc_dir": str(self.root / "warc"),
            "sources": {SOURCE: {"feeds": self.stand_in.feed_urls}, "news1": {"feeds": []},
                        "cnn": {"feeds": []}, "nyt": {"feeds": []}},
        }))
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("CHIPWATCH_", "DAGSTER_"))}
        return {**keep, "DAGSTER_HOME": str(self.home), "CHIPWATCH_FETCHER_CONFIG": str(config),
                "CHIPWATCH_DB": str(self.root / "wh" / "chipwatch.duckdb"),
                "CHIPWATCH_PUBLISHED_DB": str(self.published_db), "CHIPWATCH_OUTPUT": str(self.root / "wh" / "out"),
                "CHIPWATCH_CRAWL_EVERY": self.crawl_every, "CHIPWATCH_LIVE_SOURCES": SOURCE}

    def start(self) -> Deployment:
        self.home.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "instance" / "dagster.yaml", self.home / "dagster.yaml")
        import dagster as dg

        # create the instance's SQLite storage here, before the webserver, the daemon and this process's
        # readers race to create it (each would run the same schema migration)
        with dg.DagsterInstance.from_config(str(self.home)):
            pass
        log = self.log_path.open("w")
        cmd = [str(Path(sys.executable).parent / "chipwatch"), "serve", "--port", str(self.port)]
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self, timeout_s: float = 40.0, runs_timeout_s: float = 60.0) -> int | None:
        """SIGTERM to ``chipwatch serve``, then wait for the runs the daemon had launched (they go on after
        it, as Dagster's runs do) so that nothing writes in ``root`` any more. Serve's exit status (None if it
        had to be killed)."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            code = None
        self.wait_for_runs(runs_timeout_s)
        return code

    def unfinished_runs(self) -> list[str]:
        import dagster as dg
        from dagster._core.storage.dagster_run import NOT_FINISHED_STATUSES

        with dg.DagsterInstance.from_config(str(self.home)) as instance:
            records = instance.get_run_records(dg.RunsFilter(statuses=NOT_FINISHED_STATUSES))
            return [r.dagster_run.run_id for r in records if r.dagster_run.status != dg.DagsterRunStatus.QUEUED]

    def wait_for_runs(self, timeout_s: float) -> None:
        with contextlib.suppress(TimeoutError):
            wait_for(lambda: not self.unfinished_runs(), timeout_s, what="the daemon's runs to finish")

    def __enter__(self) -> Deployment:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_for(predicate, timeout_s: float, every_s: float = 0.5, what: str | Callable[[], str] = "condition"):
    """Poll ``predicate`` until it returns something truthy; that value, or TimeoutError naming ``what`` (a
    string, or a function giving one then, e.g. the end of a log)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every_s)
    raise TimeoutError(f"gave up after {timeout_s:.0f} s waiting for {what() if callable(what) else what}")


def snapshot_facts(published_db: Path, url: str) -> int:
    """How many facts of the article at ``url`` the published snapshot holds (0 if no snapshot yet)."""
    import duckdb

    if not published_db.exists():
        return 0
    try:
        conn = duckdb.connect(str(published_db), read_only=True)
    except duckdb.Error:
        return 0  # being replaced right now
    try:
        return int(conn.execute("SELECT count(*) FROM core.facts f JOIN core.articles a USING (article_id, version) "
                                "WHERE a.url = ?", [url]).fetchone()[0])
    except duckdb.Error:
        return 0
    finally:
        conn.close()
