"""The Dagster layer: assets by layer (raw, core, marts, publish), resources, checks, schedules, the CLI."""
