"""The layout rule, read from the imports: each package only calls down, and each kind of library has one home.

- core/: data and rules. No Streamlit, no chart, Excel, Word or PDF library, nothing from the packages above it.
- loaders/: files into data. No Streamlit, no charts or PDF; outputs/ only from the CLI (loaders/__main__.py).
- outputs/: data into files people take away. No Streamlit, nothing from loaders/ or views/.
- views/ and dashboard.py: read widgets, call down, render. No SQL and no database or spreadsheet library.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

DRAWING = {"streamlit", "plotly", "kaleido", "choreographer", "reportlab"}
FILE_FORMATS = {"xlsxwriter", "openpyxl", "python_calamine", "docx", "defusedxml", "lxml", "pypdfium2"}
DATABASE = {"sqlite3", "sqlite_utils"}

# package -> the top-level modules its files may not import
FORBIDDEN: dict[str, set[str]] = {
    "core": DRAWING | FILE_FORMATS | {"loaders", "outputs", "views", "dashboard"},
    "loaders": DRAWING | {"views", "dashboard", "outputs"},
    "outputs": {"streamlit", "loaders", "views", "dashboard", "openpyxl", "python_calamine", "docx"},
    "views": DATABASE | FILE_FORMATS | {"kaleido", "choreographer", "reportlab", "dashboard"},
}
# The CLI is the loaders' front door: it writes templates and exports through outputs/.
ALLOWED: dict[str, set[str]] = {"loaders/__main__.py": {"outputs"}}
SQL = re.compile(r"\b(SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\b.*\bSET|DELETE\s+FROM|CREATE\s+TABLE)\b", re.I | re.S)


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module the file imports, wherever in the file (functions included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def package_of(path: Path) -> str:
    relative = path.relative_to(ROOT)
    return "views" if relative.name == "dashboard.py" else relative.parts[0]


def test_every_package_exists_and_the_rule_covers_it():
    assert [name for name in FORBIDDEN if not python_files(name)] == []


@pytest.mark.parametrize(
    "path",
    [path for package in FORBIDDEN for path in python_files(package)] + [ROOT / "dashboard.py"],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_imports_follow_the_layout_rule(path: Path):
    relative = str(path.relative_to(ROOT))
    forbidden = FORBIDDEN[package_of(path)] - ALLOWED.get(relative, set())
    assert sorted(imported_modules(path) & forbidden) == []


def test_the_rule_catches_a_forbidden_import(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    import streamlit as st\n    from outputs.charts import Chart\n")
    assert imported_modules(sneaky) & FORBIDDEN["core"] == {"streamlit", "outputs"}


@pytest.mark.parametrize("path", [*python_files("views"), ROOT / "dashboard.py"], ids=lambda path: path.name)
def test_pages_hold_no_sql(path: Path):
    strings = [
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert [text for text in strings if SQL.search(text)] == []


def test_the_sql_check_recognises_sql():
    assert SQL.search("SELECT id FROM uploads WHERE sha256 = ?")
    assert SQL.search("INSERT INTO status_reports (commitment_id) VALUES (?)")
    assert not SQL.search("Velg et kvartal fra listen")


def test_there_is_no_top_level_pages_folder():
    # Streamlit runs the files of a folder named pages/ beside the entry point as a legacy
    # multipage app, without dashboard.py: the sidebar filters and sign-in would be lost.
    assert not (ROOT / "pages").exists()


def test_every_page_script_is_registered_in_the_navigation():
    pages = sorted(path.name for path in python_files("views") if not path.name.startswith("_"))
    navigation = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    assert [name for name in pages if f'"{name}"' not in navigation] == []


def class_nodes(path: Path) -> list[ast.ClassDef]:
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.ClassDef)]


def test_every_exception_lives_in_its_packages_errors_module():
    # One place per package to find what can go wrong: core/errors.py, loaders/errors.py, outputs/errors.py.
    errors_modules = [ROOT / package / "errors.py" for package in FORBIDDEN if (ROOT / package / "errors.py").exists()]
    assert [path.parent.name for path in errors_modules] == ["core", "loaders", "outputs"]
    family = {"Exception"} | {node.name for path in errors_modules for node in class_nodes(path)}
    defined_elsewhere = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for package in FORBIDDEN
        for path in python_files(package)
        if path.name != "errors.py"
        for node in class_nodes(path)
        if any(isinstance(base, ast.Name) and (base.id in family or base.id.endswith("Error")) for base in node.bases)
    ]
    assert defined_elsewhere == []
