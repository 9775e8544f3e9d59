"""The text table: every key the code uses exists, every key is used, both languages say the same thing.

The code is read with ast, the whole tree outside tests/, so a key used anywhere
(core, outputs, views, loaders, the command line) counts.
"""

from __future__ import annotations

import ast
import string
from functools import cache
from pathlib import Path

import pytest

from core.i18n import DYNAMIC_PREFIXES, TEXTS, Deferred, Text, join_words, plural_form, t

ROOT = Path(__file__).resolve().parent.parent
# Callables whose first argument is a text key; exception classes are added from the code.
KEY_FUNCTIONS = {"t", "Text"}


def _sources() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if not any(part.startswith(".") or part in ("tests", "__pycache__") for part in path.relative_to(ROOT).parts)
    )


@cache
def _trees() -> dict[str, ast.Module]:
    return {str(path.relative_to(ROOT)): ast.parse(path.read_text(encoding="utf-8")) for path in _sources()}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


@cache
def _error_classes() -> frozenset[str]:
    """MonitorError and every class that derives from it, by name, anywhere in the code."""
    bases = {
        node.name: {_name(base) for base in node.bases}
        for tree in _trees().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    found = {"MonitorError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return frozenset(found)
        found |= more


def _key_arguments() -> list[tuple[str, int, ast.expr]]:
    """(file, line, first argument) of every call to t, Text or a named error."""
    callables = KEY_FUNCTIONS | _error_classes()
    return [
        (file, node.lineno, node.args[0])
        for file, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _name(node.func) in callables and node.args
    ]


def _texts_dict(tree: ast.Module) -> ast.Dict | None:
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and _name(node.target) == "TEXTS":
            return node.value
        if isinstance(node, ast.Assign) and any(_name(target) == "TEXTS" for target in node.targets):
            return node.value
    return None


@cache
def _literals() -> frozenset[str]:
    """Every string literal in the code, except the text table's own keys."""
    found = set()
    for tree in _trees().values():
        table = _texts_dict(tree)
        skipped = {id(key) for key in table.keys} if table is not None else set()
        found |= {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
        }
    return frozenset(found)


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_scan_finds_the_code():
    files = _trees()
    assert "core/i18n.py" in files and "outputs/charts.py" in files and "dashboard.py" in files
    assert not any(file.startswith("tests/") for file in files)
    assert {"NotAllowed", "UnsupportedExport", "ChromiumMissing"} <= _error_classes()


PLURAL_FORMS = ("one", "other")


def _exists(key: str) -> bool:
    """A key is in the table, or is a key with plural forms (key.one and key.other)."""
    return key in TEXTS or all(f"{key}.{form}" in TEXTS for form in PLURAL_FORMS)


def test_every_key_the_code_uses_exists():
    missing = [
        f"{file}:{line}: {argument.value!r}"
        for file, line, argument in _key_arguments()
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and not _exists(argument.value)
    ]
    assert missing == []


def test_every_key_built_at_run_time_has_a_declared_prefix():
    undeclared = [
        f"{file}:{line}: {argument.values[0].value!r}"
        for file, line, argument in _key_arguments()
        if isinstance(argument, ast.JoinedStr)
        and not (isinstance(argument.values[0], ast.Constant) and argument.values[0].value in DYNAMIC_PREFIXES)
    ]
    assert undeclared == []


def test_errors_are_named():
    bare = [
        f"{file}:{node.lineno}"
        for file, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _name(node.exc.func) == "MonitorError"
    ]
    assert bare == [], "raise a named subclass of MonitorError, with a one-line docstring"


def test_every_named_error_has_a_one_line_docstring():
    errors = _error_classes()
    undocumented = [
        f"{file}:{node.lineno} {node.name}"
        for file, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and node.name in errors
        and not ((ast.get_docstring(node) or "").strip() and "\n" not in ast.get_docstring(node).strip())
    ]
    assert undocumented == []


def test_every_key_is_used():
    unused = [
        key
        for key in TEXTS
        if key not in _literals()
        and key.rpartition(".")[0] not in _literals()
        and not any(key.startswith(p) for p in DYNAMIC_PREFIXES)
    ]
    assert unused == []


def test_every_dynamic_prefix_is_used_and_has_keys():
    heads = {
        argument.values[0].value
        for _, _, argument in _key_arguments()
        if isinstance(argument, ast.JoinedStr) and isinstance(argument.values[0], ast.Constant)
    }
    assert [prefix for prefix in DYNAMIC_PREFIXES if prefix not in heads] == []
    assert [prefix for prefix in DYNAMIC_PREFIXES if not any(key.startswith(prefix) for key in TEXTS)] == []


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_are_there_with_the_same_placeholders(key):
    nb, en = TEXTS[key]
    assert nb.strip() and en.strip()
    assert _fields(nb) == _fields(en)


def test_one_name_for_the_language_parameter():
    named = [
        f"{file}:{node.lineno} {node.name}"
        for file, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and "language" in {arg.arg for arg in (*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs)}
    ]
    assert named == []
    keyword = [
        f"{file}:{node.lineno}"
        for file, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and any(keyword.arg == "language" for keyword in node.keywords)
    ]
    assert keyword == []


def test_values_are_worded_in_the_language_asked_for():
    assert t("core.unknown_region", "en", name="X", known=Text("core.none")) == (
        "There is no region “X”. Known regions: none."
    )
    assert t("outputs.no_commitments", "nb", region="Follo", quarter=Deferred(lambda q, lang: f"{q}/{lang}", "Q")) == (
        "Follo har ingen avtale med aktive tiltak for Q/nb."
    )
    assert join_words(["a", "b", "c"], "nb") == "a, b og c"
    assert join_words(["a", "b"], "en") == "a and b"
    assert join_words(["a"], "en") == "a"


def _plural_keys() -> list[str]:
    return sorted(key.removesuffix(".other") for key in TEXTS if key.endswith(".other"))


def test_plural_forms_come_in_pairs_counted_by_count():
    keys = _plural_keys()
    assert "upload.rejected" in keys and "core.sign_in_locked" in keys
    for key in keys:
        one, other = TEXTS[f"{key}.one"], TEXTS[f"{key}.other"]
        for language_texts in (one, other):
            assert "count" in _fields(language_texts[0]) and "count" in _fields(language_texts[1]), key
        assert _fields(one[0]) == _fields(other[0]) == _fields(one[1]) == _fields(other[1]), key


def test_plural_forms_are_picked_by_the_count():
    assert [t("export.rows", "en", count=n) for n in (0, 1, 2)] == ["0 rows.", "1 row.", "2 rows."]
    assert [t("export.rows", "nb", count=n) for n in (0, 1, 2)] == ["0 rader.", "1 rad.", "2 rader."]
    assert t("core.sign_in_locked", "en", count=1) == "Too many failed attempts. Try again in 1 second."
    assert t("upload.rejected", "en", count=1).startswith("The file cannot be saved: 1 error. ")
    # A count formatted when shown picks its form by the number it formats.
    assert t("export.rows", "en", count=Deferred(lambda n, lang: f"{n:,}", 1234)) == "1,234 rows."
    assert [plural_form(n) for n in (0, 1, 1.0, 2, None)] == ["other", "one", "one", "other", "other"]


def test_english_quotes_are_english():
    assert [key for key, (_, en) in TEXTS.items() if "«" in en or "»" in en] == []
