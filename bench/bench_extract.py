"""Benchmark: figure extraction throughput and memory.

Corpora:
- a generated corpus (default 10,000 articles, half Korean and half English, 8-20 sentences each, built
  deterministically from templates around the story's figures plus sentences without figures);
- the sample archive pages (``sample_archive/pages``), parsed with ``pipelines.sources.parse_page`` and
  repeated to a stable duration; skipped when the folder or the parser is missing.

Reports articles/second, sentences/second and figures found (best of ``--repeat`` timed passes after a
warm-up), and peak traced memory (tracemalloc, separate passes): while extracting article by article and
dropping the figures ("streaming"), and while keeping every figure of the corpus ("retained"). Prints;
not a test.

    .venv/bin/python bench/bench_extract.py [--articles 10000] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import tracemalloc
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipelines.extract import extract_figures  # noqa: E402
from pipelines.extract.sentences import split_sentences  # noqa: E402

KO_TEMPLATES = [
    "딥시크는 {model} 훈련에 {usd_ko}가 들었다고 밝혔다.",
    "{outlet_ko}에 따르면 {org_ko}는 {chip} 칩 약 {count_ko}개를 확보했다.",
    "{org_ko}의 시가총액은 하루 새 {krw_ko} 증발했다.",
    "{org_ko} 주가는 {pct}% 하락한 {price}달러에 거래를 마쳤다.",
    "미국 정부는 {chip} 수출을 약 {months}개월 만에 제한했다.",
    "중국 선전의 한 판매업자는 {chip} {count_ko}개 이상이 담긴 서버를 {usd_ko}에 팔았다.",
    "{org_ko}는 {chip}과 관련해 약 {usd_ko}(약 {krw_ko})의 비용을 반영하겠다고 밝혔다.",
    "시장에서는 {chip} 매출을 {lo}억~{hi}억 달러로 추정했다.",
    "이는 딥시크가 밝힌 비용의 약 {times}배다.",
    "{outlet_ko}는 {count_ko}개 기업이 금지된 칩을 판매했다고 전했다.",
    "전문가들은 규제의 효과를 두고 엇갈린 평가를 내놓았다.",
    "이번 발표는 2025년 1월 27일 오후 3시에 나왔다.",
    "업계에서는 수십 개의 기업이 비슷한 칩을 찾고 있다고 본다.",
    '그는 "미국의 규제가 오히려 혁신을 자극했다"고 말했다.',
]
EN_TEMPLATES = [
    "DeepSeek said it spent {usd_en} to train its {model} model.",
    "According to {outlet_en}, {org_en} has more than {count_en} {chip} chips.",
    "{org_en} lost {usd_big_en} in market value on Monday.",
    "{org_en} shares closed down {pct}% at ${price}.",
    "Washington restricted the {chip} about {months} months after its launch.",
    "A seller in Shenzhen shipped servers with more than {count_en} {chip} chips in a deal worth {usd_en}.",
    "{org_en} said it would take a charge of about {usd_big_en} tied to the {chip}.",
    "Analysts estimate {chip} revenue at ${lo} billion to ${hi} billion.",
    "American labs use {count_en} or more chips, while DeepSeek needed only about 2,000.",
    "The Times interviewed representatives of {small} companies that sold restricted chips.",
    "Experts disagreed about what the restrictions had achieved.",
    "The announcement came on Jan. 27, 2025, at 3:42 p.m.",
    "Dozens of companies advertised the chips online.",
    '"This changes the game," one investor said on Monday.',
]
ORGS_KO = ["엔비디아", "딥시크", "화웨이", "알리바바", "바이트댄스", "텐센트"]
ORGS_EN = ["Nvidia", "DeepSeek", "Huawei", "Alibaba", "ByteDance", "Tencent"]
OUTLETS_KO = ["뉴욕타임스", "로이터", "블룸버그", "CNN"]
OUTLETS_EN = ["The New York Times", "Reuters", "Bloomberg", "CNN"]
CHIPS = ["H800", "H100", "H20", "H200", "A100", "B200"]
MODELS = ["V3", "R1"]


def _fill(template: str, rnd: random.Random) -> str:
    man = rnd.randint(100, 999)
    lo = rnd.randint(5, 15)
    return template.format(
        model=rnd.choice(MODELS),
        outlet_ko=rnd.choice(OUTLETS_KO),
        outlet_en=rnd.choice(OUTLETS_EN),
        org_ko=rnd.choice(ORGS_KO),
        org_en=rnd.choice(ORGS_EN),
        chip=rnd.choice(CHIPS),
        usd_ko=f"{man}만 {rnd.randint(1, 9)}000달러",
        krw_ko=f"{rnd.randint(10, 999)}조 원",
        count_ko=f"{rnd.randint(1, 9)}만 {rnd.randint(1, 9)}000",
        count_en=f"{rnd.randint(1, 99)},{rnd.randint(0, 9)}00",
        usd_en=f"${man / 100:.1f} million",
        usd_big_en=f"${rnd.randint(1, 600)} billion",
        pct=f"{rnd.randint(1, 30)}.{rnd.randint(0, 99):02d}",
        price=f"{rnd.randint(50, 200)}.{rnd.randint(0, 99):02d}",
        months=rnd.randint(2, 12),
        lo=lo,
        hi=lo + rnd.randint(1, 5),
        times=rnd.randint(2, 99),
        small=rnd.randint(2, 20),
    )


def generated_corpus(n: int, seed: int = 20250127) -> list[tuple[str, str]]:
    """``n`` (language, text) articles; paragraphs of 1-3 sentences joined by blank lines."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lang = "ko" if i % 2 == 0 else "en"
        templates = KO_TEMPLATES if lang == "ko" else EN_TEMPLATES
        sentences = [_fill(rnd.choice(templates), rnd) for _ in range(rnd.randint(8, 20))]
        paragraphs = []
        while sentences:
            k = rnd.randint(1, 3)
            paragraphs.append(" ".join(sentences[:k]))
            sentences = sentences[k:]
        out.append((lang, "\n\n".join(paragraphs)))
    return out


def sample_archive_corpus() -> list[tuple[str, str]] | None:
    """Bodies of the sample archive's article pages, or ``None`` when unavailable."""
    pages = REPO / "sample_archive" / "pages"
    manifest = REPO / "sample_archive" / "manifest.jsonl"
    if not pages.is_dir():
        return None
    try:
        from pipelines.sources import parse_page
    except ImportError:
        return None
    urls = {}
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                urls[row["file"]] = row["url"]
    out = []
    for path in sorted(pages.rglob("*.html")):
        rel = str(path.relative_to(REPO / "sample_archive"))
        page = parse_page(path.read_bytes(), urls.get(rel, ""))
        if page.is_article and page.body_text:
            out.append((page.language or "", page.body_text))
    return out or None


@dataclass
class Result:
    """One benchmark line."""

    corpus: str
    articles: int
    sentences: int
    figures: int
    seconds: float
    articles_per_s: float
    sentences_per_s: float
    peak_mib_streaming: float  # extracting article by article, figures dropped
    peak_mib_retained: float  # keeping every Figure of the corpus (as a facts table would)


def _run(corpus: list[tuple[str, str]], keep: list | None = None) -> int:
    n = 0
    for lang, text in corpus:
        figures = extract_figures(text, lang or None)
        n += len(figures)
        if keep is not None:
            keep.extend(figures)
    return n


def _peak_mib(corpus: list[tuple[str, str]], retain: bool) -> float:
    gc.collect()
    kept: list = []
    tracemalloc.start()
    _run(corpus, kept if retain else None)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return peak / 2**20


MEMORY_SLICE = 1_000


def bench(name: str, corpus: list[tuple[str, str]], repeat: int) -> Result:
    """Time ``repeat`` passes (after a warm-up) and trace one more for peak memory."""
    sentences = sum(len(split_sentences(t)) for _, t in corpus)
    figures = _run(corpus[: max(1, len(corpus) // 20)])  # warm-up (caches, regexes)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        figures = _run(corpus)
        best = min(best, time.perf_counter() - t0)
    # tracemalloc slows Python several-fold: trace a bounded slice (memory per article does not grow with
    # the corpus when streaming; retained memory is reported for that slice).
    traced = corpus[:MEMORY_SLICE]
    streaming = _peak_mib(traced, retain=False)
    retained = _peak_mib(traced, retain=True)
    return Result(
        name, len(corpus), sentences, figures, best, len(corpus) / best, sentences / best, streaming, retained
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (default 10000)")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes; the best is reported")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    results = [bench(f"generated ({args.articles})", generated_corpus(args.articles), args.repeat)]
    sample = sample_archive_corpus()
    if sample is None:
        print("sample_archive/pages: absent or unparsable, skipped", file=sys.stderr)
    else:
        reps = max(1, 2000 // len(sample))
        results.append(bench(f"sample_archive x{reps} ({len(sample)} pages)", sample * reps, args.repeat))

    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
        return 0
    print(
        f"{'corpus':<36}{'articles':>9}{'sentences':>11}{'figures':>9}{'seconds':>9}"
        f"{'articles/s':>12}{'sentences/s':>13}{f'peak MiB/{MEMORY_SLICE} art. (stream/retain)':>42}"
    )
    for r in results:
        print(
            f"{r.corpus:<36}{r.articles:>9}{r.sentences:>11}{r.figures:>9}{r.seconds:>9.2f}"
            f"{r.articles_per_s:>12.0f}{r.sentences_per_s:>13.0f}"
            f"{f'{r.peak_mib_streaming:.2f} / {r.peak_mib_retained:.1f}':>42}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
