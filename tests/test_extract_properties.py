"""Property tests: every supported rendering of a number parses back; any text is handled safely."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipelines.extract import QUALIFIERS, extract_figures
from pipelines.extract.numbers_en import find_en_numbers
from pipelines.extract.numbers_ko import find_ko_numbers

HANGUL = "영일이삼사오육칠팔구"
BIG = [(10**12, "조"), (10**8, "억"), (10**4, "만")]


def _groups(n: int) -> list[tuple[int, str]]:
    out = []
    for size, unit in BIG:
        g, n = divmod(n, size)
        if g:
            out.append((g, unit))
    if n:
        out.append((n, ""))
    return out


def _hangul_small(n: int) -> str:
    """1..9999 in Hangul numerals: 6500 → 육천오백, 1 → 일, 10 → 십."""
    out = []
    for value, name in ((1000, "천"), (100, "백"), (10, "십")):
        d, n = divmod(n, value)
        if d:
            out.append(("" if d == 1 else HANGUL[d]) + name)
    if n:
        out.append(HANGUL[n])
    return "".join(out)


def _cheon(n: int) -> str:
    """1..9999 with 천 for the thousands: 6500 → 6천500, 6000 → 6천, 500 → 500."""
    th, rest = divmod(n, 1000)
    return (f"{th}천" if th else "") + (str(rest) if rest else "")


def ko_render(n: int, style: str) -> str:
    """A Korean rendering of a positive integer."""
    if style == "plain":
        return str(n)
    if style == "comma":
        return f"{n:,}"
    groups = _groups(n)
    if style == "units_space":
        return " ".join(f"{g}{u}" for g, u in groups)
    if style == "units_tight":
        return "".join(f"{g}{u}" for g, u in groups)
    if style == "units_cheon":
        return " ".join(f"{_cheon(g)}{u}" for g, u in groups)
    if style == "hangul":
        return " ".join(f"{_hangul_small(g) if g > 1 or not u else '일'}{u}" for g, u in groups)
    raise ValueError(style)


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words_small(n: int) -> str:
    parts = []
    h, n = divmod(n, 100)
    if h:
        parts.append(f"{_ONES[h]} hundred")
    if n >= 20:
        t, o = divmod(n, 10)
        parts.append(_TENS[t] + (f"-{_ONES[o]}" if o else ""))
    elif n:
        parts.append(_ONES[n])
    return " ".join(parts)


def en_words(n: int) -> str:
    """English words for 1 <= n < 10**12."""
    parts = []
    for size, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        g, n = divmod(n, size)
        if g:
            parts.append(f"{_words_small(g)} {name}")
    if n:
        parts.append(_words_small(n))
    return " ".join(parts)


def en_render(n: int, style: str) -> str:
    """An English rendering of a positive integer."""
    if style == "plain":
        return str(n)
    if style == "comma":
        return f"{n:,}"
    if style == "words":
        return en_words(n)
    if style == "scaled":
        for size, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
            if n >= size:
                mantissa = f"{Decimal(n) / size:f}"
                if "." in mantissa:
                    mantissa = mantissa.rstrip("0").rstrip(".")
                return f"{mantissa} {name}"
        return str(n)
    raise ValueError(style)


KO_STYLES = ["plain", "comma", "units_space", "units_tight", "units_cheon", "hangul"]
EN_STYLES = ["plain", "comma", "words", "scaled"]
# integers with few significant digits, as reported figures are
round_ints = st.builds(
    lambda mantissa, exp: mantissa * 10**exp, st.integers(min_value=2, max_value=99_999), st.integers(0, 7)
)


@settings(max_examples=300, deadline=None)
@given(n=round_ints, style=st.sampled_from(KO_STYLES))
def test_korean_rendering_parses_back(n, style):
    assume(style != "hangul" or n >= 10)  # a lone Hangul digit ("이", "삼") is a word, not a number
    # ... also as the last group after a space ("일만 일" for 10,001: nobody writes it; "일" is "day", "work")
    assume(style != "hangul" or n < 10_000 or not 0 < n % 10_000 < 10)
    rendered = ko_render(n, style)
    nums = find_ko_numbers(rendered)
    assert len(nums) == 1 and nums[0].value == n, (rendered, nums)
    text = f"딥시크는 {rendered}달러를 썼다."
    figs = extract_figures(text, "ko")
    assert [f.value for f in figs] == [n], (text, figs)
    assert figs[0].unit == "USD"


@settings(max_examples=300, deadline=None)
@given(n=round_ints, style=st.sampled_from(EN_STYLES))
def test_english_rendering_parses_back(n, style):
    rendered = en_render(n, style)
    nums = find_en_numbers(rendered)
    assert len(nums) == 1 and nums[0].value == n, (rendered, nums)
    figs = extract_figures(f"The company bought {rendered} chips.", "en")
    assert [f.value for f in figs] == [n] and figs[0].unit == "chips", (rendered, figs)
    if style != "words":
        figs = extract_figures(f"The company paid ${rendered}.", "en")
        assert [f.value for f in figs] == [n] and figs[0].unit == "USD", (rendered, figs)


@settings(max_examples=200, deadline=None)
@given(mantissa=st.integers(1, 999), decimals=st.integers(1, 3), scale=st.sampled_from(["만", "억", "조"]))
def test_korean_decimal_with_big_unit(mantissa, decimals, scale):
    whole = Decimal(mantissa).scaleb(-decimals)
    rendered = f"{whole:f}{scale}"
    expected = whole * {"만": 10**4, "억": 10**8, "조": 10**12}[scale]
    figs = extract_figures(f"시가총액이 {rendered} 원 줄었다.", "ko")
    assert len(figs) == 1 and math.isclose(figs[0].value, float(expected), rel_tol=1e-12), (rendered, figs)


def _check_figures(text: str, figs) -> None:
    for i, f in enumerate(figs):
        assert text[f.span_start : f.span_end] == f.surface
        assert text[f.sentence_start : f.sentence_start + len(f.sentence)] == f.sentence
        assert f.sentence_start <= f.span_start <= f.span_end <= f.sentence_start + len(f.sentence)
        assert f.qualifier in QUALIFIERS
        assert f.linked_to is None or 0 <= f.linked_to < i
        if f.value_low is not None and f.value_high is not None:
            assert f.value_low <= f.value_high
        assert (f.value is None) == (f.qualifier == "vague")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), language=st.sampled_from(["ko", "en", None]))
def test_arbitrary_text_is_safe(text, language):
    _check_figures(text, extract_figures(text, language))


TOKENS = [
    "약 ",
    "최대 ",
    "1만",
    "6000",
    "개",
    "달러",
    "원",
    "(",
    ")",
    "억",
    "조",
    "천",
    "이상",
    " 미만",
    "%",
    "-",
    "~",
    "20분의 1",
    "H800",
    "딥시크",
    "엔비디아의 ",
    "NYT에 따르면 ",
    "$",
    "5.6",
    " million",
    " billion",
    "more than ",
    "about ",
    " or more",
    " chips",
    "DeepSeek ",
    "Nvidia's ",
    "16,000",
    "2,048",
    ". ",
    "\n",
    " ",
    "여",
    "수십 ",
    "배",
    "년",
    "일",
    "시간",
    "percent",
    " to ",
    "between ",
    " and ",
    "according to CNN ",
    "一",
    "٣",
    "\u200b",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(TOKENS), max_size=40), language=st.sampled_from(["ko", "en", None]))
def test_figure_like_text_is_safe(parts, language):
    text = "".join(parts)
    _check_figures(text, extract_figures(text, language))
