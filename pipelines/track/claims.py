"""Claims: which facts are reports of the same quantity of the same thing for the same event.

A claim is subject + metric + chip + dimension [+ model scope] [+ event]:

- **subject, metric, chip, scope** come from the extractor (``core.facts``); ``claim_key`` builds the
  fact's own key from canonical names only, so it is stable across runs. Amounts in any currency share
  the ``money`` dimension (compared in US dollars), durations in any unit the ``duration`` dimension
  (compared in days); other units (chips, companies, percent, ...) are their own dimension.
- **event**, for event metrics only (``kind: "event"`` in the metric vocabulary: a market move, a share
  price, a charge, a deal, a fine, a period's revenue). A figure whose text states its date or period
  (``refers_to``) is about that event; a day's market move without a session is its close, so
  "2025-01-27" and "2025-01-27 close" are one event while "2025-01-27 intraday" is another. A figure whose
  text states none takes the event of the reports of the same subject and metric published around the
  same time: the latest stated event (without a session) that began at most ``EVENT_WINDOW_DAYS`` before
  the report's publication day (and not after it). Stated events of one quantity written at different
granularity are one event when the coarser period overlaps just one finer one ("2025-04" and the fiscal
quarter "2025-02-01/2025-04-30" of the same charge; "in January" and "2025-01-27" for the same fall). With no
such event, undated reports of one quantity
  published within ``EVENT_WINDOW_DAYS`` of the first one form one event, labelled ``~`` and the first
  report's day. Property metrics (a model's training cost, the chips used to train it) have no event: a
  re-report months later is the same claim.

**Distinctive values** (``resolve_distinct_values``): a report that gives a value written with at least
``DISTINCT_DIGITS`` significant digits ($5.576 million), or that value at its own precision ("$5.6 million"),
takes the metric most of that value's reports of the same subject carry, whatever word its sentence used.

**Unchipped chip counts** ("about 2,000 chips") join the one chip claim of the same subject they agree with
(``resolve_chips``). **Unscoped reports** of a property metric ("DeepSeek trained its model for $5.6
million", in an article that names no model) join the model most of whose reports their value agrees with (its
interval meets at least ``SCOPE_MAJORITY`` of theirs, in the same unit, and under a third of every other
model's); else the model that the coverage of the time is about:
when at least ``SCOPE_MAJORITY`` of the scoped reports of the same subject, metric and chip published within
``SCOPE_WINDOW_DAYS`` of it name one model (a chip count that agrees with no model's reports is a
holding, not a model's, and keeps no scope). Otherwise they stay a claim of their own. Only metrics the
vocabulary marks ``model_scoped`` (what a model has) are scoped at all.

**Forecasts** (``resolve_forecasts``): an unscoped revenue, profit, margin or capital-spending figure of a
period that had not ended ``FORECAST_LEAD_DAYS`` after the report is the company's guidance for it (scope
``as guidance``), whatever words its sentence used.

A figure with no subject is kept as a fact but belongs to no claim (see ``observations``).
"""

from __future__ import annotations

import bisect
import math
import re
from datetime import date, datetime, timedelta

import polars as pl

from pipelines.extract.entities import kind_of, market_of
from pipelines.extract.event_time import MARKETS
from pipelines.extract.metrics import (
    ACCOUNTS_METRICS,
    BACKLOG_SCOPE,
    BUYBACK_SCOPE,
    ESTIMATE_SCOPE,
    EXPORT_SCOPES,
    FORTUNE_SCOPE,
    GUIDANCE_SCOPE,
    chip_in_key,
    is_event_metric,
    is_market_share,
    is_model_metric,
    is_net_trade,
    is_segment,
)
from pipelines.track.fx import CURRENCIES

MONEY = "money"
DURATION = "duration"
# Days per unit, for comparing durations written in different units ("seven months" vs "약 1년").
DAYS_PER = {"years": 365.25, "months": 30.4375, "weeks": 7.0, "days": 1.0, "hours": 1 / 24}
# An undated report of an event metric takes the event stated by others if it began at most this many days
# before the report was published: a market move, a charge or a deal is reported in the days after it.
EVENT_WINDOW_DAYS = 7
# A finer stated event nests in a coarser one only when it is at most this long: a day or a month dates the
# event of a quarter, but a quarter inside a year is another quantity (a year's revenue is not its fourth
# quarter's)
NESTED_MAX_DAYS = 31
QUARTER_MAX_DAYS = 95
# accounts figures: a company's revenue or charge, of a period (a quarter, a fiscal year)
# A day's move without a session cue is the move at the close.
CLOSE_BY_DEFAULT = frozenset({"percent_change", "share_price", "market_value_change", "market_value", "net_trading"})
SCOPE_WINDOW_DAYS = 45
SCOPE_MAJORITY = 2 / 3
# a report "gives the same value" as another within this share of it ($5.6 million and $5.576 million)
EXACT_VALUE_SHARE = 0.01


def dimension(unit: str) -> str:
    if unit in CURRENCIES:
        return MONEY
    if unit in DAYS_PER:
        return DURATION
    return unit


def claim_unit(unit: str) -> str:
    """The unit a claim's values are expressed in: USD for money, days for durations, else the unit."""
    if unit in CURRENCIES:
        return "USD"
    if unit in DAYS_PER:
        return "days"
    return unit


def claim_key(subject: str | None, metric: str, chip: str | None, unit: str, scope: str | None = None) -> str:
    """``subject|metric|chip|dimension`` (``|scope`` when scoped) with ``?`` for an unknown subject and ``-``
    for no chip: the quantity a fact reports, before its event is resolved."""
    # "50,000 H100 units" and "'5만 개 이상'이라던 … 주장" (a chip count by its bare counter) count the same
    # things as "50,000 H100 chips"
    dim = "chips" if metric == "chip_count" and unit in ("units", "count") else dimension(unit)
    key = f"{subject or '?'}|{metric}|{(chip if chip_in_key(metric) else None) or '-'}|{dim}"
    return f"{key}|{scope}" if scope else key


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")


def _month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)


def _period_of(text: str) -> tuple[date, date] | None:
    if m := _DAY.match(text):
        d = date(*map(int, m.groups()))
        return d, d
    if m := _MONTH.match(text):
        y, mo = map(int, m.groups())
        return date(y, mo, 1), _month_end(y, mo)
    if m := _QUARTER.match(text):
        y, q = map(int, m.groups())
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if m := _HALF.match(text):
        y, h = map(int, m.groups())
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    if m := _YEAR.match(text):
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31)
    if "/" in text:
        a, b = text.split("/", 1)
        pa, pb = _period_of(a), _period_of(b)
        if pa and pb:
            return pa[0], pb[1]
    return None


def parse_event(label: str) -> tuple[date, date, str | None] | None:
    """(first day, last day, session) of a ``refers_to`` label ("2025-01-27 intraday", "2025-Q1",
    "2025-02-01/2025-04-30"); ``None`` when it cannot be read."""
    text, _, session = label.strip().partition(" ")
    period = _period_of(text)
    if period is None:
        return None
    return period[0], period[1], session or None


def _capex_key(key: str) -> bool:
    """Whether a fact key of metric investment is a company's own capital spending: no target (``in OpenAI``)."""
    parts = key.split("|")
    return len(parts) == 4 or "|".join(parts[4:]) in _CAPEX_SCOPES


def event_label(refers_to: str | None, metric: str) -> str | None:
    """The event a stated ``refers_to`` names, normalized: a market move's close is its day, a span of one
    day is that day, a span of whole months is written by its months ("2025-Q1" is "2025-01/2025-03")."""
    if not refers_to:
        return None
    parsed = parse_event(refers_to)
    if parsed is None:
        return refers_to
    text, _, session = refers_to.partition(" ")
    first, last = parsed[0], parsed[1]
    if first == last and "/" in text:
        text = first.isoformat()
        refers_to = f"{text} {session}" if session else text
    elif first.day == 1 and last == _month_end(last.year, last.month):
        # whole months are written one way: "2025-Q1", "2025-01/2025-03" and "2025-01-01/2025-03-31" are one
        # quarter, "2025-01-01/2025-12-31" the year
        if (first.year, first.month) == (last.year, last.month):
            text = f"{first:%Y-%m}"
        elif first.year == last.year and (first.month, last.month) == (1, 12):
            text = str(first.year)
        else:
            text = f"{first:%Y-%m}/{last:%Y-%m}"
        refers_to = f"{text} {session}" if session else text
    if session == "close" and metric in CLOSE_BY_DEFAULT:
        return text
    return refers_to


# At most this many reports on each side of a report (the nearest in time) are read to decide its chip.
NEAREST_REPORTS = 50


class _Timed:
    """Items of one group sorted by report time: how many fall within ``SCOPE_WINDOW_DAYS`` of a time, and
    the nearest ones, each in logarithmic time (a busy claim has tens of thousands of reports)."""

    def __init__(self) -> None:
        self._rows: list[tuple[datetime, object]] = []
        self._times: list[datetime] = []

    def add(self, t: datetime, item: object) -> None:
        self._rows.append((t, item))

    def freeze(self) -> _Timed:
        self._rows.sort(key=lambda r: r[0])
        self._times = [r[0] for r in self._rows]
        return self

    def _bounds(self, t: datetime) -> tuple[int, int]:
        window = timedelta(days=SCOPE_WINDOW_DAYS)
        return bisect.bisect_left(self._times, t - window), bisect.bisect_right(self._times, t + window)

    def count(self, t: datetime) -> int:
        lo, hi = self._bounds(t)
        return hi - lo

    def nearest(self, t: datetime, n: int = NEAREST_REPORTS) -> list:
        lo, hi = self._bounds(t)
        at = bisect.bisect_left(self._times, t)
        return [item for _, item in self._rows[max(lo, at - n):min(hi, at + n)]]


def _event_metrics(reports: pl.DataFrame) -> set[str]:
    return {m for m in reports["metric"].unique().to_list() if m and is_event_metric(m)}


# metrics whose figures, naming no chip, take the chip of the one claim they agree with
VALUE_FIT_CHIP_METRICS = ("chip_count", "tariff_or_fee_share")


def resolve_chips(reports: pl.DataFrame) -> pl.DataFrame:
    """Give a chip count that names no chip ("about 2,000 chips") the chip of the one claim of the same
    subject whose reports within ``SCOPE_WINDOW_DAYS`` it agrees with (intervals meet: the 2,048 H800 used
    to train V3, not the 50,000 H100 it may own), reading the ``NEAREST_REPORTS`` nearest in time on each
    side. With none or several such claims it stays unchipped. The same for a government's share of chip
    sales ("the U.S. government collects 25% of the revenue from each sale": the H200 deal's 25%, not the
    H20 deal's 15%). A charge naming no chip ("최대 8억 달러의 비용", its chip told in the next sentence) takes
    the chip of the subject's one chip charge reported within the window whatever its value: a company books
    one charge per chip ban, and "80억 달러" of the same warning is a unit error, not another charge."""
    if reports.is_empty() or "chip" not in reports.columns:
        return reports
    counts = reports.with_row_index("_i").filter(
        pl.col("metric").is_in((*VALUE_FIT_CHIP_METRICS, *CHIP_PROPERTIES)) & pl.col("subject").is_not_null()
        & pl.col("value_low").is_not_null())
    if counts.is_empty() or counts["chip"].is_null().all() or counts["chip"].is_not_null().all():
        return reports
    chipped: dict[tuple, dict[str, _Timed]] = {}  # (subject, metric, unit) → chip → its reports
    rows = counts.select("_i", "chip", "subject", "metric", "unit", "value_low", "value_high",
                         "observed_at").to_dicts()
    for r in rows:
        if r["chip"]:
            chipped.setdefault((r["subject"], r["metric"], r["unit"]), {}).setdefault(
                r["chip"], _Timed()).add(r["observed_at"], r)
    for per_chip in chipped.values():
        for timed in per_chip.values():
            timed.freeze()
    keys, chips = reports["claim_key"].to_list(), reports["chip"].to_list()
    for r in rows:
        per_chip = chipped.get((r["subject"], r["metric"], r["unit"]))
        if r["chip"] or per_chip is None:
            continue
        if r["metric"] in CHIP_PROPERTIES:
            agree = {chip for chip, timed in per_chip.items() if timed.count(r["observed_at"])}
        else:
            agree = {chip for chip, timed in per_chip.items()
                     if any(o["value_low"] <= r["value_high"] and r["value_low"] <= o["value_high"]
                            for o in timed.nearest(r["observed_at"]))}
        if len(agree) == 1:
            i, chip = r["_i"], next(iter(agree))
            keys[i] = keys[i].replace(f"|{r['metric']}|-|", f"|{r['metric']}|{chip}|", 1)
            chips[i] = chip
    return reports.with_columns(pl.Series("claim_key", keys, dtype=pl.String),
                                pl.Series("chip", chips, dtype=pl.String))


class _Ranges:
    """The value intervals of one claim's reports in one unit: what share of them an interval meets, in
    logarithmic time (#reports starting at or below its top minus #reports ending below its bottom)."""

    def __init__(self) -> None:
        self._lows: list[float] = []
        self._highs: list[float] = []
        self._values: list[float] = []

    def add(self, low: float, high: float, value: float | None = None) -> None:
        self._lows.append(low)
        self._highs.append(high)
        if value is not None:
            self._values.append(value)

    def freeze(self) -> _Ranges:
        self._lows.sort()
        self._highs.sort()
        self._values.sort()
        return self

    def count_near(self, value: float, share: float = EXACT_VALUE_SHARE) -> int:
        """How many of the reports gave ``value`` itself, within ``share`` of it ($5.6 million for $5.576
        million, not "about $6 million")."""
        lo, hi = sorted((value * (1 - share), value * (1 + share)))
        return bisect.bisect_right(self._values, hi) - bisect.bisect_left(self._values, lo)

    def share_met(self, low: float, high: float | None) -> float:
        high = low if high is None else high
        met = bisect.bisect_right(self._lows, high) - bisect.bisect_left(self._highs, low)
        return met / len(self._lows) if self._lows else 0.0


def _scope_ranges(
    reports: pl.DataFrame, keys: list[str], scopes: list[str | None], metrics: list[str], events: set[str]
) -> dict[tuple[str, str], dict[str, _Ranges]]:
    """(unscoped key, unit) → scope → the value intervals of its scoped reports (property metrics only)."""
    if "value_low" not in reports.columns or "unit" not in reports.columns:
        return {}
    out: dict[tuple[str, str], dict[str, _Ranges]] = {}
    highs = reports["value_high"].to_list() if "value_high" in reports.columns else [None] * reports.height
    values = reports["value"].to_list() if "value" in reports.columns else [None] * reports.height
    for key, scope, metric, unit, low, high, value in zip(keys, scopes, metrics, reports["unit"].to_list(),
                                                          reports["value_low"].to_list(), highs, values, strict=True):
        if scope and metric not in events and low is not None:
            out.setdefault((key[: -len(scope) - 1], unit), {}).setdefault(scope, _Ranges()).add(
                low, low if high is None else high, value)
    for per_scope in out.values():
        for r in per_scope.values():
            r.freeze()
    return out


# the pseudo-metric ``resolve_events`` dates fortunes by (metric "other", scope "as fortune")
FORTUNE_CHANGE = "fortune_change"
# a company's own capital spending (metric investment with no target: "Amazon spent $26.3 billion on property and
# equipment in the fourth quarter", its plan for the year): of a period, like its accounts
CAPITAL_SPENDING = "capital_spending"
_CAPEX_SCOPES = ("", GUIDANCE_SCOPE, ESTIMATE_SCOPE)
# an investor group's net selling or buying (metric other, scope "as net selling"): a session's, like a move
NET_TRADING = "net_trading"
# a company's market share (metric other, scope "market share in HBM"): of a period, like its accounts
MARKET_SHARE = "market_share"
# a share buyback authorised (metric other, scope "as buyback"): on the day announced; a backlog: at a quarter's end
BUYBACK = "buyback"
BACKLOG = "backlog"
# a country's exports (metric other, scope "as chip exports"): of a month
EXPORTS = "exports"


def _pseudo_metric(metric: str, key: str) -> str:
    """The metric a fact key's event is resolved by: its own, or for the "other" and investment quantities that
    happen on a day or in a period, the pseudo-metric that says so."""
    scope = "|".join(key.split("|")[4:])
    if metric == "other":
        if scope == FORTUNE_SCOPE:
            return FORTUNE_CHANGE  # "Jensen Huang's net worth fell by about $20 billion": on a day
        if is_net_trade(scope):
            return NET_TRADING
        if is_market_share(scope):
            return MARKET_SHARE
        if scope == BUYBACK_SCOPE:
            return BUYBACK  # announced on a day, re-told later by its value (like a deal)
        if scope == BACKLOG_SCOPE:
            return BACKLOG
        if scope in EXPORT_SCOPES:
            return EXPORTS  # a month's, like a company's accounts
    if metric == "investment" and _capex_key(key):
        return CAPITAL_SPENDING
    return metric
# a value written with at least this many significant digits ($5.576 million, 2,048) is distinctive: two reports of
# it about one subject are the same figure, whatever word each sentence used for it
DISTINCT_DIGITS = 4


def significant_digits(value: float | None) -> int:
    """How many significant digits ``value`` is written with (5,576,000 → 4; 118.42 → 5; 50,000 → 1)."""
    if value is None or not value or value != value or abs(value) == float("inf"):
        return 0
    digits = f"{abs(value):.6f}".replace(".", "").strip("0")
    return len(digits)


def _rounding_share(value: float) -> float:
    """Half a unit of ``value``'s last significant digit, as a share of it (six million: 0.5/6; 5.6 million:
    0.05/5.6): how far a value may lie and still be ``value`` as written."""
    scale = 10 ** (math.floor(math.log10(abs(value))) - significant_digits(value) + 1)
    return 0.5 * scale / abs(value)


def _to_digits(value: float, digits: int, truncate: bool) -> float:
    """``value`` kept to ``digits`` significant digits, rounded or cut (5,576,000 → 5,600,000 or 5,570,000)."""
    scale = 10 ** (math.floor(math.log10(abs(value))) - digits + 1)
    kept = math.trunc(value / scale) if truncate else round(value / scale)
    return kept * scale


def _written_as(value: float, distinct: float) -> bool:
    """Whether ``value`` is ``distinct`` as written at its own precision: itself, or rounded or cut to no fewer
    than two significant digits ("$5.6 million", "557만 달러" for $5.576 million; not "about $6 million")."""
    digits = significant_digits(value)
    if digits < 2 or digits > significant_digits(distinct):
        return False
    return any(math.isclose(value, _to_digits(distinct, digits, cut), rel_tol=1e-9) for cut in (False, True))


def adopt_distinct_subjects(facts: pl.DataFrame) -> pl.DataFrame:
    """Give a figure with no subject (or no metric: ``other``) those of the reports of its distinctive value.

    "the $5.576 million headline number shrinks to less than 1% of the hardware bill", "이는 … 화제가 된
    557만6000달러보다도 훨씬 적은 금액이다": the sentence names nobody, but DeepSeek's $5.576 million is the one
    figure of that exact value in the coverage. Only exact figures with at least ``DISTINCT_DIGITS`` significant
    digits, only when at least two reports of that value in the same unit name a subject and all of them name the
    same one (with its metric, chip and scope when the figure's own metric says nothing, ``other``). Rows in the
    input order; ``claim_key`` updated for the rows given a subject."""
    needed = {"subject", "metric", "value", "unit", "qualifier", "claim_key", "chip", "scope"}
    if facts.is_empty() or not needed <= set(facts.columns):
        return facts
    named: dict[tuple[str, float], list[tuple[str, str, str | None, str | None]]] = {}
    rows = list(zip(facts["subject"].to_list(), facts["metric"].to_list(), facts["value"].to_list(),
                    facts["unit"].to_list(), facts["qualifier"].to_list(), facts["chip"].to_list(),
                    facts["scope"].to_list(), strict=True))
    for subject, metric, value, unit, qualifier, chip, scope in rows:
        if subject and metric != "other" and qualifier == "exact" and significant_digits(value) >= DISTINCT_DIGITS:
            named.setdefault((unit, value), []).append((subject, metric, chip, scope))
    subjects, metrics = facts["subject"].to_list(), facts["metric"].to_list()
    chips, scopes, keys = facts["chip"].to_list(), facts["scope"].to_list(), facts["claim_key"].to_list()
    vias = facts["subject_via"].to_list() if "subject_via" in facts.columns else ["sentence"] * facts.height
    by_unit: dict[str, list[float]] = {}
    for unit, value in named:
        by_unit.setdefault(unit, []).append(value)
    for i, (subject, metric, value, unit, qualifier, _chip, _scope) in enumerate(rows):
        if metric == "other" and qualifier == "exact" and 2 <= significant_digits(value) < DISTINCT_DIGITS:
            # "딥시크가 세상을 놀라게 한 숫자는 557만 달러였다": the distinctive value cut to its own precision (557만
            # of 557만6000); its metric (and subject, when it names none) when one distinctive value fits and all its
            # reports agree on them
            fits = [dv for dv in by_unit.get(unit, ()) if _written_as(value, dv)]
            others = [o for dv in fits for o in named[(unit, dv)]]
            if len(fits) == 1 and len(others) >= 2 and len({o[0] for o in others}) == 1 and (
                    subject is None or subject == others[0][0]) and len({o[1] for o in others}) == 1:
                subjects[i], metrics[i] = others[0][0], others[0][1]
                chip_set, scope_set = {o[2] for o in others}, {o[3] for o in others} - {None}
                chips[i] = next(iter(chip_set)) if len(chip_set) == 1 else None
                scopes[i] = next(iter(scope_set)) if len(scope_set) == 1 else None
                keys[i] = claim_key(subjects[i], metrics[i], chips[i], unit, scopes[i])
            continue
        # a subject only carried from context ("The company's technical report puts the bill at $5.576 million"
        # in a story about Nvidia's loss) yields to the one subject the reports of the value name
        carried = subject is not None and vias[i] in ("article", "headline")
        if (subject is not None and metric != "other" and not carried) or qualifier != "exact" \
                or significant_digits(value) < DISTINCT_DIGITS:
            continue
        others = [o for o in named.get((unit, value), []) if o is not None]
        if carried:
            own = [o for o in others if o[0] == subject]
            foreign = [o for o in others if o[0] != subject]
            if foreign and len(own) <= 1:
                others = foreign
            elif metric == "other":
                carried, others = False, own  # its subject is right; only its metric is the value's
            else:
                continue
        if len(others) < 2 or len({o[0] for o in others}) != 1 or (
                subject is not None and not carried and subject != others[0][0]):
            continue  # (a figure whose metric the text does not tell, "이는 … 557만6000달러보다도 훨씬 적은 금액",
            # takes the metric its value's reports of the same subject carry)
        subjects[i] = others[0][0]
        if metric == "other" or carried:
            kinds = {o[1] for o in others}
            if len(kinds) == 1:  # its chip and scope when the reports agree on them (else the tracker's)
                chip_set, scope_set = {o[2] for o in others}, {o[3] for o in others} - {None}
                metrics[i] = next(iter(kinds))
                chips[i] = next(iter(chip_set)) if len(chip_set) == 1 else None
                scopes[i] = next(iter(scope_set)) if len(scope_set) == 1 else None
        keys[i] = claim_key(subjects[i], metrics[i], chips[i], unit, scopes[i])
    return facts.with_columns(pl.Series("subject", subjects, dtype=pl.String),
                              pl.Series("metric", metrics, dtype=pl.String),
                              pl.Series("chip", chips, dtype=pl.String),
                              pl.Series("scope", scopes, dtype=pl.String),
                              pl.Series("claim_key", keys, dtype=pl.String))


# metrics of a case or deal: its parties are named together or one at a time
CASE_METRICS = frozenset({"deal_value", "fine", "chip_count"})


def merge_case_parties(facts: pl.DataFrame) -> pl.DataFrame:
    """One subject for the parties of one case, however many of them a report names.

    "Houston businessman Alan Hao Hsu and his company, Hao Global" in one report, "Hao Global" in another: the
    same smuggling case. For case metrics (``CASE_METRICS``), subjects that share a member not in the alias table
    (a named defendant or an unlisted company: listed entities such as Nvidia or a government are never
    merged this way) become the largest group naming them (``subject`` and ``claim_key``), per metric."""
    needed = {"subject", "metric", "claim_key"}
    if facts.is_empty() or not needed <= set(facts.columns):
        return facts
    subjects, metrics, keys = facts["subject"].to_list(), facts["metric"].to_list(), facts["claim_key"].to_list()
    groups: dict[str, dict[str, set[str]]] = {}  # metric → unlisted member → the subjects naming it
    for subject, metric in zip(subjects, metrics, strict=True):
        if subject and metric in CASE_METRICS:
            for member in subject.split(" + "):
                if kind_of(member) is None:
                    groups.setdefault(metric, {}).setdefault(member, set()).add(subject)
    if not groups:
        return facts
    best: dict[tuple[str, str], str] = {}  # (metric, subject) → the largest subject sharing an unlisted member
    for metric, per_member in groups.items():
        for named in per_member.values():
            top = max(named, key=lambda n: (n.count(" + "), n))
            for n in named:
                if n != top and set(n.split(" + ")) <= set(top.split(" + ")):
                    best[(metric, n)] = top
    if not best:
        return facts
    for i, (subject, metric) in enumerate(zip(subjects, metrics, strict=True)):
        top = best.get((metric, subject or ""))
        if top:
            subjects[i] = top
            keys[i] = top + keys[i][len(subject):]
    return facts.with_columns(pl.Series("subject", subjects, dtype=pl.String),
                              pl.Series("claim_key", keys, dtype=pl.String))


def _segmented(key: str) -> bool:
    parts = key.split("|")
    return len(parts) > 4 and is_segment(parts[4])


def resolve_distinct_values(reports: pl.DataFrame) -> pl.DataFrame:
    """Give a report the metric the reports of a distinctive value it gives carry (same subject, unit and chip).

    "회사가 내세운 557만6000달러의 약 90배다" after a sentence about GPU spending, or "GPU 1시간당 2달러로 계산한 값이
    557만6000달러다": the sentence's cue gives the figure another metric, but DeepSeek's $5.576 million is the
    training cost the other reports of that exact value call it. A distinctive value is an exact amount or count
    written with at least ``DISTINCT_DIGITS`` significant digits in its own currency (not converted); a report
    gives it when its value is that value at its own precision ("$5.6 million", "557만 달러"), and takes the
    metric at least two of its reports carry and more than carry any other. ``claim_key`` and ``metric`` come
    back updated; rows in the input order."""
    needed = {"subject", "metric", "value", "unit", "qualifier", "claim_key"}
    if reports.is_empty() or not needed <= set(reports.columns):
        return reports
    converted = reports["_converted"].to_list() if "_converted" in reports.columns else [False] * reports.height
    metrics, keys = reports["metric"].to_list(), reports["claim_key"].to_list()
    rows = list(zip(reports["subject"].to_list(), metrics, reports["value"].to_list(), reports["unit"].to_list(),
                    reports["qualifier"].to_list(), keys, converted, strict=True))
    votes: dict[tuple, dict[float, dict[str, int]]] = {}  # (subject, unit, chip) → distinctive value → metric → n
    for subject, metric, value, unit, qualifier, key, conv in rows:
        if subject and not conv and qualifier == "exact" and metric not in ("ratio", "other") \
                and significant_digits(value) >= DISTINCT_DIGITS and not _segmented(key):
            per = votes.setdefault((subject, unit, key.split("|")[2]), {}).setdefault(value, {})
            per[metric] = per.get(metric, 0) + 1
    if not votes:
        return reports
    for i, (subject, metric, value, unit, qualifier, key, conv) in enumerate(rows):
        per_value = votes.get((subject, unit, key.split("|")[2]))
        if not per_value or conv or qualifier not in ("exact", "approx") or metric in ("ratio", "other"):
            continue
        given = [d for d in per_value if _written_as(value, d)]
        if len(given) != 1:
            continue
        ranked = sorted(per_value[given[0]].items(), key=lambda kv: (-kv[1], kv[0]))
        best, n = ranked[0]
        if n < 2 or (len(ranked) > 1 and ranked[1][1] == n) or metric == best:
            continue
        if _segmented(key):
            continue  # "$500 million on GPUs" is a segment of its own metric, not a mislabelled figure
        parts = key.split("|")
        parts[1] = best
        metrics[i], keys[i] = best, "|".join(parts)
    return reports.with_columns(pl.Series("metric", metrics, dtype=pl.String),
                                pl.Series("claim_key", keys, dtype=pl.String))


# a company's revenue, profit or margin, or its capital spending, for a period that had not ended this many days
# after the report is a forecast of it: nothing of it had been reported yet
FORECAST_METRICS = frozenset({"revenue", "profit", "margin"})
FORECAST_LEAD_DAYS = 7


def resolve_forecasts(reports: pl.DataFrame) -> pl.DataFrame:
    """Give an unscoped accounts figure of a period still under way the forecast scope ``as guidance``.

    "Micron expects revenue of $12.5 billion in its fiscal first quarter" and "마이크론의 9~11월 매출은 125억 달러로
    예상된다" are one claim whatever the sentence's cue words: a period that ends more than ``FORECAST_LEAD_DAYS``
    after the report (a calendar quarter or year in progress, the fiscal quarter under way) has no result yet.
    An analysts' estimate already carries its own scope and keeps it. ``claim_key`` and ``scope`` come back
    updated, rows in the input order."""
    needed = {"claim_key", "metric", "refers_to", "observed_at"}
    if reports.is_empty() or not needed <= set(reports.columns):
        return reports
    keys, metrics = reports["claim_key"].to_list(), reports["metric"].to_list()
    scopes = reports["scope"].to_list() if "scope" in reports.columns else [None] * reports.height
    days = reports["observed_at"].dt.date().to_list()
    changed = False
    for i, (key, metric, ref, day) in enumerate(zip(keys, metrics, reports["refers_to"].to_list(), days,
                                                    strict=True)):
        if not ref or day is None or len(key.split("|")) != 4:
            continue
        if metric not in FORECAST_METRICS and not (metric == "investment" and _capex_key(key)):
            continue
        parsed = parse_event(ref)
        if parsed is None or parsed[2] is not None or (parsed[1] - day).days <= FORECAST_LEAD_DAYS:
            continue
        keys[i], scopes[i], changed = f"{key}|{GUIDANCE_SCOPE}", GUIDANCE_SCOPE, True
    if not changed:
        return reports
    return reports.with_columns(pl.Series("claim_key", keys, dtype=pl.String),
                                pl.Series("scope", scopes, dtype=pl.String))


def resolve_scopes(reports: pl.DataFrame) -> pl.DataFrame:
    """Give unscoped reports of property metrics the scope the reports around them agree on (module doc).

    ``reports`` needs ``claim_key``, ``scope``, ``metric`` and ``observed_at``; ``claim_key`` and ``scope``
    come back updated, rows in the input order.
    """
    if reports.is_empty() or "scope" not in reports.columns or reports["scope"].is_null().all():
        return reports
    events = _event_metrics(reports)
    keys, scopes = reports["claim_key"].to_list(), reports["scope"].to_list()
    metrics, times = reports["metric"].to_list(), reports["observed_at"].to_list()
    # a model taken from the article alone (the sentence names none: "딥시크는 엔비디아 H800 약 2000개를 사용했다" in
    # an article about R1) is no evidence of what that model's figures are, and gives way to the model whose
    # reports the value agrees with (the famous 2,048 H800s are V3's)
    from_article = [via == "article" and metric not in events and kind_of(scope) == "model"
                    for via, metric, scope in zip(
                        reports["scope_via"].to_list() if "scope_via" in reports.columns else [None] * reports.height,
                        metrics, scopes, strict=True)]
    keys = [k[: -len(s) - 1] if a else k for k, s, a in zip(keys, scopes, from_article, strict=True)]
    scopes = [None if a else s for s, a in zip(scopes, from_article, strict=True)]
    scoped: dict[str, dict[str, _Timed]] = {}  # unscoped key → scope → its reports
    for key, scope, metric, t in zip(keys, scopes, metrics, times, strict=True):
        # (a count's segment is no model an unscoped count could be of: "as target", "in inventory" are
        # quantities of their own the text names)
        if scope and metric not in events and not (metric == "chip_count" and is_segment(scope)):
            scoped.setdefault(key[: -len(scope) - 1], {}).setdefault(scope, _Timed()).add(t, scope)
    for per_scope in scoped.values():
        for timed in per_scope.values():
            timed.freeze()
    ranges = _scope_ranges(reports, keys, scopes, metrics, events)
    lows = reports["value_low"].to_list() if "value_low" in reports.columns else [None] * reports.height
    highs = reports["value_high"].to_list() if "value_high" in reports.columns else [None] * reports.height
    units = reports["unit"].to_list() if "unit" in reports.columns else [None] * reports.height
    values = reports["value"].to_list() if "value" in reports.columns else [None] * reports.height
    original_keys, original_scopes = reports["claim_key"].to_list(), reports["scope"].to_list()
    new_keys, new_scopes = list(original_keys), list(original_scopes)
    for i, (key, scope, metric, t) in enumerate(zip(keys, scopes, metrics, times, strict=True)):
        if scope or key not in scoped or metric in events or not is_model_metric(metric):
            continue  # a company's spending or holdings belong to no model
        per_scope = ranges.get((key, units[i]), {})
        if lows[i] is not None and len(per_scope) > 1:
            shares = {sj: r.share_met(lows[i], highs[i]) for sj, r in per_scope.items()}
            best = max(shares, key=lambda k: (shares[k], k))
            if shares[best] >= SCOPE_MAJORITY and all(v < 1 - SCOPE_MAJORITY for k, v in shares.items() if k != best):
                # "about $6 million" beside models reported at $5.6M and $294,000: the one most reports of which
                # it agrees with (and few of the other's)
                new_keys[i], new_scopes[i] = f"{key}|{best}", best
                continue
            same = {sj: r.count_near(values[i]) for sj, r in per_scope.items()} if values[i] else {}
            top = max(same, key=lambda k: (same[k], k)) if same else None
            if top is not None and shares[top] >= SCOPE_MAJORITY and same[top] >= 2 and all(
                    2 * n <= same[top] for k, n in same.items() if k != top):
                # when rough values meet both models' reports ("about $6 million" filed under R1 too), the
                # model that reported this very value at least twice as often: "딥시크가 밝힌 훈련비 557만
                # 6000달러" is V3's
                new_keys[i], new_scopes[i] = f"{key}|{top}", top
                continue
            rounded = {sj: r.count_near(values[i], _rounding_share(values[i])) for sj, r in per_scope.items()} \
                if values[i] else {}
            top = max(rounded, key=lambda k: (rounded[k], k)) if rounded else None
            if top is not None and shares[top] >= SCOPE_MAJORITY and rounded[top] >= 2 and all(
                    2 * n <= rounded[top] for k, n in rounded.items() if k != top):
                # "less than $6 million" meets $5.6 million and $294,000 alike, but one model's reports round
                # to its six million (at least twice as many as any other's)
                new_keys[i], new_scopes[i] = f"{key}|{top}", top
                continue
        if from_article[i]:
            continue  # no value says otherwise: the article's model stays
        if metric == "chip_count" and lows[i] is not None and per_scope and all(
                r.share_met(lows[i], highs[i]) < 1 - SCOPE_MAJORITY for r in per_scope.values()):
            continue  # chips that agree with no model's training chips are held, not trained on: no model
        near = {sj: n for sj, timed in scoped[key].items() if (n := timed.count(t))}
        if not near:
            continue
        best = max(near, key=lambda k: (near[k], k))
        if near[best] >= SCOPE_MAJORITY * sum(near.values()):
            new_keys[i], new_scopes[i] = f"{key}|{best}", best
    return reports.with_columns(pl.Series("claim_key", new_keys, dtype=pl.String),
                                pl.Series("scope", new_scopes, dtype=pl.String))


# market figures: a report's day is its market's latest session begun by then (a New York evening report
# is about that day's session even when it is past midnight UTC)
MARKET_EVENTS = frozenset({"percent_change", "share_price", "market_value_change", "market_value"})


def _report_days(reports: pl.DataFrame) -> list[date]:
    """The day each report was written, for deciding which events it can be about: UTC, or for a market
    figure the trading day of its subject's exchange (``event_time.session_day``, computed per column: the
    local day, the day before when written before the first session opens, weekends back to Friday)."""
    utc = reports["observed_at"].dt.date()
    if "subject" not in reports.columns or reports.is_empty():
        return utc.to_list()
    markets = {sj: market_of(sj) for sj in reports["subject"].unique().to_list()}
    df = reports.select(
        pl.col("metric").is_in(list(MARKET_EVENTS)).alias("_m"),
        pl.col("subject").replace_strict(markets, default="US", return_dtype=pl.String).alias("_x"),
        pl.col("observed_at"),
    )
    day = utc
    for market, (zone, opens) in MARKETS.items():
        local = df["observed_at"].dt.convert_time_zone(zone)
        d = pl.select(pl.when(local.dt.hour() < opens).then(local.dt.date() - timedelta(days=1))
                      .otherwise(local.dt.date())).to_series()
        wd = d.dt.weekday()  # 1 Monday … 7 Sunday
        d = pl.select(pl.when(wd == 6).then(d - timedelta(days=1)).when(wd == 7).then(d - timedelta(days=2))
                      .otherwise(d)).to_series()
        pick = df["_m"] & (df["_x"] == market)
        day = pl.select(pl.when(pick).then(d).otherwise(day)).to_series()
    return day.to_list()


# event metrics that a named chip makes one quantity whatever the date: the H20 charge is one charge, warned
# in April and booked in May ("one claim in two groups"), not an event per announcement
CHIP_PROPERTIES = frozenset({"charge"})

# event metrics whose sign is part of the event: a rise and a fall of one stock are two moves
SIGNED_EVENTS = frozenset({"percent_change"})


def _sign(value: float | None) -> int:
    return 0 if not value else (1 if value > 0 else -1)


def _merge_nested_events(
    keys: list[str], events: list[str | None], values: list[float | None]
) -> dict[tuple[str, str], str]:
    """Stated events of one quantity written at different granularity are one event: a coarser period
    ("2025-01", "2025-04", "2025-Q1", a fiscal-quarter span) that holds most of exactly one finer stated event
    with the same session (and reports of the same sign) is that event. ``(key, label) → label``. Percent
    changes over a span are left out by the caller: such a change is another quantity than one within it."""
    by_key: dict[str, dict[str, set[int]]] = {}
    label_values: dict[tuple[str, str], list[float]] = {}
    for key, label, value in zip(keys, events, values, strict=True):
        if label is not None and not label.startswith("~"):
            by_key.setdefault(key, {}).setdefault(label, set()).add(_sign(value))
            if value:
                label_values.setdefault((key, label), []).append(value)
    out: dict[tuple[str, str], str] = {}
    for key, labels in by_key.items():
        periods = {lab: parse_event(lab) for lab in labels}
        periods = {lab: p for lab, p in periods.items() if p is not None}
        width = {lab: (p[1] - p[0]).days for lab, p in periods.items()}
        for lab in sorted(periods, key=lambda x: -width[x]):  # coarsest first
            a, b, session = periods[lab]
            # (mostly inside it: a fiscal quarter ending April 27 and one ending July 27 share three days of
            # calendar months, not an event)
            finer = [o for o, (oa, ob, os_) in periods.items()
                     if o != lab and width[o] < width[lab] and width[o] < NESTED_MAX_DAYS and os_ == session
                     and 2 * ((min(b, ob) - max(a, oa)).days + 1) > width[o] + 1
                     and (labels[o] & labels[lab] or 0 in labels[o] | labels[lab])]
            if key.split("|")[1] in ACCOUNTS_METRICS:
                # an accounts figure is of its period: "in April" inside the quarter through April 27 is the
                # quarter's (the reverse of a market move, whose day is the event)
                if width[lab] <= QUARTER_MAX_DAYS:
                    for o in finer:
                        holders = [h for h in periods if h != o and width[o] < width[h] <= QUARTER_MAX_DAYS
                                   and periods[h][0] <= periods[o][0] and periods[o][1] <= periods[h][1]]
                        if len(holders) == 1 and not _part_of(label_values.get((key, o), []),
                                                                label_values.get((key, holders[0]), [])):
                            out[(key, o)] = holders[0]
                continue
            targets = {out.get((key, o), o) for o in finer}
            if width[lab] > 0 and key.split("|")[1] in RECALLED_MOVES and (
                    len(targets) > 1 or width[lab] > NESTED_MAX_DAYS):
                # "1년 전 이맘때 ... 하루 만에 17% 가까이 폭락" holds the 27th and the 28th: the one its values match
                mine = label_values.get((key, lab), [])
                targets = {t for t in targets if mine and all(any(
                    _same_move(m, v) for v in label_values.get((key, t), [])) for m in mine)}
            if width[lab] > 0 and len(targets) == 1:
                out[(key, lab)] = next(iter(targets))
    return out


# a month's figure below this share of every figure stated for the quarter holding it is a part of the quarter
# (TSMC's September revenue beside its third-quarter revenue), not the quarter's figure dated by a month
PART_SHARE = 0.6


def _part_of(finer: list[float], coarser: list[float]) -> bool:
    """Whether the values stated for a finer period are all well below those stated for the coarser one."""
    return bool(finer and coarser) and max(abs(v) for v in finer) < PART_SHARE * min(abs(v) for v in coarser)


# market moves distinctive enough to be recognised by their value when re-told undated long after
RECALLED_MOVES = frozenset({"percent_change", "market_value_change"})
# how near a re-told move's value must be to the stated one's (17% for 16.97%, $593 billion for $589 billion)
RECALL_TOLERANCE = 0.03


def _same_move(value: float | None, stated: float | None) -> bool:
    """Whether a re-told move's value is the stated one's: the same sign, within ``RECALL_TOLERANCE``."""
    return bool(value and stated) and (value > 0) == (stated > 0) and abs(value - stated) <= RECALL_TOLERANCE * abs(
        stated)


def _value_fit(
    key: str, value: float | None, options: list[tuple[date, date, str]], day: date,
    stated_values: dict[tuple[str, str], list[float]],
) -> str | None:
    """The one stated event before ``day`` of the same quantity whose reported values ``value`` agrees with
    (same sign, within ``RECALL_TOLERANCE``), or ``None`` when none or several do: an undated move re-told
    months later ("하루 만에 17% 폭락했고" in a December review) is the move it matches, not a new event."""
    if not value:
        return None
    fits = set()
    for first, _last, label in options:
        if first > day:
            continue
        for v in stated_values.get((key, label), ()):
            if _same_move(value, v):
                fits.add(label)
                break
    return next(iter(fits)) if len(fits) == 1 else None


# how long before a report a move must lie to be what "on Jan. 27" in a piece written a year later recalls
RECALL_AFTER_DAYS = 180
# ... when dated to a day this close before its report ("On Jan. 27," in a timeline of January 31, 2026)
RECALL_RECENT_DAYS = 14


def _recall_anniversaries(
    keys: list[str], metrics: list[str], events: list[str | None], values: list[float | None], days: list[date],
    stated_values: dict[tuple[str, str], list[float]],
) -> None:
    """A distinctive move dated to its report's last days that repeats the value of one move stated at least
    ``RECALL_AFTER_DAYS`` earlier is that move, recalled ("On Jan. 27, Nvidia lost about $589 billion" in a piece of
    January 27, 2026 is the 2025 loss: the text gave no year). Distinctive: an amount, or a move of 10% or more."""
    by_key: dict[str, list[tuple[date, str]]] = {}
    for (key, label) in stated_values:
        parsed = parse_event(label)
        if parsed is not None and parsed[0] == parsed[1]:
            by_key.setdefault(key, []).append((parsed[0], label))
    for i, (key, metric, label, value) in enumerate(zip(keys, metrics, events, values, strict=True)):
        if metric not in RECALLED_MOVES or label is None or not value or (
                metric == "percent_change" and abs(value) < 10):
            continue
        parsed = parse_event(label)
        if parsed is None or parsed[0] != parsed[1] or not -1 <= (days[i] - parsed[0]).days <= RECALL_RECENT_DAYS:
            continue
        earlier = {lab for d, lab in by_key.get(key, []) if d <= days[i] - timedelta(days=RECALL_AFTER_DAYS)
                   and any(_same_move(value, v) for v in stated_values[(key, lab)])}
        if len(earlier) == 1:
            events[i] = earlier.pop()


def _distinctive_move(metric: str, value: float | None) -> bool:
    """A move whose value alone tells which one it is: an amount, or a percent change of 10% or more."""
    return bool(value) and (metric != "percent_change" or abs(value) >= 10)


def _article_market_days(
    reports: pl.DataFrame, metrics: list[str], events: list[str | None], days: list[date]
) -> list[str | None]:
    """For each undated market figure, the one trading day its article version dates its other market figures
    to, when that day is the report's own trading day (a market wrap's "16일(현지시간) 뉴욕증시에서 ..." in its
    first paragraph dates "나스닥종합지수는 3.07% 하락했다" two paragraphs on; a next-day piece recapping
    Monday's plunge does not date Tuesday's rebound), else ``None``. Sessions do not count: the day's close is
    the figure's, whatever its neighbour's session."""
    out: list[str | None] = [None] * reports.height
    if "article_id" not in reports.columns or "version" not in reports.columns:
        return out
    versions = list(zip(reports["article_id"].to_list(), reports["version"].to_list(), strict=True))
    stated: dict[tuple, set[date]] = {}
    for v, metric, label in zip(versions, metrics, events, strict=True):
        if metric in MARKET_EVENTS and label is not None and not label.startswith("~"):
            parsed = parse_event(label)
            if parsed is not None and parsed[0] == parsed[1]:
                stated.setdefault(v, set()).add(parsed[0])
    for i, (v, metric, label) in enumerate(zip(versions, metrics, events, strict=True)):
        one = stated.get(v)
        if label is None and metric in MARKET_EVENTS and one is not None and len(one) == 1:
            d = next(iter(one))
            if d == days[i]:
                out[i] = d.isoformat()
    return out


def _ends_near(label: str, day: date, days: int = 7) -> bool:
    """Whether the period ``label`` ends within ``days`` of ``day`` or at the end of its month (a change measured
    up to the report: "up 40% this year" written on November 10 runs to November 30)."""
    parsed = parse_event(label)
    return parsed is None or abs((day - parsed[1]).days) <= days or (
        parsed[1] >= day and parsed[1] == _month_end(day.year, day.month))


def resolve_events(reports: pl.DataFrame) -> pl.DataFrame:
    """Add ``event`` and turn ``claim_key`` into the claim's key (``|@event`` appended for event metrics).

    ``reports`` needs ``claim_key`` (the fact's own key), ``metric``, ``refers_to`` and ``observed_at``
    (UTC). Rows come back in the input order.
    """
    if reports.is_empty():
        return reports.with_columns(pl.lit(None, dtype=pl.String).alias("event"))
    event_metrics = _event_metrics(reports) | {FORTUNE_CHANGE, CAPITAL_SPENDING, NET_TRADING, MARKET_SHARE, BUYBACK,
                                               BACKLOG, EXPORTS}
    keys = reports["claim_key"].to_list()
    metrics = [_pseudo_metric(m, k) for m, k in zip(reports["metric"].to_list(), keys, strict=True)]
    refers = reports["refers_to"].to_list() if "refers_to" in reports.columns else [None] * reports.height
    days = _report_days(reports)
    events: list[str | None] = [None] * reports.height
    # Stated events per fact key: (first day, last day, label), sessionless ones only for adoption.
    stated: dict[str, list[tuple[date, date, str]]] = {}
    undated: dict[str, list[int]] = {}
    for i, (key, metric, ref) in enumerate(zip(keys, metrics, refers, strict=True)):
        if metric not in event_metrics or (metric in CHIP_PROPERTIES and key.split("|")[2] not in ("", "-")):
            continue
        label = event_label(ref, metric)
        if label is None:
            undated.setdefault(key, []).append(i)
            continue
        events[i] = label
        parsed = parse_event(label)
        if parsed is not None and parsed[2] is None:
            stated.setdefault(key, []).append((parsed[0], parsed[1], label))
    values = reports["value"].to_list() if "value" in reports.columns else [None] * reports.height
    signs: dict[tuple[str, str], set[int]] = {}  # (key, label) → signs of its stated reports
    for key, metric, label, value in zip(keys, metrics, events, values, strict=True):
        if label is not None and metric in event_metrics:
            signs.setdefault((key, label), set()).add(_sign(value))
    # a percent change measured over a span ("up 90% from a year earlier": the months to publication) is
    # another quantity than the moves within it ("up 171% in 2024"); a month or year that dates a day's move
    # ("하루 17% 폭락했던 지난 1월") still merges with that day
    # (a span that ends at the report, "over the past five days", "from a year earlier"; one long before it,
    # "1년 전 이맘때", is only a loose date and still nests)
    nestable = [None if m == "percent_change" and e is not None and "/" in e and _ends_near(e, d) else e
                for m, e, d in zip(metrics, events, days, strict=True)]
    merged = _merge_nested_events(keys, nestable, values)
    events = [merged.get((k, e), e) if e is not None else None for k, e in zip(keys, events, strict=True)]
    stated = {k: [(a, b, merged.get((k, lab), lab)) for a, b, lab in opts] for k, opts in stated.items()}
    window = timedelta(days=EVENT_WINDOW_DAYS)
    stated_values: dict[tuple[str, str], list[float]] = {}  # (key, event) → values of the reports stating it
    for key, label, value in zip(keys, events, values, strict=True):
        if label is not None and value is not None:
            stated_values.setdefault((key, label), []).append(value)
    _recall_anniversaries(keys, metrics, events, values, days, stated_values)
    # "..., and the Nasdaq Composite dropped 3.1%" in a wrap of April 16: the session its article states,
    # unless the value is a distinctive move of another stated day it re-tells
    for i, d in enumerate(_article_market_days(reports, metrics, events, days)):
        key = keys[i]
        if d is None or i not in undated.get(key, ()):
            continue
        if metrics[i] in SIGNED_EVENTS and _sign(values[i]) not in signs.get((key, d), {_sign(values[i])}):
            continue  # a move the other way is another move
        if _distinctive_move(metrics[i], values[i]) and metrics[i] in RECALLED_MOVES:
            fit = _value_fit(key, values[i], stated.get(key, []), days[i], stated_values)
            if fit is not None and fit != d:
                continue
        events[i] = d
        undated[key].remove(i)
        stated.setdefault(key, []).append((date.fromisoformat(d), date.fromisoformat(d), d))
        signs.setdefault((key, d), set()).add(_sign(values[i]))
        if values[i] is not None:
            stated_values.setdefault((key, d), []).append(values[i])
    for key, rows in undated.items():
        options = stated.get(key, [])
        clusters: dict[int, list[tuple[date, str]]] = {}  # sign → (first day, label) of undated reports' events
        for i in sorted(rows, key=lambda r: days[r]):
            day = days[i]
            # a move the other way is another move: "나스닥지수도 2.03% 오르며 반등했다" is not Monday's 3.07% fall
            sign = _sign(values[i]) if metrics[i] in SIGNED_EVENTS else 0
            # a report is about an event that has happened: none after its own day (the extractor dates
            # sessions by the market's local day, so a US evening report is not a day ahead of its close)
            # (on the event's own day a move the other way is a slip of the sign: "다우지수도 0.65% 내렸습니다"
            # the evening the Dow rose 0.65%)
            near = [o for o in options if o[0] <= day and day - o[0] <= window
                    and (sign == 0 or day <= o[1] or sign in signs.get((key, o[2]), {sign})
                         or 0 in signs.get((key, o[2]), set()))]
            if near:
                # the nearest, or among several the one whose reports give this value ("the $589 billion in
                # market value they lost a day earlier" in Tuesday's story: Monday's loss, not Tuesday's gain)
                agree = [o for o in near if any(_same_move(values[i], v) for v in stated_values.get((key, o[2]), ()))]
                events[i] = max(agree or near, key=lambda o: (o[0], o[1]))[2]
                continue
            # (an accounts amount re-told undated is the period's whose reports give its value: "$39.1 billion
            # of data center revenue" in a piece weeks after the quarter the Korean wires named)
            # (a deal re-told undated is the deal of its parties whose reports give its value: "오라클과는 3000억
            # 달러 규모 계약을 맺은 상태다" two months after the signing)
            recallable = (metrics[i] in RECALLED_MOVES and _distinctive_move(metrics[i], values[i])
                          or metrics[i] in ACCOUNTS_METRICS
                          or metrics[i] in ("deal_value", CAPITAL_SPENDING, MARKET_SHARE, BUYBACK, BACKLOG))
            fit = _value_fit(key, values[i], options, day, stated_values) if recallable else None
            if fit is not None:  # "엔비디아 주가는 하루 만에 17% 폭락했고" in a year-end review: that day's move
                events[i] = fit
                continue
            mine = clusters.setdefault(sign, [])
            if mine and day - mine[-1][0] <= window:
                events[i] = mine[-1][1]
                continue
            label = f"~{day.isoformat()}" + ("" if sign >= 0 or 1 not in clusters else "-")
            mine.append((day, label))
            events[i] = label
    return reports.with_columns(
        pl.Series("event", events, dtype=pl.String),
        pl.Series("claim_key", [k if e is None else f"{k}|@{e}" for k, e in zip(keys, events, strict=True)],
                  dtype=pl.String),
    )
