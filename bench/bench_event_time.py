"""Benchmark: event time (``refers_to``) by the rules against dateparser's ``search_dates``, on the held-out set.

Variants, each scored on ``tests/data/event_time_holdout.jsonl`` (exact ``label()`` match, ``None`` included):

- ``rules``: ``pipelines.extract.event_time.refers_to``;
- ``dateparser``: ``search_dates(sentence, languages=[lang], settings={"RELATIVE_BASE": local publication
  time, "PREFER_DATES_FROM": "past"})`` finds and resolves the expressions; the granularity is dateparser's own
  period for the found text (``DateDataParser.get_date_data``: day/week/month/year); anchors and modifiers
  are dropped and the governing expression and the session cue are chosen exactly as the rules do (same
  filters, clause split, nearest, Korean before), so only finding and resolving differ;
- ``rules+dateparser``: the rules, and dateparser only when the rules give ``None``.

Speed is per sentence, best of ``--repeat`` passes, with the rules' cache cleared before every call (so every
call scans); the rules' ``date_expressions`` is also timed over every sentence of the sample archive (most have
no date). Prints; not a test.

    .venv/bin/python bench/bench_event_time.py [--repeat 3] [--errors] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipelines.extract import event_time as et  # noqa: E402

HOLDOUT = REPO / "tests" / "data" / "event_time_holdout.jsonl"


def load(path: Path = HOLDOUT) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        start = r["sentence"].index(r["figure"])
        r["span"] = (start, start + len(r["figure"]))
        r["pub"] = datetime.fromisoformat(r["published_at"]) if r["published_at"] else None
    return rows


def rules(r: dict) -> et.EventTime | None:
    et._scan.cache_clear()
    return et.refers_to(r["sentence"], r["span"], r["pub"], r["language"], r["timezone"])


def _local(r: dict) -> datetime | None:
    pub = r["pub"]
    if pub is None:
        return None
    if pub.tzinfo is not None:
        pub = pub.astimezone(ZoneInfo(r["timezone"] or "UTC"))
    return pub.replace(tzinfo=None)


def _dateparser_found(r: dict) -> list[et._Found]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    sentence, lang, base = r["sentence"], r["language"], _local(r)
    settings = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    hits = search_dates(sentence, languages=[lang], settings=settings) or []
    parser = DateDataParser(languages=[lang], settings=settings)
    found, cursor = [], 0
    for surface, when in hits:
        start = sentence.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        period = parser.get_date_data(surface).period or "day"
        day = when.date()
        if period == "month":
            start_d, end_d, gran = day.replace(day=1), (day.replace(day=28) + timedelta(days=4)).replace(day=1), "month"
            end_d -= timedelta(days=1)
        elif period == "year":
            start_d, end_d, gran = day.replace(month=1, day=1), day.replace(month=12, day=31), "year"
        elif period == "week":
            start_d = day - timedelta(days=day.weekday())
            end_d, gran = start_d + timedelta(days=6), "span"
        else:
            start_d, end_d, gran = day, day, "day"
        span = (start, start + len(surface))
        role = et._role(sentence, span[0], span[1], lang)  # same anchor/modifier filter as the rules
        found.append(et._Found(et.EventTime(start_d, end_d, gran, None, surface, span), span, role))
    return found


def dateparser_variant(r: dict) -> et.EventTime | None:
    sentence, (fs, fe), lang = r["sentence"], r["span"], r["language"]
    found = [f for f in _dateparser_found(r) if f.role == "time" and (f.span[1] <= fs or fe <= f.span[0])]
    lo, hi = et._clause(sentence, fs, fe, lang)
    chosen = et._govern(found, fs, fe, lo, hi, lang)
    sessions = [s for s in et._sessions(sentence, lang) if lo <= s[1] and s[2] <= hi and (s[2] <= fs or fe <= s[1])]
    if not sessions:
        return chosen
    name, ss, se = min(sessions, key=lambda s: min(abs(s[1] - fe), abs(fs - s[2])))
    local = _local(r)
    if chosen is None:
        if local is None:
            return None
        return et.EventTime(local.date(), local.date(), "day", name, sentence[ss:se], (ss, se))
    if chosen.granularity != "day":
        return chosen
    return et.EventTime(chosen.start, chosen.end, "day", name, chosen.surface, chosen.span)


def combined(r: dict) -> et.EventTime | None:
    return rules(r) or dateparser_variant(r)


VARIANTS: dict[str, Callable[[dict], et.EventTime | None]] = {
    "rules": rules,
    "dateparser": dateparser_variant,
    "rules+dateparser": combined,
}


def run(repeat: int = 3) -> dict[str, dict]:
    rows = load()
    dateparser_variant(rows[0])  # warm-up: dateparser loads its language data on first use
    out = {}
    for name, fn in VARIANTS.items():
        results = [fn(r) for r in rows]
        labels = [t.label() if t else None for t in results]
        wrong = [(r["id"], r["label"], got) for r, got in zip(rows, labels, strict=True) if got != r["label"]]
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for r in rows:
                fn(r)
            best = min(best, (time.perf_counter() - t0) / len(rows))
        per_lang = {
            lang: sum(1 for r, got in zip(rows, labels, strict=True) if r["language"] == lang and got == r["label"])
            for lang in ("en", "ko")
        }
        out[name] = {
            "correct": len(rows) - len(wrong),
            "total": len(rows),
            "accuracy": round(1 - len(wrong) / len(rows), 3),
            "correct_en": per_lang["en"],
            "correct_ko": per_lang["ko"],
            "us_per_sentence": round(best * 1e6, 1),
            "sentences_per_s": round(1 / best),
            "wrong": wrong,
        }
    return out


def archive_throughput(repeat: int = 3) -> dict | None:
    """Sentences/s of ``date_expressions`` over every sentence of the sample archive (cache cleared per call)."""
    import importlib.util

    from pipelines.extract.sentences import split_sentences

    spec = importlib.util.spec_from_file_location("bench_extract", Path(__file__).with_name("bench_extract.py"))
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_extract"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    corpus = module.sample_archive_corpus()
    if not corpus:
        return None
    base = datetime(2025, 1, 28, 9)
    sentences = [(s.text, lang or "en") for lang, body in corpus for s in split_sentences(body)]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text, lang in sentences:
            et._scan.cache_clear()
            et.date_expressions(text, base, lang if lang in ("en", "ko") else "en")
        best = min(best, time.perf_counter() - t0)
    return {"sentences": len(sentences), "sentences_per_s": round(len(sentences) / best)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--errors", action="store_true", help="list the wrong labels of each variant")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    out = run(args.repeat)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    archive = archive_throughput(args.repeat)
    if archive:
        print(f"sample archive: date_expressions on {archive['sentences']} sentences, {archive['sentences_per_s']}/s")
    for name, s in out.items():
        print(
            f"{name:18s} {s['correct']}/{s['total']} ({s['accuracy']:.0%}; en {s['correct_en']}, ko {s['correct_ko']})"
            f"  {s['us_per_sentence']:>9.1f} µs/sentence  {s['sentences_per_s']:>7d} sentences/s"
        )
        if args.errors:
            for id_, want, got in s["wrong"]:
                print(f"    {id_}: want {want!r}, got {got!r}")


if __name__ == "__main__":
    main()
