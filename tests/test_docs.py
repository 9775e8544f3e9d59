"""The README against the code: its settings table is core.settings.SETTINGS, and its
command-line section shows every subcommand and option of ``python -m loaders``.

After simonw/sqlite-utils' tests/test_docs.py: the documentation is tested, so it cannot drift.
"""

import argparse
import re
from pathlib import Path

import pytest

from core.errors import InvalidSetting
from core.settings import SETTINGS, SETTINGS_BY_NAME, setting
from loaders.__main__ import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of the README's ``## title`` section, up to the next ``## ``."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.MULTILINE | re.DOTALL)
    assert match, f"README has no section «{title}»"
    return match.group(1)


def settings_table() -> dict[str, list[str]]:
    """The settings table's rows by setting name: the cells after the name."""
    rows = {}
    for line in section("Settings").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `"):
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    """Every runnable subcommand, "user add" for the nested ones, with its parser."""
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = subcommands(sub, f"{prefix}{name} ")
                found.update(inner or {f"{prefix}{name}": sub})
    return found


def test_the_settings_table_lists_exactly_the_settings():
    assert list(settings_table()) == [entry.name for entry in SETTINGS]


@pytest.mark.parametrize("entry", SETTINGS, ids=lambda entry: entry.name)
def test_each_setting_has_its_variable_default_and_unit_in_the_readme(entry):
    env, default, read, help_text = settings_table()[entry.name]
    assert env == f"`{entry.env}`"
    if entry.default == "":
        assert default == "none"
    else:
        value, unit = re.fullmatch(r"`([^`]+)` (.+)", default).groups()
        assert entry.type(value) == entry.default and type(entry.default) is entry.type
        assert unit == entry.unit
    assert read == entry.read
    assert help_text == entry.help


def test_every_subcommand_is_in_the_command_line_section():
    text = section("Command line")
    commands = subcommands(build_parser())
    assert {"agreement", "status", "user add", "user list", "user remove", "user passwd", "demo"} <= set(commands)
    missing = [name for name in commands if not re.search(rf"^python -m loaders {name}\b", text, re.MULTILINE)]
    assert missing == []


def test_every_option_is_in_the_command_line_section():
    text = section("Command line")
    options = {
        option
        for parser in subcommands(build_parser()).values()
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }
    assert "--password-stdin" in options
    assert sorted(option for option in options if option not in text) == []


def test_a_setting_comes_from_its_environment_variable(monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_ROWS", " 2_000 ")
    monkeypatch.setenv("DASHBOARD_CHART_TIMEOUT", "0.5")
    monkeypatch.setenv("DASHBOARD_USER", "")
    assert (setting("max_rows"), setting("chart_timeout"), setting("cli_user")) == (2000, 0.5, "")
    monkeypatch.delenv("DASHBOARD_MAX_ROWS")
    assert setting("max_rows") == SETTINGS_BY_NAME["max_rows"].default == 100_000


@pytest.mark.parametrize("value", ["mange", "1.5", "0", "-3"])
def test_a_bad_value_is_refused_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("DASHBOARD_MAX_ROWS", value)
    with pytest.raises(InvalidSetting) as refused:
        setting("max_rows")
    assert str(refused.value) == (
        f"Ugyldig verdi for DASHBOARD_MAX_ROWS: «{value}» (standard: 100000). Se innstillingene i README."
    )
    assert refused.value.message("en") == (
        f"Invalid value for DASHBOARD_MAX_ROWS: “{value}” (default: 100000). See the settings in the README."
    )


@pytest.mark.parametrize("value", ["nan", "inf", "soon"])
def test_a_timeout_must_be_a_finite_number(monkeypatch, value):
    monkeypatch.setenv("DASHBOARD_CHART_TIMEOUT", value)
    with pytest.raises(InvalidSetting):
        setting("chart_timeout")
