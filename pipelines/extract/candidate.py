"""A figure candidate found by a language grammar, before binding (metric, subject, chip, source)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Candidate", "band_bounds", "counted_unit", "unit_family"]

CURRENCY_UNITS = frozenset({"USD", "KRW", "CNY", "EUR", "JPY", "TWD", "GBP"})
COUNT_UNITS = frozenset({"chips", "servers", "units", "count", "companies", "people"})
DURATION_UNITS = frozenset({"years", "months", "days", "hours"})
POWER_UNITS = frozenset({"GW", "MW"})  # power capacity: a data centre's or a deal's size


@dataclass
class Candidate:
    """Offsets are relative to the sentence text; ``start:end`` is the surface, ``num_start:num_end`` the
    number itself (without qualifier, currency or unit words)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    resolution: float | None
    unit: str
    qualifier: str
    rule: str
    low: float | None = None  # range ends
    high: float | None = None
    chip: str | None = None  # a chip named inside the figure ("512 H800 chips")
    direction: int = 0  # for percentages: -1 falling, +1 rising, 0 not stated


def unit_family(unit: str) -> str:
    """currency | count | duration | percent | ratio | level (an index's points) | power | compute."""
    if unit in CURRENCY_UNITS:
        return "currency"
    if unit in COUNT_UNITS:
        return "count"
    if unit in DURATION_UNITS:
        return "duration"
    if unit in ("percent", "percentage_points"):
        return "percent"
    if unit in ("times", "fraction"):
        return "ratio"
    if unit == "points":
        return "level"
    if unit in POWER_UNITS:
        return "power"
    return "compute"


NAMED_COUNTS = ("chips", "servers", "units", "companies")


def counted_unit(cands: list[Candidate]) -> str | None:
    """The thing a sentence counted last ("20,000 H100 chips" → ``chips``), for the next sentence's counts
    that leave their noun out ("It needed only about 900."); ``None`` when it counted none."""
    units = [c.unit for c in cands if c.unit in NAMED_COUNTS]
    return units[-1] if units else None


# the part of a band a word names, as shares of its width: "low 30s", "30% 초반" → 30-33.5
BAND_PARTS = {"early": (0.0, 0.35), "middle": (0.3, 0.7), "late": (0.65, 1.0), None: (0.0, 1.0)}
BAND_WORDS = {"초반": "early", "중반": "middle", "후반": "late", "low": "early", "lower": "early", "mid": "middle",
              "middle": "middle", "high": "late", "upper": "late"}


def band_bounds(opening: float, part: str | None) -> tuple[float, float]:
    """(low, high) of the band a number opens and the part of it a word names ("30% 중반": 33 to 37; "4%대": 4
    to 5): a round ten opens its decade, any other number its unit."""
    width = 10.0 if opening >= 10 and opening % 10 == 0 else 1.0
    a, b = BAND_PARTS[BAND_WORDS.get(part, part) if part else None]
    return opening + a * width, opening + b * width
