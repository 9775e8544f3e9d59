"""Every setting of the tool as data: environment variables and tunable limits, each
with its default and what it does, in one table.

``setting("max_rows")`` gives a setting's value: its environment variable when that is
set and not blank, else the default. The README's settings table is checked against
:data:`SETTINGS` (tests/test_docs.py), so the two cannot drift apart.

Some settings are read once, when the module that uses them is imported (``read`` is
"at start"): change them in the environment and restart. The others are read on every use.
Tests override a setting with ``monkeypatch.setenv(SETTINGS_BY_NAME[name].env, value)``;
for an "at start" setting they patch the module constant it was read into as well.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import TypeVar, overload

from core.errors import InvalidSetting

_Value = TypeVar("_Value", int, float, str)

AT_START = "at start"
EACH_USE = "each use"


@dataclass(frozen=True)
class Setting:
    name: str
    env: str | None  # the environment variable that overrides the default, if any
    default: int | float | str
    type: type  # int, float or str; the environment's text is converted to it
    unit: str
    help: str  # what it does, one sentence in English
    read: str = EACH_USE  # AT_START: read once, when the module that uses it is imported
    minimum: int | float | None = None  # the smallest value accepted from the environment


SETTINGS: tuple[Setting, ...] = (
    # Where things are
    Setting(
        "database",
        "DASHBOARD_DB",
        "data/dashboard.db",
        str,
        "path",
        "The SQLite database file; `--db` on the command line takes precedence.",
    ),
    Setting(
        "cli_user",
        "DASHBOARD_USER",
        "",
        str,
        "username",
        "The account the command line writes as when `--as` is not given; unset: `--as` is required.",
    ),
    Setting(
        "browser_path",
        "BROWSER_PATH",
        "",
        str,
        "path",
        "The Chromium that draws the PDF brief's charts; unset: `/usr/bin/chromium`, else one on `PATH`.",
    ),
    # The database. Long enough for any real load to finish (a 20,000-row file takes
    # about a second), short enough that a stuck writer is reported instead of hanging.
    Setting(
        "busy_timeout",
        "DASHBOARD_BUSY_TIMEOUT",
        60.0,
        float,
        "s",
        "How long a write waits for another writer before it is told the database is busy.",
        minimum=0,
    ),
    # Workbooks: what a file may hold before it is refused (loaders/workbook.py)
    Setting(
        "max_rows",
        "DASHBOARD_MAX_ROWS",
        100_000,
        int,
        "rows",
        "Rows a sheet may have; a longer sheet is refused, never truncated.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "max_cells",
        "DASHBOARD_MAX_CELLS",
        5_000_000,
        int,
        "cells",
        "Cells in a sheet's grid, from A1 to the farthest cell (about 32 bytes each in memory).",
        AT_START,
        minimum=1,
    ),
    Setting(
        "max_unpacked",
        "DASHBOARD_MAX_UNPACKED",
        200,
        int,
        "MiB",
        "A workbook's size once unpacked, all its parts together.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "max_ratio",
        "DASHBOARD_MAX_RATIO",
        100,
        int,
        "times",
        "How many times larger than compressed a big part may be (real sheets 5-30, zip bombs 1000).",
        AT_START,
        minimum=1,
    ),
    Setting(
        "ratio_checked_from",
        "DASHBOARD_RATIO_CHECKED_FROM",
        10,
        int,
        "MiB",
        "Parts at least this large unpacked are held to `max_ratio`.",
        AT_START,
        minimum=0,
    ),
    Setting(
        "max_tag",
        "DASHBOARD_MAX_TAG",
        4,
        int,
        "MiB",
        "The longest XML tag, or text between tags, a sheet may have.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "max_entries",
        "DASHBOARD_MAX_ENTRIES",
        10_000,
        int,
        "parts",
        "Parts (zip members) a workbook may have.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "header_search_rows",
        "DASHBOARD_HEADER_SEARCH_ROWS",
        10,
        int,
        "rows",
        "The header row is looked for among this many rows at the top of a sheet.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "progress_every",
        "DASHBOARD_PROGRESS_EVERY",
        2000,
        int,
        "rows",
        "Rows between progress reports while a status file is checked.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "max_upload",
        "DASHBOARD_MAX_UPLOAD",
        25,
        int,
        "MB",
        "The largest file the upload page accepts (1 MB = 1 000 000 bytes, as the uploader shows sizes); larger "
        "ones are refused in words, up to the server's hard "
        "limit (`server.maxUploadSize`), which must be higher.",
        minimum=1,
    ),
    # Uploaded files are parsed in a child process (loaders/isolation.py): these bound it. The
    # largest sheet the limits above let through (5 million cells) peaked at about 550 MiB over
    # the child's start and took 45 s to read and send back on a busy 2-core machine.
    Setting(
        "parse_memory_mb",
        "DASHBOARD_PARSE_MEMORY_MB",
        1024,
        int,
        "MiB",
        "Memory the child process that parses an uploaded file may take beyond its start (RLIMIT_AS).",
        minimum=64,
    ),
    Setting(
        "parse_seconds",
        "DASHBOARD_PARSE_SECONDS",
        120,
        int,
        "s",
        "How long the child process that parses an uploaded file may take before it is stopped.",
        minimum=1,
    ),
    # The PDF brief
    Setting(
        "chart_timeout",
        "DASHBOARD_CHART_TIMEOUT",
        60.0,
        float,
        "s",
        "How long Chromium may take per chart of the PDF brief (one more for its start) before it is stopped.",
        minimum=0,
    ),
    # Accounts and sign-in (core/users.py)
    Setting(
        "min_password_length",
        "DASHBOARD_MIN_PASSWORD_LENGTH",
        12,
        int,
        "characters",
        "The shortest password a local account may have.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "free_attempts",
        "DASHBOARD_FREE_ATTEMPTS",
        3,
        int,
        "failures",
        "Failed sign-ins in a row before the name typed closes for a while, whether an account has it or not.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "first_lock",
        "DASHBOARD_FIRST_LOCK",
        5,
        int,
        "s",
        "How long the name closes at the first lock; it doubles with every further failure.",
        AT_START,
        minimum=1,
    ),
    Setting(
        "max_lock",
        "DASHBOARD_MAX_LOCK",
        15 * 60,
        int,
        "s",
        "The longest the name closes for, however many failures.",
        AT_START,
        minimum=1,
    ),
    # A working day: a sign-in made in the morning lasts until the evening, and no longer.
    Setting(
        "session_hours",
        "DASHBOARD_SESSION_HOURS",
        8,
        int,
        "hours",
        "How long a local sign-in lasts in the browser, across reloads and new tabs, before it asks again.",
        minimum=1,
    ),
    Setting(
        "argon2_time_cost",
        "DASHBOARD_ARGON2_TIME_COST",
        3,
        int,
        "passes",
        "Argon2id passes over memory per password hash (RFC 9106's low-memory choice).",
        AT_START,
        minimum=1,
    ),
    Setting(
        "argon2_memory_cost",
        "DASHBOARD_ARGON2_MEMORY_COST",
        65_536,
        int,
        "KiB",
        "Memory per Argon2id password hash; existing hashes are redone at the next sign-in when it changes.",
        AT_START,
        minimum=8,
    ),
    Setting(
        "argon2_parallelism",
        "DASHBOARD_ARGON2_PARALLELISM",
        4,
        int,
        "lanes",
        "Argon2id lanes per password hash.",
        AT_START,
        minimum=1,
    ),
    # Headline figures (core.filters, core.analysis, outputs.report)
    Setting(
        "complete_share",
        "DASHBOARD_COMPLETE_SHARE",
        1.0,
        float,
        "of the regions",
        "A quarter is complete, and can be the default quarter, when at least this share of the regions"
        " (0–1) has reported for it.",
        minimum=0,
    ),
    # The reporting round (core/rounds.py): a county's own rule, set on Rapportering, comes first.
    Setting(
        "deadline_days",
        "DASHBOARD_DEADLINE_DAYS",
        30,
        int,
        "days",
        "A quarter's reports are due this many days after the quarter ends, unless the county has its own rule.",
        minimum=0,
    ),
    Setting(
        "remind_before",
        "DASHBOARD_REMIND_BEFORE",
        7,
        int,
        "days",
        "`remind` e-mails the regions that have not delivered this many days before the deadline (0: not before).",
        minimum=0,
    ),
    Setting(
        "remind_after",
        "DASHBOARD_REMIND_AFTER",
        3,
        int,
        "days",
        "`remind` e-mails the regions that still have not delivered this many days after the deadline.",
        minimum=0,
    ),
    # Reminders by e-mail (outputs/mail.py)
    Setting(
        "secrets_file",
        "DASHBOARD_SECRETS",
        ".streamlit/secrets.toml",
        str,
        "path",
        "The file with the `[smtp]` section that reminders are sent through, for the pages and `remind` alike.",
    ),
    Setting(
        "public_url",
        "DASHBOARD_URL",
        "",
        str,
        "URL",
        "The dashboard's address as readers reach it, for the link in reminders; unset: the e-mails have no link.",
    ),
    Setting(
        "county",
        "DASHBOARD_COUNTY",
        "",
        str,
        "name or number",
        "The county the dashboard shows when none is chosen (full name, short name or number); unset or"
        " without agreements: the only county with agreements, else the current one with the most.",
    ),
)

SETTINGS_BY_NAME: dict[str, Setting] = {entry.name: entry for entry in SETTINGS}


@overload
def setting(name: str) -> int | float | str: ...
@overload
def setting(name: str, kind: type[_Value]) -> _Value: ...


def setting(name: str, kind: type | None = None) -> object:
    """The setting's value: from its environment variable when set and not blank, else the default.

    ``kind`` (int, float or str), when given, is the setting's type, so the value is typed as one.
    Raises InvalidSetting when the environment's value is not of the setting's type or
    is below its minimum; KeyError for a name that is not in SETTINGS, TypeError when
    ``kind`` is not the setting's type.
    """
    entry = SETTINGS_BY_NAME[name]
    if kind is not None and kind is not entry.type:
        raise TypeError(f"the setting {name!r} is of type {entry.type.__name__}, not {kind.__name__}")
    raw = os.environ.get(entry.env, "").strip() if entry.env else ""
    if not raw:
        return entry.default
    try:
        value = entry.type(raw)
    except ValueError:
        value = None
    if (
        value is None
        or (isinstance(value, float) and not math.isfinite(value))
        or (entry.minimum is not None and value < entry.minimum)
    ):
        raise InvalidSetting("core.settings.invalid", env=entry.env, value=raw, default=entry.default)
    return value
