"""The ``chipwatch`` command line.

``run`` drives Dagster (every asset, into the persistent instance under ``DAGSTER_HOME``); ``serve`` starts the
webserver and the daemon with the automation on; ``parse``,
``extract`` and ``eval`` call the pipeline stages directly; ``figures`` reads the published snapshot.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

from warehouse.paths import PROJECT_ROOT, published_db_path, working_db_path

INSTANCE_ENV = "CHIPWATCH_INSTANCE"  # "postgres" picks instance/dagster.postgres.yaml; unset: instance/dagster.yaml


class InstanceChoiceError(ValueError):
    """``CHIPWATCH_INSTANCE`` names no instance file in ``instance/``."""


def instance_file() -> Path:
    """The instance settings to use: ``instance/dagster.<CHIPWATCH_INSTANCE>.yaml``, else ``instance/dagster.yaml``."""
    folder = PROJECT_ROOT / "instance"
    name = os.environ.get(INSTANCE_ENV, "").strip()
    path = folder / (f"dagster.{name}.yaml" if name else "dagster.yaml")
    if not path.is_file():
        known = sorted(p.name[len("dagster."):-len(".yaml")] for p in folder.glob("dagster.*.yaml"))
        raise InstanceChoiceError(f"{INSTANCE_ENV}={name}: there is no {path.relative_to(PROJECT_ROOT)} "
                                  f"(choose one of: {', '.join(known)}, or leave it unset for instance/dagster.yaml)")
    return path


def _ensure_dagster_home() -> Path:
    """Use the project's .dagster_home unless DAGSTER_HOME is set; keep its dagster.yaml current (a copy of
    :func:`instance_file`)."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    src, dst = instance_file(), home / "dagster.yaml"
    if src.is_file() and (not dst.is_file() or dst.read_bytes() != src.read_bytes()):
        shutil.copyfile(src, dst)
    return home


def cmd_run(args: argparse.Namespace) -> int:
    try:
        home = _ensure_dagster_home()
    except InstanceChoiceError as exc:
        print(f"chipwatch run: {exc}", file=sys.stderr)
        return 2
    archives = [str(Path(a).resolve()) for a in args.archive or []]
    for a in archives:
        if not Path(a).is_file():
            print(f"chipwatch run: archive not found: {a}", file=sys.stderr)
            return 2
    import dagster as dg

    from assets import runs
    from assets.resources import CONFIG_ENV, FetcherConfigError, fetcher_settings

    try:  # the config file (--config, else CHIPWATCH_FETCHER_CONFIG) and CHIPWATCH_* variables, checked first
        settings = fetcher_settings(args.config or os.environ.get(CONFIG_ENV) or None)
    except FetcherConfigError as exc:
        print(f"chipwatch run: {exc}", file=sys.stderr)
        return 2
    from assets.partitions import SOURCE_KEYS
    from warehouse.db import WarehouseLocked, connect
    from warehouse.summary import summarize, table_counts

    fetcher_config: dict = {**settings, "mode": "live" if args.live else settings.get("mode", "replay")}
    live = fetcher_config["mode"] == "live"
    if archives:
        fetcher_config["archives"] = archives
    db = working_db_path()
    wait_s = _wait_seconds(args.wait)
    # Dagster's console prints every step event, a failure with its stack; without -v it stays quiet and the
    # run's supervisor says the steps' warnings and, at the end, what each failed step raised, one line each.
    loggers = {"console": {"config": {"log_level": "DEBUG" if args.verbose else "CRITICAL"}}}
    duckdb_config = {"config": {"database": str(db), "lock_wait_s": wait_s}}
    run_config = {"resources": {"fetcher": {"config": fetcher_config}, "duckdb": duckdb_config},
                  "loggers": loggers}

    def say(line: str) -> None:
        print(f"chipwatch run: {line}", file=sys.stderr, flush=True)

    try:
        with connect(db, wait_s=wait_s, on_wait=say) as conn:  # the schema before the first write; the counts
            before = table_counts(conn)
    except WarehouseLocked as exc:
        say(str(exc))
        return 1

    try:  # on Postgres this connects (instance/dagster.postgres.yaml): a missing variable or a refused login
        instance = dg.DagsterInstance.get()
    except Exception as exc:  # any failure to open the instance: one line, and no run
        say(f"cannot open the Dagster instance ({home / 'dagster.yaml'}, from {instance_file().name}): "
            f"{_instance_error(exc)}")
        return 1
    replaying = ", ".join(archives or settings.get("archives") or []) or "the sample archive"  # --archive, --config
    print(f"chipwatch: Dagster instance {home}; warehouse {db}; "
          f"{'live fetching' if live else 'replaying ' + replaying}", flush=True)
    for line in runs.recover_dead_runs(instance):
        say(f"cleaned up: {line}")
    failed_archives: list = []
    backfill = bool(archives) and not live  # --archive FILE...: one backfill partition per file (assets/backfill.py)
    if backfill:
        given_archives = archives
        code, failed_archives, archives = _check_archives(archives)
        if code is not None:
            return code
    elif not live:
        code, failed_archives = _read_archives(list(settings.get("archives") or []))
        if code is not None:
            return code
    started = time.monotonic()
    marts_config = {"resources": {"duckdb": duckdb_config}, "loggers": loggers}
    plan = [] if backfill else [("ingest", source, run_config) for source in SOURCE_KEYS]
    plan.append(("marts", None, marts_config))
    read: dict[str, int] = {}
    with runs.code_location(instance) as location:
        if backfill:
            from assets import backfill_runs

            totals: dict = {}
            code = backfill_runs.run_archives(instance, location, archives, marts_config, wait_s, say,
                                              failed_archives, jobs=args.jobs, verbose=args.verbose,
                                              given=given_archives, totals=totals)
            if code:
                return code
            read = {"attempts": int(totals.get("responses", 0)), "outcome_ok": int(totals.get("html_pages", 0)),
                    "pages_kept": int(totals.get("html_pages", 0)), "feed_fetches": 0, "urls_listed": 0}
        for job_name, partition, config in plan:
            t0 = time.monotonic()
            run = runs.create_run(instance, location, job_name, config, partition)
            result = runs.supervise(instance, run, wait_s, say, echo_warnings=not args.verbose)
            label = f"ingest {partition:<6}" if partition else "marts + publish"
            status = "ok" if result.success else ("CANCELED" if result.stopped else "FAILED")
            print(f"  {label} {status}  ({time.monotonic() - t0:.1f}s, run {result.run_id[:8]})", flush=True)
            if not backfill:
                _count_reads(instance, result.run_id, read)
            if result.stopped:
                say(result.message)
                if result.hard_exit:  # the run's thread did not stop: leave without waiting for it
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(result.exit_code)
                return result.exit_code
            if not result.success:
                _print_failure(result)
                return 1
    try:
        with connect(db, wait_s=wait_s, on_wait=say) as conn:
            after = table_counts(conn)
            summary = summarize(conn)
    except WarehouseLocked as exc:  # the runs are done and the snapshot published; only the summary is missing
        say(f"the runs finished, but the summary cannot be read: {exc}")
        return 1
    order = {a: i for i, a in enumerate(args.archive and [str(Path(a).resolve()) for a in args.archive] or [])}
    replayed = archives or list(settings.get("archives") or [])
    given = "the live sites" if live else (", ".join(replayed) or "the sample archive")
    _print_summary(summary, before, after, time.monotonic() - started, read, given)
    for scan in sorted(failed_archives, key=lambda x: order.get(x.path, 0)):
        why = (f"was cut short at byte {scan.truncated_at} (what came before was replayed)"
               if scan.truncated_at is not None else "yielded nothing to replay")
        print(f"chipwatch run: {scan.path} {why}", file=sys.stderr)
    return 1 if failed_archives else 0


def _instance_error(exc: BaseException) -> str:
    """What went wrong opening the instance, in one line: the config errors (an unset environment variable),
    else the innermost cause (the database driver's own words: connection refused, password failed)."""
    errors = getattr(exc, "errors", None)  # DagsterInvalidConfigError: one per field that failed
    if errors:
        said: list[str] = []
        for error in errors:
            text = str(getattr(error, "message", error))
            unset = re.search(r'environment variable "([^"]+)" which is not set', text)
            line = (f"the environment variable {unset.group(1)} is not set" if unset
                    else text.strip().splitlines()[0])
            if line not in said:
                said.append(line)
        return "; ".join(said)
    while exc.__cause__ is not None:
        exc = exc.__cause__
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = " ".join(line for line in lines if not line.startswith(("(Background on this error", "[SQL")))
    return f"{type(exc).__name__}: {text or 'no message'}"


def cmd_serve(args: argparse.Namespace) -> int:
    """dagster-webserver and dagster-daemon on the project's instance, the automation on."""
    try:
        home = _ensure_dagster_home()
    except InstanceChoiceError as exc:
        print(f"chipwatch serve: {exc}", file=sys.stderr)
        return 2
    from assets.automation import crawl_every, live_sources
    from assets.resources import CONFIG_ENV, FetcherConfigError, fetcher_settings
    from assets.serve import serve

    try:  # what the code location will read, checked before anything starts
        crawl_every()
        live_sources()
        fetcher_settings(os.environ.get(CONFIG_ENV) or None)
    except (ValueError, FetcherConfigError) as exc:
        print(f"chipwatch serve: {exc}", file=sys.stderr)
        return 2
    return serve(home, args.host, args.port, say=lambda line: print(line, flush=True))


MAX_PROBLEM_LINES = 20  # per archive file; the rest are counted
PRESCAN_BYTES = 16 << 20  # archives smaller than this are scanned (a fifth of a second) before their backfill run


def _read_archives(archives: list[str]) -> tuple[int | None, list]:
    """Read the archives to replay (the index every step of the run then reuses), print one line per file
    (records, responses, revisits, skipped, where it was cut short) and one line per problem.

    Returns ``(exit code, [])`` when there is nothing to replay at all (no run is started), else
    ``(None, the scans of files that yielded nothing or were cut short)``.
    """
    from assets.resources import SAMPLE_ARCHIVE, replay_for

    try:
        replay = replay_for(archives or [str(SAMPLE_ARCHIVE)])
    except OSError as exc:
        print(f"chipwatch run: cannot read archive {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2, []
    for scan in replay.scans:
        print(f"  archive {scan.summary_line()}")
        for problem in scan.problems[:MAX_PROBLEM_LINES]:
            print(f"  {problem.line()}", file=sys.stderr)
        if len(scan.problems) > MAX_PROBLEM_LINES:
            print(f"  {scan.path}: {len(scan.problems) - MAX_PROBLEM_LINES} more problems not shown", file=sys.stderr)
    if not any(scan.usable for scan in replay.scans):
        print("chipwatch run: nothing to replay: no archive given holds a readable HTTP response", file=sys.stderr)
        return 2, []
    return None, [scan for scan in replay.scans if scan.failed]


def _check_archives(archives: list[str]) -> tuple[int | None, list, list[str]]:
    """Before a backfill: which files can be read at all. A file under ``PRESCAN_BYTES`` is scanned here (a
    fifth of a second at most), and so is any file that does not start with a WARC or ARC record or is gzipped as one
    stream (which the scan refuses); a file the scan finds no HTTP response in (one line for it, one per
    problem) has no run. A larger file that starts with a record is read by its own run only.

    Returns ``(2, [], [])`` when no file holds a readable HTTP response (no run is started), else ``(None, the
    scans of the files that yielded nothing, the files to backfill)``.
    """
    from pipelines.fetch.warc import archive_format, one_gzip_stream, scan_archive

    usable, failed = [], []
    for path in archives:
        try:
            large = Path(path).stat().st_size >= PRESCAN_BYTES
            if large and archive_format(path) is not None and not one_gzip_stream(path):
                usable.append(path)
                continue
            scan = scan_archive(path)
        except OSError as exc:
            print(f"chipwatch run: cannot read archive {path}: {exc.strerror or exc}", file=sys.stderr)
            return 2, [], []
        if scan.usable:  # junk first, records after it: read it like the others
            usable.append(path)
            continue
        failed.append(scan)
    if not usable:
        for scan in failed:
            print(f"  archive {scan.summary_line()}")
            for problem in scan.problems[:MAX_PROBLEM_LINES]:
                print(f"  {problem.line()}", file=sys.stderr)
            if len(scan.problems) > MAX_PROBLEM_LINES:
                print(f"  {scan.path}: {len(scan.problems) - MAX_PROBLEM_LINES} more problems not shown",
                      file=sys.stderr)
        print("chipwatch run: nothing to replay: no archive given holds a readable HTTP response", file=sys.stderr)
        return 2, [], []
    return None, failed, usable


def _wait_seconds(given: float | None) -> float:
    """How long a run waits for the warehouse: ``--wait``, else ``CHIPWATCH_WAIT_S``, else 300 s."""
    if given is not None:
        return max(0.0, given)
    from warehouse.db import lock_wait_s

    return lock_wait_s()


_READ_KEYS = {("raw", "fetch_log"): ("attempts", "outcome_ok"), ("raw", "pages"): ("pages_kept",),
              ("raw", "discovered_urls"): ("urls_listed", "feed_fetches")}


def _count_reads(instance, run_id: str, read: dict[str, int]) -> None:
    """Add what one ingest run read (its assets' materialization metadata, from the event log) to ``read``."""
    from dagster import DagsterEventType

    for entry in instance.all_logs(run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION):
        mat = entry.dagster_event.event_specific_data.materialization
        for key in _READ_KEYS.get(tuple(mat.asset_key.path), ()):
            value = getattr(mat.metadata.get(key), "value", None)
            if isinstance(value, int):
                read[key] = read.get(key, 0) + value


def _print_failure(result) -> None:
    from assets.runs import failure_lines

    lines = failure_lines(result.all_events)
    for line in lines:
        print(f"    {line}", file=sys.stderr)
    if not lines:
        print(f"    run {result.run_id[:8]} failed before any step did: `chipwatch run -v` or the Dagster UI "
              "shows its log", file=sys.stderr)


def _print_summary(s: dict, before: dict[str, int], after: dict[str, int], seconds: float,
                   read: dict[str, int] | None = None, given: str = "its input") -> None:
    print(f"\nchipwatch run finished in {seconds:.1f}s")
    if read is not None:
        print(f"  this run: {read.get('attempts', 0)} page fetches ({read.get('outcome_ok', 0)} ok), "
              f"{read.get('pages_kept', 0)} pages read, {read.get('feed_fetches', 0)} feed fetches, "
              f"{read.get('urls_listed', 0)} article URLs listed")
        if not read.get("pages_kept") and not read.get("urls_listed"):
            print(f"  this run read nothing: no page and no article URL came from {given}; "
                  "the totals below are the warehouse's, from earlier runs")
    print("  warehouse totals (all runs):")
    print("  articles per source: " + ", ".join(
        f"{src} {n} ({s['relevant_per_source'].get(src, 0)} relevant)" for src, n in s["articles_per_source"].items()))
    outlets = s.get("articles_per_outlet", {})
    shown = ", ".join(f"{name} {n}" for name, n in list(outlets.items())[:8])
    more = f", {len(outlets) - 8} more" if len(outlets) > 8 else ""
    print(f"  outlets: {len(outlets)} ({shown}{more})")
    print(f"  article versions: {s['article_versions']} ({s['revisions']} revisions)")
    print(f"  facts: {s['facts']}   claims: {s['claims']}   conflicts: {s['conflicts']} "
          f"({s['unit_errors']} probable unit errors)")
    print(f"  blocked fetches: {s['blocked']}   pages that failed to parse: {s['parse_failures']}")
    added = {t: after[t] - before.get(t, 0) for t in after if after[t] != before.get(t, 0)}
    if added:
        print("  rows changed by this run: " + ", ".join(f"{t} {n:+d}" for t, n in added.items()))
    else:
        print("  no new rows: the warehouse already held everything this run found")
    print(f"  analyst snapshot: {published_db_path()}")


def _read_input(name: str, command: str) -> bytes | None:
    """The bytes of file ``name`` (``-``: standard input), or None after a one-line error."""
    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)
        return stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        print(f"chipwatch {command}: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
        return None


def _decode_text(body: bytes, name: str, command: str) -> str:
    """Text of ``body``, decoded the way pages are (BOM, UTF-8, then detection); says so when not UTF-8."""
    from pipelines.fetch.decode import decode_html

    text, encoding = decode_html(body)
    label = "standard input" if name == "-" else name
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        print(f"chipwatch {command}: {label} is not valid UTF-8 and no other encoding fits; bytes that do not "
              f"decode as {encoding} were replaced with U+FFFD (expected: UTF-8 text, or EUC-KR/CP949 or "
              f"another single encoding)", file=sys.stderr)
        return text
    if encoding not in ("utf-8", "ascii"):
        print(f"chipwatch {command}: {label} is not UTF-8; read it as {encoding}", file=sys.stderr)
    return text


def _backfill_run(args: argparse.Namespace) -> int:
    _ensure_dagster_home()
    from assets.backfill_runs import cmd_backfill_run

    return cmd_backfill_run(args)


def cmd_parse(args: argparse.Namespace) -> int:
    from pipelines.sources import parse_page

    body = _read_input(args.file, "parse")
    if body is None:
        return 2
    source = None if args.source == "auto" else args.source
    url = args.url or ("" if args.file == "-" else Path(args.file).resolve().as_uri())
    page = parse_page(body, url, source)
    print(json.dumps(page.to_json_dict(), ensure_ascii=False, indent=2))
    return 0 if page.is_article else 1


def cmd_extract(args: argparse.Namespace) -> int:
    from pipelines.extract import extract_figures

    body = _read_input(args.file or "-", "extract")
    if body is None:
        return 2
    text = _decode_text(body, args.file or "-", "extract")
    lang = None if args.lang == "auto" else args.lang
    for fig in extract_figures(text, lang):
        print(json.dumps(fig.to_json_dict(), ensure_ascii=False))
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    import duckdb

    from assets.metadata import md_table
    from warehouse import queries

    path = published_db_path()
    if not path.is_file():
        print(f"chipwatch figures: no published snapshot at {path}; run `make run` first", file=sys.stderr)
        return 2
    conn = duckdb.connect(str(path), read_only=True)
    try:
        if args.claim:
            df = queries.claim_history(conn, args.claim)
            if df.is_empty():  # as a person types it: "training cost", "DeepSeek cost", "훈련 비용", "H800"
                from pipelines import stages

                keys = stages.claims_matching(args.claim, queries.claim_names(conn))
                df = queries.claim_history_of(conn, keys) if keys else df
            if df.is_empty():
                print(f"no claim matches {args.claim!r}", file=sys.stderr)
                return 1
        else:
            df = queries.claims_overview(conn)
    finally:
        conn.close()
    print(md_table(df, limit=args.limit or df.height))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    """Harlequin on the snapshot (read-only); with -c/-f, or SQL on a non-terminal standard input, the
    statements are run and their results printed instead."""
    from warehouse import shell

    path = Path(args.db) if args.db else published_db_path()
    scripts: list[str] = list(args.command_sql or [])
    for name in args.file or []:
        try:
            scripts.append(sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"chipwatch sql: cannot read {name}: {exc}", file=sys.stderr)
            return 2
    if not scripts and not sys.stdin.isatty():
        scripts.append(sys.stdin.read())
    try:
        if not scripts:
            cmd = shell.harlequin_command(path)
            sys.stdout.flush()
            os.execv(cmd[0], cmd)
        for sql in scripts:
            for result in shell.run_script(path, sql):
                text = shell.format_result(result)
                if text:
                    print(text, end="\n\n")
    except shell.ShellError as exc:
        print(f"chipwatch sql: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if args.claims:
        from pipelines.evaluate_claims import main as claims_main

        return claims_main([*(args.gold or []), "--errors", str(args.errors)])
    from pipelines.extract.evaluate import default_gold_paths, evaluate, format_report

    report = evaluate(args.gold or default_gold_paths())
    print(format_report(report))
    return 0


def cmd_pack_sample(args: argparse.Namespace) -> int:
    from pipelines.fetch.pack import pack_folder

    folder = PROJECT_ROOT / "sample_archive"
    n = pack_folder(folder, folder / "sample.warc.gz")
    print(f"packed {n} captures into {folder / 'sample.warc.gz'}")
    return 0


def _row_limit(value: str) -> int:
    """``--limit``: a whole number of rows, 0 meaning all of them."""
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of rows (0 or more; 0 shows all rows)")
    return n


def build_parser() -> argparse.ArgumentParser:
    from pipelines.sources.registry import SOURCES

    p = argparse.ArgumentParser(prog="chipwatch", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="materialize every asset through Dagster and print a summary")
    r.add_argument("--archive", nargs="+", metavar="PATH",
                   help="backfill these WARC/ARC files (a CC-NEWS file, an old crawl): one partition and one run "
                        "per file, streamed, then the marts")
    r.add_argument("--live", action="store_true", help="fetch live over HTTP instead of replaying")
    r.add_argument("--config", metavar="FILE",
                   help="fetcher settings, JSON or YAML, with the fetcher resource's keys (sources, min_delay_s, "
                        "user_agent, warc_dir, ...); CHIPWATCH_* variables override it")
    r.add_argument("-v", "--verbose", action="store_true", help="show Dagster's step events")
    r.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="with --archive: read at most N archive files at once (default: the number of CPUs)")
    r.add_argument("--wait", type=float, metavar="SECONDS",
                   help="how long to wait for the warehouse (the duckdb_writes slot another run holds, or a "
                        "process holding the working file) before giving up; default CHIPWATCH_WAIT_S or 300")
    r.set_defaults(func=cmd_run)
    br = sub.add_parser("backfill-run", help="backfill one archive file as its partition (what run --archive "
                                             "starts per file); the marts are not rebuilt")
    br.add_argument("path", help="the WARC/ARC file")
    br.add_argument("--wait", type=float, default=300.0, metavar="SECONDS")
    br.add_argument("-v", "--verbose", action="store_true")
    br.set_defaults(func=_backfill_run)
    sv = sub.add_parser("serve", help="start dagster-webserver and dagster-daemon on the project's instance with "
                                      "the automation on (live crawl, marts, snapshot); Ctrl-C stops both")
    sv.add_argument("--host", default="127.0.0.1", help="the UI's address (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=3000, help="the UI's port (default 3000)")
    sv.set_defaults(func=cmd_serve)
    pa = sub.add_parser("parse", help="parse one saved page and print the article as JSON")
    pa.add_argument("file", help="the saved page (- for standard input)")
    pa.add_argument("--source", default="auto", choices=["auto", *SOURCES])
    pa.add_argument("--url", help="the page's URL, if known")
    pa.set_defaults(func=cmd_parse)
    e = sub.add_parser("extract", help="print one JSON line per figure in a text")
    e.add_argument("file", nargs="?", default="-", help="a text file (- or none: standard input); UTF-8, or "
                                                        "an encoding detected as for pages (EUC-KR, ...)")
    e.add_argument("--lang", default="auto", choices=["auto", "ko", "en"])
    e.set_defaults(func=cmd_extract)
    f = sub.add_parser("figures", help="show claims (or one claim's timeline) from the published snapshot")
    f.add_argument("--claim", help="text matched against claim key, subject or metric")
    f.add_argument("--limit", type=_row_limit, default=50, metavar="N",
                   help="show at most N rows (default 50; 0: all rows)")
    f.set_defaults(func=cmd_figures)
    sq = sub.add_parser("sql", help="open the published snapshot read-only in a SQL shell (Harlequin), or run "
                                    "SQL on it with -c/-f")
    sq.add_argument("-c", "--command", dest="command_sql", action="append", metavar="SQL",
                    help="run these statements and print the results instead of opening the IDE (repeatable)")
    sq.add_argument("-f", "--file", action="append", metavar="FILE",
                    help="run the statements of FILE (- for standard input), e.g. "
                         "warehouse/sql/analyst_questions.sql (repeatable)")
    sq.add_argument("--db", metavar="PATH", help="another snapshot (default: CHIPWATCH_PUBLISHED_DB or "
                                                 "warehouse/published/chipwatch.duckdb)")
    sq.set_defaults(func=cmd_sql)
    ev = sub.add_parser("eval", help="score the extractor on the gold set")
    ev.add_argument("--gold", nargs="+", help="gold JSONL files (default: tests/gold/*.jsonl; with --claims the "
                                              "claim sets in tests/gold/claims/)")
    ev.add_argument("--claims", action="store_true",
                    help="score claim grouping and discrepancies (same-claim pair P/R/F1, discrepancy P/R)")
    ev.add_argument("--errors", type=int, default=0, help="with --claims: print up to N mistakes per set")
    ev.set_defaults(func=cmd_eval)
    pk = sub.add_parser("pack-sample", help="re-pack sample_archive/ into sample_archive/sample.warc.gz")
    pk.set_defaults(func=cmd_pack_sample)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
