"""Korean figure grammar: number + (여) + unit or counter (+ counted noun) with qualifiers around it,
ranges ("12-15억 달러", "1000~2000개"), fractions ("20분의 1") and vague amounts ("수십 개의 기업");
native numerals with a counter ("세 차례", "석 달", fused alternatives "두세 차례" as ranges), native day
counts ("사흘간") and multiplicative words ("배증", "반토막"). A counter that names no noun takes the one
the previous sentence counted (``prior``).

Not figures: calendar years ("2023년", "2020년대"), "N년 전" (a point in time), dates ("1월 27일": a day
count needs 간/동안/만에/이내/째 or a qualifier), ordinals ("제3조"), numbers without a unit or counter.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .candidate import CURRENCY_UNITS, Candidate, band_bounds
from .exclusions import inside
from .levels import index_levels
from .numbers_ko import HANGUL_DIGITS, KoNumber, find_ko_numbers, parse_ko_number
from .qualifiers import EXACT, direction, ko_prefix, ko_suffix
from .units import KO_AFTER_OK, UnitMatch, ko_noun_unit, match_ko_unit

__all__ = ["ko_candidates"]

VAGUE_UNITS = CURRENCY_UNITS | {"chips", "servers", "companies", "gpu_hours", "units"}
_PAREN = re.compile(r"\s?\([^()]{1,40}\)")
_RANGE_SEP = re.compile(r"\s?[~\-–〜∼～]\s?")
_VAGUE = re.compile(r"(?<![가-힣])(?:수(?:십|백|천)?(?:만|억|조)|수(?:십|백|천)|몇(?:십|백|천)?(?:만|억|조)?)")
_DAY_OK = ("간", "동안", " 동안", "만에", " 만에", "이내", " 이내", "째", "내", " 내", "연속", " 연속")
_NEG_SIGNS = "-−▼△"
# "N%대" (N-something percent) and its early, middle and late part: "30% 중반", "70%대 초반"
_KO_BAND = re.compile(r"(대(?![가-힣])|대(?=[를을는은가이의로에도]))?(?:(대)?\s?(초반|중반|후반))?")
_POS_SIGNS = "+▲"


def _rule(unit: str) -> str:
    if unit in CURRENCY_UNITS:
        return "ko.currency"
    if unit in ("percent", "percentage_points"):
        return "ko.percent"
    if unit in ("years", "months", "days", "hours"):
        return "ko.duration"
    if unit in ("times", "fraction", "gpu_hours"):
        return f"ko.{unit}"
    return "ko.count"


def _elided_unit(text: str, unit: UnitMatch, prior: str | None) -> str | None:
    """The previous sentence's counted noun for a counter that names none here ("약 900개뿐", "300대 미만이").

    Only when nothing follows the counter but a particle, a qualifier or punctuation: "3개국", "3개 국가"
    count something else.
    """
    if prior is not None and prior.startswith("sheets:"):
        prior = prior[len("sheets:"):] if unit.counter == "장" else None  # (only a 장 counts what the article does)
    if prior is None or (unit.counter == "곳" and prior != "companies"):
        return None
    nxt = text[unit.end : unit.end + 1]
    if nxt == " " and ko_suffix(text, unit.end) is None:
        return None
    if "\uac00" <= nxt <= "\ud7a3" and nxt not in KO_AFTER_OK:
        return None
    return prior


def _resolve_counter(
    text: str,
    unit: UnitMatch,
    num_start: int,
    chip_spans: list[tuple[int, int]] | None = None,
    prior: str | None = None,
) -> tuple[str, int] | None:
    """Unit and surface end for a unit match, resolving generic counters by the counted noun (in the
    sentence, else ``prior``: the noun the previous sentence counted)."""
    if not unit.generic:
        return unit.unit, unit.end
    found = ko_noun_unit(text, unit.end, num_start, chip_spans=chip_spans)
    if found is None:
        elided = _elided_unit(text, unit, prior)
        if elided is not None:
            return elided, unit.end
        if unit.counter == "장" and prior == "sheets:chips":
            return "chips", unit.end  # "5만 장 규모의 'AI 팩토리'" in an article counting GPUs
        if unit.counter in ("대", "장"):
            return None
        return "count", unit.end
    noun_unit, noun_start, noun_end = found
    if unit.counter == "곳" and noun_unit not in ("companies",):
        return "count", unit.end
    gap = text[unit.end : noun_start]
    end = noun_end if noun_start >= unit.end and gap in ("", " ") else unit.end
    return noun_unit, end


def _qualify(text: str, start: int, end: int, approx_mark: bool) -> tuple[str, int, int, str]:
    """Qualifier for a figure spanning ``start:end`` (number to unit): (qualifier, start, end, rule suffix)."""
    qual = "approx" if approx_mark else "exact"
    suffix_rule = ""
    pre = ko_prefix(text, start)
    post = ko_suffix(text, end)
    if pre:
        start = pre[1]
        if pre[0] != EXACT:
            qual = pre[0]
    if post:
        end = post[1]
        if post[0] != EXACT:
            if pre and pre[0] not in (EXACT, post[0]):
                suffix_rule = "+mixed"
            qual = post[0]
    return qual, start, end, suffix_rule


def _single(
    text: str, n: KoNumber, chip_spans: list[tuple[int, int]], prior: str | None = None
) -> Candidate | None:
    pos = n.end
    approx_mark = False
    if text.startswith("여", pos) and match_ko_unit(text, pos + 1):
        approx_mark = True
        pos += 1
    unit = match_ko_unit(text, pos)
    if unit is None:
        return None
    resolved = _resolve_counter(text, unit, n.start, chip_spans, prior)
    if resolved is None:
        return None
    unit_name, end = resolved
    after = text[unit.end : unit.end + 4]
    is_int = n.value == n.value.to_integral_value()
    if unit_name == "years":
        if after.startswith(("대", "도", " 전", "전")):
            return None
        if is_int and 1900 <= n.value <= 2100 and not ko_prefix(text, n.start):
            return None
    if unit_name == "days" and not after.startswith(_DAY_OK) and not ko_prefix(text, n.start) and not (
            is_int and n.value > 31 and not text[unit.end : unit.end + 1].isdigit()):
        return None  # (more than 31 days is no day of a month: "120일의 유예 기간", "120일 뒤 발효")
    if unit_name == "months" and unit.counter == "개월" and after.startswith((" 전", "전")):
        return None
    sign_start = n.start
    sign = 0
    if n.start > 0 and text[n.start - 1] in _NEG_SIGNS + _POS_SIGNS:
        sign = -1 if text[n.start - 1] in _NEG_SIGNS else 1
        sign_start = n.start - 1
    unit_end = end
    qual, start, end, extra = _qualify(text, sign_start, end, approx_mark)
    paren = _PAREN.match(text, unit_end)
    if paren and ko_suffix(text, unit_end) is None:
        # "5억 달러(약 7290억 원)를 넘는다": the qualifier after a conversion bounds the main figure
        post = ko_suffix(text, paren.end())
        if post and post[0] != EXACT:
            qual = post[0]
    value = n.value * unit.factor
    band = _KO_BAND.match(text, unit_end) if unit_name == "percent" else None
    if band and (band.group(1) or band.group(3)) and ko_suffix(text, unit_end) is None:
        # "30% 중반", "70%대 초반", "4%대": a band of the decade (or unit) the number opens, not the number
        low, high = band_bounds(float(n.value), band.group(3))
        end = max(end, band.end())
        if sign == 0:
            sign = direction(text, start, end, "ko")
        if sign < 0:
            low, high = -high, -low
        return Candidate(start, end, n.start, n.end, (low + high) / 2, None, unit_name, "range",
                         _rule(unit_name) + "+band", low, high, direction=sign)
    if unit_name in ("percent", "percentage_points"):
        if sign == 0:
            sign = direction(text, start, end, "ko")
        if sign < 0:
            value = -value
    else:
        sign = 0
        if sign_start != n.start and start == sign_start:
            start = n.start  # a sign before a non-percentage is punctuation, not part of the figure
    return Candidate(
        start,
        end,
        n.start,
        n.end,
        float(value),
        float(n.resolution * unit.factor),
        unit_name,
        qual,
        _rule(unit_name) + extra,
        direction=sign,
    )


def _fraction(text: str, n: KoNumber) -> Candidate | None:
    if not text.startswith("분의", n.end) or n.value == 0:
        return None
    j = n.end + 2
    if j < len(text) and text[j] == " ":
        j += 1
    num = parse_ko_number(text, j)
    if num is not None:
        numerator, num_end = num.value, num.end
    elif j < len(text) and text[j] in HANGUL_DIGITS:
        numerator, num_end = Decimal(HANGUL_DIGITS[text[j]]), j + 1
    else:
        return None
    value = numerator / n.value
    resolution = numerator / (n.value * n.value)
    qual, start, end, extra = _qualify(text, n.start, num_end, False)
    return Candidate(start, end, n.start, num_end, float(value), float(resolution), "fraction", qual, "ko.fraction")


def _range(
    text: str, n: KoNumber, nxt: KoNumber | None, chip_spans: list[tuple[int, int]], prior: str | None = None
) -> Candidate | None:
    if nxt is None:
        return None
    unit1 = match_ko_unit(text, n.end)
    pos = unit1.end if unit1 and not unit1.generic else n.end
    m = _RANGE_SEP.match(text, pos)
    if not m or m.end() != nxt.start:
        return None
    unit2 = match_ko_unit(text, nxt.end)
    if unit2 is None or (unit1 is not None and pos != n.end and unit1.unit != unit2.unit):
        return None
    resolved = _resolve_counter(text, unit2, n.start, chip_spans, prior)
    if resolved is None:
        return None
    unit_name, end = resolved
    low, high = n.value, nxt.value
    if n.top_big is None and nxt.top_big is not None and low * nxt.top_big <= high:
        low *= nxt.top_big
    low, high = low * unit2.factor, high * unit2.factor
    if not low < high:
        return None
    if unit_name == "years" and 1900 <= low <= 2100:
        return None
    start = n.start
    pre = ko_prefix(text, start)
    if pre:
        start = pre[1]
    post = ko_suffix(text, end)
    if post and post[0] == "approx":
        end = post[1]
    mid = (low + high) / 2
    return Candidate(
        start,
        end,
        n.start,
        nxt.end,
        float(mid),
        None,
        unit_name,
        "range",
        _rule(unit_name) + "+range",
        low=float(low),
        high=float(high),
    )


def _vague(
    text: str, excluded: list[tuple[int, int]], taken: list[Candidate], chip_spans: list[tuple[int, int]]
) -> list[Candidate]:
    out = []
    for m in _VAGUE.finditer(text):
        if inside(excluded, m.start(), m.end()) or any(c.start < m.end() and m.start() < c.end for c in taken):
            continue
        unit = match_ko_unit(text, m.end())
        if unit is None:
            continue
        resolved = _resolve_counter(text, unit, m.start(), chip_spans)
        if resolved is None or resolved[0] not in VAGUE_UNITS:
            continue
        unit_name, end = resolved
        out.append(Candidate(m.start(), end, m.start(), m.end(), None, None, unit_name, "vague", "ko.vague"))
    return out


_NATIVE_VALUES = {
    "한": 1,
    "두": 2,
    "세": 3,
    "석": 3,
    "네": 4,
    "넉": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "스무": 20,
    "두어": 2,  # "두어 달": about two
}
_NATIVE_ABOUT = frozenset({"두어"})
# Two neighbouring numerals fused into one word are an alternative, read as a range: "두세 차례", "서너 달".
_NATIVE_PAIRS = {
    "한두": (1, 2),
    "두세": (2, 3),
    "두서너": (2, 4),
    "서너": (3, 4),
    "서넛": (3, 4),
    "너덧": (4, 5),
    "네댓": (4, 5),
    "대여섯": (5, 6),
    "예닐곱": (6, 7),
    "일고여덟": (7, 8),
}
_NATIVE_WORDS = sorted([*_NATIVE_VALUES, *_NATIVE_PAIRS], key=len, reverse=True)
_NATIVE_COUNTERS = ("개월", "달", "개", "곳", "명", "배", "해", "대", "차례", "번", "곱절", "갑절")
_NATIVE = re.compile(
    rf"(?<![가-힣])({'|'.join(_NATIVE_WORDS)})\s?({'|'.join(_NATIVE_COUNTERS)})(?=[^가-힣]|$|["
    + "".join(sorted(KO_AFTER_OK))
    + "])"
)
_NATIVE_UNITS = {
    "개월": "months",
    "달": "months",
    "명": "people",
    "배": "times",
    "곱절": "times",
    "갑절": "times",
    "해": "years",
    "차례": "count",  # occasions: "세 차례 개정했다"
    "번": "count",
}
_ONLY_FOR = re.compile(r"에\s?$")  # "기업에 한해": "only for", not one year


def _native_skip(text: str, m: re.Match) -> bool:
    """Native numerals that are words, not counts."""
    word, counter = m.group(1), m.group(2)
    if word == "한" and counter not in ("달", "개월", "해"):
        return True  # "서버 한 대", "H100 한 개의 가격", "한 번": "one", not a count worth reporting
    if word == "한" and counter == "해" and m.end(1) == m.start(2) and _ONLY_FOR.search(text, 0, m.start()):
        return True  # "허가받은 기업에 한해" (限해): "only for"
    if counter == "달" and text.startswith("러", m.end()):
        return True  # "두 달러" is two dollars, written with a native numeral: too rare to guess
    return counter in ("번", "차례") and text.startswith("째", m.end())  # "두 번째": an ordinal


def _native(
    text: str,
    excluded: list[tuple[int, int]],
    taken: list[Candidate],
    chip_spans: list[tuple[int, int]],
    prior: str | None = None,
) -> list[Candidate]:
    """Native Korean numerals with a counter: "두 달 남짓", "세 곳", "두 배", "한 해", "세 차례", and fused
    alternatives as ranges: "두세 차례" → [2, 3]."""
    out = []
    for m in _NATIVE.finditer(text):
        if inside(excluded, m.start(), m.end()) or any(c.start < m.end() and m.start() < c.end for c in taken):
            continue
        if _native_skip(text, m):
            continue
        counter = m.group(2)
        unit_name = _NATIVE_UNITS.get(counter)
        end = m.end()
        if unit_name is None:
            resolved = _resolve_counter(
                text, UnitMatch("count", m.start(2), m.end(2), True, counter), m.start(), chip_spans, prior
            )
            if resolved is None:
                continue
            unit_name, end = resolved
        pair = _NATIVE_PAIRS.get(m.group(1))
        if pair is not None:
            start = m.start()
            pre = ko_prefix(text, start)
            if pre:
                start = pre[1]
            low, high = float(pair[0]), float(pair[1])
            rule = _rule(unit_name) + "+range+native"
            out.append(
                Candidate(start, end, m.start(), m.end(1), (low + high) / 2, None, unit_name, "range", rule, low, high)
            )
            continue
        qual, start, end, extra = _qualify(text, m.start(), end, m.group(1) in _NATIVE_ABOUT)
        value = float(_NATIVE_VALUES[m.group(1)])
        out.append(
            Candidate(
                start, end, m.start(), m.end(1), value, 1.0, unit_name, qual, _rule(unit_name) + "+native" + extra
            )
        )
    return out


# Native day counts: "사흘간", "열흘 만에", "이틀째" (하루 "one day" is left out, like 한 개). A day count needs
# a duration ending or a qualifier, as with 일: "이틀 전" is a point in time.
_NATIVE_DAYS = {
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "아흐레": 9,
    "열흘": 10,
    "보름": 15,
}
_NATIVE_DAY = re.compile(rf"(?<![가-힣])({'|'.join(sorted(_NATIVE_DAYS, key=len, reverse=True))})")
# Multiplicative words: "배증했다" (doubled), "두 곱절" (see _NATIVE), "곱절로", "반토막 났다" (halved).
_KO_HALF_OF = re.compile(r"(?:달러|원|개|시간|배)의\s(절반)"
                         r"(?=\s?(?:수준|가량|정도|에\s?불과|에\s?그|밖에|도\s?안|에도\s?못|이다|이었|에\s?해당))")
_MULTIPLES = {"배증": 2.0, "곱절": 2.0, "갑절": 2.0, "반토막": 0.5}
_MULTIPLE = re.compile(rf"(?<![가-힣0-9])({'|'.join(_MULTIPLES)})")  # "2배증가" is 2배 glued, not 배증


def _words(text: str, excluded: list[tuple[int, int]], taken: list[Candidate]) -> list[Candidate]:
    """Counts written as words without a numeral: native day counts and multiplicative words."""
    out = []
    for m in _NATIVE_DAY.finditer(text):
        if inside(excluded, m.start(), m.end()) or any(c.start < m.end() and m.start() < c.end for c in taken):
            continue
        if not text.startswith(_DAY_OK, m.end()) and not ko_prefix(text, m.start()):
            continue
        qual, start, end, extra = _qualify(text, m.start(), m.end(), False)
        value = float(_NATIVE_DAYS[m.group(1)])
        out.append(Candidate(start, end, m.start(), m.end(), value, 1.0, "days", qual, "ko.duration+native" + extra))
    for m in _KO_HALF_OF.finditer(text):
        # "1억 달러의 절반 수준이다": a fraction of the figure before it (not "절반 이상이 …", a share of a whole)
        if inside(excluded, m.start(1), m.end(1)) or any(c.start < m.end(1) and m.start(1) < c.end for c in taken):
            continue
        qual, start, end, extra = _qualify(text, m.start(1), m.end(1), False)
        out.append(Candidate(start, end, m.start(1), m.end(1), 0.5, 0.1, "fraction", qual, "ko.fraction+word" + extra))
    for m in _MULTIPLE.finditer(text):
        if inside(excluded, m.start(), m.end()) or any(c.start < m.end() and m.start() < c.end for c in taken):
            continue
        qual, start, end, extra = _qualify(text, m.start(), m.end(), False)
        value = _MULTIPLES[m.group(1)]
        res = 1.0 if value >= 1 else 0.1
        out.append(Candidate(start, end, m.start(), m.end(), value, res, "times", qual, "ko.times+word" + extra))
    return out


def ko_candidates(
    text: str, excluded: list[tuple[int, int]], blocked: list[tuple[int, int]], prior: str | None = None
) -> list[Candidate]:
    """Figure candidates in one Korean sentence. ``blocked`` spans (chip names) never hold numbers; ``prior``
    is the noun the previous sentence counted (``chips``...), for a counter that names none ("약 900개뿐")."""
    nums = [
        n for n in find_ko_numbers(text) if not inside(excluded, n.start, n.end) and not inside(blocked, n.start, n.end)
    ]
    out: list[Candidate] = []
    used = 0
    for i, n in enumerate(nums):
        if n.start < used:
            continue
        if n.start > 0 and text[max(0, n.start - 2) : n.start].strip().endswith("제"):
            continue
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        cand = _fraction(text, n) or _range(text, n, nxt, blocked, prior) or _single(text, n, blocked, prior)
        if cand is None:
            continue
        if out and cand.start < out[-1].end:
            cand.start = max(cand.start, out[-1].end)
            if cand.start > cand.num_start:
                continue
        out.append(cand)
        used = cand.num_end
    out += _vague(text, excluded, out, blocked)
    out += _native(text, excluded, out, blocked, prior)
    out += _words(text, excluded, out)
    out += [c for c in index_levels(text, "ko", out) if not inside(excluded, c.start, c.end)]
    out.sort(key=lambda c: c.start)
    return _shared_directions(text, out)


# "브로드컴이 13.3%, TSMC가 17.4% 밀리는 등": the verb after the last of a list of moves is every move's
_GAPPED = re.compile(r",\s?(?:[^\s,.]+\s){0,3}?[^\s,.]+(?:이|가|은|는|도)\s")


def _shared_directions(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Percentages with no direction of their own take the next one's when only ", <name>가" stands between."""
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if c.unit == "percent" and c.direction == 0 and nxt.unit == "percent" and nxt.direction != 0 and \
                _GAPPED.fullmatch(text, c.end, nxt.start):
            c.direction = nxt.direction
            if nxt.direction < 0 and c.value > 0:
                c.value = -c.value
    return cands
