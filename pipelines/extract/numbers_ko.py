"""Korean number grammar.

A number is a sequence of sections, each optionally followed by a big unit 조 (10^12), 억 (10^8) or
만 (10^4) in decreasing order, with an optional single space between sections: "557만 6000", "1억 300만",
"1만6000", "78억8000만", "1.6조". A section is Arabic digits (thousands separators and decimals allowed)
or a composition with 십/백/천 ("2천", "3천5백", "1천200"), in Arabic or Hangul digits ("오백", "이천").

Each parse also returns the *resolution*: the place value of the last significant digit as written
("557만 6000" → 1000, "1억" → 10^8, "5.6" → 0.1, "11.20" → 0.01). Trailing zeros of an integer are not
significant ("16,000" → 1000); stated decimals are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

__all__ = [
    "BIG_UNITS",
    "HANGUL_DIGITS",
    "SMALL_UNITS",
    "KoNumber",
    "digits_resolution",
    "find_ko_numbers",
    "parse_ko_number",
]

HANGUL_DIGITS: dict[str, int] = {
    "영": 0,
    "일": 1,
    "이": 2,
    "삼": 3,
    "사": 4,
    "오": 5,
    "육": 6,
    "륙": 6,
    "칠": 7,
    "팔": 8,
    "구": 9,
}
SMALL_UNITS: dict[str, int] = {"십": 10, "백": 100, "천": 1000}
BIG_UNITS: dict[str, int] = {"만": 10**4, "억": 10**8, "조": 10**12}

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?")
_START = re.compile(r"[0-9일이삼사오육륙칠팔구십백천]")


@dataclass(frozen=True)
class KoNumber:
    """A parsed Korean number and where it stands (``text[start:end]``)."""

    value: Decimal
    resolution: Decimal
    start: int
    end: int
    hangul: bool  # written (at least partly) in Hangul numerals
    top_big: int | None  # the largest big unit used (10^4, 10^8, 10^12), if any


def digits_resolution(digits: str) -> Decimal:
    """Place value of the last significant digit of an Arabic numeral ("6000" → 1000, "5.60" → 0.01)."""
    digits = digits.replace(",", "")
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".", 1)[1]))
    stripped = digits.rstrip("0")
    if not stripped:  # zero
        return Decimal(1)
    return Decimal(1).scaleb(len(digits) - len(stripped))


# A number this large is no figure (a run of hundreds of digits): as a DOUBLE it, or its interval, would be infinite.
TOO_LARGE = Decimal("1e300")


def _is_multiple(value: Decimal, step: Decimal) -> bool:
    """Whether ``value`` is a whole multiple of ``step``, exactly for any number of digits (``%`` in the
    default 28-digit context raises ``DivisionImpossible`` once the quotient is longer: a 29-digit run
    followed by 만)."""
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() - step.adjusted() + 2)
        return value % step == 0


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _section(text: str, pos: int) -> tuple[Decimal, Decimal, int, bool, bool] | None:
    """Parse one section at ``pos``: (value, resolution, end, used_hangul, used_multiplier)."""
    value = Decimal(0)
    resolution: Decimal | None = None
    j = pos
    hangul = False
    multiplier = False
    n = len(text)
    while j < n:
        coef: Decimal | None = None
        coef_res = Decimal(1)
        k = j
        m = _DIGITS.match(text, j)
        if m:
            coef = Decimal(m.group().replace(",", ""))
            coef_res = digits_resolution(m.group())
            k = m.end()
        elif text[j] in HANGUL_DIGITS and k + 1 <= n:
            coef = Decimal(HANGUL_DIGITS[text[j]])
            k = j + 1
            hangul = True
        if k < n and text[k] in SMALL_UNITS:
            mult = SMALL_UNITS[text[k]]
            if coef is None:
                hangul = True
            c = coef if coef is not None else Decimal(1)
            value += c * mult
            resolution = (coef_res if coef is not None else Decimal(1)) * mult
            multiplier = True
            j = k + 1
            continue
        if coef is not None:
            if m is None and not multiplier and j == pos and not (k < n and text[k] in BIG_UNITS):
                # a lone Hangul digit ("이", "일") is a word, not a number; "일만", "삼억" are numbers
                return None
            value += coef
            resolution = coef_res
            j = k
        break
    if resolution is None:
        return None
    if value and resolution > 1 and not _is_multiple(value, resolution):
        # e.g. "1천200": the last stated term decides the resolution; keep the finest
        resolution = Decimal(1)
    return value, resolution, j, hangul, multiplier


def parse_ko_number(text: str, pos: int) -> KoNumber | None:
    """Parse the longest Korean number starting exactly at ``pos``; ``None`` if there is none."""
    total = Decimal(0)
    resolution: Decimal | None = None
    last_big: int | None = None
    top_big: int | None = None
    hangul = False
    multiplier = False
    j = pos
    end = pos
    n = len(text)
    while True:
        sec = _section(text, j)
        if sec is None:
            break
        value, res, k, sec_hangul, sec_mult = sec
        if k < n and text[k] in BIG_UNITS and (last_big is None or BIG_UNITS[text[k]] < last_big):
            big = BIG_UNITS[text[k]]
            if last_big is not None and value >= Decimal(last_big) / big:
                break
            total += value * big
            resolution = res * big
            last_big = big
            top_big = top_big or big
            hangul = hangul or sec_hangul
            multiplier = True
            end = k + 1
            # continue with the next section, directly or after a single space
            if end < n and text[end] == " " and end + 1 < n and _START.match(text, end + 1):
                j = end + 1
            elif end < n and _START.match(text, end):
                j = end
            else:
                break
            continue
        if last_big is not None and value >= last_big:
            break
        if last_big is not None and sec_hangul != hangul and not sec_hangul and j != end:
            # "1억 2000" joined across a space: fine; Hangul/Arabic mixes are fine too
            pass
        total += value
        resolution = res
        hangul = hangul or sec_hangul
        multiplier = multiplier or sec_mult
        end = k
        break
    if resolution is None:
        return None
    if hangul and not multiplier:
        return None
    if total and resolution > 1 and not _is_multiple(total, resolution):
        resolution = Decimal(1)
    return KoNumber(total, resolution, pos, end, hangul, top_big)


def find_ko_numbers(text: str) -> list[KoNumber]:
    """All maximal Korean numbers in ``text``, left to right, not overlapping.

    A number never starts right after a Latin letter, a digit, a period or a comma (model numbers such
    as "H800", "R1", decimals); a Hangul numeral never starts right after another Hangul syllable.
    """
    out: list[KoNumber] = []
    i = 0
    n = len(text)
    while i < n:
        m = _START.search(text, i)
        if not m:
            break
        s = m.start()
        prev = text[s - 1] if s > 0 else ""
        ch = text[s]
        ok = True
        if ch.isdigit():
            if prev and (prev.isascii() and (prev.isalnum() or prev in "._")):
                ok = False
            if prev == "," and s > 1 and text[s - 2].isdigit():
                ok = False
            if prev == "-" and s > 1 and text[s - 2].isascii() and text[s - 2].isalpha():
                ok = False
        elif prev and (_is_hangul(prev) or (prev.isascii() and prev.isalnum())):
            ok = False
        if ok:
            num = parse_ko_number(text, s)
            if num is not None and num.end > s:
                if num.value < TOO_LARGE:
                    out.append(num)
                i = num.end
                continue
        # skip the rest of a digit run so that "H800" does not yield "00"
        i = s + 1
        while ch.isdigit() and i < n and (text[i].isdigit() or text[i] in ".,"):
            i += 1
    return out
