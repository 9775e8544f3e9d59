"""The upload log's parts: the list, one upload's changes, and rollback with confirmation."""

from __future__ import annotations

import contextlib
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from core.db import connect
from core.errors import MonitorError
from core.filters import link_id
from core.i18n import t
from core.reports import rollback
from core.uploads import Upload, list_uploads, upload_changes
from core.users import User
from core.vocabulary import number_text, quarter_label, status_label
from outputs.tables import stored_moment_text
from views import _data as data
from views import _state as state
from views import _tables as tables
from views import _widgets as widgets

ROLLBACK_KINDS = ("status", "demo")
UPLOADS_PAGE = "opplastinger"
PICKER_LIMIT = 200  # uploads the picker offers, the newest; any other opens from its link in the list


@st.cache_resource(max_entries=4, show_spinner=False)
def _log(path: str, data_revision: int, lang: str) -> tuple[list[Upload], pd.DataFrame]:
    # Shared, not copied: at national scale the log has thousands of uploads, and
    # nothing changes it without a new revision.
    with contextlib.closing(connect(path)) as db:
        found = list_uploads(db)
    return found, log_table(found, lang)


def uploads(lang: str) -> tuple[list[Upload], pd.DataFrame]:
    """Every upload, newest first, and the log table of them; cached per database revision."""
    return _log(data.database_file(), data.data_revision(), lang)


def when(timestamp: str | None, lang: str) -> str:
    """A stored UTC time as Oslo reads it: "23.11.2026 kl. 15:40"."""
    if not timestamp:
        return ""
    return stored_moment_text(timestamp, lang)


def upload_state(upload: Upload, lang: str) -> str:
    if upload.rolled_back_at:
        return t("uploads.rolled_back", lang, when=when(upload.rolled_back_at, lang), who=upload.rolled_back_by)
    return t("uploads.active", lang)


def log_table(found: list[Upload], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("uploads.col.number", lang): [upload.id for upload in found],
            t("uploads.col.kind", lang): [t(f"uploads.kind.{upload.kind}", lang) for upload in found],
            t("uploads.col.file", lang): [upload.file_name for upload in found],
            t("uploads.col.when", lang): [when(upload.uploaded_at, lang) for upload in found],
            t("uploads.col.who", lang): [upload.uploaded_by for upload in found],
            t("uploads.col.quarters", lang): [_quarters(upload.quarters, lang) for upload in found],
            t("uploads.col.added", lang): [upload.added for upload in found],
            t("uploads.col.changed", lang): [upload.changed for upload in found],
            t("uploads.col.unchanged", lang): [upload.unchanged for upload in found],
            t("uploads.col.sha256", lang): [upload.sha256 for upload in found],
            t("uploads.col.state", lang): [upload_state(upload, lang) for upload in found],
        }
    )


def show_log(table: pd.DataFrame, lang: str) -> None:
    """The log as a table of pages, each upload's number a link that opens it below."""
    number = t("uploads.col.number", lang)
    kept = urlencode(state.current_url_params())
    prefix = f"{UPLOADS_PAGE}?{kept}&" if kept else f"{UPLOADS_PAGE}?"
    numbers = {number, t("uploads.col.added", lang), t("uploads.col.changed", lang), t("uploads.col.unchanged", lang)}

    def cell(column: str, value: object) -> tables.Cell:
        if column == number:
            return tables.link_cell(value, f"{prefix}upload={int(str(value))}")
        if column in numbers:
            return tables.number_cell(value)
        return tables.short_cell(value) if column == t("uploads.col.when", lang) else tables.text_cell(value)

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        shown = table.iloc[start:stop]
        return [
            [cell(column, value) for column, value in zip(shown.columns, record, strict=True)]
            for record in shown.itertuples(index=False)
        ]

    tables.show_table(t("page.uploads", lang), list(table.columns), rows, len(table), lang, "upload-log")
    st.caption(t("uploads.sha256_help", lang))


def _quarters(stored: str | None, lang: str) -> str:
    if not stored:
        return ""
    return ", ".join(quarter_label(quarter.strip(), lang) for quarter in stored.split(",") if quarter.strip())


def upload_picker(found: list[Upload], lang: str) -> Upload | None:
    """The upload to open: from the link (the list's numbers are links), else chosen among the
    newest :data:`PICKER_LIMIT` (at national scale there are thousands: 400 kB of options)."""
    by_id = {upload.id: upload for upload in found}
    requested = state.url_value("upload")
    number = link_id(requested)
    offered = list(by_id)[:PICKER_LIMIT]
    if number in by_id and number not in offered:
        offered = [number, *offered]
    index = offered.index(number) if number in by_id else None
    if requested and index is None:
        st.warning(t("url.unknown.upload", lang, value=widgets.markdown_literal(requested, inline=True)))
    if len(found) > PICKER_LIMIT:
        st.caption(
            t("uploads.newest", lang, shown=number_text(PICKER_LIMIT, lang), count=number_text(len(found), lang))
        )
    chosen = st.selectbox(
        t("uploads.choose", lang),
        offered,
        index=index,
        placeholder=t("uploads.choose", lang),
        format_func=lambda number: t(
            "uploads.option",
            lang,
            number=number,
            file=by_id[number].file_name,
            when=when(by_id[number].uploaded_at, lang),
        ),
        key="upload-choice",
    )
    if chosen is None:
        return None
    st.query_params["upload"] = str(chosen)
    return by_id[chosen]


def show_upload(upload: Upload, user: User, lang: str) -> None:
    st.subheader(widgets.t_literal("uploads.detail_heading", lang, number=upload.id, file=upload.file_name))
    st.markdown(
        widgets.t_literal(
            "uploads.detail",
            lang,
            who=upload.uploaded_by,
            when=when(upload.uploaded_at, lang),
            added=upload.added,
            changed=upload.changed,
            unchanged=upload.unchanged,
            sha256=upload.sha256,
        )
    )
    state_text = widgets.markdown_literal(upload_state(upload, lang), inline=True)
    st.markdown(f"**{t('uploads.col.state', lang)}:** {state_text}")
    with data.database() as db:
        changes = upload_changes(db, upload.id)
    if not changes:
        st.write(t("uploads.no_reports", lang))
    else:
        table = changes_table(changes, lang)
        progress = {t("upload.col.progress_before", lang), t("upload.col.progress_after", lang)}

        def rows(start: int, stop: int) -> list[list[tables.Cell]]:
            shown = table.iloc[start:stop]
            return [
                [
                    tables.progress_cell(value, lang) if column in progress else tables.text_cell(value)
                    for column, value in zip(shown.columns, record, strict=True)
                ]
                for record in shown.itertuples(index=False)
            ]

        title = t("uploads.detail_heading", lang, number=upload.id, file=upload.file_name)
        tables.show_table(title, list(table.columns), rows, len(table), lang, "upload-detail-changes")
        widgets.export_table_buttons(
            t("uploads.detail_heading", lang, number=upload.id, file=upload.file_name),
            table,
            lang,
            key="upload-detail",
        )
    if upload.kind in ROLLBACK_KINDS and not upload.rolled_back_at:
        if user.is_admin:
            rollback_form(upload, user, lang)
        else:
            st.caption(t("signin.rollback_admins_only", lang))


def changes_table(changes: list[dict], lang: str) -> pd.DataFrame:
    def status(key):
        return status_label(key, lang) if key else ""

    return pd.DataFrame(
        {
            t("col.region", lang): [row["region"] for row in changes],
            t("col.code", lang): [row["code"] for row in changes],
            t("col.text", lang): [row["text"] for row in changes],
            t("col.quarter", lang): [quarter_label(row["quarter"], lang) for row in changes],
            t("upload.col.change", lang): [t(f"upload.change.{row['change']}", lang) for row in changes],
            t("upload.col.status_before", lang): [status(row["status_before"]) for row in changes],
            t("upload.col.status_after", lang): [status(row["status_after"]) for row in changes],
            t("upload.col.progress_before", lang): pd.array([row["progress_before"] for row in changes], dtype="Int64"),
            t("upload.col.progress_after", lang): pd.array([row["progress_after"] for row in changes], dtype="Int64"),
            t("uploads.col.comment_before", lang): [row["comment_before"] or "" for row in changes],
            t("uploads.col.comment_after", lang): [row["comment_after"] or "" for row in changes],
        }
    )


def rollback_form(upload: Upload, user: User, lang: str) -> None:
    st.subheader(t("uploads.rollback_heading", lang))
    st.warning(t("uploads.rollback_explain", lang, number=upload.id))
    confirmed = st.checkbox(t("uploads.rollback_confirm", lang, number=upload.id), key=f"confirm-rollback-{upload.id}")
    st.button(
        t("uploads.rollback", lang, number=upload.id),
        type="primary",
        disabled=not confirmed,
        icon=":material/undo:",
        on_click=_rollback,
        args=(upload.id, user, lang),
        key=f"rollback-{upload.id}",
    )


def _rollback(upload_id: int, user: User, lang: str) -> None:
    try:
        with data.database() as db:
            result = rollback(db, upload_id, user=user)
    except MonitorError as error:
        state.flash("error", widgets.error_message(error, lang))
        return
    data.wrote()
    state.flash("success", widgets.literal_message(result, lang))
