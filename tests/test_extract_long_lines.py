"""A long line costs what its sentences cost: splitting and extracting are linear in the length of a line.

Each test times the same sentences twice in the same process, once on one line (or in one ``<p>``) and once
one per line (or one per ``<p>``), and compares the two; absolute speed is measured by
``bench/bench_long_lines.py``, not asserted here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from pipelines.extract import extract_figures
from pipelines.extract.sentences import split_sentences
from pipelines.sources import parse_page
from pipelines.stages import extract_facts


def _sentences(n: int) -> list[str]:
    return [f"Nvidia sold {i} chips for ${i} million." if i % 3 == 0 else "The weather was fine today."
            for i in range(n)]


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _timed(fn: Callable[[], list]) -> tuple[int, float]:
    t0 = time.perf_counter()
    n = len(fn())
    return n, time.perf_counter() - t0


def _not_slower(one: Callable[[], list], many: Callable[[], list], factor: float) -> tuple[float, float]:
    """Time ``many`` then ``one``, again up to twice while ``one`` takes more than ``factor`` times as long (a
    busy machine, not the code: quadratic code stays slow every time); the last times."""
    for _ in range(3):
        n_many, t_many = _timed(many)
        n_one, t_one = _timed(one)
        assert n_one == n_many == 1_600
        if t_one < factor * t_many + 0.05:
            break
    return t_one, t_many


def test_one_long_line_splits_as_fast_as_many_short_ones():
    sents = _sentences(4_000)
    one_line, many_lines = " ".join(sents), "\n".join(sents)
    assert [s.text for s in split_sentences(one_line)] == sents
    t_one = _best(lambda: split_sentences(one_line))
    t_many = _best(lambda: split_sentences(many_lines))
    assert t_one < 3 * t_many + 0.02, (t_one, t_many)


def test_one_long_line_extracts_as_fast_as_many_short_ones():
    sents = _sentences(2_400)
    one_line, many_lines = " ".join(sents), "\n".join(sents)
    t_one, t_many = _not_slower(lambda: extract_figures(one_line, "en"), lambda: extract_figures(many_lines, "en"),
                                2.5)
    assert t_one < 2.5 * t_many + 0.05, (t_one, t_many)


def _page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>Nvidia chip sales</title></head><body><article><h1>Nvidia chip sales</h1>"
            f"{body}</article></body></html>").encode()


def test_a_page_whose_body_is_one_huge_paragraph_is_extracted_in_linear_time():
    sents = _sentences(2_400)
    url = "https://example.com/2025/01/02/nvidia-chips.html"
    one = parse_page(_page([" ".join(sents)]), url, None)
    many = parse_page(_page(sents), url, None)
    assert one.is_article and many.is_article

    def facts(page) -> list:
        article = {"article_id": "a1", "version": 1, "source": "other", "is_relevant": True,
                   "body_text": page.body_text, "language": "en", "headline": page.headline,
                   "published_at": None, "fetched_at": None}
        return extract_facts([article])

    t_one, t_many = _not_slower(lambda: facts(one), lambda: facts(many), 2.5)
    assert t_one < 2.5 * t_many + 0.05, (t_one, t_many)
