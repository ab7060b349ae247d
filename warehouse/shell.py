"""The analyst's SQL prompt: the published snapshot, read-only, in Harlequin or one statement at a time.

``chipwatch sql`` (``make sql``) opens the snapshot in Harlequin, a terminal SQL IDE over the ``duckdb``
package the pipeline uses (the DuckDB CLI on the package index, ``duckdb-cli`` 1.5.6, cannot read the files
DuckDB 2.0 writes). ``chipwatch sql -c SQL`` and ``-f FILE`` run statements without the IDE and print each
result as a table; :data:`ANALYST_QUERIES` holds the README's questions.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from warehouse.paths import WAREHOUSE_DIR

SQL_DIR = WAREHOUSE_DIR / "sql"
ANALYST_QUERIES = SQL_DIR / "analyst_questions.sql"


class ShellError(Exception):
    """A statement failed (``exit_code`` 1) or there is nothing to run it on (2): one line for the user."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Result:
    """What one statement returned: its column names and rows (none for statements without a result)."""

    sql: str
    columns: list[str]
    rows: list[tuple]


def run_script(db_path: str | Path, sql: str) -> list[Result]:
    """Run every statement of ``sql`` against the snapshot at ``db_path``, opened read-only, in order.

    Raises :class:`ShellError` for a missing snapshot or the first statement that fails (a write is refused:
    the snapshot is read-only)."""
    path = Path(db_path)
    if not path.is_file():
        raise ShellError(f"no published snapshot at {path}; run `make run` first", 2)
    try:
        conn = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise ShellError(f"cannot open {path}: {_one_line(exc)}", 2) from None
    results: list[Result] = []
    try:
        conn.execute("SET TimeZone = 'UTC'")
        try:
            statements = conn.extract_statements(sql)
        except duckdb.Error as exc:
            raise ShellError(_one_line(exc)) from None
        for st in statements:
            try:
                cur = conn.execute(st)
                cols = [d[0] for d in cur.description] if cur.description else []
                rows = cur.fetchall() if cols else []
            except duckdb.Error as exc:
                raise ShellError(f"{_one_line(exc)} (in: {_first_line(st.query)})") from None
            results.append(Result(st.query.strip(), cols, rows))
    finally:
        conn.close()
    return results


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _first_line(sql: str) -> str:
    lines = [x.strip() for x in sql.strip().splitlines() if x.strip() and not x.strip().startswith("--")]
    text = lines[0] if lines else sql.strip()
    return text if len(text) <= 80 else text[:77] + "..."


def _width(text: str) -> int:
    """Terminal columns of ``text``: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell(value: object) -> str:
    """A value as a person reads it: NULL, whole numbers without ``.0`` or exponent, times to the second."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return f"{value:.6f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cell(v) for v in value) + "]"
    return " ".join(str(value).split())


def format_result(result: Result, max_col: int = 60) -> str:
    """An aligned text table with a row count; empty for a statement without a result."""
    if not result.columns:
        return ""

    def clip(text: str) -> str:
        if _width(text) <= max_col:
            return text
        out, w = "", 0
        for ch in text:
            w += _width(ch)
            if w > max_col - 1:
                break
            out += ch
        return out + "…"

    table = [[clip(c) for c in result.columns]] + [[clip(cell(v)) for v in row] for row in result.rows]
    widths = [max(_width(r[i]) for r in table) for i in range(len(result.columns))]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    n = len(result.rows)
    out = [line(table[0]), "-+-".join("-" * w for w in widths), *(line(r) for r in table[1:]),
           f"({n} row{'s' if n != 1 else ''})"]
    return "\n".join(out)


def harlequin_command(db_path: str | Path) -> list[str]:
    """The command that opens the snapshot read-only in Harlequin, with the saved queries in its Files tab.

    Raises :class:`ShellError` when Harlequin is not installed."""
    exe = Path(sys.executable).with_name("harlequin")
    found = str(exe) if exe.is_file() else shutil.which("harlequin")
    if not found:
        raise ShellError("harlequin is not installed in this environment; run `make install`", 2)
    path = Path(db_path)
    if not path.is_file():
        raise ShellError(f"no published snapshot at {path}; run `make run` first", 2)
    return [found, "--read-only", "--adapter", "duckdb", "--show-files", str(SQL_DIR), str(path)]
