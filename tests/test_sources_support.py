"""Helpers shared by the ``test_sources_*`` modules (no tests here)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import REPO, shared_dir

FIXTURES = REPO / "tests" / "fixtures" / "sources"
EASTERN = ZoneInfo("America/New_York")
_WS = re.compile(r"\s+")


def corpus_dir() -> Path:
    """``shared/corpus``."""
    return shared_dir() / "corpus"


def require_corpus() -> Path:
    """The corpus folder, or skip the calling module with a printed reason."""
    corpus = corpus_dir()
    if not (corpus / "expected.jsonl").is_file():
        reason = f"shared corpus not found at {corpus} (set CHIPWATCH_SHARED to the shared folder)"
        print(f"SKIP: {reason}")
        pytest.skip(reason, allow_module_level=True)
    return corpus


def fixture_bytes(name: str) -> bytes:
    """A file from ``tests/fixtures/sources``."""
    return (FIXTURES / name).read_bytes()


def norm_text(text: str | None) -> str:
    """The corpus README's text normalisation: every run of Unicode whitespace (NBSP too) -> one space."""
    return _WS.sub(" ", text or "").strip()


def same_calendar_day(parsed: datetime | None, expected: str | None, local: ZoneInfo = EASTERN) -> bool:
    """Compare dates as the corpus README asks: in the expected value's offset, else in the page's local zone."""
    if expected is None:
        return parsed is None
    if parsed is None:
        return False
    if len(expected) == 10:
        return parsed.astimezone(local).date() == date.fromisoformat(expected)
    exp = datetime.fromisoformat(expected.replace("Z", "+00:00"))
    if exp.tzinfo is None:
        return parsed.astimezone(local).date() == exp.date()
    return parsed.astimezone(exp.tzinfo).date() == exp.date()


def same_instant(parsed: datetime | None, expected: str | None, local: ZoneInfo = EASTERN) -> bool:
    """Equal instants; values without an offset are read in the page's local zone."""
    if expected is None:
        return parsed is None
    if parsed is None:
        return False
    if len(expected) == 10:
        return same_calendar_day(parsed, expected, local)
    exp = datetime.fromisoformat(expected.replace("Z", "+00:00"))
    if exp.tzinfo is None:
        exp = exp.replace(tzinfo=local)
    return parsed == exp
