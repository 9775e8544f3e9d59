"""The upload page's parts: the template download, the review of a file, saving it.

A file is checked once (a dry run of the status loader) and the review kept in
the session, keyed on the file and the database revision, so reruns do not check
it again while a save from any session makes it check afresh.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import streamlit as st

from core import rounds
from core.access import reportable_regions
from core.db import connect
from core.errors import (
    DatabaseBusy,
    DatabaseReadOnly,
    DiskFull,
    FileUnusable,
    FolderReadOnly,
    MonitorError,
)
from core.i18n import t
from core.register import find_region
from core.reports import NOT_UPDATED, LoadResult
from core.settings import setting
from core.users import User
from core.vocabulary import format_number, next_quarter, quarter_label, quarter_of_date, status_label
from loaders.errors import NO_QUARTER_COLUMN, REPORTED_TWICE, CellError, FileRejected
from loaders.review import review_counts, review_frame
from loaders.status import load_status_bytes
from outputs.charts import percent_text, typed_rows
from outputs.tables import XLSX_MIME
from outputs.template import template_bytes, template_file_name
from views import _data as data
from views import _state as state
from views import _tables as tables
from views import _widgets as widgets

# Spreadsheet files that reach the loader, which reads .xlsx and names what the others are.
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
# Decimal, as the uploader shows a file's size ("27.3MB"), so our message and the label agree with it.
MEGABYTE = 1_000_000
UPLOADER_LIMIT_LINE = '[data-testid="stFileUploaderDropzoneInstructions"]'
GENERATION_KEY = "_uploader_generation"
REVIEW_KEY = "_upload_review"
# The uploaded file last saved: a second click that arrives before the page has redrawn
# (a double click) must not replace "Lagret som opplasting N" with "nothing changed".
SAVED_KEY = "_upload_saved_file"
# What the links under "Lagret som opplasting N" lead to: (upload id, the newest quarter it wrote).
SAVED_LINKS_KEY = "_upload_saved_links"
# A save refused: (the file's id, a Review with its errors or message), shown where the review is.
SAVE_REFUSAL_KEY = "_upload_save_refusal"
SAVE_FAULT_KEY = "_upload_save_fault"
# Faults of the machine: the file is fine and saving it again may work, so its review stays.
PASSING_FAULTS = (DatabaseBusy, DiskFull, DatabaseReadOnly, FolderReadOnly, FileUnusable)
UPLOADS_PAGE = "views/opplastinger.py"
OVERVIEW_PAGE = "views/oversikt.py"
SHORT_VALUE = 20  # characters: a cell value in the error list this short is never broken
# The review of the browser's form (views/_entry.py) says «skjemaet» where a file's says «filen».
FORM_WORDS = {
    "upload.rejected": "entry.rejected",
    "upload.not_updated": "entry.not_updated",
    "upload.only_not_updated": "entry.only_not_updated",
    "upload.not_updated_kept": "entry.not_updated_kept",
    "upload.only_not_updated_kept": "entry.only_not_updated_kept",
    "upload.not_saved_yet": "entry.not_saved_yet",
    "upload.nothing_to_save": "entry.nothing_to_save",
    "upload.errors_title": "entry.errors_title",
    "upload.changes_title": "entry.changes_title",
    "upload.changes_heading": "entry.changes_heading",
    "upload.missing": "entry.missing",
}


@dataclasses.dataclass(frozen=True)
class Review:
    result: LoadResult | None = None
    frame: pd.DataFrame | None = None
    errors: list = dataclasses.field(default_factory=list)
    message: str | None = None  # a file that could not be read at all

    def can_save(self, keep_not_updated: bool) -> bool:
        """Whether saving would write anything; rows not updated count only when the person keeps them."""
        if self.result is None:
            return False
        kept = self.result.not_updated if keep_not_updated else 0
        return bool(self.result.added or self.result.changed or kept)


# --- template ------------------------------------------------------------------------------


def template_regions(user: User) -> list[str]:
    """The regions the template picker offers: all for an administrator, a reporter's own for a reporter."""
    with data.database() as db:
        held = set(reportable_regions(db, user))
    return [region for region in data.region_names() if region in held]


def template_region_index(regions: list[str], filtered: str | None, user: User) -> int | None:
    """The region chosen at first: the filter's region when offered, else a reporter's first region."""
    if filtered in regions:
        return regions.index(filtered)
    return None if user.is_admin else 0


def reporting_quarters(region: str) -> tuple[list[str], str]:
    """The quarters the region can report for, newest first, and the one to suggest (core.rounds)."""
    with data.database() as db:
        return rounds.reporting_quarters(db, find_region(db, region).id)


def quarter_choice(quarter: str, lang: str) -> str:
    """A quarter as the region and quarter picker offers it: «4. kv. 2026 (pågår)» while it runs."""
    label = quarter_label(quarter, lang)
    if quarter > rounds.current_round(rounds.oslo_today()):
        return t("upload.quarter_running", lang, quarter=label)
    return label


def template_button(region: str, quarter: str, user: User, lang: str) -> None:
    path = data.database_file()
    with data.database() as db:
        file_name = template_file_name(find_region(db, region), quarter)

    def build() -> bytes:
        with contextlib.closing(connect(path)) as db:
            return template_bytes(db, region, quarter, user=user)[0]

    widgets.download_button(
        st,
        widgets.t_literal("upload.download_template", lang, region=region, quarter=quarter_label(quarter, lang)),
        build,
        file_name,
        XLSX_MIME,
        "template-download",
    )


def all_quarters() -> list[str]:
    """Quarters a whole file can be said to belong to, newest first."""
    known = data.dataset().quarters
    today = quarter_of_date(dt.date.today())
    upcoming = next_quarter(known[-1]) if known else today
    return sorted({*known, upcoming, today}, reverse=True)


# --- review and save ------------------------------------------------------------------------


def uploader_key() -> str:
    # A new key empties the file uploader, after a save.
    return f"status-file-{st.session_state.get(GENERATION_KEY, 0)}"


def file_uploader(lang: str):
    """The status file's uploader. It takes any file up to the server's hard limit, so that
    file_refusal, not Streamlit's English texts, says what is wrong with a file of the wrong
    kind or size; Streamlit's own line with the hard limit is hidden, since the label gives ours."""
    st.html(f"<style>{UPLOADER_LIMIT_LINE} {{display: none;}}</style>")
    limit = setting("max_upload", int)
    return st.file_uploader(
        t("upload.file_label", lang, limit=limit), key=uploader_key(), help=t("upload.file_help", lang)
    )


def file_refusal(file, lang: str) -> str | None:
    """Why the page refuses the uploaded file before reading it, in words (Markdown), or None.

    Spreadsheet files the loader names itself (old .xls, macros, binary, LibreOffice) go on to it.
    """
    suffix = Path(file.name).suffix.lower()
    if suffix == ".csv":
        return widgets.t_literal("upload.csv_refused", lang, file=file.name)
    if suffix not in SPREADSHEET_SUFFIXES:
        return widgets.t_literal("upload.type_refused", lang, file=file.name)
    limit = setting("max_upload", int)
    if file.size > limit * MEGABYTE:
        size = format_number(file.size / MEGABYTE, 1) if lang == "nb" else f"{file.size / MEGABYTE:,.1f}"
        return widgets.t_literal("upload.too_large", lang, file=file.name, size=size, limit=limit)
    return None


def review(file, file_quarter: str | None, user: User, lang: str) -> Review:
    key = (file.file_id, file_quarter, data.data_revision(), user)
    kept = st.session_state.get(REVIEW_KEY)
    if kept and kept[0] == key:
        return kept[1]
    bar = st.progress(0.0, text=t("upload.stage.read", lang))

    def report(fraction: float, stage: str) -> None:
        bar.progress(min(fraction, 1.0), text=t(f"upload.stage.{stage}", lang))

    try:
        with data.database() as db:
            result = load_status_bytes(
                db, file.getvalue(), file.name, quarter=file_quarter, user=user, dry_run=True, on_progress=report
            )
            found = Review(result=result, frame=review_frame(db, result))
    except FileRejected as rejected:
        found = Review(errors=rejected.errors)
    except MonitorError as error:
        found = Review(message=widgets.error_message(error, lang))
    bar.empty()
    st.session_state[REVIEW_KEY] = (key, found)
    return found


def save(file, file_quarter: str | None, user: User, lang: str, keep_not_updated: bool) -> None:
    """The button's callback: save the file for real, then say what happened."""
    if st.session_state.get(SAVED_KEY) == file.file_id:
        return
    try:
        with data.database() as db:
            result = load_status_bytes(
                db, file.getvalue(), file.name, quarter=file_quarter, user=user, keep_not_updated=keep_not_updated
            )
    except FileRejected as rejected:
        st.session_state[SAVE_REFUSAL_KEY] = (file.file_id, Review(errors=rejected.errors))
        return
    except PASSING_FAULTS as error:
        st.session_state[SAVE_FAULT_KEY] = (file.file_id, widgets.error_message(error, lang))
        return
    except MonitorError as error:
        st.session_state[SAVE_REFUSAL_KEY] = (file.file_id, Review(message=widgets.error_message(error, lang)))
        return
    if result.upload_id is not None:
        data.wrote()
        state.flash("success", result.message(lang))
        st.session_state[SAVED_LINKS_KEY] = (result.upload_id, newest_quarter_written(result))
    elif result.only_not_updated:
        state.flash("info", result.message(lang))
    else:
        state.flash("info", t("upload.nothing_changed", lang, count=result.unchanged))
    st.session_state[SAVED_KEY] = file.file_id
    st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    st.session_state.pop(REVIEW_KEY, None)


def newest_quarter_written(result: LoadResult) -> str:
    """The newest quarter a saved upload wrote a report for (rows kept though not updated count as
    added): the one to see next in the overview."""
    return max(change.quarter for change in result.changes if change.kind in ("added", "changed"))


def show_saved_links(lang: str) -> None:
    """Under the message of a save just made: links to the upload in the log and to the overview of
    its quarter, keeping the filters and language (canonical URL values) as every page link does."""
    saved = st.session_state.pop(SAVED_LINKS_KEY, None)
    if saved is None:
        return
    upload_id, quarter = saved
    kept = state.current_url_params()
    st.page_link(
        UPLOADS_PAGE,
        label=t("upload.saved_link_upload", lang, upload=upload_id),
        icon=":material/history:",
        query_params={**kept, "upload": str(upload_id)},
    )
    st.page_link(
        OVERVIEW_PAGE,
        label=t("upload.saved_link_overview", lang, quarter=quarter_label(quarter, lang)),
        icon=":material/dashboard:",
        query_params={**kept, "quarter": quarter},
    )


# --- showing the review ---------------------------------------------------------------------


def show_chosen_file(file, file_quarter: str | None, user: User, lang: str) -> None:
    """Step 3 for the chosen file: every refusal (by the page, the loader or the save) or the review
    appears here, under the one heading, and the save button when saving would write anything."""
    st.header(t("upload.review_heading", lang))
    refusal = file_refusal(file, lang)
    if refusal:
        st.error(refusal)
        return
    # A save the machine could not do (a busy database, a full disk) is said above the review, whose
    # button tries again.
    fault = st.session_state.pop(SAVE_FAULT_KEY, None)
    if fault and fault[0] == file.file_id:
        st.error(fault[1], icon=":material/error:")
    # A save refused (the database changed since the check) is shown once, in place of the review.
    refused = st.session_state.pop(SAVE_REFUSAL_KEY, None)
    found = refused[1] if refused and refused[0] == file.file_id else review(file, file_quarter, user, lang)
    keep_not_updated = show_review(found, lang)
    if found.can_save(keep_not_updated):
        st.button(
            t("upload.save", lang),
            type="primary",
            icon=":material/save:",
            on_click=save,
            args=(file, file_quarter, user, lang, keep_not_updated),
        )


def show_review(found: Review, lang: str, *, form: bool = False) -> bool:
    """Show the review, of a file or of the browser's ``form``; return whether the person keeps the rows
    that are not updated."""
    if found.message:
        st.error(found.message)
        return False
    if found.errors:
        show_errors(found.errors, lang, form=form)
        return False
    result, frame = found.result, found.frame
    if result is None or frame is None:  # not reached: a review without them has a message or errors
        return False
    counts = review_counts(frame)
    names = ("added", "changed", "unchanged", "not_updated", "newly_delayed", "backwards")
    for column, name in zip(st.columns(len(names)), names, strict=True):
        column.metric(t(f"upload.count.{name}", lang), counts[name])
    keep = False
    if result.not_updated:
        # Drawn above the box but worded after it: ticked, the rows are saved after all.
        notice = st.empty()
        keep = st.checkbox(t("upload.keep_not_updated", lang), key="upload-keep-not-updated")
        notice.warning(not_updated_notice(result, keep, lang, form=form))
    if found.can_save(keep):
        st.info(t(_words("upload.not_saved_yet", form), lang))
    elif not result.only_not_updated:
        message = t(_words("upload.nothing_to_save", form), lang)
        if result.already_loaded_as:
            message += " " + t("upload.already_loaded", lang, upload=result.already_loaded_as)
        st.info(message)
    for warning in result.warnings:
        st.warning(widgets.literal_message(warning, lang))
    if result.missing:
        show_missing(result.missing, lang, form=form)
    show_changes(frame, lang, form=form)
    return keep


def not_updated_notice(result: LoadResult, keep: bool, lang: str, *, form: bool = False) -> str:
    """What happens to the rows not updated, as the box beneath now says."""
    if keep:
        key = "upload.only_not_updated_kept" if result.only_not_updated else "upload.not_updated_kept"
    else:
        key = "upload.only_not_updated" if result.only_not_updated else "upload.not_updated"
    return t(_words(key, form), lang, count=result.not_updated)


def _words(key: str, form: bool) -> str:
    return FORM_WORDS[key] if form else key


def show_errors(errors: list[CellError], lang: str, *, form: bool = False) -> None:
    """The errors as a table that wraps, so each instruction reads whole, and as downloads."""
    st.error(t(_words("upload.rejected", form), lang, count=len(errors)))
    if any(error.key == NO_QUARTER_COLUMN for error in errors):
        st.info(t("upload.quarter_hint", lang))
    table = errors_table(errors, lang)
    title = t(_words("upload.errors_title", form), lang)

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        return [
            [
                tables.name_cell(error.sheet),
                tables.number_cell(error.row),
                tables.short_cell(error_code(error)),
                tables.short_cell(error.column),
                tables.short_cell(error.header),
                _value_cell(error.value),
                tables.text_cell(error.problem(lang), wide=True),
            ]
            for error in errors[start:stop]
        ]

    tables.show_table(title, list(table.columns), rows, len(errors), lang, "upload-errors")
    widgets.export_table_buttons(title, table, lang, key="upload-errors")


def _value_cell(value: str | None) -> tables.Cell:
    # A short value ("4000 %", "01.08.2024") stays on one line; a long one (a comment) wraps between words.
    return tables.short_cell(value) if len(value or "") <= SHORT_VALUE else tables.name_cell(value)


def errors_table(errors: list[CellError], lang: str) -> pd.DataFrame:
    """The errors as the download holds them, every one."""
    return pd.DataFrame(
        {
            t("upload.col.sheet", lang): [error.sheet for error in errors],
            t("upload.col.row", lang): pd.array([error.row for error in errors], dtype="Int64"),
            t("col.code", lang): [error_code(error) for error in errors],
            t("upload.col.column", lang): [error.column or "" for error in errors],
            t("upload.col.header", lang): [error.header or "" for error in errors],
            t("upload.col.value", lang): [error.value or "" for error in errors],
            t("upload.col.problem", lang): [error.problem(lang) for error in errors],
        }
    )


def error_code(error: CellError) -> str:
    """The row's commitment number: the loader's, or for a commitment reported twice the number it
    read, which the loader leaves in the value (for other problems in the Nr column, the value is
    what could not be read as a number, such as a date)."""
    if error.code:
        return error.code
    return error.value or "" if error.key == REPORTED_TWICE else ""


def show_missing(missing: list, lang: str, *, form: bool = False) -> None:
    st.warning(t(_words("upload.missing", form), lang, count=len(missing)))
    title = t("upload.missing_list", lang, count=len(missing))

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        return [
            [
                tables.short_cell(item.code),
                tables.text_cell(item.text, wide=True),
                tables.name_cell(item.region),
                tables.short_cell(quarter_label(item.quarter, lang)),
            ]
            for item in missing[start:stop]
        ]

    headers = [t(f"col.{name}", lang) for name in ("code", "text", "region", "quarter")]
    with st.expander(title):
        tables.show_table(title, headers, rows, len(missing), lang, "upload-missing")


def show_changes(frame: pd.DataFrame, lang: str, *, form: bool = False) -> None:
    show_all = st.toggle(t("upload.show_unchanged", lang), key="upload-show-unchanged")
    shown = frame if show_all else frame[frame["change"] != "unchanged"]
    st.subheader(t(_words("upload.changes_heading", form), lang, count=len(shown)))
    if shown.empty:
        st.write(t("none_in_list", lang))
        return
    headers = [
        t(f"upload.col.{name}", lang)
        if name in ("change", "what_changed", "compared", "row")
        else t(f"col.{name}", lang)
        for name in ("code", "change", "what_changed", "text", "region", "quarter", "compared", "row")
    ]

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        return [
            [
                tables.short_cell(row.code),
                tables.name_cell(change_words(row, lang)),
                tables.text_cell(what_changed(row, lang), wide=True),
                tables.text_cell(row.text, wide=True),
                tables.name_cell(row.region),
                tables.short_cell(quarter_label(row.quarter, lang)),
                tables.short_cell(quarter_label(row.compared_quarter, lang) if row.compared_quarter else "–"),
                tables.number_cell(row.row),
            ]
            for row in typed_rows(shown.iloc[start:stop], _ReviewRow)
        ]

    flagged = (shown["newly_delayed"] | shown["backwards"] | (shown["change"] == NOT_UPDATED)).tolist()
    title = t(_words("upload.changes_title", form), lang)
    tables.show_table(title, headers, rows, len(shown), lang, "upload-changes", flagged=flagged)
    st.caption(t("upload.flag_help", lang))
    widgets.export_table_buttons(title, review_table(shown, lang), lang, key="upload-changes")


class _ReviewRow(NamedTuple):
    row: int | None
    region: str
    code: str
    text: str
    quarter: str
    change: str
    compared_quarter: str | None
    newly_delayed: bool
    backwards: bool
    changed_fields: tuple[tuple[str, object, object], ...]


def change_words(row: _ReviewRow, lang: str) -> str:
    """The kind of change in words, with the flags that matter written out beside it."""
    parts = [t(f"upload.change.{row.change}", lang)]
    if row.newly_delayed:
        parts.append("⚠ " + t("upload.flag.newly_delayed", lang))
    if row.backwards:
        parts.append("↓ " + t("upload.flag.backwards", lang))
    return "\n".join(parts)


def what_changed(row: _ReviewRow, lang: str) -> str:
    return "\n".join(field_change(field, before, after, lang) for field, before, after in row.changed_fields)


def field_change(field: str, before: object, after: object, lang: str) -> str:
    """One field's change in words: "Status: I rute → Forsinket"."""
    return t(
        "upload.field_change",
        lang,
        field=t(f"col.{field}", lang),
        before=_value_words(field, before, lang),
        after=_value_words(field, after, lang),
    )


def _value_words(field: str, value: object, lang: str) -> str:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if field == "status":
        return status_label(str(value), lang)
    if field == "progress":
        return percent_text(float(str(value)), lang)
    return f"«{value}»" if lang == "nb" else f"“{value}”"


def review_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The review as the download holds it: one column per thing people check, in words."""
    rows = typed_rows(frame, _ReviewRow)
    return pd.DataFrame(
        {
            t("col.code", lang): [row.code for row in rows],
            t("upload.col.change", lang): [change_words(row, lang) for row in rows],
            t("upload.col.what_changed", lang): [what_changed(row, lang) for row in rows],
            t("col.text", lang): [row.text for row in rows],
            t("col.region", lang): [row.region for row in rows],
            t("col.quarter", lang): [quarter_label(row.quarter, lang) for row in rows],
            t("upload.col.compared", lang): [
                quarter_label(row.compared_quarter, lang) if row.compared_quarter else "" for row in rows
            ],
            t("upload.col.row", lang): pd.array([row.row for row in rows], dtype="Int64"),
        }
    )
