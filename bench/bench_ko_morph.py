"""Benchmark: Korean subject binding with the rules' particle and clause reading against Kiwi's (kiwipiepy).

Subject binding in Korean turns on two readings of a sentence: which particle follows a name (은/는 topic, 이/가
subject, 의 possessive, 에서/으로 oblique...; ``subjects._ko_marker``) and whether a clause ends between a name and
a figure (…했고, …하며, …했지만; ``subjects._ko_clause``). The rules read both off the characters after the name.
The ``kiwi`` variant replaces exactly those two functions with readings of Kiwi's morphological analysis
(kiwipiepy + kiwipiepy-model, the alias table's Korean names added as proper nouns, without which Kiwi splits
엔비디아가 wrongly): the particle is the J* morpheme that starts where the name ends; a clause ends at a comma
or semicolon or at a connective ending (EC 고/며/지만/는데/으나/자...) not followed by an auxiliary verb (so
보유하고 있다 is one predicate). Everything else — candidates, scores, fallbacks — is the same code.

Prints, per gold set and in all, the Korean subject accuracy of each variant, how often the two readings
disagree (particles and clause breaks asked for while scoring), and the time per Korean sentence. Needs
kiwipiepy, which the project does not install (``pip install kiwipiepy kiwipiepy-model`` into the venv); the
result on the sets is in README "Korean subjects: rules or Kiwi". Not a test.

    .venv/bin/python bench/bench_ko_morph.py [SET ...]   (default: every set in tests/gold/claims)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipelines import evaluate_claims as ec  # noqa: E402
from pipelines.extract import subjects  # noqa: E402
from pipelines.extract.entities import entity_table  # noqa: E402

# connective endings that end a clause (not 다고/라고, which embed a quote, nor the 지 of 믿지 않는다)
CLAUSE_ENDINGS = frozenset({"고", "며", "으며", "지만", "는데", "은데", "ᆫ데", "면서", "으면서", "어서", "아서",
                            "어", "아", "자", "나", "으나", "다가"})


@lru_cache(maxsize=1)
def kiwi() -> Any:
    """Kiwi with the alias table's Korean one-word names as proper nouns."""
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        sys.exit("bench_ko_morph: kiwipiepy is not installed (pip install kiwipiepy kiwipiepy-model)")
    k = Kiwi()
    for entity in entity_table():
        for alias in entity.aliases:
            if " " not in alias and any("\uac00" <= ch <= "\ud7a3" for ch in alias):
                k.add_user_word(alias, "NNP")
    return k


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, form, tag) of each morpheme."""
    return tuple((t.start, t.start + t.len, t.form, t.tag) for t in kiwi().tokenize(text))


def kiwi_particle(text: str, end: int) -> str:
    """The particle morpheme starting at ``end``, or "" (a suffix or a compound goes on, or none follows)."""
    for start, _stop, form, tag in tokens(text):
        if start < end:
            continue
        if start == end and tag.startswith("J"):
            return {"ᆫ": "는", "ᆯ": "를"}.get(form, form)
        return ""
    return ""


def kiwi_clause(text: str, start: int, end: int) -> bool:
    """A comma or semicolon, or a clause-ending connective not followed by an auxiliary, in [start, end)."""
    if any(c in ",;" for c in text[start:end]):
        return True
    toks = tokens(text)
    for i, (s, e, form, tag) in enumerate(toks):
        auxiliary_next = i + 1 < len(toks) and toks[i + 1][3].startswith("VX")
        if start <= s and e <= end and tag == "EC" and form in CLAUSE_ENDINGS and not auxiliary_next:
            return True
    return False


RULE_MARKER, RULE_CLAUSE = subjects._ko_marker, subjects._ko_clause  # noqa: SLF001


def _skip_paren_and_shares(text: str, end: int) -> int:
    """Where the rules look for the particle: past a parenthesis and a listed-shares noun (TSMC 미국예탁증권(ADR)은)."""
    pm = subjects._KO_PAREN.match(text, end)  # noqa: SLF001
    if pm:
        end = pm.end()
    share = subjects._KO_SHARE_NOUN.match(text, end)  # noqa: SLF001
    return share.end() if share else end


def score(sets: list[str], variant: str, disagreements: Counter) -> dict[str, tuple[int, int]]:
    """Korean subject accuracy (right, matched) per set with ``variant``'s readings; counts disagreements."""

    def marker(text: str, end: int) -> str:
        a, b = RULE_MARKER(text, end), kiwi_particle(text, _skip_paren_and_shares(text, end))
        disagreements["particle asked"] += 1
        disagreements["particle differs"] += a != b
        return b if variant == "kiwi" else a

    def clause(text: str, start: int, end: int) -> bool:
        a, b = RULE_CLAUSE(text, start, end), kiwi_clause(text, start, end)
        disagreements["clause asked"] += 1
        disagreements["clause differs"] += a != b
        return b if variant == "kiwi" else a

    subjects._ko_marker, subjects._ko_clause = marker, clause  # noqa: SLF001
    try:
        out = {}
        for name in sets:
            docs = [d for d in ec.load_gold(ec.gold_path(name)) if d["language"] == "ko"]
            s = ec.evaluate(docs)
            out[name] = (s.subject_ok, s.n_matched)
        return out
    finally:
        subjects._ko_marker, subjects._ko_clause = RULE_MARKER, RULE_CLAUSE  # noqa: SLF001


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="gold set names (default: every set in tests/gold/claims)")
    args = ap.parse_args(argv)
    sets = args.sets or sorted(p.stem for p in (REPO / "tests" / "gold" / "claims").glob("*.jsonl"))
    try:
        import kiwipiepy  # noqa: F401
    except ImportError:
        print("bench_ko_morph: skipped, kiwipiepy is not installed (pip install kiwipiepy kiwipiepy-model)")
        return 0
    t0 = time.perf_counter()
    kiwi()
    load_s = time.perf_counter() - t0
    counts: Counter = Counter()
    rules = score(sets, "rules", counts)
    kiw = score(sets, "kiwi", Counter())
    print(f"{'set':10} {'rules':>16} {'kiwi':>16}")
    for name in sets:
        (ra, n), (ka, _) = rules[name], kiw[name]
        print(f"{name:10} {ra:>5}/{n:<4} {ra / max(n, 1):.3f} {ka:>5}/{n:<4} {ka / max(n, 1):.3f}")
    ra, n = sum(v[0] for v in rules.values()), sum(v[1] for v in rules.values())
    ka = sum(v[0] for v in kiw.values())
    print(f"{'all':10} {ra:>5}/{n:<4} {ra / max(n, 1):.3f} {ka:>5}/{n:<4} {ka / max(n, 1):.3f}")
    print(f"readings that differ: particles {counts['particle differs']}/{counts['particle asked']}, clause breaks "
          f"{counts['clause differs']}/{counts['clause asked']}")
    sentences = [s for name in sets for d in ec.load_gold(ec.gold_path(name)) if d["language"] == "ko"
                 for s in d["body"].replace("\n", " ").split(". ") if s]
    tokens.cache_clear()
    t0 = time.perf_counter()
    for s in sentences:
        tokens(s)
    per = (time.perf_counter() - t0) / max(len(sentences), 1)
    print(f"kiwi: model load {load_s:.2f} s, {per * 1000:.2f} ms per Korean sentence ({len(sentences)} sentences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
