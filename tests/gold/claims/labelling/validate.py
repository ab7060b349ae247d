# ruff: noqa: SIM905
"""Check a claim gold set against spec.md: python3 validate.py NAME.jsonl (NAME.claims.json beside it)."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

UNITS = set("USD KRW CNY EUR JPY TWD GBP percent percentage_points chips units servers count companies people years "
            "months days hours gpu_hours times fraction points GW MW".split())
QUALIFIERS = set("exact approx at_least more_than at_most less_than up_to range vague".split())
METRICS = set("training_cost chip_count compute_hours duration ratio price investment deal_value market_value_change "
              "market_value percent_change share_price revenue profit margin charge fine tariff_or_fee_share "
              "company_count other".split())
REFERS = re.compile(r"^(\d{4}(-\d{2}(-\d{2}( (close|intraday|premarket|after-hours))?)?)?"
                    r"|\d{4}-\d{2}/\d{4}-\d{2}|\d{4}/\d{4})$")
KEYS = ("surface", "value", "unit", "qualifier", "subject", "metric", "chip", "scope", "refers_to", "claim",
        "group", "conversion_of")


def main(path: Path) -> int:
    problems: list[str] = []
    claims_path = path.with_suffix("").with_suffix(".claims.json")
    claims = json.loads(claims_path.read_text(encoding="utf-8")) if claims_path.exists() else {}
    if not claims:
        problems.append(f"{claims_path.name}: missing or empty")
    docs, seen, versions = [], set(), defaultdict(set)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: not JSON ({e})")
            continue
        docs.append(d)
        for k in ("doc", "article", "version", "outlet", "language", "published_at", "headline", "body", "figures"):
            if k not in d:
                problems.append(f"line {n}: no {k}")
        doc = d.get("doc")
        if doc in seen:
            problems.append(f"line {n}: doc {doc} repeated")
        seen.add(doc)
        versions[d.get("article")].add(d.get("version"))
        if d.get("language") not in ("en", "ko"):
            problems.append(f"{doc}: language must be en or ko")
        if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2}$", str(d.get("published_at"))):
            problems.append(f"{doc}: published_at needs an ISO time with offset")
        body = d.get("body", "")
        surfaces = {f.get("surface") for f in d.get("figures", [])}
        for i, f in enumerate(d.get("figures", [])):
            where = f"{doc} figure {i} {f.get('surface')!r}"
            for k in KEYS:
                if k not in f:
                    problems.append(f"{where}: no {k}")
            s = f.get("surface") or ""
            start = f.get("start", body.find(s))
            if not s or body[start:start + len(s)] != s:
                problems.append(f"{where}: surface not in body at start {start}")
            if f.get("unit") not in UNITS:
                problems.append(f"{where}: unit {f.get('unit')!r} not in the spec")
            if f.get("qualifier") not in QUALIFIERS:
                problems.append(f"{where}: qualifier {f.get('qualifier')!r} not in the spec")
            if f.get("metric") not in METRICS:
                problems.append(f"{where}: metric {f.get('metric')!r} not in the spec")
            if not isinstance(f.get("value"), int | float):
                problems.append(f"{where}: value must be a number")
            r = f.get("refers_to")
            if r is not None and not REFERS.match(r):
                problems.append(f"{where}: refers_to {r!r} not in a spec form")
            c = f.get("claim")
            if f.get("subject") is None and c is not None:
                problems.append(f"{where}: a figure with no subject has claim null")
            if f.get("subject") is not None and c is None:
                problems.append(f"{where}: a figure with a subject needs a claim")
            if c is not None and c not in claims:
                problems.append(f"{where}: claim {c!r} not in {claims_path.name}")
            if c is not None and not f.get("group"):
                problems.append(f"{where}: a claimed figure needs a group")
            if f.get("conversion_of") not in (None, *surfaces):
                problems.append(f"{where}: conversion_of names no surface of this version")
    langs = Counter(d.get("language") for d in docs)
    figs = sum(len(d.get("figures", [])) for d in docs)
    used = {f.get("claim") for d in docs for f in d.get("figures", [])} - {None}
    groups = defaultdict(set)
    for d in docs:
        for f in d.get("figures", []):
            g = f.get("group")
            for x in ([g] if isinstance(g, str) else g or []):
                if f.get("claim"):
                    groups[f["claim"]].add(x)
    for p in problems[:60]:
        print(p)
    print(f"{len(docs)} versions ({langs['ko']} ko), {figs} figures, {len(used)} claims used, "
          f"{sum(len(g) > 1 for g in groups.values())} with disagreeing groups, "
          f"{sum(len(v) > 1 for v in versions.values())} revised articles, "
          f"{len({d.get('outlet') for d in docs})} outlets; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
