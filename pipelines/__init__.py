"""chipwatch's stages as plain Python: fetch, sources (discover + parse), extract, track.

Nothing in this package imports Dagster or touches DuckDB; the Dagster layer lives in ``assets/`` and the
warehouse in ``warehouse/``.
"""
