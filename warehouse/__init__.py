"""The DuckDB warehouse: DDL, analyst views, connections, idempotent writes and snapshot publishing.

Nothing here imports Dagster or the pipeline stages; the Dagster layer (``assets/``) calls into it.
"""
