"""Date parsing for news pages: ISO 8601, compact NYT stamps, JS dates, English and Korean visible dates.

Every result is timezone-aware. A value without an offset is read in the outlet's local zone
(``default_tz``): US Eastern for CNN and NYT, KST for News1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

EASTERN = ZoneInfo("America/New_York")
KST = ZoneInfo("Asia/Seoul")

TZ_ABBREVIATIONS: dict[str, tzinfo] = {
    "EST": EASTERN,
    "EDT": EASTERN,
    "ET": EASTERN,
    "CST": ZoneInfo("America/Chicago"),
    "CDT": ZoneInfo("America/Chicago"),
    "PST": ZoneInfo("America/Los_Angeles"),
    "PDT": ZoneInfo("America/Los_Angeles"),
    "GMT": UTC,
    "UTC": UTC,
    "UT": UTC,
    "Z": UTC,
    "KST": KST,
    "HKT": ZoneInfo("Asia/Hong_Kong"),
    "BST": ZoneInfo("Europe/London"),
    "CET": ZoneInfo("Europe/Paris"),
    "CEST": ZoneInfo("Europe/Paris"),
    "JST": ZoneInfo("Asia/Tokyo"),
}

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_ISO = re.compile(
    r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,4})?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$")
_JS_DATE = re.compile(
    r"(?:[A-Z][a-z]{2}\s+)?([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([A-Z]{2,4})\s+(\d{4})"
)
_MONTH_DATE = re.compile(
    r"\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s+(\d{4})",
    re.I,
)
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?(?![a-z])", re.I)
_MILITARY = re.compile(r"\b(\d{2})(\d{2})\s+(GMT|UTC|ET|EST|EDT)\b")
_TZ_WORD = re.compile(r"\b(EST|EDT|ET|GMT|UTC|KST|HKT|BST|CET|CEST|JST|PST|PDT|CST|CDT)\b")
_KO_DATE = re.compile(
    r"(\d{4})\s*[.년-]\s*(\d{1,2})\s*[.월-]\s*(\d{1,2})\s*[.일]?\s*(?:(오전|오후)?\s*(\d{1,2}):(\d{2}))?"
)


@dataclass(frozen=True)
class PageDate:
    """A date read from a page: the aware datetime, whether a time of day was given, and the raw text."""

    value: datetime
    has_time: bool
    raw: str


def _offset(text: str) -> tzinfo | None:
    if text in TZ_ABBREVIATIONS:
        return TZ_ABBREVIATIONS[text]
    match = re.match(r"^([+-])(\d{2}):?(\d{2})?$", text)
    if not match:
        return None
    sign = -1 if match.group(1) == "-" else 1
    delta = timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    return timezone(sign * delta)


def _make(year: int, month: int, day: int, hour: int, minute: int, second: int, tz: tzinfo) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def parse_iso(text: str, default_tz: tzinfo = UTC) -> PageDate | None:
    """ISO 8601 and close relatives (``2016-11-29 03:33:08``, ``2025.01.28 10:39``, ``...Z``, ``+0900``)."""
    raw = text.strip()
    match = _ISO.match(raw)
    if not match:
        return None
    year, month, day, hour, minute, second, _frac, zone = match.groups()
    tz = _offset(zone) if zone else default_tz
    if tz is None:
        tz = default_tz
    has_time = hour is not None
    value = _make(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), tz)
    if value is None:
        return None
    if _frac and has_time:
        value = value.replace(microsecond=int(_frac[:6].ljust(6, "0")))
    return PageDate(value, has_time, raw)


def parse_compact(text: str, default_tz: tzinfo = EASTERN) -> PageDate | None:
    """NYT ``pdate`` (``YYYYMMDD``) and ``ptime``/``utime`` (``YYYYMMDDhhmmss``), local time."""
    raw = text.strip()
    match = _COMPACT.match(raw)
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    value = _make(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), default_tz)
    return PageDate(value, hour is not None, raw) if value else None


def parse_epoch(value: float | int | str) -> PageDate | None:
    """Unix seconds or milliseconds."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number > 1e11:
        number /= 1000.0
    if not 0 < number < 4e9:
        return None
    return PageDate(datetime.fromtimestamp(number, tz=UTC), True, str(value))


def parse_js_date(text: str) -> PageDate | None:
    """``Fri Aug 13 19:08:33 EDT 2010`` as written by ``new Date(...)`` on old CNN pages."""
    match = _JS_DATE.search(text)
    if not match:
        return None
    mon, day, hour, minute, second, zone, year = match.groups()
    month = MONTHS.get(mon.lower()[:3])
    tz = TZ_ABBREVIATIONS.get(zone)
    if not month or tz is None:
        return None
    value = _make(int(year), month, int(day), int(hour), int(minute), int(second), tz)
    return PageDate(value, True, match.group(0)) if value else None


def parse_english(text: str, default_tz: tzinfo = EASTERN) -> PageDate | None:
    """Visible English dates: ``Updated 9:22 PM EST, Mon November 6, 2023``, ``July 12, 2011, 4:13 pm``,
    ``November 29, 2016: 8:18 AM ET``, ``Updated 0203 GMT (1003 HKT) November 28, 2013``, ``Jan. 13, 2017``."""
    match = _MONTH_DATE.search(text)
    if not match:
        return None
    month = MONTHS.get(match.group(1).lower()[:3])
    if not month:
        return None
    year, day = int(match.group(3)), int(match.group(2))
    tz: tzinfo = default_tz
    hour = minute = second = 0
    has_time = False
    clock = _CLOCK.search(text)
    military = _MILITARY.search(text)
    if clock:
        hour, minute = int(clock.group(1)) % 12, int(clock.group(2))
        second = int(clock.group(3) or 0)
        if clock.group(4).lower() == "p":
            hour += 12
        has_time = True
        zone = _TZ_WORD.search(text[clock.end() : clock.end() + 12])
        if zone:
            tz = TZ_ABBREVIATIONS[zone.group(1)]
    elif military:
        hour, minute = int(military.group(1)), int(military.group(2))
        tz = TZ_ABBREVIATIONS[military.group(3)]
        has_time = hour < 24 and minute < 60
        if not has_time:
            hour = minute = 0
            tz = default_tz
    value = _make(year, month, day, hour, minute, second, tz)
    return PageDate(value, has_time, text.strip()) if value else None


def parse_korean(text: str, default_tz: tzinfo = KST) -> PageDate | None:
    """``2025.01.28 10:39``, ``2025-01-28 오후 3:04``, ``2025년 1월 28일`` (KST unless stated)."""
    match = _KO_DATE.search(text)
    if not match:
        return None
    year, month, day, ampm, hour, minute = match.groups()
    h = int(hour or 0)
    if ampm == "오후" and h < 12:
        h += 12
    elif ampm == "오전" and h == 12:
        h = 0
    value = _make(int(year), int(month), int(day), h, int(minute or 0), 0, default_tz)
    return PageDate(value, hour is not None, text.strip()) if value else None


def parse_any(value: object, default_tz: tzinfo = UTC) -> PageDate | None:
    """Try every known format on ``value`` (a string or an epoch number)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return parse_epoch(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        if len(text) in (8, 12, 14):
            return parse_compact(text, default_tz)
        if len(text) in (10, 13):
            return parse_epoch(text)
        return None
    return (
        parse_iso(text, default_tz)
        or parse_js_date(text)
        or parse_english(text, default_tz)
        or parse_korean(text, default_tz)
    )


def choose(candidates: list[PageDate | None]) -> PageDate | None:
    """The first candidate, upgraded to a later one that adds a time of day on the same calendar date."""
    dated = [c for c in candidates if c is not None]
    if not dated:
        return None
    first = dated[0]
    if first.has_time:
        return first
    day = first.value.date()
    for cand in dated[1:]:
        if cand.has_time and cand.value.astimezone(first.value.tzinfo).date() == day:
            return cand
    return first
