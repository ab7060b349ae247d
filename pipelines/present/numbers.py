"""Numbers the way a reader reads them: ``$5.6M``, ``$118.42``, ``2,048 chips``, ``-17%``, ``80 hours``,
``846조 원`` (and its USD equivalent), never ``5.606e+06`` or an axis offset.

Two forms: :func:`compact` for chart labels and ticks (``$5.576M``, ``$593B``) and :func:`full` for
tables and the command line (``$5,576,000``, ``$118.42``), both keeping every significant digit reported.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "TWD": "NT$"}
COUNT_NOUNS = {"chips": ("chip", "chips"), "companies": ("company", "companies"), "servers": ("server", "servers"),
               "units": ("unit", "units")}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# "846조 원", "78억8000만원", "1500억 원": written in won (not 달러 / $)
WON = re.compile(r"\d\s*(?:조|억|만|천)?\s*원")


def _plain(v: float, max_decimals: int = 4) -> str:
    """``v`` with thousands separators and only the decimals it has: 5576000 → ``5,576,000``, 118.42 →
    ``118.42``, 3.07 → ``3.07`` (floats rounded to ``max_decimals`` first, so 0.1+0.2 is ``0.3``)."""
    d = Decimal(repr(round(float(v), max_decimals))).normalize()
    if d == d.to_integral():
        d = d.quantize(Decimal(1))
    return f"{d:,f}"


def _short(v: float, digits: int = 4) -> str:
    """At most ``digits`` significant digits, trailing zeros dropped: 5.576 → ``5.576``, 593.0 → ``593``."""
    if v == 0:
        return "0"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(abs(v)))))
    return _plain(round(v, decimals), max_decimals=decimals)


def _scaled(v: float, digits: int = 4) -> str:
    """1.6e9 → ``1.6B``, 5.576e6 → ``5.576M``, 294000 → ``294K``, 118.42 → ``118.42``."""
    a = abs(v)
    for factor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if a >= factor * 0.9995:
            return _short(v / factor, digits) + suffix
    if a >= 10_000:
        return _short(v / 1e3, digits) + "K"
    return _plain(v, 2) if a >= 1 else _short(v, 3)


def korean_won(v: float) -> str:
    """A won amount in 조/억/만, as Korean outlets write it: 846e12 → ``846조 원``, 7.88e9 → ``78억 8000만 원``."""
    sign = "-" if v < 0 else ""
    n = round(abs(v))
    parts = []
    for size, word in ((10**12, "조"), (10**8, "억"), (10**4, "만")):
        if n >= size:
            parts.append(f"{n // size:,}{word}" if word == "조" else f"{n // size}{word}")
            n %= size
    if n or not parts:
        parts.append(f"{n}")
    return f"{sign}{' '.join(parts)} 원"


def _duration(days: float) -> str:
    """80 hours, 12 days, 7 months, 1 year: the unit a reader would use."""
    for limit, per, one, many in ((4, 1 / 24, "hour", "hours"), (60, 1, "day", "days"),
                                  (300, 30.4375, "month", "months"), (math.inf, 365.25, "year", "years")):
        if days < limit:
            n = _short(days / per, 2 if per > 1 else 3)
            return f"{n} {one if n == '1' else many}"
    return ""  # pragma: no cover


def compact(v: float | None, unit: str | None, with_unit: bool = True) -> str:
    """A short label for a chart: ``$5.576M``, ``$593B``, ``$118.42``, ``2,048 chips``, ``-17%``."""
    if v is None or math.isnan(v):
        return ""
    if math.isinf(v):
        return "∞"
    unit = unit or ""
    if unit in CURRENCY_SYMBOLS:
        sign = "-" if v < 0 else ""
        return f"{sign}{CURRENCY_SYMBOLS[unit]}{_scaled(abs(v))}"
    if unit == "KRW":
        return korean_won(v)
    if unit in ("percent", "percentage_points"):
        return f"{_plain(v, 2)}%" if unit == "percent" else f"{_plain(v, 2)} pp"
    if unit == "days":
        return _duration(v)
    if unit == "gpu_hours":
        return f"{_scaled(v)} GPU-hours" if with_unit else _scaled(v)
    if unit == "fraction":
        if 0 < v < 1 and abs(1 / v - round(1 / v)) < 0.01:
            return f"1/{round(1 / v)}"
        return _short(v, 3)
    if unit == "times":
        return f"{_short(v, 3)}×"
    text = _plain(v, 2) if abs(v) < 1e6 else _scaled(v)
    if with_unit and unit in COUNT_NOUNS:
        return f"{text} {COUNT_NOUNS[unit][0 if v == 1 else 1]}"
    return f"{text} {unit}".strip() if with_unit else text


def full(v: float | None, unit: str | None) -> str:
    """Every digit, for tables and the CLI: ``$5,576,000``, ``$118.42``, ``2,048``, ``-3.07%``."""
    if v is None or math.isnan(v):
        return ""
    if math.isinf(v):
        return "∞" if v > 0 else "-∞"
    unit = unit or ""
    if unit in CURRENCY_SYMBOLS:
        sign = "-" if v < 0 else ""
        return f"{sign}{CURRENCY_SYMBOLS[unit]}{_plain(abs(v), 2)}"
    if unit == "KRW":
        return korean_won(v)
    if unit == "percent":
        return f"{_plain(v, 3)}%"
    if unit == "days":
        return _duration(v)
    return _plain(v)


BOUND_SIGNS = {"less_than": "<", "at_most": "≤", "up_to": "≤", "more_than": ">", "at_least": "≥"}
UPPER_BOUNDS = frozenset({"less_than", "at_most", "up_to"})
LOWER_BOUNDS = frozenset({"more_than", "at_least"})


def as_reported(value: float | None, low: float | None, high: float | None, qualifier: str | None,
                unit: str | None, fmt=compact) -> str:
    """The report in a few characters: ``< $6M``, ``> 50,000 chips``, ``≈ $6M``, ``$12B–$15B``, ``$5.6M``."""
    q = qualifier or "exact"
    if q in BOUND_SIGNS:
        return f"{BOUND_SIGNS[q]} {fmt(value, unit)}"
    if q == "range" and low is not None and high is not None and not math.isinf(low) and not math.isinf(high):
        return f"{fmt(low, unit)}–{fmt(high, unit)}"
    if q == "approx":
        return f"≈ {fmt(value, unit)}"
    return fmt(value, unit)


def interval(low: float | None, high: float | None, qualifier: str | None, unit: str | None) -> str:
    """The interval a report supports, in words a reader checks: ``under $6,000,000``, ``over 50,000``,
    ``$5,550,000 to $5,650,000``."""
    q = qualifier or "exact"
    lo_open = low is None or math.isinf(low) or (q in UPPER_BOUNDS and low <= 0)
    hi_open = high is None or math.isinf(high)
    if lo_open and hi_open:
        return ""
    if lo_open:
        return f"under {full(high, unit)}" if q == "less_than" else f"up to {full(high, unit)}"
    if hi_open:
        return f"over {full(low, unit)}" if q == "more_than" else f"{full(low, unit)} or more"
    return f"{full(low, unit)} to {full(high, unit)}"


def written_in_won(surface: str | None) -> bool:
    """Whether the figure was written as a won amount (``846조 원``), so its USD value is a conversion."""
    return bool(surface) and bool(WON.search(surface)) and "달러" not in surface and "$" not in surface
