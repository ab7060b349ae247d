"""Every warehouse asset documents its table: Dagster's column schema, built from warehouse/schema.py."""

from __future__ import annotations

import dagster as dg
import pytest

from assets.definitions import defs
from warehouse.schema import TABLES


def test_every_table_asset_carries_its_column_schema_and_table_name():
    graph = defs.resolve_asset_graph()
    for table in TABLES:
        node = graph.get(dg.AssetKey(table.qualified.split(".")))
        schema = node.metadata.get("dagster/column_schema")
        assert isinstance(schema, dg.TableSchema), f"{table.qualified} has no column schema"
        assert [(c.name, c.type, c.description) for c in schema.columns] == [
            (c.name, c.type, c.comment) for c in table.columns]
        assert node.metadata.get("dagster/table_name") == table.qualified


def test_assets_that_are_no_table_carry_no_column_schema():
    graph = defs.resolve_asset_graph()
    for path in (["reports", "figure_charts"], ["publish", "analyst_snapshot"]):
        assert "dagster/column_schema" not in graph.get(dg.AssetKey(path)).metadata


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the snapshot reads a deprecated schedule property
def test_the_column_schema_survives_the_snapshot_the_web_server_reads():
    """The UI gets asset definitions as a serialized repository snapshot from the code server; the schema
    must survive that (checked once through the web server's GraphQL too: ``assetNodes { metadataEntries }``
    lists every column of core.facts with its comment, but a code server takes ~25 s to start)."""
    from dagster._core.remote_representation.external_data import RepositorySnap

    snap = dg.deserialize_value(dg.serialize_value(RepositorySnap.from_def(defs.get_repository_def())),
                                RepositorySnap)
    node = next(a for a in snap.asset_nodes if a.asset_key == dg.AssetKey(["core", "facts"]))
    columns = node.metadata["dagster/column_schema"].schema.columns
    facts = next(t for t in TABLES if t.qualified == "core.facts")
    assert [(c.name, c.description) for c in columns] == [(c.name, c.comment) for c in facts.columns]
