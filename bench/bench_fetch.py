"""Live-fetch benchmark on loopback: pages per second, peak memory, and the per-host pacing actually kept.

Ten HTTP servers (127.0.0.1 ... 127.0.0.10, so ten distinct hosts) run in a child process and serve ~20 KB
HTML pages; :func:`pipelines.fetch.crawl.fetch_many` fetches N pages spread over them with a
:class:`LiveFetcher` (robots.txt on, WARC archiving on), first with politeness off (no delay; still one
request in flight per host), then with a per-host delay. The servers record when each request arrived and
when its response was sent, so the pacing is measured on the server side (the server's "sent" stamp can
lag the client's "received" by a GIL switch, so its gaps may read a fraction of a millisecond short); the
client-side gap (end of a request to start of the next, from ``HostSlots(record=True)``) is printed too.

Not a test. Loopback only; bounded by page count and a time budget:
``python bench/bench_fetch.py [--pages 1000] [--hosts 10] [--delay 0.05] [--workers 10] [--budget 120]``
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.fetch.archive import complete_prefix  # noqa: E402
from pipelines.fetch.crawl import fetch_many  # noqa: E402
from pipelines.fetch.live import LiveFetcher  # noqa: E402

PAGE = ("<html><head><title>p</title></head><body>"
        + "<p>Nvidia sold 1,000,000 H20 chips to China before the export rule.</p>" * 280 + "</body></html>").encode()


def _serve(hosts: list[str], ports: mp.Queue, stop: mp.Event, log: mp.Queue) -> None:
    """Child process: one threaded server per host; on stop, send back (host, start, end) per request."""
    records: list[tuple[str, float, float]] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            start = time.monotonic()
            if self.path == "/robots.txt":
                body, status = b"User-agent: *\nDisallow: /private\n", 200
            else:
                body, status = PAGE, 200
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            with lock:
                records.append((self.server.server_address[0], start, time.monotonic()))

        def log_message(self, *args: object) -> None:
            pass

    servers = []
    for host in hosts:
        srv = ThreadingHTTPServer((host, 0), Handler)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
    ports.put([s.server_address[1] for s in servers])
    stop.wait()
    for srv in servers:
        srv.shutdown()
    log.put(records)


def run(pages: int, hosts: int, delay: float, workers: int, budget: float) -> dict:
    """Fetch ``pages`` pages over ``hosts`` loopback hosts with a per-host ``delay``; figures as a dict."""
    names = [f"127.0.0.{i + 1}" for i in range(hosts)]
    ctx = mp.get_context("fork")  # works under bench/run_all.py (runpy) too
    ports_q, log_q, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    proc = ctx.Process(target=_serve, args=(names, ports_q, stop, log_q), daemon=True)
    proc.start()
    ports = ports_q.get(timeout=30)
    # Bound the batch so it fits the time budget even with politeness on: pages per host x delay.
    per_host = max(1, pages // hosts)
    if delay > 0:
        per_host = min(per_host, max(1, int(budget / delay) - 1))
    urls = [f"http://{names[h]}:{ports[h]}/p/{i}" for i in range(per_host) for h in range(hosts)]
    with tempfile.TemporaryDirectory() as tmp:
        fetcher = LiveFetcher(tmp, min_delay_s=delay, timeout_s=10, trust_env=False, max_wait_s=budget,
                              record_timing=True)
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.monotonic()
        results = fetch_many(fetcher, urls, "bench", max_workers=workers)
        wall = time.monotonic() - t0
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        client_gaps = [g for h in fetcher.slots.hosts() for g in fetcher.slots.gaps(h)]
        fetcher.close()
        warcs = sorted(Path(tmp).glob("*.warc.gz"))
        warc_bytes = sum(p.stat().st_size for p in warcs)
        s0 = time.monotonic()
        for p in warcs:
            complete_prefix(p)
        scan_s = time.monotonic() - s0
    stop.set()
    records = log_q.get(timeout=30)
    proc.join(timeout=10)
    by_host: dict[str, list[tuple[float, float]]] = {}
    for host, start, end in sorted(records, key=lambda r: r[1]):
        by_host.setdefault(host, []).append((start, end))
    starts_gap, idle_gap, in_flight_overlap = [], [], 0
    for reqs in by_host.values():
        for (s1, e1), (s2, _e2) in zip(reqs, reqs[1:], strict=False):
            starts_gap.append(s2 - s1)
            idle_gap.append(s2 - e1)
            in_flight_overlap += s2 < e1
    ok = sum(r.outcome == "ok" for r in results)
    return {
        "pages": len(urls), "ok": ok, "wall_s": wall, "pages_per_s": len(urls) / wall,
        "peak_rss_mb": rss1 / 1024, "rss_growth_mb": (rss1 - rss0) / 1024,
        "warc_mb": warc_bytes / 1e6, "warc_scan_s": scan_s,
        "start_interval_median_s": statistics.median(starts_gap) if starts_gap else 0.0,
        "gap_after_response_min_s": min(idle_gap) if idle_gap else 0.0,
        "gap_after_response_median_s": statistics.median(idle_gap) if idle_gap else 0.0,
        "overlapping_requests_per_host": in_flight_overlap,
        "per_host": per_host, "hosts_seen": len(by_host),
        "client_gap_min_s": min(client_gaps) if client_gaps else 0.0,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--delay", type=float, default=0.05, help="per-host delay for the politeness-on run")
    ap.add_argument("--workers", type=int, default=10)
    ap.add_argument("--budget", type=float, default=120.0, help="seconds; caps pages per host when polite")
    args = ap.parse_args(argv)
    print(f"{args.pages} pages of {len(PAGE) // 1024} KB over {args.hosts} loopback hosts, {args.workers} workers, "
          "robots.txt and WARC archiving on")
    for label, delay in (("politeness off", 0.0), (f"politeness on ({args.delay:.3f} s/host)", args.delay)):
        r = run(args.pages, args.hosts, delay, args.workers, args.budget)
        print(f"\n{label}: {r['ok']}/{r['pages']} ok in {r['wall_s']:.2f} s = {r['pages_per_s']:.0f} pages/s; "
              f"peak RSS {r['peak_rss_mb']:.0f} MB (+{r['rss_growth_mb']:.0f} MB during the run)")
        print(f"  per host: median start-to-start {r['start_interval_median_s'] * 1000:.1f} ms; gap after the "
              f"previous response min {r['gap_after_response_min_s'] * 1000:.1f} ms / median "
              f"{r['gap_after_response_median_s'] * 1000:.1f} ms (configured {delay * 1000:.0f} ms; client-side "
              f"min {r['client_gap_min_s'] * 1000:.1f} ms); "
              f"requests overlapping on one host: {r['overlapping_requests_per_host']}")
        if delay > 0:
            one = r["per_host"] * delay  # robots.txt + pages, one delay apart
            print(f"  one host alone needs >= {one:.2f} s; {r['hosts_seen']} hosts one after another would need "
                  f">= {one * r['hosts_seen']:.1f} s; all took {r['wall_s']:.2f} s (hosts ran concurrently)")
        print(f"  WARC {r['warc_mb']:.1f} MB; torn-tail scan of the whole file {r['warc_scan_s'] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
