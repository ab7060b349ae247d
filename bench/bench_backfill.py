"""Backfill benchmark: `chipwatch run --archive` on a CC-NEWS-sized WARC (1 GB, 40,000 pages) and on a tenth of it.

Prints, for each file: wall time of the whole run (backfill + marts + publish) and of the backfill run, pages/s,
peak RSS of the run's process tree, the share of pages fully parsed and why the others were skipped; then the
ratios of the big file to the small one (memory flat in file size: RSS ratio near 1 while the size ratio is
10), and the sniff's recall against the full topic filter on the small file's first ``--recall-pages`` pages.
The files are generated once by ``bench/make_ccnews_warc.py`` and cached in /tmp. Goal: under 5 minutes on 2
cores. ``python bench/bench_backfill.py [--pages 40000] [--size 1G] [--recall-pages 1000]``; ``run_all.py``
runs it only with ``--backfill`` (it takes minutes).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.make_ccnews_warc import default_corpus, default_out, generate, parse_size  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
            rss[int(d.name)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
            children.setdefault(int(stat[1]), []).append(int(d.name))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def run(archive: Path) -> dict:
    """`chipwatch run --archive` in a fresh warehouse and instance; wall time, peak tree RSS and the counts."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix="chipwatch-bench-") as tmp:
        env = {**os.environ, "CHIPWATCH_DB": f"{tmp}/wh/chipwatch.duckdb",
               "CHIPWATCH_PUBLISHED_DB": f"{tmp}/wh/published/chipwatch.duckdb",
               "CHIPWATCH_OUTPUT": f"{tmp}/wh/output", "DAGSTER_HOME": f"{tmp}/dagster_home"}
        t0 = time.monotonic()
        proc = subprocess.Popen([str(REPO / ".venv" / "bin" / "chipwatch"), "run", "--archive", str(archive)],
                                cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)
        wall = time.monotonic() - t0
        out = proc.stdout.read()
        if proc.returncode != 0:
            print(out)
            raise SystemExit(f"chipwatch run failed ({proc.returncode})")
        m = re.search(r"backfill \S+ ok\s+\(([\d.]+)s", out)
        conn = duckdb.connect(env["CHIPWATCH_DB"], read_only=True)
        try:
            reasons = dict(conn.execute("SELECT coalesce(reason, 'parsed'), count(*) FROM core.parse_results "
                                        "GROUP BY 1").fetchall())
            facts = conn.execute("SELECT count(*) FROM core.facts").fetchone()[0]
            relevant = conn.execute("SELECT count(*) FROM core.articles WHERE is_relevant").fetchone()[0]
        finally:
            conn.close()
    pages = sum(reasons.values())
    skipped = {r: n for r, n in reasons.items() if r.startswith("skipped_")}
    return {"bytes": archive.stat().st_size, "pages": pages, "wall_s": wall,
            "backfill_s": float(m.group(1)) if m else wall, "peak_rss": peak,
            "parsed": pages - sum(skipped.values()), "skipped": skipped, "relevant": relevant, "facts": facts}


def recall(archive: Path, limit: int) -> tuple[int, int, int, int, int]:
    """(pages, full-filter relevant, kept by the sniff, relevant lost by the sniff, relevant in languages the
    extractor does not read) over the first ``limit`` pages."""
    from pipelines.fetch.warc import iter_responses
    from pipelines.sources import is_relevant_page, parse_page
    from pipelines.sources.sniff import sniff_page

    n = rel = kept = lost = lang = 0
    for rec in iter_responses(archive):
        if n >= limit:
            break
        n += 1
        s = sniff_page(rec.body, rec.url, rec.headers.get("Content-Type"))
        page = parse_page(rec.body, rec.url)
        full = page.is_article and is_relevant_page(page)
        rel += full
        kept += s.keep
        if full and not s.keep:
            lang += s.reason == "language"
            lost += s.reason != "language"
    return n, rel, kept, lost, lang


def ensure(pages: int, size: int, seed: int) -> Path:
    out = default_out(pages, size, seed)
    if not out.is_file():
        t0 = time.monotonic()
        held = generate(out, pages, size, seed, corpus=default_corpus())
        print(f"generated {out} ({held['file_bytes'] / 2**20:.0f} MiB, {held['chip']} chip pages) "
              f"in {time.monotonic() - t0:.0f}s", flush=True)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pages", type=int, default=40_000)
    p.add_argument("--size", type=parse_size, default="1G")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--recall-pages", type=int, default=1000)
    args = p.parse_args()
    big = ensure(args.pages, args.size, args.seed)
    small = ensure(args.pages // 10, args.size // 10, args.seed)
    rows = {}
    for label, path in (("1/10", small), ("full", big)):
        r = rows[label] = run(path)
        skipped = ", ".join(f"{k.removeprefix('skipped_')} {v}" for k, v in sorted(r["skipped"].items()))
        print(f"{label:>4}: {r['bytes'] / 2**20:6.0f} MiB, {r['pages']} pages: run {r['wall_s']:.1f}s "
              f"(backfill {r['backfill_s']:.1f}s), {r['pages'] / r['backfill_s']:.0f} pages/s, peak RSS "
              f"{r['peak_rss'] / 2**20:.0f} MiB, parsed {r['parsed']} ({r['parsed'] / r['pages']:.1%}), "
              f"skipped {skipped}; {r['relevant']} relevant articles, {r['facts']} facts", flush=True)
    a, b = rows["1/10"], rows["full"]
    print(f"ratios full / (1/10): size {b['bytes'] / a['bytes']:.1f}, pages {b['pages'] / a['pages']:.1f}, "
          f"backfill time {b['backfill_s'] / a['backfill_s']:.1f}, peak RSS {b['peak_rss'] / a['peak_rss']:.2f}; "
          f"goal: full run under 300 s: {'met' if b['wall_s'] < 300 else 'NOT met'} ({b['wall_s']:.0f} s)")
    n, rel, kept, lost, lang = recall(small, args.recall_pages)
    print(f"sniff vs full topic filter on the first {n} pages of the 1/10 file: {rel} relevant, {kept} kept by the "
          f"sniff, {lost} relevant lost (recall {(rel - lang - lost) / max(1, rel - lang):.3f} on en/ko pages), "
          f"{lang} relevant pages in languages the extractor does not read (skipped by language)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
