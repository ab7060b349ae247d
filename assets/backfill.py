"""Backfill: one Dagster partition per archive file (a CC-NEWS WARC, an old crawl), in two steps.

``backfill/archive_extracts`` streams the file (``pipelines.backfill``: sniff, parse the few pages about chips,
extract their figures) into Parquet files under the warehouse folder, outside the ``duckdb_writes`` pool, so
several archives are read at once, one run each. ``backfill/archive_rows`` then writes them into the same
tables the outlets' partitions write (``raw.fetch_log``, ``raw.pages``, ``core.parse_results``,
``core.articles``, ``core.facts``), in the pool: one writer at a time. A partition's key is the archive's
absolute path; ``chipwatch run --archive FILE...`` adds them, the sensor ``archive_folder`` adds the files
that appear in ``CHIPWATCH_BACKFILL_DIR``.
"""


import hashlib
import os
import shutil
from pathlib import Path

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from assets.partitions import WAREHOUSE_POOL, archive_partitions
from pipelines import stages
from warehouse import queries
from warehouse.frames import table_frame
from warehouse.paths import working_db_path
from warehouse.schema import ARTICLES, FACTS, FETCH_LOG, PAGES, PARSE_RESULTS
from warehouse.writes import insert_new

TABLES = {t.qualified: t for t in (FETCH_LOG, PAGES, PARSE_RESULTS, ARTICLES, FACTS)}
ARCHIVE_SUFFIXES = (".warc.gz", ".warc", ".arc.gz", ".arc")
INBOX_ENV = "CHIPWATCH_BACKFILL_DIR"


def work_dir(partition: str) -> Path:
    """Where one archive's extracts wait for their load: beside the working database."""
    digest = hashlib.sha256(partition.encode()).hexdigest()[:16]
    return working_db_path().parent / "backfill" / digest


def _writer(folder: Path):
    parts: dict[str, int] = {}

    def sink(table: str, rows: list[dict]) -> None:
        n = parts.get(table, 0)
        parts[table] = n + 1
        out = folder / table
        out.mkdir(parents=True, exist_ok=True)
        table_frame(rows, TABLES[table]).write_parquet(out / f"part-{n:05d}.parquet")

    return sink


def _read(folder: Path, table: str) -> pl.DataFrame:
    files = sorted((folder / table).glob("part-*.parquet"))
    frame = pl.concat([pl.read_parquet(f) for f in files], how="vertical_relaxed") if files else None
    return table_frame([], TABLES[table]) if frame is None else frame


@dg.asset(
    key=["backfill", "archive_extracts"],
    partitions_def=archive_partitions,
    group_name="backfill",
    kinds={"python", "warc", "parquet"},
)
def archive_extracts(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """One archive read in one streaming pass (no index, no bodies kept): every response logged, every HTML
    page sniffed (outlet URL rules, language, the topic vocabulary), only the pages that can be about chips
    parsed, filtered and mined. The rows wait as Parquet files for ``backfill/archive_rows``. Runs outside the
    DuckDB pool, so archives are read in parallel."""
    path = context.partition_key
    folder = work_dir(path)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if not Path(path).is_file():
        raise dg.Failure(f"archive not found: {path}")

    def progress(c) -> None:
        context.log.info(f"{path}: {c.responses} responses, {c.parsed} parsed, {c.seconds:.0f}s")

    scan, counts = stages.backfill_archive(path, _writer(folder), progress=progress)
    context.log.info(f"{scan.summary_line()}; {counts.parsed} of {counts.html_pages} pages parsed, "
                     f"{counts.relevant} relevant articles, {counts.facts} facts")
    for problem in scan.problems[:20]:  # info, not warning: `chipwatch run` prints them itself, once each
        context.log.info(problem.line())
    return dg.MaterializeResult(metadata={
        **counts.as_dict(), "pages_per_s": round(counts.responses / counts.seconds, 1) if counts.seconds else 0.0,
        "archive_bytes": scan.size, "records": scan.records, "problems": len(scan.problems),
        "summary_line": scan.summary_line(), "problem_lines": dg.MetadataValue.json(
            [p.line() for p in scan.problems[:20]]),
        "usable": scan.usable, "truncated_at": scan.truncated_at if scan.truncated_at is not None else -1,
        "work_dir": str(folder),
    })


@dg.asset(
    key=["backfill", "archive_rows"],
    deps=[["backfill", "archive_extracts"]],
    partitions_def=archive_partitions,
    pool=WAREHOUSE_POOL,
    group_name="backfill",
    kinds={"duckdb"},
)
def archive_rows(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """One archive's rows written into raw.fetch_log, raw.pages (kind 'archive'), core.parse_results (the
    pages the sniff skipped with their reason), core.articles and core.facts. Article versions are numbered
    after those the warehouse holds (a text it holds adds no version), so re-running a partition adds nothing.
    In the duckdb_writes pool: one writer at a time, whatever the number of archive runs."""
    folder = work_dir(context.partition_key)
    if not folder.is_dir():
        raise dg.Failure(f"no extracts for {context.partition_key}: materialize backfill/archive_extracts first")
    frames = {t: _read(folder, t) for t in TABLES}
    articles, facts = frames["core.articles"], frames["core.facts"]
    added: dict[str, int] = {}
    with duckdb.get_connection() as conn:
        existing = queries.article_hashes(conn, articles["article_id"].unique().to_list()) if articles.height else []
        if existing:
            kept_a, kept_f = stages.reconcile_archive_versions(articles.to_dicts(), facts.to_dicts(), existing)
            articles, facts = table_frame(kept_a, ARTICLES), table_frame(kept_f, FACTS)
        for name in ("raw.fetch_log", "raw.pages", "core.parse_results"):
            added[name] = insert_new(conn, TABLES[name], frames[name])
        added["core.articles"] = insert_new(conn, ARTICLES, articles)
        added["core.facts"] = insert_new(conn, FACTS, facts)
    shutil.rmtree(folder, ignore_errors=True)
    results = frames["core.parse_results"]
    reasons = (results.group_by("reason").len().sort("reason").iter_rows() if results.height else [])
    context.log.info(f"{context.partition_key}: " + ", ".join(f"{t} +{n}" for t, n in added.items()))
    return dg.MaterializeResult(metadata={
        **{f"new_{t.split('.')[1]}": n for t, n in added.items()},
        **{f"pages_{r}": int(n) for r, n in reasons if r},
    })


BACKFILL_ASSETS = [archive_extracts, archive_rows]

backfill_job = dg.define_asset_job(
    "backfill", selection=dg.AssetSelection.assets(*BACKFILL_ASSETS),
    description="Read one archive file (a partition per file) in one streaming pass and write its rows.",
)


def archive_files(folder: Path) -> list[str]:
    """The archive files in ``folder`` (not in sub-folders), as absolute paths, oldest first."""
    found = [p for p in folder.iterdir() if p.is_file() and p.name.endswith(ARCHIVE_SUFFIXES)]
    return [str(p.resolve()) for p in sorted(found, key=lambda p: (p.stat().st_mtime, p.name))]


@dg.sensor(job=backfill_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def archive_folder(context: dg.SensorEvaluationContext):
    """Every archive file that appears in ``CHIPWATCH_BACKFILL_DIR`` (default ``warehouse/backfill/inbox``)
    becomes a partition of ``archives`` and gets a backfill run. Stopped by default; start it in the UI."""
    folder = Path(os.environ.get(INBOX_ENV, str(working_db_path().parent / "backfill" / "inbox")))
    if not folder.is_dir():
        return dg.SkipReason(f"no folder {folder} (set {INBOX_ENV})")
    known = set(context.instance.get_dynamic_partitions(archive_partitions.name))
    new = [p for p in archive_files(folder) if p not in known]
    if not new:
        return dg.SkipReason(f"no new archive in {folder}")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=p, partition_key=p) for p in new],
        dynamic_partitions_requests=[archive_partitions.build_add_request(new)],
    )
