"""Event time: the date or period a reported figure is about (``refers_to``), in English and Korean.

Two reports of a market move, a quarterly charge, a deal or a fine are the same claim only when they are
about the same event, so each figure records when it happened. The time comes from the sentence's own
expressions ("on September 3 last year", "in 2024", "지난해 9월", "1분기", "fiscal first quarter", "over the
past five trading days") and session cues (premarket, intraday/장중, at the close/종가, after-hours),
resolved against the publication date; ``None`` when the text gives none.

API::

    refers_to(sentence, figure_span, published_at, language, timezone=None) -> EventTime | None
    date_expressions(sentence, published_at, language, timezone=None) -> list[EventTime]

``EventTime.label()`` gives "2025-01-27", "2025-01-27 close", "2024-09", "2025-Q1", "2025-H1", "2024" or
"2025-02-01/2025-04-30" (granularity "span").

Rules (each has tests in ``tests/test_extract_event_time.py``):

- Publication date. Relative expressions resolve against the publication's *local* date: an aware
  ``published_at`` is converted to ``timezone`` (a ``tzinfo`` or IANA name; ``None`` means UTC; pass
  "Asia/Seoul" for News1 and "America/New_York" for CNN/NYT); a naive one is taken as already local.
  With ``published_at=None`` only absolute expressions (those that name a year) resolve.
- Bare periods without a year ("27일", "September 3", "in March", "1분기", "the second half") are the
  latest such period that has begun by the publication date (news reports what happened). "last"/"지난"
  means strictly before (the latest earlier month for "last December"/"지난 9월", the latest earlier day for
  "지난 24일"); "next"/"오는" the first one after. "on Monday" is the latest Monday on or before publication.
- "this week"/"이번 주" and "last week" are Monday-Sunday spans. "over the past N days/weeks/months/years"
  ("최근 N일간", "지난 3개월 동안") is a span that ends on the publication day and starts N units back
  (plus one day); "N trading days"/"N거래일" counts weekdays back from the latest weekday on or before
  publication (exchange holidays are ignored).
- Fiscal quarters and years resolve as calendar ones ("fiscal first quarter" written 2025-04-16 is
  2025-Q1; "fiscal 2026" is 2026) unless the sentence gives the fiscal calendar: "the quarter ending April
  27, 2025" and "오는 27일 끝나는 회계연도 1분기" (written in April 2025) are the span 2025-01-28/2025-04-27, "the
  quarter ending in April" the months February-April. A quarter of a named fiscal year ("fiscal 2025's fourth
  quarter", "Q4 FY25", "2025 회계연도 4분기") is labelled "FY2025-Q4": ``accounts_quarter`` places it in the
  company's fiscal calendar, ``calendar_quarter`` reads it as the calendar quarter elsewhere.
- Sessions: a session cue in the figure's clause attaches to a day-granular date; with no date it means
  the publication's local day, or, given the ``market`` the figure trades on, that market's latest session
  begun by publication (``session_day``: a 21:15 New York report is about that day's close, not the UTC
  date's); with a coarser date it is dropped.
- Not event times: comparison bases and anchors ("since 2022", "from a year earlier", "2020년 3월 이후",
  "전년 동기 대비", "by 2027"), durations ("about seven months later", "3개월 만에"), the figure's own surface,
  and dates that describe another noun of the sentence: an expression inside a participle or adnominal
  modifier ("the rule adopted in October 2023 cut sales by 20%", "지난해 12월 공개한 모델의 비용") dates
  the rule or the model, not the figure, so it is skipped (and the figure gets ``None`` unless another
  expression governs it).
- Which expression governs: the nearest one in the figure's clause (clauses split at ";", "while",
  ", and", ", but", "반면", "-고,"/"-며,"/"-지만," and a past-tense verb + 고/며 as in "떨어졌고 "), preferring one
  before the figure in Korean and the nearest on either side in English (ties go to the one before). A
  clause without one inherits the nearest expression of the clauses before it ("On Monday, Nvidia fell
  17%, and AMD fell 6%") only from the start of the sentence: "엔비디아는 27일 17% 떨어졌고, AMD는 6% 하락했다" leaves
  AMD's 6% undated (the tracker then takes the event of the reports around it, safer than a wrong date). A
  relative expression that cannot be resolved (no publication date) still
  governs, so the figure gets ``None`` rather than a farther absolute date.
- "이날"/"today" is the publication day, "전날"/"전일"/"yesterday" the day before it.

Measured on the held-out sentences (``tests/data/event_time_holdout.jsonl``: 52 sentences, 26 per language,
written before any code ran on them, by the author of the rules, so the figure is optimistic), with
``bench/bench_event_time.py`` (2 shared cores):

- these rules: 52/52 (100%), about 40 µs per sentence with the cache cleared (about 25,000 sentences/s;
  about 39,000 sentences/s over every sentence of the sample archive, most without a date);
- dateparser 1.5 ``search_dates`` (RELATIVE_BASE = local publication time, PREFER_DATES_FROM "past",
  languages ["en"]/["ko"]; the same anchor filter, clause split, governing choice and session cues as the
  rules, granularity from dateparser's own period): 28/52 (54%; 14 en, 14 ko), about 1.8 ms per sentence
  (about 560 sentences/s). It has no quarters, halves, spans or fiscal calendars ("1분기" and "fiscal first
  quarter" come back as a day), misses most Korean relative and day-of-month expressions ("전날",
  "지난 24일", "지난달", "8일") and reads some numbers as years;
- rules, then dateparser when the rules give ``None``: 51/52 (98%), about 0.34 ms per sentence (its one
  extra answer is wrong: "in the three months after the rules" became 2025-10).

So the rules are kept and dateparser is not used (nor imported) here.

Speed: each pattern runs only when one of its cheap triggers (a digit, a month or weekday name, a relative
word, a session word) is in the sentence, and results are cached per (sentence, local date, language), so
several figures of one sentence cost one scan.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "GRANULARITIES", "MARKETS", "SESSIONS", "EventTime", "accounts_quarter", "calendar_quarter", "change_period",
    "date_expressions", "fiscal_year_label", "has_date", "last_closed_quarter", "named_fiscal_year",
    "previous_weekday", "refers_to", "session_at", "session_cue", "session_cues", "session_day",
]

GRANULARITIES = ("day", "month", "quarter", "fiscal_quarter", "half", "year", "span")
SESSIONS = ("premarket", "intraday", "close", "after_hours")
# exchange → (time zone, local hour its first session of the day opens: premarket in New York, 08:00 in Seoul)
MARKETS = {"US": ("America/New_York", 4), "KRX": ("Asia/Seoul", 8)}
# exchange → (regular session opens, closes), local time
MARKET_HOURS = {"US": ((9, 30), (16, 0)), "KRX": ((9, 0), (15, 30))}
LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class EventTime:
    """A resolved date or period, as written in a sentence.

    ``start``/``end`` are the first and last day (equal for a day); ``span`` is the offsets of ``surface``
    in the sentence (``sentence[span[0]:span[1]] == surface``).
    """

    start: date
    end: date
    granularity: str
    session: str | None
    surface: str
    span: tuple[int, int]
    # the close of the session before the one meant ("전 거래일 종가는 142.62달러"): a caller that puts the
    # session on another day it knows moves it back one weekday too
    prior_session: bool = False

    def label(self) -> str:
        """"2025-01-27", "2025-01-27 close", "2024-09", "2025-Q1", "2025-H1", "2024" or "start/end"."""
        g = self.granularity
        if g == "day":
            return f"{self.start.isoformat()} {self.session}" if self.session else self.start.isoformat()
        if g == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if g == "quarter":
            return f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
        if g == "fiscal_quarter":  # a quarter of a named fiscal year: its months depend on the company
            return f"FY{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
        if g == "half":
            return f"{self.start.year:04d}-H{1 if self.start.month <= 6 else 2}"
        if g == "year":
            return f"{self.start.year:04d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


# --------------------------------------------------------------------------------------------- periods

Period = tuple[date, date, str]


def _month(y: int, m: int) -> Period | None:
    if not (1 <= m <= 12 and 1 <= y <= 9999):
        return None
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month"


def _day(y: int, m: int, d: int) -> Period | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return day, day, "day"


def _quarter(y: int, q: int) -> Period | None:
    if not 1 <= q <= 4:
        return None
    start = date(y, 3 * q - 2, 1)
    return start, date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), "quarter"


def _half(y: int, h: int) -> Period:
    return (date(y, 1, 1), date(y, 6, 30), "half") if h == 1 else (date(y, 7, 1), date(y, 12, 31), "half")


def _year(y: int) -> Period:
    return date(y, 1, 1), date(y, 12, 31), "year"


def _span(start: date, end: date) -> Period:
    return start, end, "span"


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week(today: date, offset: int) -> Period:
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
    return _span(monday, monday + timedelta(days=6))


def _latest(make: Callable[[int], Period | None], today: date, direction: str | None) -> Period | None:
    """The period ``make(year)`` that has begun by ``today`` (direction None), ended before it ("last":
    strictly earlier; for days the day before) or begins after it ("next")."""
    for y in (range(today.year + 1, today.year - 3, -1) if direction != "next" else range(today.year, today.year + 3)):
        p = make(y)
        if p is None:
            continue
        if direction == "next" and p[0] > today:
            return p
        if direction == "last" and (p[1] < today if p[2] == "day" else p[1] < _month_start(today)):
            return p
        if direction is None and p[0] <= today:
            return p
    return None


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _day_of_month(d: int, today: date, direction: str | None) -> Period | None:
    """Korean "27일": the latest 27th on or before ``today`` ("지난": before, "오는": after)."""
    step = 1 if direction == "next" else -1
    for k in range(0, 14):
        base = _add_months(today.replace(day=1), step * k)
        p = _day(base.year, base.month, d)
        if p is None:
            continue
        if (direction == "next" and p[0] > today) or (direction == "last" and p[0] < today):
            return p
        if direction is None and p[0] <= today:
            return p
    return None


def _weekday(wd: int, today: date, direction: str | None) -> Period:
    if direction == "next":
        delta = (wd - today.weekday()) % 7 or 7
        day = today + timedelta(days=delta)
    else:
        delta = (today.weekday() - wd) % 7
        if direction == "last" and delta == 0:
            delta = 7
        day = today - timedelta(days=delta)
    return day, day, "day"


def _past_span(n: int, unit: str, today: date) -> Period | None:
    if n <= 0 or n > 400:
        return None
    if unit == "trading":
        end = today
        while end.weekday() >= 5:
            end -= timedelta(days=1)
        start, count = end, 1
        while count < n:
            start -= timedelta(days=1)
            if start.weekday() < 5:
                count += 1
        return _span(start, end)
    if unit == "day":
        return _span(today - timedelta(days=n - 1), today)
    if unit == "week":
        return _span(today - timedelta(days=7 * n - 1), today)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    return _span(_add_months(today, -months) + timedelta(days=1), today)


def _ago(n: int, unit: str, today: date, same_day: bool = False, around: bool = False) -> Period | None:
    """N units before ``today``: a day for days and weeks, else the month or year; "a year ago today"/"1년 전
    이날" (``same_day``) is the day itself, "a year ago this week"/"1년 전 이맘때" (``around``) the week around it."""
    if around and unit in ("month", "year"):
        d = _add_months(today, -n * (12 if unit == "year" else 1))
        return _span(d - timedelta(days=3), d + timedelta(days=3))
    if same_day and unit in ("month", "year"):
        d = _add_months(today, -n * (12 if unit == "year" else 1))
        return d, d, "day"
    if unit in ("day", "week"):
        day = today - timedelta(days=n * (7 if unit == "week" else 1))
        return day, day, "day"
    if unit == "month":
        d = _add_months(today, -n)
        return _month(d.year, d.month)
    return _year(today.year - n)


# ------------------------------------------------------------------------------------------ vocabulary

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_WEEKDAYS_KO = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NUM_EN = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUM_KO = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
_NUM_EN_RX = r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_REL_YEAR_EN = {"last": -1, "this": 0, "next": 1}
_REL_YEAR_KO = {"지난해": -1, "지난 해": -1, "작년": -1, "올해": 0, "금년": 0, "올": 0, "내년": 1}
_DIR = {"last": "last", "지난": "last", "this past": "last", "past": "last", "next": "next", "오는": "next"}
_REL_DAY = {
    "yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "last night": -1, "어제": -1, "전날": -1, "전일": -1, "오늘": 0, "이날": 0, "금일": 0, "그제": -2, "그저께": -2,
}  # fmt: skip


def _num(text: str | None, table: dict[str, int]) -> int:
    if not text:
        return 1
    return int(text) if text.isdigit() else table.get(text.lower(), 0)


def _month_of(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _year_of(text: str) -> int:
    y = int(text.lstrip("'"))
    return 2000 + y if y < 100 else y


def _rel_year(g: dict[str, str | None], today: date | None, table: dict[str, int]) -> int | None:
    """The year named by group ``y`` (absolute) or ``rel`` (relative to ``today``); None if neither."""
    if g.get("y"):
        return _year_of(g["y"])
    rel = g.get("rel")
    if rel and today is not None:
        return today.year + table[re.sub(r"\s+", " ", rel).lower()]
    return None


# ------------------------------------------------------------------------------------------------ rules

Handler = Callable[[dict[str, str | None], date | None], Period | None]


@dataclass(frozen=True)
class _Rule:
    triggers: tuple[str, ...]  # substrings, one of which must be in the sentence ("" = any digit)
    pattern: re.Pattern[str]
    handle: Handler


def _needs_today(fn: Callable[[dict[str, str | None], date], Period | None]) -> Handler:
    def wrapped(g: dict[str, str | None], today: date | None) -> Period | None:
        return None if today is None else fn(g, today)

    return wrapped


def _h_iso(g, today):
    return _day(int(g["y"]), int(g["m"]), int(g["d"]))


def _h_month_day_en(g, today):
    m, d = _month_of(g["mon"]), int(g["d"])
    y = _rel_year(g, today, _REL_YEAR_EN)
    if y is not None:
        return _day(y, m, d)
    if today is None:
        return None
    return _latest(lambda yy: _day(yy, m, d), today, _DIR.get((g.get("dir") or "").lower()))


def _h_month_en(g, today):
    m = _month_of(g["mon"])
    y = _rel_year(g, today, _REL_YEAR_EN)
    if y is not None:
        return _month(y, m)
    if today is None:
        return None
    return _latest(lambda yy: _month(yy, m), today, _DIR.get((g.get("dir") or "").lower()))


def _h_month_range_en(g, today):
    m1, m2 = _month_of(g["mon"]), _month_of(g["mon2"])
    y = _rel_year(g, today, _REL_YEAR_EN)
    if y is None:
        if today is None:
            return None
        y = today.year if _month(today.year, m1)[0] <= today else today.year - 1
    y1 = y - 1 if m1 > m2 else y
    return _span(_month(y1, m1)[0], _month(y, m2)[1])


def _h_quarter(table: dict[str, int]) -> Handler:
    def handle(g, today):
        q = int(g["q"]) if g.get("q") else _ORD[g["ord"].lower()]
        if g.get("y2"):
            g = {**g, "y": g["y2"]}
        y = _rel_year(g, today, table)
        if y is not None:
            return _quarter(y, q)
        if today is None:
            return None
        return _latest(lambda yy: _quarter(yy, q), today, None)

    return handle


def _h_fiscal_quarter(g, today):
    """"fiscal 2025's fourth quarter", "Q4 FY25", "2025 회계연도 4분기": quarter n of a named fiscal year, whose
    months only the company's fiscal calendar gives (``accounts_quarter``)."""
    q = next((int(g[k]) for k in ("q", "q2") if g.get(k)), None)
    if q is None:
        q = _ORD[next(g[k] for k in ("ord", "ord2") if g.get(k)).lower()]
    y = _year_of(next(g[k] for k in ("y", "y2") if g.get(k)))
    p = _quarter(y, q)
    return None if p is None else (p[0], p[1], "fiscal_quarter")


def _h_quarters_span(table: dict[str, int]) -> Handler:
    """"1~3분기", "the first nine months": quarters q1 to q2 of one year, as the span of their days."""
    def handle(g, today):
        q1, q2 = (int(g["q1"]), int(g["q2"])) if g.get("q1") else (1, 3)
        if not 1 <= q1 < q2 <= 4:
            return None
        y = _rel_year(g, today, table)
        if y is None:
            if today is None:
                return None
            y = today.year if _quarter(today.year, q2)[0] <= today else today.year - 1
        return _span(_quarter(y, q1)[0], _quarter(y, q2)[1])

    return handle


def _h_half(table: dict[str, int]) -> Handler:
    def handle(g, today):
        h = int(g["h"]) if g.get("h") else (1 if g["ord"].lower() in ("first", "1st", "상") else 2)
        y = _rel_year(g, today, table)
        if y is not None:
            return _half(y, h)
        if today is None:
            return None
        return _latest(lambda yy: _half(yy, h), today, None)

    return handle


def _h_year(g, today):
    return _year(_year_of(g["y"]))


@_needs_today
def _h_rel_period(g, today):
    unit, rel = g["unit"].lower(), re.sub(r"\s+", " ", g["rel"].lower()).removeprefix("the ")
    offset = {"last": -1, "this": 0, "current": 0, "next": 1}[rel]
    if unit == "week":
        return _week(today, offset)
    if unit == "month":
        d = _add_months(today, offset)
        return _month(d.year, d.month)
    if unit == "quarter":
        q = (today.month - 1) // 3 + 1 + offset
        y, q = today.year + (q - 1) // 4, (q - 1) % 4 + 1
        return _quarter(y, q)
    return _year(today.year + offset)


@_needs_today
def _h_rel_day(g, today):
    day = today + timedelta(days=_REL_DAY[re.sub(r"\s+", " ", g["w"].lower())])
    return day, day, "day"


@_needs_today
def _h_weekday_en(g, today):
    return _weekday(_WEEKDAYS_EN[g["wd"].lower()], today, _DIR.get(re.sub(r"\s+", " ", (g.get("dir") or "").lower())))


@_needs_today
def _h_past_en(g, today):
    unit = g["unit"].lower()
    if not g.get("n") and unit in ("day", "session") and g.get("which", "").lower() in ("previous", "prior"):
        # "the previous session's 17% plunge": the one session (day) before, not a span up to today
        day = previous_weekday(today) if unit == "session" or g.get("trading") else today - timedelta(days=1)
        return (day, day, "day")
    n = _num(g.get("n"), _NUM_EN)
    if g.get("trading") or unit == "session":
        unit = "trading"
    return _past_span(n, unit, today)


@_needs_today
def _h_ago_en(g, today):
    return _ago(_num(g["n"], _NUM_EN), g["unit"].lower(), today, bool(g.get("today")), bool(g.get("around")))


def _h_quarter_ending(g, today, months: int = 3):
    m = _month_of(g["mon"])
    if g.get("y"):
        years = [int(g["y"])]
    elif today is not None:
        years = [today.year - 1, today.year, today.year + 1]
    else:
        return None
    ends = []
    for y in years:
        if g.get("d"):
            p = _day(y, m, int(g["d"]))
            if p is not None:
                ends.append((p[0], _span(_add_months(p[0], -months) + timedelta(days=1), p[0])))
        else:
            last = _month(y, m)[1]
            ends.append((last, _span(_add_months(last.replace(day=1), 1 - months), last)))
    if not ends:
        return None
    if today is None or len(ends) == 1:
        return ends[0][1]
    return min(ends, key=lambda e: (abs((e[0] - today).days), e[0] > today))[1]


def _h_ko_quarter_ending(g, today):
    """"오는 27일 끝나는 회계연도 1분기": the three months that end on that day."""
    d, direction = int(g["d"]), _DIR.get(g.get("dir") or "")
    if g.get("y") and g.get("m"):
        ends = [_day(int(g["y"]), int(g["m"]), d)]
    elif today is None:
        return None
    elif g.get("m"):
        ends = [_day(y, int(g["m"]), d) for y in (today.year - 1, today.year, today.year + 1)]
    else:
        ends = [_day(b.year, b.month, d) for b in (_add_months(today.replace(day=1), k) for k in (-1, 0, 1))]
    days = [p[0] for p in ends if p is not None]
    if today is not None:
        if direction == "next":
            days = [x for x in days if x > today]
        elif direction == "last":
            days = [x for x in days if x < today]
    if not days:
        return None
    end = days[0] if today is None else min(days, key=lambda x: (abs((x - today).days), x > today))
    return _span(_add_months(end, -3) + timedelta(days=1), end)


def _h_ko_date(g, today):
    m = int(g["m"])
    d = int(g["d"]) if g.get("d") else None
    y = _rel_year(g, today, _REL_YEAR_KO)
    if y is not None:
        return _day(y, m, d) if d else _month(y, m)
    if today is None:
        return None
    direction = _DIR.get(g.get("dir") or "")
    if d:
        return _latest(lambda yy: _day(yy, m, d), today, direction)
    return _latest(lambda yy: _month(yy, m), today, direction)


def _h_ko_years_month_range(g, today):
    """ "2024년 2월∼2025년 1월": a span of whole months across years."""
    y1, m1, y2, m2 = int(g["y"]), int(g["m"]), int(g["y2"]), int(g["m2"])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y2, m2) < (y1, m1):
        return None
    return _span(_month(y1, m1)[0], _month(y2, m2)[1])


def _h_ko_month_range(g, today):
    m1, m2 = int(g["m"]), int(g["m2"])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    # "올해 2월~4월", "지난해 11월부터 1월까지": the Korean relative year, resolved here (the English handler's
    # table knows only English words)
    y = _rel_year(g, today, _REL_YEAR_KO)
    if g.get("rel") and y is None:
        return None
    if y is not None and m1 > m2:
        y += 1  # the year written is the first month's: "지난해 11월부터 1월까지" ends in January of this year
    g = {**g, "rel": None, "y": str(y) if y is not None else None}
    return _h_month_range_en({**g, "mon": calendar.month_abbr[m1], "mon2": calendar.month_abbr[m2]}, today)


@_needs_today
def _h_ko_day(g, today):
    d = int(g["d"])
    if not 1 <= d <= 31:
        return None
    return _day_of_month(d, today, _DIR.get(g.get("dir") or ""))


def _h_ko_year_word(g, today):
    if today is None:
        return None
    return _year(today.year + _REL_YEAR_KO[re.sub(r"\s+", " ", g["w"])])


@_needs_today
def _h_ko_rel_period(g, today):
    w = g["w"].replace(" ", "")
    offset = -1 if w.startswith("지난") else 1 if w.startswith(("다음", "내달")) else 0
    if w.endswith("주"):
        return _week(today, offset)
    if w.endswith("분기"):
        return _h_rel_period({"unit": "quarter", "rel": {-1: "last", 0: "this", 1: "next"}[offset]}, today)
    d = _add_months(today, offset)
    return _month(d.year, d.month)


@_needs_today
def _h_ko_month_day(g, today):
    month = _h_ko_rel_period({"w": g["w"]}, today)
    return None if month is None else _day(month[0].year, month[0].month, int(g["d"]))


@_needs_today
def _h_ko_weekday(g, today):
    direction = {"지난": "last", "오는": "next", "다음": "next"}.get(g.get("dir") or "")
    return _weekday(_WEEKDAYS_KO[g["wd"]], today, direction)


_KO_UNITS = {
    "거래일": "trading", "일": "day", "주": "week", "개월": "month", "달": "month", "년": "year", "분기": "quarter",
}  # fmt: skip


@_needs_today
def _h_ko_past(g, today):
    if g["unit"] == "일" and g.get("pre") == "지난" and not g.get("suffix"):
        return None  # "지난 24일" is the 24th, not the past 24 days
    return _past_span(_num(g["n"], _NUM_KO), _KO_UNITS[g["unit"]], today)


@_needs_today
def _h_ko_ago(g, today):
    unit = {"일": "day", "주": "week", "개월": "month", "달": "month", "년": "year"}[g["unit"]]
    around = (g.get("today") or "").strip() == "이맘때"
    return _ago(_num(g["n"], _NUM_KO), unit, today, bool(g.get("today")) and not around, around)


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_I = re.IGNORECASE
_MONTH_TRIGGERS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEAR_EN = r"(?P<y>(?:19|20)\d{2})"
_REL_Y_EN = r"(?:,?\s(?P<y>(?:19|20)\d{2})\b|\s(?P<rel>last|this|next)\s+year\b)"
_FISCAL_PRE = r"(?:(?:fiscal|calendar)(?:[- ]year)?\s+)"
_Q_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_YP_KO = (
    r"(?:(?P<y>(?:19|20)\d{2})\s?(?:년도?|회계\s?연도)?\s?|(?P<rel>지난해|지난\s해(?=[\s,.]|에|의|는|도|$)|작년|올해|금년|내년|올)\s?)?"
    r"(?:(?:회계\s?연도|FY)\s?(?:(?P<y2>(?:19|20)\d{2})\s?년?\s?)?)?"
)

_FY_EN = r"(?:fiscal(?:[- ]year)?\s+|FY\s?)"
_RULES_EN: list[_Rule] = [
    _Rule(
        ("fiscal", "Fiscal", "FY"),
        _rx(
            rf"\b(?:{_FY_EN}(?P<y>(?:19|20)\d{{2}})(?:'s)?\s+(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
            rf"[- ]quarter\b|(?P<ord2>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\s+of\s+(?:its\s+|the\s+)?"
            rf"{_FY_EN}(?P<y2>(?:19|20)\d{{2}})\b)",
            _I,
        ),
        _h_fiscal_quarter,
    ),
    _Rule(
        ("FY",),
        _rx(r"\b(?:Q(?P<q>[1-4])\s?(?:of\s+)?FY\s?(?P<y>'?\d{2}\b|(?:19|20)\d{2})|"
            r"FY\s?(?P<y2>'?\d{2}|(?:19|20)\d{2})\s?Q(?P<q2>[1-4]))\b"),
        _h_fiscal_quarter,
    ),
    _Rule(("-", "."), _rx(r"\b(?P<y>(?:19|20)\d{2})[-.]\s?(?P<m>\d{1,2})[-.]\s?(?P<d>\d{1,2})\b"), _h_iso),
    _Rule(
        _MONTH_TRIGGERS,
        _rx(rf"\b(?:(?P<dir>[Ll]ast|[Nn]ext|[Tt]his\s+past)\s+)?(?P<mon>{_MON})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b{_REL_Y_EN}?"),
        _h_month_day_en,
    ),
    _Rule(
        _MONTH_TRIGGERS,
        _rx(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<mon>{_MON})(?:,?\s(?P<y>(?:19|20)\d{{2}})\b)?"),
        _h_month_day_en,
    ),
    _Rule(
        _MONTH_TRIGGERS,
        _rx(rf"\b(?:(?P<dir>[Ll]ast|[Nn]ext|[Tt]his\s+past)\s+)?(?P<mon>{_MON})(?:\s(?:of\s)?{_YEAR_EN}\b|\s(?P<rel>last|this|next)\s+year\b)?"),
        _h_month_en,
    ),
    _Rule(
        _MONTH_TRIGGERS,
        _rx(
            rf"\b(?:(?:from|between)\s+)?(?P<mon>{_MON})\s?(?:-|–|to|through|and|until)\s?(?P<mon2>{_MON})"
            rf"(?:,?\s{_YEAR_EN}\b)?"
        ),
        _h_month_range_en,
    ),
    _Rule(
        ("quarter", "Quarter"),
        _rx(
            rf"\b(?:(?P<rel>last|this|next)\s+year's\s+)?{_FISCAL_PRE}?(?:(?P<y2>(?:19|20)\d{{2}})\s+)?"
            rf"{_Q_ORD}[- ]quarter\b"
            rf"(?:\s+of\s+{_FISCAL_PRE}?{_YEAR_EN}\b|\s+(?P<rel2>last|this|next)\s+year\b)?",
            _I,
        ),
        lambda g, t: _h_quarter(_REL_YEAR_EN)({**g, "rel": g.get("rel") or g.get("rel2")}, t),
    ),
    _Rule(
        ("Q",),
        _rx(r"\b(?:(?:fiscal|calendar)\s+)?Q(?P<q>[1-4])(?:\s?(?:FY\s?|,\s?)?(?P<y>'?\d{2}\b|(?:19|20)\d{2}))?\b"),
        _h_quarter(_REL_YEAR_EN),
    ),
    _Rule(("Q",), _rx(r"\b(?:FY\s?)?(?P<y>'?\d{2}|(?:19|20)\d{2})\s?Q(?P<q>[1-4])\b"), _h_quarter(_REL_YEAR_EN)),
    _Rule(
        # "the first nine months of 2025", "in the first nine months of the year": quarters one to three
        ("months",),
        _rx(r"\b(?:the\s+)?first\s+nine\s+months\s+of\s+(?:(?P<y>(?:19|20)\d{2})\b|(?P<rel>last|this|next)\s+year\b|"
            r"the\s+year\b)", _I),
        _h_quarters_span(_REL_YEAR_EN),
    ),
    _Rule(
        # "the final three months of 2024", "the first three months of the year": a calendar quarter
        ("months",),
        _rx(r"\b(?:the\s+)?(?P<ord>first|last|final)\s+three\s+months\s+of\s+(?:(?P<y>(?:19|20)\d{2})\b|"
            r"(?P<rel>last|this|next)\s+year\b|the\s+year\b)", _I),
        lambda g, t: _h_quarter(_REL_YEAR_EN)({**g, "ord": "fourth" if g["ord"].lower() in ("last", "final")
                                               else "first"}, t),
    ),
    _Rule(
        ("quarter", "Quarter"),
        _rx(
            r"\b(?:(?:its|the|their)\s+)?(?:fiscal\s+)?(?:(?:first|second|third|fourth)[- ])?quarter"
            r"(?:\s+of\s+fiscal(?:\s+year)?\s+(?:19|20)\d{2})?,?\s+(?:(?:that|which)\s+)?(?:end(?:s|ed|ing)|through)\s+"
            # ("for the quarter ending in late January")
            rf"(?:on\s+|in\s+)?(?:(?:late|early|mid)[- ]\s?)?(?P<mon>{_MON})"
            rf"(?:\s(?P<d>\d{{1,2}})\b)?(?:,?\s{_YEAR_EN}\b)?",
            _I,
        ),
        _h_quarter_ending,
    ),
    _Rule(
        # "in the September quarter", "the June 2025 quarter": the three months that end in that month
        ("quarter", "Quarter"),
        _rx(rf"\b(?:the|its|their)\s+(?:fiscal\s+)?(?P<mon>{_MON})(?:\s{_YEAR_EN})?[- ]quarter\b", _I),
        _h_quarter_ending,
    ),
    _Rule(
        # "in the three months to July 27" (the British desks' quarter), "the three months ended April 27"
        ("months",),
        _rx(
            r"\b(?:the\s+)?(?:three|3)\s+months\s+(?:to|end(?:ed|ing)|through)\s+"
            rf"(?:on\s+)?(?P<mon>{_MON})(?:\s(?P<d>\d{{1,2}})\b)?(?:,?\s{_YEAR_EN}\b)?",
            _I,
        ),
        _h_quarter_ending,
    ),
    _Rule(
        ("year", "Year"),
        _rx(
            r"\b(?:(?:its|the|their)\s+)?(?:full\s+)?(?:fiscal|financial)\s+year,?\s+(?:(?:that|which)\s+)?"
            rf"end(?:s|ed|ing)\s+(?:on\s+|in\s+)?(?P<mon>{_MON})(?:\s(?P<d>\d{{1,2}})\b)?(?:,?\s{_YEAR_EN}\b)?",
            _I,
        ),
        lambda g, t: _h_quarter_ending(g, t, 12),
    ),
    _Rule(
        ("half", "Half"),
        _rx(
            r"\b(?P<ord>first|second|1st|2nd)[- ]half\b(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y>(?:19|20)\d{2})\b"
            r"|\s+(?P<rel>last|this|next)\s+year\b)?",
            _I,
        ),
        _h_half(_REL_YEAR_EN),
    ),
    _Rule(("H",), _rx(r"\bH(?P<h>[12])(?:\s?(?P<y>(?:19|20)\d{2}|'\d{2}))?\b(?![-\d])"), _h_half(_REL_YEAR_EN)),
    _Rule(
        ("",),
        _rx(
            rf"(?<![$€£¥,.])\b(?:{_FISCAL_PRE}|FY\s?'?)?{_YEAR_EN}\b(?!\s?(?:%|-\d|\d|[.,]\d|percent\b|"
            r"(?:[A-Z]+\d+\w*|Nvidia|Hopper|advanced|high-end|more|chips?|GPUs?|processors?|units?|servers?|"
            r"companies|firms|people|employees|workers|engineers|researchers|customers|dollars|times|hours|"
            r"miles|kilometers|tons)\b))"
        ),
        _h_year,
    ),
    _Rule(("FY",), _rx(r"\bFY\s?'?(?P<y>\d{2})\b"), _h_year),
    _Rule(
        ("week", "month", "year", "quarter", "Week", "Month", "Year", "Quarter"),
        _rx(
            r"\b(?P<rel>last|this|next|(?:the\s+)?current)\s+(?P<unit>week|month|year|quarter)\b"
            r"(?!['’]?s?\s+(?:high|low))",
            _I,
        ),
        _h_rel_period,
    ),
    _Rule(
        ("day", "night", "morning", "afternoon", "evening", "Day", "Night", "This"),
        _rx(r"\b(?P<w>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)\b", _I),
        _h_rel_day,
    ),
    _Rule(
        ("day", "Day"),
        _rx(r"\b(?:(?P<dir>last|next|this\s+past|past)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
        _h_weekday_en,
    ),
    _Rule(
        ("past", "last", "previous", "Past", "Last"),
        _rx(
            rf"\b(?:(?:over|in|during|for)\s+)?the\s+(?P<which>past|last|previous|prior)\s+(?:(?P<n>{_NUM_EN_RX})\s+)?"
            r"(?P<trading>trading\s+)?(?P<unit>day|session|week|month|year|quarter)s?\b",
            _I,
        ),
        _h_past_en,
    ),
    _Rule(
        ("ago",),
        _rx(rf"\b(?P<n>{_NUM_EN_RX})\s+(?P<unit>day|week|month|year)s?\s+ago\b(?P<today>\s+today\b)?"
            r"(?P<around>\s+this\s+(?:week|time)\b)?", _I),
        _h_ago_en,
    ),
]

_RULES_KO: list[_Rule] = [
    _Rule(("-", "."), _rx(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-.]\s?(?P<m>\d{1,2})[-.]\s?(?P<d>\d{1,2})(?!\d)"), _h_iso),
    _Rule(
        ("월",),
        _rx(
            r"(?:(?P<y>(?:19|20)\d{2})\s?년\s?|(?P<rel>지난해|지난\s해(?=[\s,.]|에|의|는|도|$)|작년|올해|금년|내년|올)\s?|(?P<dir>지난|오는)\s?)?"
            r"(?<!\d)(?P<m>\d{1,2})월(?:\s?(?P<d>\d{1,2})일(?!\s?(?:만|간|동안|째|연속)))?"
        ),
        _h_ko_date,
    ),
    _Rule(
        ("월",),
        _rx(
            r"(?:(?P<y>(?:19|20)\d{2})\s?년\s?|(?P<rel>지난해|지난\s해(?=[\s,.]|에|의|는|도|$)|작년|올해|금년|내년|올)\s?)?"
            r"(?<!\d)(?P<m>\d{1,2})(?:월\s?(?:부터|[~∼-])|\s?[~∼-])\s?(?P<m2>\d{1,2})월(?:까지)?"
        ),
        _h_ko_month_range,
    ),
    _Rule(
        ("월",),
        _rx(r"(?P<y>(?:19|20)\d{2})\s?년\s?(?P<m>\d{1,2})월\s?(?:부터|[~∼-])\s?(?P<y2>(?:19|20)\d{2})\s?년\s?"
            r"(?P<m2>\d{1,2})월(?:까지)?"),
        _h_ko_years_month_range,
    ),
    _Rule(
        ("일",),
        _rx(r"(?:(?P<dir>지난|오는)\s?)?(?<![\d.~∼\-])(?P<d>\d{1,2})일(?!\s?(?:만|간|동안|째|연속|새|이내|치|전(?!\s?거래일)|후|뒤)|\d)"),
        _h_ko_day,
    ),
    _Rule(
        # "2025 회계연도 4분기", "회계연도 2025년 4분기", "FY2025 4분기": a quarter of a named fiscal year
        ("회계", "FY"),
        _rx(r"(?:(?P<y>(?:19|20)\d{2})\s?(?:년\s?)?(?:회계\s?연도|FY)|(?:회계\s?연도|FY)\s?(?P<y2>(?:19|20)\d{2})\s?년?)"
            r"\s?(?:의\s?)?(?P<q>[1-4])\s?분기"),
        _h_fiscal_quarter,
    ),
    _Rule(("분기",), _rx(_YP_KO + r"(?P<q1>[1-4])\s?[~∼\-–]\s?(?P<q2>[1-4])\s?분기"), _h_quarters_span(_REL_YEAR_KO)),
    _Rule(("분기",), _rx(_YP_KO + r"(?P<q>[1-4])\s?분기"), _h_quarter(_REL_YEAR_KO)),
    _Rule(
        ("분기",),
        _rx(
            r"(?:(?P<dir>오는|지난)\s?)?(?:(?P<y>(?:19|20)\d{2})\s?년\s?)?(?:(?P<m>\d{1,2})월\s?)?(?<!\d)(?P<d>\d{1,2})일(?:에)?\s?"
            r"(?:끝나는|끝난|마감하는|마감한|마감되는|종료되는|종료된|마무리되는)\s?"
            r"(?:(?:(?:19|20)\d{2}\s?)?회계\s?연도\s?(?:(?:19|20)\d{2}\s?년?\s?)?)?[1-4]\s?분기"
        ),
        _h_ko_quarter_ending,
    ),
    _Rule(("반기",), _rx(_YP_KO + r"(?P<ord>상|하)반기"), _h_half(_REL_YEAR_KO)),
    _Rule(
        ("년", "연도", "FY"),
        _rx(
            r"(?:(?:회계\s?연도|FY)\s?)?(?<!\d)(?P<y>(?:19|20)\d{2})\s?(?:년도?|회계\s?연도)(?!\s?대|\s?\d{1,2}\s?월|\d)"
        ),
        _h_year,
    ),
    _Rule(
        ("해", "년"),
        _rx(r"(?P<w>지난해|지난\s해(?=[\s,.]|에|의|는|도|$)|작년|올해|금년|내년)(?!\s?(?:같은\s?기간|동기))"),
        _h_ko_year_word,
    ),
    _Rule(
        ("어제", "전날", "전일", "오늘", "이날", "금일", "그제", "그저께"),
        _rx(r"(?P<w>어제|전날|전일|오늘(?!날)|이날|금일|그저께|그제)"),
        _h_rel_day,
    ),
    _Rule(
        ("주", "달", "분기"),
        _rx(
            r"(?P<w>(?:지난|이번|다음)\s?주(?![주가식택민력요장류도기문소간])|금주(?![가-힣])|"
            r"(?:지난|이번|다음)\s?달(?!러)|이달(?!러)|내달(?!러)|(?:지난|이번|다음)\s?분기)"
        ),
        _h_ko_rel_period,
    ),
    _Rule(
        ("달", "이달", "내달"),
        _rx(r"(?P<w>지난\s?달|이번\s?달|이달|다음\s?달|내달)\s?(?P<d>\d{1,2})일(?!\s?(?:만|간|동안|째|연속))"),
        _h_ko_month_day,
    ),
    _Rule(("요일",), _rx(r"(?:(?P<dir>지난|오는|이번|다음)\s?)?(?P<wd>[월화수목금토일])요일"), _h_ko_weekday),
    _Rule(
        ("최근", "지난", "과거", "거래일"),
        _rx(
            r"(?:(?P<pre>최근|지난|과거)\s?(?P<n>\d{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?"
            r"(?P<unit>거래일|일|주|개월|달|년|분기)(?:\s?(?P<suffix>간|동안|사이|새))?)"
        ),
        _h_ko_past,
    ),
    _Rule(
        ("거래일",),
        _rx(r"(?<!\d)(?P<n>\d{1,3})\s?(?P<unit>거래일)\s?(?:간|동안|새)"),
        _h_ko_past,
    ),
    _Rule(
        ("전",),
        _rx(r"(?<![\d.])(?P<n>\d{1,3}|한|두|세|네|다섯)\s?(?P<unit>일|주|개월|달|년)\s?전(?![가-힣]|\s?거래일)"
            r"(?P<today>\s(?:오늘|이날|이맘때))?"),
        _h_ko_ago,
    ),
]
_RULES = {"en": _RULES_EN, "ko": _RULES_KO}

# Sessions: after-hours first, so "장 마감 후" and "after the close" win over the close at the same place.
_SESSION_RX = {
    "en": _rx(
        r"(?P<after_hours>\bafter-?hours\b|\bafter\s+the\s+(?:closing\s+)?(?:bell|close)\b|\bextended\s+trading\b|"
        r"\bpost-?market\b)|"
        r"(?P<premarket>\bpre-?market\b|\bbefore\s+(?:the|[A-Z][a-z]+day['’]s)\s+(?:opening\s+)?(?:bell|open(?:ing)?)\b|"
        r"\bbefore\s+(?:the\s+)?(?:stock\s+)?markets?\s+(?:opened|opens|open)\b)|"
        r"(?P<prior_close>\b(?:the\s+)?(?:previous|prior)\s+(?:session'?s?\s+|day'?s?\s+)?clos(?:e|ing\s+price)\s+"
        r"(?:of|at|was)\b)|"
        r"(?P<intraday>\bintraday\b|\bduring\s+(?:the\s+)?(?:trading\s+)?(?:session|day)\b|"
        r"\b(?:shortly\s+|soon\s+|just\s+|right\s+)?after\s+the\s+open(?:ing\s+bell)?\b|\bat\s+the\s+open\b|"
        r"\bin\s+(?:the\s+)?opening\s+(?:minutes|trade|trading|hour)\b|"
        r"\bas\s+of\s+\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\bat\s+\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)|"
        r"\bin\s+(?:early|morning|midday|afternoon|late)\s+(?:[a-z]+\s+)?(?:trading|trade|dealings|deals)\b|"
        r"\bby\s+(?:late\s+|early\s+|mid-?)?(?:morning|midday|noon|afternoon|lunchtime)\b|\bat\s+midday\b|"
        r"\bmidday\b|\bmid-?session\b|\b(?:earlier|later)\s+in\s+the\s+(?:trading\s+)?(?:session|day)\b|"
        r"\bat\s+one\s+point\b)|"
        r"(?P<close>\bclos(?:ed|ing)\s+(?:the\s+(?:day|session)\s+)?(?:up|down|at|lower|higher|flat|near)\b|"
        r"\b(?:at|by|near|into)\s+the\s+close\b|\bat\s+close\b|\bto\s+close\s+(?:at|up|down)\b|"
        r"\bclosing\s+(?:price|bell|level|basis)\b|\b(?:ended|end|ending|finished|finish|finishing)\s+"
        r"(?:the\s+)?(?:day|session|trading)\b|\b(?:ended|finished|settled)\s+(?:the\s+day\s+)?at\b|"
        r"\b(?:ended|finished|closed)(?=\s+(?:about\s+|nearly\s+|roughly\s+|almost\s+)?[\d.]+\s?(?:%|percent\b|per\s+cent\b)"
        r"\s+(?:lower|higher|down|up)\b))",
        _I,
    ),
    "ko": _rx(
        r"(?P<after_hours>시간\s?외|애프터\s?마켓|(?:장\s?)?마감\s?(?:후|이후|뒤))|"
        r"(?P<premarket>개장\s?전|장\s?시작\s?전|프리\s?마켓)|"
        r"(?P<prior_close>(?:직전|전)\s?거래일\s?종가(?!\s?(?:대비|보다|에\s?비해|와\s?비교|과\s?비교)))|"
        r"(?P<intraday>장중|장\s?초반|장\s?막판|장\s?후반|개장\s?직후|(?:오전|오후)?\s?\d{1,2}시(?:\s?\d{1,2}분)?\s?현재|"
        r"(?:오전|오후)\s?\d{1,2}시(?:\s?\d{1,2}분)?\s?(?:무렵|쯤|께|경))|"
        r"(?P<close>종가|마감가|장\s?마감|거래를\s?마(?:쳤|감)|장을\s?마쳤|마감했)"
    ),
}
_SESSION_TRIGGERS = {
    "en": ("market", "hours", "bell", "open", "intraday", "session", "trading", "trade", "deal", "clos", "end",
           "finish", "settl", "morning", "midday", "noon", "afternoon", "lunchtime", "Market", "Intraday", "a.m",
           "p.m", "am", "pm", "previous", "prior", "point"),
    "ko": ("시간", "애프터", "마감", "개장", "장", "마켓", "종가", "현재", "마쳤", "무렵", "쯤", "께", "경"),
}

# Context around an expression that makes it an anchor or comparison base, not an event time.
_ANCHOR_BEFORE = {
    "en": _rx(
        r"\b(?:since|until|till|before|after|from|than|prior\s+to|compared\s+(?:with|to)|versus|vs\.?|"
        r"ahead\s+of|earlier|later)\s+(?:the\s+|a\s+)?$",
        _I,
    ),
    "ko": _rx(r"(?!x)x"),
}
_ANCHOR_AFTER = {
    "en": _rx(r"^\s+(?:earlier|later)\b", _I),
    # (the base's own figure may stand in parentheses between: "9월(3309억8000만 대만달러)과 비교하면 11.0% 늘어난")
    "ko": _rx(r"^(?:\([^()]{1,40}\))?\s?(?:이후|이래|이전|전까지|까지|부터|보다|대비|만에|만의|같은\s?기간|동기|"
              r"에\s?비해|(?:과|와)\s?비교)"),
}
# Participle / adnominal modifiers: the expression dates another noun ("the rule adopted in October 2023 cut").
_PARTICIPLES = (
    r"adopted|announced|introduced|launched|imposed|issued|released|unveiled|signed|passed|enacted|approved|"
    r"published|founded|built|proposed|tightened|expanded|finalized|put\s+in\s+place"
)
_MODIFIER_BEFORE = _rx(
    rf"\b(?:the|a|an|its|this|that|their|his|her)\s+(?:[\w-]+\s+){{0,3}}?(?:{_PARTICIPLES})\s+(?:in|on|at|during|last)?\s*$",
    _I,
)
_MODIFIER_AFTER_EN = _rx(r"^,?\s+(?!that\b|a\b|an\b|the\b|its\b|his\b|her\b|their\b|and\b|or\b|,|\$)[a-z]", _I)
# a Korean comparison's base ("1분기와 비교하면", "9월 대비") and an amount a change is counted from ("17조 원에서 26%")
_KO_COMPARED_WITH = _rx(r"(?:\([^()]{1,40}\))?\s?(?:대비|에\s?비해|(?:과|와)\s?비교|보다)")
_KO_BASE_AMOUNT = _rx(r"(?:에서|보다)\s")
_MODIFIER_AFTER_KO = _rx(
    r"^\s?(?:\(현지\s?시간\)\s?)?(?:[^\s]+\s)?(?:도입|발표|공시|출시|시행|채택|부과|공개|체결|승인|발효|제정|개발|설립|선보|내놓|출범|"
    r"강화|확대|발효|마련)[가-힣]*?(?:한|된|인|은|던)(?=\s)"
)

_CLAUSE_RX = {
    "en": _rx(r";|\s(?:while|whereas|although|though)\s|,\s(?:and|but|while|whereas|yet)\s|\sbut\s", _I),
    "ko": _rx(
        r";|(?<=[가-힣])(?:고|며|지만|는데|으나|나),\s?|(?<=[었았였했졌렸됐쳤섰겼났웠왔])(?:고|으며|며)\s|"
        r"\s반면[,\s]"
    ),
}
_DAYS_FIGURE = _rx(r"['’]s\s+(?:[a-z-]+\s+)?(?:about\s+|nearly\s+|roughly\s+)?[$€£¥]?\d", _I)
_KO_FIGURE_OF_DAY = re.compile(r"\s?(?:가까이|넘게|이상|가량|정도)?\s?[가-힣]{1,6}(?:했던|됐던|던)\s")
# "Monday's 17% plunge that wiped roughly $589 billion": a relative clause of the owned figure shares its day
_WHEN_CLAUSE = _rx(r"(?:['’]s\s+\w+)?,?\s+when\s", _I)
_OWNED_CLAUSE = _rx(r"['’]s\s[^,;]{0,40}\b(?:(?:that|which)\s[^,;]{0,40}|(?:wiped|erased|knocked|shaved|sent|cost|"
                    r"lopped|took)\s(?:out\s|off\s)?[^,;]{0,20})$", _I)
_SESSION_OF_DAY = _rx(r"['’]s\s+(?:opening\s+|closing\s+)?(?:bell|open|close|session|trading)\b", _I)
_EN_LATER_CLAUSE = _rx(r"\b(?:after|as|because|since|when|while|following|before|until)\s+(?:\w+ing|it|they|the)\b"
                       # "..., set by Nvidia itself in September": a participle clause about another thing
                       r"|,\s+(?:set|made|reached|recorded|posted|hit|seen|logged|suffered)\s+(?:by|in|on|last|during)\b",
                       _I)
_DIGIT = re.compile(r"\d")
_INITIAL = {
    "en": _rx(r"^[\W_]*(?:(?:on|in|at|during|as\s+of|by|earlier|late|early)\s+(?:the\s+)?)?$", _I),
    "ko": _rx(r"^[\W_]*$"),
}


# ---------------------------------------------------------------------------------------------- scanning


@dataclass(frozen=True)
class _Found:
    time: EventTime | None  # None: a relative expression with no publication date to resolve it against
    span: tuple[int, int]
    role: str  # "time" | "anchor" | "modifier"
    initial: bool = False  # opens the sentence ("On Monday, ...", "27일(현지시간) ..."): frames every clause


_PROBE_DAY = date(2000, 6, 15)  # any day: tells "needs a publication date" from "not a date"


def _local_date(published_at: datetime | None, timezone: str | tzinfo | None) -> date | None:
    if published_at is None:
        return None
    if not isinstance(published_at, datetime):
        raise ValueError(f"event_time: published_at must be a datetime or None, got {type(published_at).__name__}")
    if published_at.tzinfo is None:
        return published_at.date()
    if timezone is None:
        tz: tzinfo = UTC
    elif isinstance(timezone, str):
        try:
            tz = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"event_time: unknown timezone {timezone!r}") from exc
    else:
        tz = timezone
    return published_at.astimezone(tz).date()


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"event_time: language must be 'en' or 'ko', got {language!r}")


@lru_cache(maxsize=8192)
def _scan(sentence: str, today: date | None, language: str) -> tuple[_Found, ...]:
    """Every date expression of ``sentence``, resolved, non-overlapping (longest first), in text order."""
    has_digit = _DIGIT.search(sentence) is not None
    raw: list[tuple[int, int, Period | None]] = []
    for rule in _RULES[language]:
        if rule.triggers == ("",):
            if not has_digit:
                continue
        elif not any(t in sentence for t in rule.triggers):
            continue
        for m in rule.pattern.finditer(sentence):
            if m.end() <= m.start():
                continue
            groups = m.groupdict()
            period = rule.handle(groups, today)
            if period is None and today is None and rule.handle(groups, _PROBE_DAY) is not None:
                raw.append((m.start(), m.end(), None))
            elif period is not None:
                raw.append((m.start(), m.end(), period))
    raw.sort(key=lambda r: (r[0] - r[1], r[0]))
    kept: list[tuple[int, int, Period | None]] = []
    for r in raw:
        if all(r[1] <= k[0] or k[1] <= r[0] for k in kept):
            kept.append(r)
    kept.sort(key=lambda r: r[0])
    found = []
    for s, e, period in kept:
        s, e = _trim(sentence, s, e)
        time = None if period is None else EventTime(period[0], period[1], period[2], None, sentence[s:e], (s, e))
        initial = _INITIAL[language].search(sentence[:s]) is not None
        found.append(_Found(time, (s, e), _role(sentence, s, e, language), initial))
    return tuple(_same_year(sentence, _previous_days(_next_days(sentence, found, language), language)))


# "the next day", "이튿날": the day after the date the sentence stated before it
_NEXT_DAY = {
    "en": re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)\b", re.I),
    "ko": re.compile(r"이튿날|다음\s?날|하루\s?(?:뒤|후)에?"),
}


def _next_days(sentence: str, found: list[_Found], language: str) -> list[_Found]:
    """``found`` with each "the next day"/"이튿날" resolved against the nearest day stated before it."""
    rx = _NEXT_DAY[language]
    if not found or rx.search(sentence) is None:
        return found
    out = list(found)
    for m in rx.finditer(sentence):
        if any(f.span[0] < m.end() and m.start() < f.span[1] for f in out):
            continue
        before = [f for f in out if f.span[1] <= m.start() and f.time is not None and f.time.granularity == "day"]
        if not before:
            continue
        day = before[-1].time.start + timedelta(days=1)
        out.append(_Found(EventTime(day, day, "day", None, m.group(), m.span()), m.span(), "time"))
    return sorted(out, key=lambda f: f.span[0])


# "전날", "the previous day": the day before the publication day, unless the sentence states another day
_PREVIOUS_DAY = {
    "en": re.compile(r"^(?:the\s+(?:previous|prior)\s+day|the\s+day\s+before|a\s+day\s+earlier)$", re.I),
    "ko": re.compile(r"^(?:전날|전일)$"),
}


def _previous_days(found: list[_Found], language: str) -> list[_Found]:
    """``found`` with each "전날"/"the previous day" resolved against the day the sentence states, when it states
    one ("전날 17% 폭락했던 엔비디아 주가가 28일(현지시간) 8.93% 오른": the 27th), not the publication day."""
    rx = _PREVIOUS_DAY[language]
    relative = [i for i, f in enumerate(found) if f.time is not None and rx.match(f.time.surface)]
    stated = [f for f in found if f.time is not None and f.time.granularity == "day" and not rx.match(f.time.surface)
              and not _RELATIVE_DAY_WORD.search(f.time.surface)]
    if not relative or not stated:
        return found
    out = list(found)
    for i in relative:
        f = out[i]
        near = min(stated, key=lambda o: abs(o.span[0] - f.span[0]))
        day = near.time.start - timedelta(days=1)
        out[i] = _Found(EventTime(day, day, "day", f.time.session, f.time.surface, f.time.span,
                                  f.time.prior_session), f.span, f.role, f.initial)
    return out


_RELATIVE_DAY_WORD = re.compile(r"어제|오늘|이날|금일|그제|그저께|\b(?:today|yesterday|tonight|last\s+night)\b", re.I)


_SAME_YEAR = re.compile(
    r"(?:같은\s?해|그\s?해|in\s+the\s+same\s+year,?|that\s+same\s+year,?|later\s+that\s+year,?)\s?$", re.I)


def _same_year(sentence: str, found: list[_Found]) -> list[_Found]:
    """A month or day written after "같은 해"/"the same year" is in the year of the date stated before it
    ("2023년 3월 내놓은 칩이지만, 약 7개월 만인 같은 해 10월": October 2023, not the latest October)."""
    out = list(found)
    for i, f in enumerate(out):
        if f.time is None or not _SAME_YEAR.search(sentence, max(0, f.span[0] - 20), f.span[0]):
            continue
        before = [b for b in out[:i] if b.time is not None]
        if not before:
            continue
        shift = before[-1].time.end.year - f.time.start.year
        if shift:
            t = f.time
            start, end = _years_shifted(t.start, shift), _years_shifted(t.end, shift)
            out[i] = _Found(EventTime(start, end, t.granularity, t.session, t.surface, t.span, t.prior_session),
                            f.span, f.role, f.initial)
    return out


def _years_shifted(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _trim(sentence: str, s: int, e: int) -> tuple[int, int]:
    while s < e and sentence[s].isspace():
        s += 1
    while e > s and sentence[e - 1] in " ,.":
        if sentence[e - 1] == "." and re.search(rf"{_MON}$", sentence[s:e]):
            break  # keep the abbreviation point of "Dec."
        e -= 1
    return s, e


def _role(sentence: str, s: int, e: int, language: str) -> str:
    before, after = sentence[max(0, s - 60) : s], sentence[e : e + 40]
    if language == "en" and _WHEN_CLAUSE.match(after):
        return "time"  # "from January, when the DeepSeek scare sent Nvidia down 17%": the when-clause's day
    if language == "en" and (_SESSION_OF_DAY.match(after) or _DAYS_FIGURE.match(after)):
        return "time"  # "before Monday's opening bell", "after Monday's 17% plunge": that day's session, figure
    if _ANCHOR_BEFORE[language].search(before) or _ANCHOR_AFTER[language].search(after):
        return "anchor"
    if language == "en":
        if _MODIFIER_BEFORE.search(before) and _MODIFIER_AFTER_EN.search(after):
            return "modifier"
    elif _MODIFIER_AFTER_KO.search(after):
        return "modifier"
    return "time"


def session_cue(text: str, language: str) -> str | None:
    """The first trading-session cue of ``text`` (a headline: "Nvidia slides before the bell" → "premarket"),
    ``None`` when it names none. A previous-close cue counts as "close"."""
    _check_language(language)
    found = _sessions(text or "", language)
    if not found:
        return None
    name = found[0][0]
    return "close" if name == "prior_close" else name


def session_cues(text: str, language: str) -> list[tuple[str, int, int]]:
    """Every trading-session cue of ``text`` as (session, start, end); a previous-close cue is "prior_close"."""
    _check_language(language)
    return _sessions(text or "", language)


def _sessions(sentence: str, language: str) -> list[tuple[str, int, int]]:
    if not any(t in sentence for t in _SESSION_TRIGGERS[language]):
        return []
    return [(m.lastgroup or "", m.start(), m.end()) for m in _SESSION_RX[language].finditer(sentence)]


def _clause(sentence: str, start: int, end: int, language: str) -> tuple[int, int]:
    lo, hi = 0, len(sentence)
    for m in _CLAUSE_RX[language].finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


_EN_RELATIVE_OPEN = _rx(r",\s+(?:which|who)\s", _I)


def _en_relative_end(sentence: str, fs: int, fe: int) -> int:
    """Where the non-restrictive relative clause holding the figure ends (the comma that closes it), or the
    sentence's length when the figure is in none."""
    opens = [m for m in _EN_RELATIVE_OPEN.finditer(sentence, 0, fs) if "," not in sentence[m.end() : fs]]
    close = sentence.find(",", fe) if opens else -1
    return close if close >= 0 else len(sentence)


def date_expressions(
    sentence: str, published_at: datetime | None, language: str, timezone: str | tzinfo | None = None
) -> list[EventTime]:
    """Every date or period expression in ``sentence`` that resolves, in text order (session ``None``).

    Anchors and modifiers ("since 2022", "2020년 3월 이후", "the rule adopted in October 2023") are listed too;
    ``refers_to`` is what skips them. Relative expressions need ``published_at``.
    """
    _check_language(language)
    if not sentence:
        return []
    return [f.time for f in _scan(sentence, _local_date(published_at, timezone), language) if f.time is not None]


def has_date(sentence: str, language: str) -> bool:
    """Whether ``sentence`` states a date or period of any kind, relative ones included ("In August")."""
    _check_language(language)
    return bool(sentence) and any(f.role == "time" for f in _scan(sentence, _PROBE_DAY, language))


def refers_to(
    sentence: str,
    figure_span: tuple[int, int],
    published_at: datetime | None,
    language: str,
    timezone: str | tzinfo | None = None,
    market: str | None = None,
) -> EventTime | None:
    """The date or period the figure at ``figure_span`` (offsets in ``sentence``) is about, or ``None``.

    See the module docstring for the rules; ``timezone`` is the publication's local time zone (``None`` =
    UTC) used to turn an aware ``published_at`` into the local publication day. ``market`` (a key of
    ``MARKETS``) is the exchange a session cue with no date refers to: its latest session begun by
    publication (``session_day``) instead of the publication day.
    """
    _check_language(language)
    fs, fe = figure_span
    if not (isinstance(fs, int) and isinstance(fe, int) and 0 <= fs <= fe <= len(sentence)):
        raise ValueError(f"event_time: figure_span {figure_span!r} is outside the sentence (length {len(sentence)})")
    today = _local_date(published_at, timezone)
    if not sentence:
        return None
    found = [
        f for f in _scan(sentence, today, language) if (f.role == "time" or _modifies_figure(sentence, f, fs, language))
        and (f.span[1] <= fs or fe <= f.span[0])
        # "AMD fell 6% after saying late Tuesday that ...": a date in a clause that follows the figure's is
        # that clause's
        and not (language == "en" and f.span[0] >= fe and _EN_LATER_CLAUSE.search(sentence, fe, f.span[0]))
        # "Nvidia, which lost nearly $600 billion in value on the day DeepSeek's app went viral, became in July
        # ...": a date after the figure's relative clause is the main clause's
        and not (language == "en" and f.span[0] >= _en_relative_end(sentence, fs, fe))
        # "after Monday's 17% plunge, ... still up about 90% from a year earlier": a day's possessive dates the
        # figure it owns, not the others
        and not (language == "en" and _DAYS_FIGURE.match(sentence, f.span[1]) and not 0 <= fs - f.span[1] <= 16
                 and not (f.span[1] <= fs and _OWNED_CLAUSE.match(sentence[f.span[1] : fs]))
                 and _ANCHOR_BEFORE["en"].search(sentence[max(0, f.span[0] - 60) : f.span[0]]))
    ]
    if language == "ko":
        # "딥시크 충격으로 17% 폭락했던 1월 27일 이후": the day the figure's relative clause describes is its day,
        # even when the day itself anchors something else
        rel = _KO_FIGURE_OF_DAY.match(sentence, fe)
        if rel:
            day = next((f for f in _scan(sentence, today, language) if f.span[0] == rel.end() and f.time is not None
                        and f.time.granularity == "day"), None)
            if day is not None:
                return day.time
        # "9월(3309억8000만 대만달러)과 비교하면", "1분기와 비교하면 매출은 17조6391억 원에서 26% 늘었고": a
        # comparison's base period dates its own figure, in parentheses after it or the amount a change is counted
        # from
        base_amount = _KO_BASE_AMOUNT.match(sentence, fe)
        own = next((f for f in _scan(sentence, today, language) if f.role == "anchor" and f.time is not None
                    and f.span[1] < fs and (
                        (sentence.startswith("(", f.span[1]) and fe <= sentence.find(")", f.span[1])
                         and "(" not in sentence[f.span[1] + 1 : fs])
                        or (base_amount and _KO_COMPARED_WITH.match(sentence, f.span[1])))), None)
        if own is not None:
            return own.time
    lo, hi = _clause(sentence, fs, fe, language)
    # "rose 5% in premarket trading Tuesday, recovering part of Monday's 17% plunge": the day that owns the
    # figure dates it, and its session is that day's close, whatever session the sentence's other figure had
    owner = [f for f in found if language == "en" and f.time is not None and f.span[1] <= fs
             and _DAYS_FIGURE.match(sentence, f.span[1])
             and (fs - f.span[1] <= 16 or _OWNED_CLAUSE.match(sentence[f.span[1] : fs]))]
    if owner and owner[-1].time.granularity == "day":
        return owner[-1].time
    chosen = _govern(found, fs, fe, lo, hi, language, sentence)
    sessions = [s for s in _sessions(sentence, language) if lo <= s[1] and s[2] <= hi and (s[2] <= fs or fe <= s[1])
                # "tumbled 16.97% ..., after trading as much as 18% lower during the session": a session
                # cue in a clause that follows the figure's is that clause's
                and not (language == "en" and s[1] >= fe and _EN_LATER_CLAUSE.search(sentence, fe, s[1]))]
    if not sessions:
        return chosen
    name, ss, se = min(sessions, key=lambda s: min(abs(s[1] - fe), abs(fs - s[2])))
    if chosen is not None and chosen.granularity in ("quarter", "fiscal_quarter", "half") and (
            not (lo <= chosen.span[0] and chosen.span[1] <= hi) or chosen.span[1] <= ss and se <= fs):
        # "2분기 실적을 내놨지만 … 주가는 시간외 거래에서 3% 안팎 하락했다": a session named between a results
        # period and the figure dates the move; the quarter is the results'
        chosen = None
    if chosen is None:
        day = session_day(published_at, market) if market and published_at is not None else today
        if day is None:
            return None
        if name == "prior_close":  # "전 거래일 종가는 142.62달러": the close of the session before
            day = previous_weekday(day)
            return EventTime(day, day, "day", "close", sentence[ss:se], (ss, se), prior_session=True)
        return EventTime(day, day, "day", name, sentence[ss:se], (ss, se))
    if chosen.granularity != "day":
        return chosen
    if name == "prior_close":  # the date written is the session's: its previous close is the weekday before
        prev = previous_weekday(chosen.start)
        return EventTime(prev, prev, "day", "close", chosen.surface, chosen.span, prior_session=True)
    return EventTime(chosen.start, chosen.end, "day", name, chosen.surface, chosen.span)


def _modifies_figure(sentence: str, f: _Found, fs: int, language: str) -> bool:
    """Whether a Korean date that modifies a noun modifies the figure itself: "지난 6월 공시한 '연간 300억 달러 이상'
    규모 계약" dates the amount; "10일 공시한 자료에 따르면 … 16.9%" dates the document, not the figure."""
    if f.role != "modifier" or language != "ko" or f.span[1] > fs:
        return False
    m = _MODIFIER_AFTER_KO.match(sentence[f.span[1] : fs])
    return m is not None and len(sentence[f.span[1] + m.end() : fs].strip(" '‘’\"“”")) <= 3


def previous_weekday(day: date) -> date:
    """The weekday before ``day`` (the session before it; exchange holidays are ignored)."""
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


_QUARTER_LABEL = re.compile(r"(?P<y>\d{4})-Q(?P<q>[1-4])")
_FISCAL_QUARTER_LABEL = re.compile(r"FY(?P<y>\d{4})-Q(?P<q>[1-4])")
_DAY_SPAN = re.compile(r"(?P<a>\d{4}-\d{2}-\d{2})/(?P<b>\d{4}-\d{2}-\d{2})")


def _months_label(last: date) -> str:
    """The three calendar months ending with ``last``'s month, as "2025-02/2025-04"."""
    first = _add_months(last.replace(day=1), -2)
    return f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}"


def calendar_quarter(label: str | None) -> str | None:
    """A fiscal quarter's label outside a company's accounts ("FY2025-Q4" → "2025-Q4"): with no fiscal calendar
    to place it, the calendar quarter of that number (any other label as it is)."""
    fiscal = _FISCAL_QUARTER_LABEL.fullmatch(label or "")
    return f"{fiscal['y']}-Q{fiscal['q']}" if fiscal else label


def accounts_quarter(
    label: str | None, fiscal_year_end: int | None, published: date | None, ahead: bool = False
) -> str | None:
    """The quarter a company's accounts figure is of, as its three months ("2025-02/2025-04").

    - A quarter resolved by the calendar ("2025-Q1" from "1분기", "first quarter") for a company whose fiscal
      year ends in month ``fiscal_year_end`` (Nvidia: 1) is its fiscal quarter of that number whose end is
      nearest the publication day among those that have begun by then (``ahead``, a figure expected: among
      those not ended before the month before publication, the last one perhaps not yet reported): "1분기
      매출" reported in May 2025 is February-April 2025, and so is "1분기에 45억 달러를 반영했다" in a December
      review; "second-quarter revenue of $45 billion" expected in May is
      May-July.
    - A quarter given by its last day ("the quarter through April 27": 2025-01-28/2025-04-27) is the three
      months ending with the month it ends in (the month before when it ends in the month's first days).
    - A calendar-year company's quarter ("2025-Q2") is its three months ("2025-04/2025-06").
    Any other label comes back as it is."""
    if not label:
        return label
    span = _DAY_SPAN.fullmatch(label)
    if span:
        a, b = date.fromisoformat(span["a"]), date.fromisoformat(span["b"])
        if 80 <= (b - a).days <= 95:
            return _months_label(b if b.day >= 15 else b.replace(day=1) - timedelta(days=1))
        if a.day == 1 and (b + timedelta(days=1)).day == 1:  # whole months: "2024-02-01/2025-01-31"
            return f"{a.year:04d}-{a.month:02d}/{b.year:04d}-{b.month:02d}"
        return label
    fiscal = _FISCAL_QUARTER_LABEL.fullmatch(label)
    if fiscal:
        # quarter n of fiscal year Y ends 3n - 12 months after the month fiscal year Y ends in (Nvidia's fiscal
        # 2025 ends in January 2025: its fourth quarter is November 2024-January 2025)
        fy_end = date(int(fiscal["y"]), fiscal_year_end or 12, 1)
        return _months_label(_add_months(fy_end, 3 * int(fiscal["q"]) - 12))
    quarter = _QUARTER_LABEL.fullmatch(label)
    if quarter and (not fiscal_year_end or fiscal_year_end == 12):
        # a calendar-year company's quarter: its three months, written as any other outlet's "April-June"
        return _months_label(date(int(quarter["y"]), 3 * int(quarter["q"]), 1))
    if not quarter or published is None:
        return label
    n = int(quarter["q"])
    ends = []
    for year in (published.year - 1, published.year, published.year + 1):
        fy_end = date(year, fiscal_year_end, 1)  # the first day of the month the fiscal year ends in
        ends.append(_add_months(fy_end, 3 * n))  # the first day of the month quarter n ends in
    if ahead:  # not ended before the month before publication (a quarter just ended is not reported yet)
        options = [d for d in ends if d >= _add_months(published.replace(day=1), -1)]
    else:  # begun by publication
        options = [d for d in ends if _add_months(d, -2) <= published]
    last = min(options or ends, key=lambda d: abs((d - published).days))
    return _months_label(last)


def current_quarter(fiscal_year_end: int | None, published: date) -> str:
    """The company's fiscal quarter under way on ``published``, as its three months: "the current quarter"
    in Nvidia's results of May 28, 2025 is May-July 2025 (its fiscal year ends in January)."""
    end_month = fiscal_year_end or 12
    first = published.replace(day=1)
    for k in range(3):
        month = _add_months(first, k)
        if (month.month - end_month) % 3 == 0:
            return _months_label(month)
    return _months_label(first)  # unreachable: one of three consecutive months ends a quarter


def last_closed_quarter(fiscal_year_end: int | None, published: date) -> str:
    """The company's last fiscal quarter ended before the one under way on ``published``: "could not ship a
    further $2.5 billion of H20 orders in the quarter" in Nvidia's results of May 28, 2025 is February-April."""
    current = current_quarter(fiscal_year_end, published)
    last = _add_months(date.fromisoformat(current.split("/")[1] + "-01"), -3)
    return _months_label(last)


def named_fiscal_year(year: int, fiscal_year_end: int | None) -> str:
    """Fiscal year ``year`` as its months: the twelve months ending in month ``fiscal_year_end`` of that year
    (Nvidia's "2025회계연도", "fiscal 2025": "2024-02/2025-01"); a calendar year is the year itself."""
    if not fiscal_year_end or fiscal_year_end == 12:
        return str(year)
    last = date(year, fiscal_year_end, 1)
    first = _add_months(last, -11)
    return f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}"


def fiscal_year_label(fiscal_year_end: int | None, published: date | None) -> str | None:
    """The last fiscal year a company has closed by ``published``, as its months ("2024-02/2025-01" for Nvidia
    in 2025 after January): what "the full fiscal year" of its results means. ``None`` without a calendar."""
    if not fiscal_year_end or published is None:
        return None
    year = published.year if published.month > fiscal_year_end else published.year - 1
    return named_fiscal_year(year, fiscal_year_end)


# a change measured against a base: "up 90% from a year earlier", "1년 전보다 90% 올랐다", "연초 대비 12%"
_YEAR_BASE = {
    "en": re.compile(
        r"\b(?:from|than|over|versus|vs\.?|compared\s+with|compared\s+to)\s+(?:a|one|the)\s+year\s+"
        r"(?:earlier|ago|before)|\byear[- ](?:over|on)[- ]year\b|\bin\s+the\s+past\s+(?:12\s+months|year)\b|"
        r"\bover\s+the\s+(?:past|last)\s+(?:12\s+months|year)\b",
        re.I,
    ),
    "ko": re.compile(
        r"1년\s?전(?:보다|에\s?비해|\s?대비|과\s?비교해)|최근\s?1년(?:간|\s?동안)?|지난\s?1년(?:간|\s?동안)"
    ),
}
_YEAR_START_BASE = {
    "en": re.compile(
        r"\b(?:so\s+far\s+this\s+year|year\s+to\s+date|since\s+the\s+start\s+of\s+(?:the|this)\s+year|"
        r"this\s+year)\b",
        re.I,
    ),
    "ko": re.compile(r"연초\s?(?:대비|이후|보다|부터)|올해\s?들어|올\s?들어|연초\s?이래"),
}


def change_period(
    sentence: str, figure_span: tuple[int, int], published_at: datetime | None, language: str
) -> EventTime | None:
    """The period a change against a base is measured over, for a figure whose sentence dates no event of
    its own: "shares were up about 90% from a year earlier" (written in January 2025) is the months 2024-01 to
    2025-01, "연초 대비 12% 올랐다" the months from January to publication. Month-granular, so that two reports
    of the same change a few days apart are about the same period. The base must be the figure's own: no
    other number stands between them ("after Monday's 17% plunge, ... up 90% from a year earlier" leaves the
    17% alone). ``None`` without such a base or without a date."""
    _check_language(language)
    today = _local_date(published_at, None)
    if today is None:
        return None
    fs, fe = figure_span
    end = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    for rx, months in ((_YEAR_BASE[language], 12), (_YEAR_START_BASE[language], None)):
        for m in rx.finditer(sentence):
            between = sentence[fe : m.start()] if m.start() >= fe else sentence[m.end() : fs]
            if any(ch.isdigit() for ch in between.replace("1년", "")):
                continue
            start = _add_months(date(today.year, today.month, 1), -months) if months else date(today.year, 1, 1)
            return EventTime(start, end, "span", None, m.group(), m.span())
    return None


def session_at(published_at: datetime, day: date, market: str = "US") -> str | None:
    """The session of ``day`` in progress when ``published_at`` was written: "premarket" before the regular
    session opens, "intraday" while it runs, ``None`` once it has closed (or on another day). A report of
    "the Nasdaq was down 3.4%" at 11:05 New York time cannot be about the close."""
    zone = MARKETS.get(market, MARKETS["US"])[0]
    (oh, om), (ch, cm) = MARKET_HOURS.get(market, MARKET_HOURS["US"])
    when = published_at if published_at.tzinfo else published_at.replace(tzinfo=UTC)
    local = when.astimezone(ZoneInfo(zone))
    if local.date() != day or day.weekday() >= 5:
        return None
    minutes = local.hour * 60 + local.minute
    if minutes < oh * 60 + om:
        return "premarket"
    return "intraday" if minutes < ch * 60 + cm else None


def session_day(published_at: datetime, market: str = "US") -> date:
    """The trading day of ``market``'s latest session begun by ``published_at``: "the stock closed down 17%"
    written at 21:15 New York time (02:15 UTC the next day) is about that day's close; written before the
    day's first session opens, or on a weekend, about the last weekday's (exchange holidays are ignored).
    A naive ``published_at`` is taken as UTC."""
    zone, opens = MARKETS.get(market, MARKETS["US"])
    when = published_at if published_at.tzinfo else published_at.replace(tzinfo=UTC)
    local = when.astimezone(ZoneInfo(zone))
    day = local.date() if local.hour >= opens else local.date() - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _govern(
    found: list[_Found], fs: int, fe: int, lo: int, hi: int, language: str, sentence: str = ""
) -> EventTime | None:
    """The governing expression's time (None when the governing one cannot be resolved)."""
    in_clause = [f for f in found if lo <= f.span[0] and f.span[1] <= hi]
    before = [f for f in in_clause if f.span[1] <= fs]
    after = [f for f in in_clause if f.span[0] >= fe]
    if language == "en" and after and before:
        # "recovered 8.9% on Tuesday after losing nearly $600 billion in market value on Monday": a day before a
        # clause the figure opens is the main clause's; the figure's own day follows it
        before = [f for f in before if not _EN_LATER_CLAUSE.search(sentence, f.span[1], fs)]
    if language == "ko" and before:
        return max(before, key=lambda f: f.span[1]).time
    if before or after:
        options = [(fs - f.span[1], 0, f) for f in before] + [(f.span[0] - fe, 1, f) for f in after]
        return min(options, key=lambda o: (o[0], o[1]))[2].time
    earlier = [f for f in found if f.span[1] <= lo and f.initial]
    if earlier:
        return max(earlier, key=lambda f: f.span[1]).time
    # "It is a long way from January, when the DeepSeek scare sent Nvidia down 17%": a when-clause is its day's
    framed = [f for f in found if f.span[1] <= lo and _WHEN_CLAUSE.match(sentence, f.span[1])
              and _WHEN_CLAUSE.match(sentence, f.span[1]).end() >= lo]
    return max(framed, key=lambda f: f.span[1]).time if framed else None
