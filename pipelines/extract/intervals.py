"""The interval a reported value supports: ``value_low``/``value_high``.

- exact: ± half a unit of the last stated significant digit ("$5.6 million" → [5.55M, 5.65M),
  "557만 6000달러" → ±500, "1억 달러" → ±0.5억);
- approx: ± max(one unit of the last significant digit, 10% of the value) ("about $6 million" → [5M, 7M));
- more_than → (v, inf); at_least → [v, inf); less_than → [0, v); at_most and up_to → [0, v];
- range → [low, high]; vague → no interval.

Negative values (falling percentages) mirror the bounds: "fell more than 17%" (v = -17) → (-inf, -17).
Whether an end is open or closed is not stored; the bounds are plain floats with ``float('inf')``.
"""

from __future__ import annotations

__all__ = ["interval"]

INF = float("inf")


def interval(
    value: float | None,
    resolution: float | None,
    qualifier: str,
    low: float | None = None,
    high: float | None = None,
) -> tuple[float | None, float | None]:
    """(value_low, value_high) for a value written with ``resolution`` and ``qualifier``."""
    if qualifier == "range":
        return low, high
    if value is None or qualifier == "vague":
        return None, None
    res = resolution if resolution and resolution > 0 else 0.0
    if qualifier == "exact":
        return value - res / 2, value + res / 2
    if qualifier == "approx":
        half = max(res, 0.1 * abs(value))
        return value - half, value + half
    negative = value < 0
    if qualifier in ("more_than", "at_least"):
        return (-INF, value) if negative else (value, INF)
    if qualifier in ("less_than", "at_most", "up_to"):
        return (value, 0.0) if negative else (0.0, value)
    return value - res / 2, value + res / 2
