"""Evaluate the extractor against a labeled gold set (``tests/gold/figures_*.jsonl``).

Gold format, one JSON object per line::

    {"text": "...", "figures": [{"surface": "557만 6000달러", "value": 5576000, "unit": "USD",
      "qualifier": "exact", "metric": "training_cost", "subject": "DeepSeek", "chip": null}]}

Optional keys: ``language`` ("ko"/"en"; else taken from the file name, else detected), per figure
``start`` (character offset of ``surface``; else the surface is searched left to right), ``note``.

Scores per language: a predicted figure matches a gold figure when their spans overlap and value,
unit and qualifier agree (values within 1e-6 relative; both ``None`` for vague amounts); precision,
recall and F1 count matches; metric, subject and chip accuracy are measured on matched figures.
``python -m pipelines.extract.evaluate [paths...]`` prints the table (``--errors N`` lists mismatches).
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import extract_figures
from .figures import detect_language
from .model import Figure
from .sentences import split_sentences

__all__ = [
    "DEFAULT_GOLD",
    "LanguageScores",
    "Report",
    "default_gold_paths",
    "evaluate",
    "format_report",
    "load_gold",
    "main",
]

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "gold"
DEFAULT_GOLD = tuple(sorted(GOLD_DIR.glob("figures_*.jsonl")))


def default_gold_paths() -> list[Path]:
    """The gold files scored by default: ``tests/gold/figures_*.jsonl`` (not the hold-out set)."""
    return sorted(GOLD_DIR.glob("figures_*.jsonl"))



def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

@dataclass
class LanguageScores:
    """Counts and scores for one language (or ``all``)."""

    language: str
    items: int = 0
    sentences: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    metric_correct: int = 0
    subject_correct: int = 0
    chip_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    @property
    def metric_accuracy(self) -> float:
        return self.metric_correct / self.matched if self.matched else 1.0

    @property
    def subject_accuracy(self) -> float:
        return self.subject_correct / self.matched if self.matched else 1.0

    @property
    def chip_accuracy(self) -> float:
        return self.chip_correct / self.matched if self.matched else 1.0

    def add(self, other: LanguageScores) -> None:
        for name in (
            "items",
            "sentences",
            "gold",
            "predicted",
            "matched",
            "metric_correct",
            "subject_correct",
            "chip_correct",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for name in ("precision", "recall", "f1", "metric_accuracy", "subject_accuracy", "chip_accuracy"):
            d[name] = getattr(self, name)
        return d


@dataclass
class Report:
    """Scores per language and overall."""

    languages: dict[str, LanguageScores]
    overall: LanguageScores

    def to_dict(self) -> dict[str, Any]:
        return {
            "languages": {k: v.to_dict() for k, v in self.languages.items()},
            "overall": self.overall.to_dict(),
        }


def _item_language(item: dict[str, Any], path: Path) -> str:
    if item.get("language"):
        return str(item["language"])
    stem = path.stem.lower()
    for lang in ("ko", "en"):
        if stem.endswith(f"_{lang}"):
            return lang
    return detect_language(item["text"])


def load_gold(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """The gold items of ``paths``, each with its ``language`` set."""
    items = []
    for p in paths:
        path = Path(p)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            item["language"] = _item_language(item, path)
            item["_where"] = f"{path.name}:{n}"
            items.append(item)
    return items


def _gold_spans(text: str, figures: list[dict[str, Any]]) -> list[tuple[int, int]]:
    spans = []
    cursor = 0
    for g in figures:
        surface = g["surface"]
        if "start" in g:
            start = int(g["start"])
        else:
            start = text.find(surface, cursor)
            if start < 0:
                start = text.find(surface)
        if start < 0 or text[start : start + len(surface)] != surface:
            raise ValueError(f"gold surface {surface!r} not found in {text[:60]!r}")
        spans.append((start, start + len(surface)))
        cursor = start + 1
    return spans


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _matches(f: Figure, g: dict[str, Any], span: tuple[int, int]) -> bool:
    overlap = f.span_start < span[1] and span[0] < f.span_end
    return overlap and f.unit == g["unit"] and f.qualifier == g["qualifier"] and _same_value(f.value, g["value"])


def _score_item(item: dict[str, Any]) -> LanguageScores:
    lang = item["language"]
    text = item["text"]
    scores = LanguageScores(lang, items=1, sentences=len(split_sentences(text)))
    gold = item.get("figures", [])
    spans = _gold_spans(text, gold)
    predicted = extract_figures(text, lang)
    scores.gold = len(gold)
    scores.predicted = len(predicted)
    used: set[int] = set()
    for g, span in zip(gold, spans, strict=True):
        hit = next((i for i, f in enumerate(predicted) if i not in used and _matches(f, g, span)), None)
        if hit is None:
            scores.errors.append({"kind": "missed", "where": item["_where"], "gold": g, "text": text})
            continue
        used.add(hit)
        f = predicted[hit]
        scores.matched += 1
        for attr in ("metric", "subject", "chip"):
            if getattr(f, attr) == g.get(attr):
                setattr(scores, f"{attr}_correct", getattr(scores, f"{attr}_correct") + 1)
            else:
                scores.errors.append(
                    {
                        "kind": f"wrong_{attr}",
                        "where": item["_where"],
                        "surface": f.surface,
                        "gold": g.get(attr),
                        "predicted": getattr(f, attr),
                        "text": text,
                    }
                )
    for i, f in enumerate(predicted):
        if i not in used:
            scores.errors.append(
                {"kind": "spurious", "where": item["_where"], "predicted": f.to_json_dict(), "text": text}
            )
    return scores


def evaluate(gold_paths: Iterable[str | Path] | None = None) -> Report:
    """Score ``extract_figures`` on the gold files; see the module docstring for the match rule."""
    languages: dict[str, LanguageScores] = {}
    overall = LanguageScores("all")
    for item in load_gold(default_gold_paths() if gold_paths is None else gold_paths):
        s = _score_item(item)
        languages.setdefault(s.language, LanguageScores(s.language)).add(s)
        overall.add(s)
    return Report(dict(sorted(languages.items())), overall)


def format_report(report: Report, errors: int = 0) -> str:
    """A plain-text table of the report, then up to ``errors`` mismatches."""
    header = (
        f"{'lang':<5}{'items':>6}{'sents':>6}{'gold':>6}{'pred':>6}{'match':>6}"
        f"{'prec':>7}{'recall':>7}{'F1':>7}{'metric':>8}{'subject':>8}{'chip':>7}"
    )
    lines = [header, "-" * len(header)]
    for s in [*report.languages.values(), report.overall]:
        lines.append(
            f"{s.language:<5}{s.items:>6}{s.sentences:>6}{s.gold:>6}{s.predicted:>6}{s.matched:>6}"
            f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.metric_accuracy:>8.3f}"
            f"{s.subject_accuracy:>8.3f}{s.chip_accuracy:>7.3f}"
        )
    if errors:
        lines.append("")
        for e in report.overall.errors[:errors]:
            detail = {k: v for k, v in e.items() if k not in ("text", "kind", "where")}
            lines.append(f"{e['kind']:<15}{e['where']:<22}{json.dumps(detail, ensure_ascii=False)[:160]}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the evaluation table for the given (or default) gold files."""
    parser = argparse.ArgumentParser(description="Evaluate figure extraction on a gold set.")
    parser.add_argument("paths", nargs="*", help="gold JSONL files (default: tests/gold/figures_*.jsonl)")
    parser.add_argument("--errors", type=int, default=0, help="list up to N mismatches")
    args = parser.parse_args(argv)
    report = evaluate(args.paths or default_gold_paths())
    print(format_report(report, args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
