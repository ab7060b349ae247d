"""Asset checks: facts carry provenance; observations are not duplicated; outlets crawled live are fresh."""

import os
from datetime import UTC, datetime, timedelta

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.partitions import WAREHOUSE_POOL
from pipelines import stages
from warehouse import queries


@dg.asset_check(asset=dg.AssetKey(["core", "facts"]), blocking=True, pool=WAREHOUSE_POOL)
def facts_have_provenance(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Every fact points at an existing article version, and its span in that version's body is its surface."""
    with duckdb.get_connection() as conn:
        bad = queries.facts_without_provenance(conn)
    return dg.AssetCheckResult(passed=not bad, metadata={"facts_without_provenance": len(bad),
                                                         "examples": str(bad[:5])})


@dg.asset_check(asset=dg.AssetKey(["marts", "figure_observations"]), pool=WAREHOUSE_POOL)
def observations_unique(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """No fact is observed twice."""
    with duckdb.get_connection() as conn:
        dupes = queries.duplicate_observations(conn)
    return dg.AssetCheckResult(passed=dupes == 0, metadata={"duplicates": int(dupes)})


@dg.asset_check(asset=dg.AssetKey(["marts", "figure_timeline"]), pool=WAREHOUSE_POOL)
def timeline_complete(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Every claim with observations has one timeline row whose counts and dates match its observations."""
    with duckdb.get_connection() as conn:
        bad = queries.timeline_mismatches(conn)
    return dg.AssetCheckResult(passed=not bad, metadata={"claims_out_of_order_or_missing": len(bad),
                                                         "examples": str(bad[:5])})


@dg.asset_check(asset=dg.AssetKey(["marts", "figure_discrepancies"]))
def conflict_count_stable(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
    """Warn when the number of discrepancies jumps between two materializations (more than 50 % and more
    than 5): usually a parser or extractor regression rather than the news."""
    records = context.instance.fetch_materializations(dg.AssetKey(["marts", "figure_discrepancies"]), limit=2).records
    counts = [r.asset_materialization.metadata.get("discrepancies") for r in records if r.asset_materialization]
    counts = [c.value for c in counts if c is not None]
    if len(counts) < 2:
        return dg.AssetCheckResult(passed=True, metadata={"note": "first materialization"})
    now, before = counts[0], counts[1]
    jump = abs(now - before)
    passed = jump <= 5 or jump <= 0.5 * max(before, 1)
    return dg.AssetCheckResult(passed=passed, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"discrepancies": now, "previous": before, "change": now - before})


FRESH_WITHIN_ENV = "CHIPWATCH_FRESH_WITHIN"
DEFAULT_FRESH_WITHIN = timedelta(days=2)


def fresh_within(text: str | None = None) -> tuple[timedelta, dict[str, timedelta]]:
    """How old an outlet's newest article may be: ``CHIPWATCH_FRESH_WITHIN``, a duration for every outlet
    (``36h``) and/or ``source=duration`` pairs (``2d,news1=12h``); default 2 days."""
    default, per_source = DEFAULT_FRESH_WITHIN, {}
    value = os.environ.get(FRESH_WITHIN_ENV, "") if text is None else text
    for part in filter(None, (p.strip() for p in value.split(","))):
        name, sep, duration = part.rpartition("=")
        try:
            age = stages.duration(duration.strip())
        except ValueError as exc:
            raise ValueError(f"{FRESH_WITHIN_ENV}: {exc}") from None
        if sep:
            per_source[name.strip()] = age
        else:
            default = age
    return default, per_source


@dg.asset_check(asset=dg.AssetKey(["core", "articles"]), pool=WAREHOUSE_POOL)
def outlets_fresh(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Fails when an outlet crawled live has no article newer than expected (``CHIPWATCH_FRESH_WITHIN``,
    default 2 days; per outlet ``news1=12h``): its feed went quiet, its pages stopped parsing, or the crawl
    lost it. Outlets only ever replayed from archives are not judged."""
    default, per_source = fresh_within()
    now = datetime.now(UTC)
    with duckdb.get_connection() as conn:
        rows = queries.outlet_freshness(conn)
    stale, lines = [], []
    for r in rows:
        limit = per_source.get(r["source"], default)
        newest = r["newest_article_at"]
        age = now - newest if newest is not None else None
        ok = age is not None and age <= limit
        if not ok:
            stale.append(r["source"])
        lines.append(f"| {r['source']} | {newest:%Y-%m-%d %H:%M} UTC | {_hours(age)} | {_hours(limit)} | "
                     f"{r['articles']} | {'ok' if ok else 'STALE'} |" if newest is not None else
                     f"| {r['source']} | none | | {_hours(limit)} | 0 | STALE |")
    table = "| outlet | newest article | age | allowed | articles | |\n|---|---|---|---|---|---|\n" + "\n".join(lines)
    return dg.AssetCheckResult(
        passed=not stale,
        description=(f"stale: {', '.join(stale)}" if stale else
                     f"{len(rows)} live outlets fresh" if rows else "no outlet crawled live yet"),
        metadata={"stale_outlets": ", ".join(stale) or "none", "live_outlets": len(rows),
                  "outlets": dg.MetadataValue.md(table)})


def _hours(age: timedelta | None) -> str:
    return "" if age is None else f"{age.total_seconds() / 3600:.1f} h"
