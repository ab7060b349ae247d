"""Tracking reported figures: claims, intervals and relations, observations, timelines, revisions."""

from pipelines.track.claims import claim_key
from pipelines.track.observations import build_observations
from pipelines.track.revisions import body_hash, build_revisions
from pipelines.track.timeline import build_timeline

__all__ = ["body_hash", "build_observations", "build_revisions", "build_timeline", "claim_key"]
