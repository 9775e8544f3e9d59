"""Texts of the quarterly round: the web speaks of the page's own controls, never of command-line flags."""

from __future__ import annotations

import re
import string
from pathlib import Path

from core.i18n import TEXTS

ROOT = Path(__file__).resolve().parent.parent
# Printed by the command line only (loaders/__main__.py and the demo builder it runs).
CLI_ONLY_PREFIXES = ("cli.", "loaders.demo.")
CLI_FILES = {Path("loaders/__main__.py"), Path("loaders/demo/build.py")}
FLAG = re.compile(r"(?<![\w-])--[a-z]")


def _rendered(text: str) -> str:
    """The text with every placeholder filled, as a page would show it."""
    fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return text.format(**dict.fromkeys(fields, "x"))


def test_no_text_the_pages_can_show_mentions_a_command_line_flag():
    flagged = {
        key: _rendered(text)
        for key, texts in TEXTS.items()
        if not key.startswith(CLI_ONLY_PREFIXES)
        for text in texts
        if FLAG.search(_rendered(text))
    }
    assert flagged == {}


def test_the_command_line_texts_are_used_by_the_command_line_alone():
    keys = [key.removesuffix(".one").removesuffix(".other") for key in TEXTS if key.startswith(CLI_ONLY_PREFIXES)]
    users = {
        (key, path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if not any(part.startswith(".") or part in ("tests", "__pycache__") for part in path.relative_to(ROOT).parts)
        and path.relative_to(ROOT) != Path("core/i18n.py")
        for key in keys
        if f'"{key}"' in path.read_text(encoding="utf-8")
    }
    assert {path for _, path in users} == CLI_FILES
    assert {key for key, _ in users} == set(keys)


def test_the_flag_pattern_finds_flags_and_nothing_else():
    assert [bool(FLAG.search(text)) for text in ("med --quarter", "--force", "2–3", "a -- b", "x---y")] == [
        True,
        True,
        False,
        False,
        False,
    ]
