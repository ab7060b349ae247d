"""Benchmark: figure extraction on long lines costs what the same sentences cost on short lines.

The baseline is measured in the same run: the same generated English sentences, one per line. Each other
row puts them on one line (as ``chipwatch extract`` gets a file without line breaks), in one ``<p>`` of a page
(parse and extract, against one ``<p>`` per sentence), and in one line of about 5.8 MB. The ratio column is
seconds per megabyte of text against the baseline's; goal: every ratio at most 1.5 (a quadratic splitter gave 26x at
8,000 sentences and did not finish the 5.8 MB line in five minutes). Prints; exits 1 when the goal is missed.

    .venv/bin/python bench/bench_long_lines.py [--sentences 8000] [--big-mb 5.8]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipelines.extract import extract_figures  # noqa: E402
from pipelines.sources import parse_page  # noqa: E402

GOAL = 1.5
URL = "https://example.com/2025/01/02/nvidia-chips.html"


def sentences(n: int) -> list[str]:
    """``n`` short English sentences, a third of them with two figures."""
    return [f"Nvidia sold {i} chips for ${i} million." if i % 3 == 0 else "The weather was fine today."
            for i in range(n)]


def page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>Nvidia chip sales</title></head><body><article><h1>Nvidia chip sales</h1>"
            f"{body}</article></body></html>").encode()


def timed(fn: Callable[[], int]) -> tuple[int, float]:
    t0 = time.perf_counter()
    n = fn()
    return n, time.perf_counter() - t0


def parse_and_extract(body: bytes) -> int:
    parsed = parse_page(body, URL, None)
    return len(extract_figures(parsed.body_text, "en", headline=parsed.headline))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=8_000)
    parser.add_argument("--big-mb", type=float, default=5.8, help="size of the one big line (0: skip)")
    args = parser.parse_args()

    sents = sentences(args.sentences)
    rows: list[tuple[str, float, int, float]] = []  # (case, MB of text, figures, seconds)

    def row(case: str, size: int, fn: Callable[[], int]) -> None:
        n, seconds = timed(fn)
        rows.append((case, size / 1e6, n, seconds))

    many, one = "\n".join(sents), " ".join(sents)
    extract_figures(many[:20_000], "en")  # warm-up: vocabularies and regexes
    row(f"{len(sents):,} sentences, one per line (baseline)", len(many), lambda: len(extract_figures(many, "en")))
    row(f"{len(sents):,} sentences on one line", len(one), lambda: len(extract_figures(one, "en")))
    many_p, one_p = page(sents), page([one])
    row(f"page: {len(sents):,} <p>, parse + extract", len(one), lambda: parse_and_extract(many_p))
    row("page: one <p> of them all, parse + extract", len(one), lambda: parse_and_extract(one_p))
    if args.big_mb > 0:
        big = (one + " ") * int(args.big_mb * 1e6 // (len(one) + 1) + 1)
        big = big[: int(args.big_mb * 1e6)]
        row(f"one line of {len(big) / 1e6:.1f} MB", len(big), lambda: len(extract_figures(big, "en")))

    base_s_per_mb = rows[0][3] / rows[0][1]
    page_base = rows[2][3] / rows[2][1]
    print(f"{'case':<48} {'MB':>6} {'figures':>8} {'seconds':>8} {'MB/s':>6} {'ratio':>6}")
    worst = 0.0
    for i, (case, mb, n, seconds) in enumerate(rows):
        ratio = (seconds / mb) / (page_base if i in (2, 3) else base_s_per_mb)
        worst = max(worst, ratio)
        print(f"{case:<48} {mb:>6.2f} {n:>8,} {seconds:>8.2f} {mb / seconds:>6.2f} {ratio:>6.2f}")
    print("(ratio: seconds per MB against the baseline of the same kind measured above; the page rows "
          "against the page of one <p> per sentence)")
    met = worst <= GOAL
    print(f"goal (every ratio <= {GOAL}): {'met' if met else 'MISSED'} (worst {worst:.2f})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
