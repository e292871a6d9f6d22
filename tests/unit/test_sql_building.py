"""Queries are built with SQLAlchemy Core against the tables in `loftet.db`: no module under
`loftet/queries` or `pages` may build SQL text from an f-string, `str.format`, `%` or `+`
(a column rename must fail at import or in a test, and values must go in as parameters)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKED = sorted([*(ROOT / "loftet" / "queries").glob("*.py"), *(ROOT / "pages").glob("*.py")])
SQL = re.compile(r"\b(SELECT|FROM|WHERE|JOIN|GROUP BY|ORDER BY|INSERT|UPDATE|DELETE|AND|OR)\b")
"""SQL keywords as written in SQL text (upper case, so Norwegian UI text does not match)."""


def _constant_text(node: ast.AST) -> str:
    """The literal parts of a string expression (f-string pieces, constants)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(_constant_text(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _constant_text(node.left) + " " + _constant_text(node.right)
    return ""


def _is_dynamic(node: ast.AST) -> bool:
    """True if the string expression splices something in at run time."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return not (isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format"
    return False


def spliced_sql(source: str) -> list[int]:
    """Line numbers where SQL text is built from a run-time value."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not _is_dynamic(node):
            continue
        target = (
            node.func.value
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            else node
        )
        if SQL.search(_constant_text(target)):
            lines.append(getattr(node, "lineno", 0))
    return sorted(set(lines))


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sql_is_built_from_strings(path: Path) -> None:
    assert spliced_sql(path.read_text(encoding="utf-8")) == [], (
        f"{path.relative_to(ROOT)} builds SQL text from a run-time value; use Core select()"
    )


@pytest.mark.parametrize(
    "snippet",
    [
        'sql = f"SELECT k.{county} FROM kommune k"',
        'sql = "SELECT {} FROM kommune".format(column)',
        'sql = "SELECT navn FROM kommune WHERE " + condition',
        'sql = "SELECT navn FROM %s" % table',
        'read_frame(f"SELECT COUNT(*) AS n FROM {table}")',
        'where = f" AND {column} = :{param}"',
    ],
)
def test_the_check_finds_spliced_sql(snippet: str) -> None:
    assert spliced_sql(snippet) == [1]


@pytest.mark.parametrize(
    "snippet",
    [
        'note = f"Kommunenummer {number} gjaldt til 2023."',
        'key = f"generation:{namespace}"',
        'sql = "SELECT navn FROM kommune " "ORDER BY navn"',
        'label = "{} og {}".format(a, b)',
    ],
)
def test_the_check_leaves_other_strings_alone(snippet: str) -> None:
    assert spliced_sql(snippet) == []
