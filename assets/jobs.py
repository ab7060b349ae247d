"""The two jobs (ingest per outlet, marts + publish) and the outlets the live crawl visits. What starts them
on its own under the daemon is in ``assets/automation.py``."""


import dagster as dg

from assets import core, marts, publish, raw, reports
from assets.partitions import SOURCE_KEYS

INGEST_ASSETS = [raw.discovered_urls, raw.fetched_pages, core.parsed_articles, core.facts]
MART_ASSETS = [core.entities, marts.figure_observations, marts.figure_timeline, marts.article_revisions,
               reports.figure_charts, publish.analyst_snapshot]

ingest_job = dg.define_asset_job(
    "ingest", selection=dg.AssetSelection.assets(*INGEST_ASSETS),
    description="Discover, fetch, parse and extract one outlet (a partition per source).",
)
marts_job = dg.define_asset_job(
    "marts", selection=dg.AssetSelection.assets(*MART_ASSETS),
    description="Rebuild the tracking marts from core.facts and publish the analyst snapshot.",
)

LIVE_SOURCES = [s for s in SOURCE_KEYS if s != "other"]
