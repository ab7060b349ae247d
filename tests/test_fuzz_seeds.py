"""Inputs that fuzzing (tests/test_fuzz_inputs.py) found to break the extractor, kept as plain tests."""

from __future__ import annotations

import math
import time

import pytest

from pipelines.extract import extract_figures
from pipelines.extract.numbers_en import find_en_numbers
from pipelines.extract.numbers_ko import find_ko_numbers
from pipelines.extract.sentences import MAX_SENTENCE, split_sentences


@pytest.mark.parametrize("text", ["1" * 29 + "만", "1" * 40 + "억 달러", "1" * 5_000 + "만", "1천" + "1" * 30 + "만"])
def test_a_long_digit_run_before_a_big_unit_does_not_raise(text):
    # was decimal.InvalidOperation (DivisionImpossible) from a remainder in the 28-digit context
    find_ko_numbers(text)
    for fig in extract_figures(text + " 들었다.", "ko"):
        assert math.isfinite(fig.value)


@pytest.mark.parametrize(("text", "language"), [
    ("$" + "1" * 400 + " billion", "en"),
    ("9" * 309 + " chips", "en"),
    ("1" * 400 + "만 달러", "ko"),
    ("9" * 310 + "조 달러", "ko"),
])
def test_a_number_too_large_for_a_double_is_no_figure(text, language):
    # was a figure of value inf (and an interval of inf), which the warehouse and the tracker cannot compare
    assert extract_figures(text, language) == []
    assert not [n for n in (find_en_numbers if language == "en" else find_ko_numbers)(text)
                if not math.isfinite(float(n.value))]


def test_ordinary_large_numbers_are_still_figures():
    assert [f.value for f in extract_figures("시가총액이 830조 원 줄었다.", "ko")] == [830e12]
    assert [f.value for f in extract_figures("Nvidia lost $589 billion.", "en")] == [589e9]


@pytest.mark.parametrize("text", ["1%" * 3_000, "1% " * 3_000, "5개 " * 2_000])
def test_a_run_without_sentence_ends_is_cut_into_bounded_sentences(text):
    # one 6,000-character "sentence" of figures took 15 s (work per sentence grows with length x figures)
    sentences = split_sentences(text)
    assert len(sentences) > 1 and all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_cutting_a_long_run_keeps_every_figure():
    text = "1% " * 700
    assert len(split_sentences(text)) == 3
    assert len(extract_figures(text, "en")) == 700


@pytest.mark.parametrize("text", ["." * 40 + "0", "0000000000000" + "." * 44 + "0", "." * 100_000 + "0",
                                  ("." * 50 + "x") * 2_000])
def test_a_run_of_dots_not_followed_by_a_space_is_split_in_linear_time(text):
    # the end-mark pattern "(?:\.{3}|[.!?。…])+" backtracked exponentially: 44 dots and a digit took 10 s
    t0 = time.perf_counter()
    sentences = split_sentences(text)
    assert time.perf_counter() - t0 < 1.0
    assert "".join(s.text for s in sentences) == text


def test_end_marks_still_end_sentences():
    assert [s.text for s in split_sentences('He said "No..." Then he left! Why?! 끝났다… 다음.')] == [
        'He said "No..."', "Then he left!", "Why?!", "끝났다…", "다음."]


@pytest.mark.parametrize("text", [" hundred" * 3_000, "dozen " * 5_000])
def test_a_long_run_of_number_words_neither_raises_nor_takes_quadratic_time(text):
    # was ValueError (an int of more than 4,300 digits turned into a string: 100**3000) and, once bounded,
    # a re-read of the rest of the run at every word: 24,000 characters took 3.7 s
    t0 = time.perf_counter()
    numbers = find_en_numbers(text)
    assert time.perf_counter() - t0 < 1.0
    assert all(math.isfinite(float(n.value)) for n in numbers)
    assert all(math.isfinite(f.value) for f in extract_figures(text, "en"))
