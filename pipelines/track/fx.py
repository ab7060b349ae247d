"""Converting amounts between currencies with the bundled monthly rate table (``data/fx_monthly.csv``)."""

from __future__ import annotations

import bisect
import csv
from datetime import datetime
from functools import lru_cache
from pathlib import Path

CURRENCIES = ("USD", "KRW", "CNY", "EUR", "JPY", "TWD")
RATES_FILE = Path(__file__).parent / "data" / "fx_monthly.csv"


@lru_cache(maxsize=4)
def load_rates(path: str | Path = RATES_FILE) -> dict[str, list[tuple[str, float]]]:
    """``{currency: [(YYYY-MM, per_usd), ...]}`` sorted by month."""
    table: dict[str, list[tuple[str, float]]] = {}
    with Path(path).open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            table.setdefault(row["currency"].strip(), []).append((row["month"].strip(), float(row["per_usd"])))
    for series in table.values():
        series.sort()
    return table


def per_usd(currency: str, when: datetime | None) -> float:
    """Units of ``currency`` per US dollar in the month of ``when`` (nearest listed month)."""
    if currency == "USD":
        return 1.0
    series = load_rates().get(currency)
    if not series:
        raise KeyError(f"no exchange rate for {currency!r} in {RATES_FILE.name}")
    if when is None:
        return series[-1][1]
    month = f"{when:%Y-%m}"
    months = [m for m, _ in series]
    i = bisect.bisect_left(months, month)
    if i < len(months) and months[i] == month:
        return series[i][1]
    candidates = [j for j in (i - 1, i) if 0 <= j < len(series)]
    return series[min(candidates, key=lambda j: _month_distance(months[j], month))][1]


def _month_distance(a: str, b: str) -> int:
    ya, ma = map(int, a.split("-"))
    yb, mb = map(int, b.split("-"))
    return abs((ya * 12 + ma) - (yb * 12 + mb))


def to_usd(amount: float, currency: str, when: datetime | None) -> float:
    return amount / per_usd(currency, when)

# A converted amount's interval is widened by this share: outlets convert at the day's rate, the table
# holds monthly averages.
CONVERTED_WIDEN = 0.05
