"""Size bounds a reader can hold in mind: no file over 400 lines and no function over 50 lines, in Python and in
JavaScript, in the package, the site build, the benchmark, the page's scripts and the tests.

Python functions are measured on its own syntax tree; JavaScript functions on acorn's (`function_lengths.mjs`,
run under Node), so a brace inside a string, a template literal, a regular expression or a comment counts for
nothing."""

from __future__ import annotations

import ast
import json
import subprocess
from pathlib import Path

import pytest

FOLDERS = ("calculator", "build_scripts", "bench", "frontend", "tests")
PYTHON = ("*.py",)
JAVASCRIPT = ("*.mjs", "*.js")
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 50
FUNCTION_LENGTHS = Path(__file__).with_name("function_lengths.mjs")


def _files(root: Path, patterns: tuple[str, ...], folder: str | None = None) -> list[Path]:
    folders = FOLDERS if folder is None else (folder,)
    return sorted(
        path
        for name in folders
        for pattern in patterns
        for path in (root / name).rglob(pattern)
        if "node_modules" not in path.parts
    )


def _javascript_function_lengths(root: Path, files: list[Path]) -> dict[str, list[dict[str, int | str]]]:
    """Each file's functions as {"name", "line", "length"}, from function_lengths.mjs."""
    result = subprocess.run(
        ["node", str(FUNCTION_LENGTHS), *(str(path.relative_to(root)) for path in files)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    lengths: dict[str, list[dict[str, int | str]]] = json.loads(result.stdout)
    return lengths


def test_the_walk_finds_the_code(root: Path) -> None:
    assert len(_files(root, PYTHON)) > 100
    assert {path.name for path in _files(root, JAVASCRIPT)} >= {"render.mjs", "service-worker.js", "trim_stdlib.mjs"}


def test_no_file_is_over_400_lines(root: Path) -> None:
    too_long = {}
    for path in _files(root, PYTHON + JAVASCRIPT):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_FILE_LINES:
            too_long[str(path.relative_to(root))] = lines
    assert too_long == {}


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_python_function_is_over_50_lines(root: Path, folder: str) -> None:
    too_long = {}
    for path in _files(root, PYTHON, folder):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long[f"{path.relative_to(root)}:{node.lineno} {node.name}"] = length
    assert too_long == {}


def test_no_javascript_function_is_over_50_lines(root: Path) -> None:
    lengths = _javascript_function_lengths(root, _files(root, JAVASCRIPT))
    assert sum(len(functions) for functions in lengths.values()) > 200  # the parser saw the functions
    too_long = {
        f"{path}:{function['line']} {function['name']}": function["length"]
        for path, functions in lengths.items()
        for function in functions
        if int(function["length"]) > MAX_FUNCTION_LINES
    }
    assert too_long == {}


def test_javascript_functions_are_measured_from_the_syntax_tree(root: Path, tmp_path: Path) -> None:
    """Braces in strings, template literals, regular expressions and comments do not end or open a function; a
    method, an arrow function in a variable and a function in a property are named as a reader would look them up."""
    sample = tmp_path / "sample.mjs"
    sample.write_text(
        "export function first(text) {\n"  # 1
        '  const open = "{";\n'  # 2
        "  const template = `${text} } ${`{`}`;\n"  # 3
        "  // } a comment's brace\n"  # 4
        "  /* } */ const pattern = /[}{]\\}/g;\n"  # 5
        "  return [open, template, pattern];\n"  # 6
        "}\n"  # 7
        "const second = (value) =>\n"  # 8
        "  value + 1;\n"  # 9
        "class Page {\n"  # 10
        "  init() {\n"  # 11
        "    const handlers = { copy: function () {\n"  # 12
        "      return '}';\n"  # 13
        "    } };\n"  # 14
        "    return handlers;\n"  # 15
        "  }\n"  # 16
        "}\n",  # 17
        encoding="utf-8",
    )
    lengths = _javascript_function_lengths(tmp_path, [sample])
    found = {(function["name"], function["line"], function["length"]) for function in lengths["sample.mjs"]}
    assert found == {("first", 1, 7), ("second", 8, 2), ("init", 11, 6), ("copy", 12, 3)}
