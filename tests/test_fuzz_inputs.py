"""Fuzzing the number grammars (English and Korean) and the page parser: any input, no exception, bounded time.

The suite runs a few hundred examples per target. For the long run (10,000 or more each), set
``CHIPWATCH_FUZZ_EXAMPLES``::

    CHIPWATCH_FUZZ_EXAMPLES=10000 .venv/bin/pytest -q tests/test_fuzz_inputs.py

Inputs that found a bug are kept as plain tests in ``tests/test_fuzz_seeds.py``.
"""

from __future__ import annotations

import math
import os
import time
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.extract import QUALIFIERS, extract_figures
from pipelines.extract.grammar_en import en_candidates
from pipelines.extract.grammar_ko import ko_candidates
from pipelines.extract.numbers_en import find_en_numbers
from pipelines.extract.numbers_ko import find_ko_numbers
from pipelines.sources import parse_page

EXAMPLES = int(os.environ.get("CHIPWATCH_FUZZ_EXAMPLES", "200"))
LONG_EXAMPLES = max(5, EXAMPLES // 100)  # inputs of several thousand characters
_COMMON = {"deadline": None, "derandomize": "CHIPWATCH_FUZZ_EXAMPLES" not in os.environ,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
FUZZ = settings(max_examples=EXAMPLES, **_COMMON)
FUZZ_LONG = settings(max_examples=LONG_EXAMPLES, **_COMMON)


def _time_bound(size: int) -> float:
    """Seconds one input may take: linear in its length, generous (a few hundred characters of ordinary
    text take milliseconds; a sentence packed with a figure every two characters ~0.5 ms a character)."""
    return 2.0 + 0.002 * size

EN_TOKENS = [
    "0", "1", "5", "9", "12", "5.6", "5.576", "2,048", "16,000", "1,2", "1.234.567", ".5", "5.", ",", ".", "-",
    "–", "~", "/", "%", "$", "US$", "€", "£", "¥", "₩", "M", "B", "bn", "m", "k", "K", "T", "x", "X",
    " million", " billion", " trillion", " thousand", " hundred", " dozen", " percent", " per cent",
    " percentage points", "one", "two", "twenty", "-five", "forty", "hundred", " and ", " a ", " half",
    "one-tenth", "a third", "quarter", " to ", "between ", " or more", "more than ", "about ", "nearly ",
    "at least ", "up to ", "roughly ", "under ", " chips", " GPUs", " H800", " H100", " servers", " companies",
    " years", " months", " days", " hours", " GPU hours", " times", "-fold", " yuan", " won", " dollars",
    " people", "Nvidia", "DeepSeek", " shares", " fell ", " rose ", " (", ")", "'", "\"", " ", "  ", "\n",
    "No. ", "#", "R1", "V3", "2025", "Jan. 27", "3:42 p.m.", "+1 212 555 0100", "1e9", "٣", "५", "１２",
    "\u200b", "\xa0",
]
KO_TOKENS = [
    "0", "1", "5", "12", "557", "6000", "5.6", "2,048", "1만", "억", "조", "만", "천", "백", "십", "일", "이",
    "삼", "사", "오", "육", "칠", "팔", "구", "영", "공", "수십", "수백", "수천", "몇", "여", "약 ", "최대 ",
    "최소 ", "이상", " 이상", "미만", "이하", "넘는", "가량", "정도", "안팎", "남짓", "~", "-", "에서 ", "까지",
    "달러", "원", "위안", "엔", "유로", "개", "대", "곳", "명", "배", "%", "퍼센트", "포인트", "분의 ", "년",
    "개월", "일", "시간", "GPU 시간", "주", "개사", "개 기업", "칩", "딥시크", "엔비디아", "는 ", "가 ", "의 ",
    "(", ")", ",", ".", " ", "\n", "제", "H800", "R1", "2025년", "1월 27일", "오후 3시", "02-123-4567",
    "１", "一", "٣", "\u200b",
]


def _joined(tokens: list[str], max_repeat: int = 50, max_size: int = 60) -> st.SearchStrategy[str]:
    """Tokens, a little noise, and runs of one token repeated (long digit runs, a figure after a figure)."""
    token = st.sampled_from(tokens)
    run = st.builds(lambda tok, n: tok * n, token, st.integers(2, max_repeat))
    return st.lists(st.one_of(token, token, st.text(max_size=3), run), max_size=max_size).map("".join)


def _bounded(fn, *args):
    """``fn(*args)``, asserting it took less than its time bound; an overrun is timed again (twice at most)
    so that a machine busy with other work does not count as slow code, while slow code stays slow."""
    bound = _time_bound(sum(len(a) for a in args if isinstance(a, (str, bytes))))
    for _ in range(3):
        t0 = time.perf_counter()
        out = fn(*args)
        elapsed = time.perf_counter() - t0
        if elapsed < bound:
            return out
    raise AssertionError(f"{fn.__name__} took {elapsed:.2f} s, over its bound of {bound:.2f} s, three times")


def _check_number(text: str, n, value_kind=Decimal) -> None:
    assert 0 <= n.start < n.end <= len(text), n
    assert isinstance(n.value, value_kind) and n.value.is_finite() and n.value >= 0, n
    assert math.isfinite(float(n.value) * 10), n  # a DOUBLE holds it and its interval
    assert n.resolution.is_finite() and n.resolution > 0, n


def _check_candidates(text: str, cands) -> None:
    for c in cands:
        assert 0 <= c.start <= c.num_start <= c.num_end <= c.end <= len(text), c
        assert c.qualifier in QUALIFIERS, c
        for v in (c.value, c.low, c.high, c.resolution):
            assert v is None or math.isfinite(v) or v == math.inf, c
        if c.low is not None and c.high is not None:
            assert c.low <= c.high, c


def _check_figures(text: str, figs) -> None:
    for i, f in enumerate(figs):
        assert text[f.span_start : f.span_end] == f.surface
        assert text[f.sentence_start : f.sentence_start + len(f.sentence)] == f.sentence
        assert f.qualifier in QUALIFIERS
        assert f.linked_to is None or 0 <= f.linked_to < i
        assert f.value is None or math.isfinite(f.value), f
        if f.value_low is not None and f.value_high is not None:
            assert f.value_low <= f.value_high


def _check_english(text: str) -> None:
    for n in _bounded(find_en_numbers, text):
        _check_number(text, n)
    _check_candidates(text, _bounded(en_candidates, text, [], [], "chips"))
    _check_figures(text, _bounded(extract_figures, text, "en"))


def _check_korean(text: str) -> None:
    for n in _bounded(find_ko_numbers, text):
        _check_number(text, n)
    _check_candidates(text, _bounded(ko_candidates, text, [], [], "chips"))
    _check_figures(text, _bounded(extract_figures, text, "ko"))


@FUZZ
@given(text=_joined(EN_TOKENS))
def test_english_number_grammar_takes_any_text(text):
    _check_english(text)


@FUZZ
@given(text=_joined(KO_TOKENS))
def test_korean_number_grammar_takes_any_text(text):
    _check_korean(text)


@FUZZ_LONG
@given(text=_joined(EN_TOKENS, max_repeat=3_000, max_size=6), korean=_joined(KO_TOKENS, max_repeat=3_000, max_size=6))
def test_number_grammars_take_long_runs_in_linear_time(text, korean):
    _check_english(text)
    _check_korean(korean)


# ------------------------------------------------------------------------------------------------ pages

SAMPLE_PAGES = sorted((Path(__file__).resolve().parents[1] / "sample_archive" / "pages").glob("*/*.html"))
URLS = [
    "https://www.cnn.com/2025/01/27/tech/deepseek-nvidia/index.html",
    "https://www.nytimes.com/2025/01/27/technology/deepseek-ai.html",
    "https://www.news1.kr/world/international/5673971",
    "https://example.com/2025/01/27/chips.html",
    "",
    "not a url",
]
HTML_TOKENS = [
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<article>", "</article>", "<p>", "</p>",
    "<div class=\"article__content\">", "<div id=\"articleBodyContent\">", "</div>", "<section name=\"articleBody\">",
    "</section>", "<h1>", "</h1>", "<title>", "</title>", "<br>", "<script>", "</script>",
    "<script type=\"application/ld+json\">", "<script id=\"__NEXT_DATA__\" type=\"application/json\">",
    "{", "}", "[", "]", ":", ",", "\"", "\"@type\":", "\"NewsArticle\"", "\"headline\":", "\"datePublished\":",
    "\"2025-01-27T10:00:00Z\"", "\"author\":", "\"articleBody\":", "\"props\":", "\"pageProps\":",
    "\"articleView\":", "\"contentArrange\":", "null", "true", "1e999", "-0",
    "<meta property=\"og:title\" content=\"", "<meta name=\"article:published_time\" content=\"",
    "<meta charset=\"euc-kr\">", "<meta charset=\"utf-16\">", "<meta http-equiv=\"refresh\" content=\"0;url=/\">",
    "<time datetime=\"", "\">", ">", "<", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "<!--", "-->", "<![CDATA[", "]]>",
    "<?xml version=\"1.0\" encoding=\"", "\"?>", "Nvidia lost $589 billion.", "딥시크는 557만 6000달러를 썼다.",
    "(서울=뉴스1) 김기자 기자 = ", "Checking your browser", "Subscribe", " ", "\n", "\x00", "\ufeff", "\ud7ff",
]
html_text = st.lists(st.one_of(st.sampled_from(HTML_TOKENS), st.text(max_size=8)), max_size=80).map("".join)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "surrogates":
        return text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, errors="replace")


@st.composite
def mutated_page(draw) -> bytes:
    """A sample page cut, with bytes flipped, or a slice of another page spliced in."""
    body = bytearray(draw(st.sampled_from(SAMPLE_PAGES)).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "flip", "splice", "delete"]))
        at = draw(st.integers(0, max(0, len(body) - 1)))
        if op == "cut":
            del body[at:]
        elif op == "flip":
            for i in range(at, min(len(body), at + draw(st.integers(1, 64)))):
                body[i] = draw(st.integers(0, 255))
        elif op == "splice":
            other = draw(st.sampled_from(SAMPLE_PAGES)).read_bytes()
            start = draw(st.integers(0, max(0, len(other) - 1)))
            body[at:at] = other[start : start + draw(st.integers(1, 4096))]
        else:
            del body[at : at + draw(st.integers(1, 4096))]
    return bytes(body)


def _check_page(body: bytes, url: str) -> None:
    page = _bounded(parse_page, body, url, None)
    assert page.reason != "parse_error", page.error  # the parser raised (parse_page turns it into data)
    if page.is_article:
        assert isinstance(page.body_text, str)


@FUZZ
@given(text=html_text, encoding=st.sampled_from(["utf-8", "cp949", "utf-16", "latin-1", "surrogates"]),
       url=st.sampled_from(URLS))
def test_page_parser_takes_any_markup(text, encoding, url):
    _check_page(_encode(text, encoding), url)


@FUZZ
@given(body=mutated_page(), url=st.sampled_from(URLS))
def test_page_parser_takes_any_mutation_of_a_real_page(body, url):
    _check_page(body, url)
