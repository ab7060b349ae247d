"""Run every benchmark in bench/ in turn, each in its own process (so peak-memory figures stay separate and
one benchmark's exit does not stop the others). Each prints its own figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

if __name__ == "__main__":
    failed = []
    long_ones = {"bench_backfill.py"}  # minutes: only with --backfill
    for script in sorted(HERE.glob("bench_*.py")):
        if script.name in long_ones and "--backfill" not in sys.argv[1:]:
            print(f"\n== {script.name}: skipped (takes minutes; run_all.py --backfill runs it)", flush=True)
            continue
        print(f"\n== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    sys.exit(1 if failed else 0)
