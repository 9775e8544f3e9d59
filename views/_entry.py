"""Last opp's form in the browser: a region's quarter in an editable table, checked and saved as a file is.

The table starts from core.reports.prefill_rows, the template's own pre-fill. «Kontroller» runs the
status loader's rules on it (loaders.entry) and shows the file's review; «Lagre» saves it as an
upload. The editor's key holds region, quarter and a counter raised by each save, so edits survive
reruns until then and the form starts again from what was saved.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from core.errors import MonitorError
from core.filters import slug
from core.i18n import t
from core.register import Region, find_region
from core.reports import PrefillRow, prefill_rows
from core.rounds import Lock, locked_reports
from core.users import User
from core.vocabulary import STATUS_KEYS, quarter_label, status_label
from loaders.entry import EntryRow, header, load_entry
from loaders.errors import FileRejected
from loaders.review import review_frame
from outputs.tables import stored_moment_text
from views import _data as data
from views import _state as state
from views import _tables as tables
from views import _upload as upload
from views import _widgets as widgets

GENERATION_KEY = "_entry_generation"
# The last check: (what was checked, its Review); shown while the table still says the same.
REVIEW_KEY = "_entry_review"
# What was last saved, so a double click on «Lagre» saves once.
SAVED_KEY = "_entry_saved"
# The form's columns that people fill in, after Nr and Tiltak.
EDITED = ("status", "progress", "comment", "next_step", "owner")


def show(region_name: str, quarter: str, user: User, lang: str) -> None:
    """The form for the region's quarter, its locked reports apart, and the review under it."""
    with data.database() as db:
        region = find_region(db, region_name)
        rows = prefill_rows(db, region, quarter, user=user)
        locks = locked_reports(db, [(row.commitment_id, quarter) for row in rows])
    if not rows:
        st.info(
            widgets.t_literal("entry.no_commitments", lang, region=region.name, quarter=quarter_label(quarter, lang))
        )
        return
    st.caption(t("entry.intro", lang))
    open_rows = [row for row in rows if (row.commitment_id, quarter) not in locks]
    if locks:
        show_locked(region, quarter, [row for row in rows if (row.commitment_id, quarter) in locks], locks, lang)
    if not open_rows:
        return
    entered = editor(region, quarter, open_rows, lang)
    st.header(t("entry.review_heading", lang))
    checked = (region.id, quarter, tuple(entered), data.data_revision(), user, lang)
    if st.button(t("entry.check", lang), icon=":material/fact_check:", key="entry-check"):
        st.session_state[REVIEW_KEY] = (checked, review(region, quarter, entered, user, lang))
    kept = st.session_state.get(REVIEW_KEY)
    if kept is None or kept[0] != checked:
        st.info(t("entry.check_first", lang))
        return
    found = kept[1]
    keep_not_updated = upload.show_review(found, lang, form=True)
    if found.can_save(keep_not_updated):
        st.button(
            t("upload.save", lang),
            type="primary",
            icon=":material/save:",
            on_click=save,
            args=(region, quarter, tuple(entered), user, lang, keep_not_updated),
        )


def show_locked(
    region: Region, quarter: str, rows: list[PrefillRow], locks: dict[tuple[int, str], Lock], lang: str
) -> None:
    """The approved reports, read-only, with who approved them and when."""
    first = min(locks.values(), key=lambda lock: lock.approved_at)
    st.info(
        widgets.t_literal(
            "entry.locked",
            lang,
            quarter=quarter_label(quarter, lang),
            region=region.name,
            codes=", ".join(row.code for row in rows),
            by=first.approved_by,
            when=stored_moment_text(first.approved_at, lang),
        ),
        icon=":material/lock:",
    )
    headers = [header(name, lang) for name in ("code", "text", *EDITED)]

    def cells(start: int, stop: int) -> list[list[tables.Cell]]:
        return [
            [
                tables.short_cell(row.code),
                tables.text_cell(row.text, wide=True),
                # Approved without a report: said so, not shown with the earlier report's values.
                tables.name_cell(status_label(row.status, lang) if row.status else "")
                if row.reported
                else tables.name_cell(t("entry.not_reported", lang)),
                tables.number_cell(row.progress if row.reported else None),
                tables.text_cell(row.comment, wide=True),
                tables.text_cell(row.next_step, wide=True),
                tables.name_cell(row.owner if row.reported else None),
            ]
            for row in rows[start:stop]
        ]

    tables.show_table(t("entry.locked_table", lang), headers, cells, len(rows), lang, "entry-locked")


def form_frame(rows: list[PrefillRow]) -> pd.DataFrame:
    """The editor's data, numbered from 1 as errors name its rows; the status as its key, so the
    data, and with it the edits, stay the same when the language changes."""
    frame = pd.DataFrame(
        {
            "code": [row.code for row in rows],
            "text": [row.text for row in rows],
            "status": [row.status for row in rows],
            # Text, read by the workbook's rules on saving: the grid's own number reader is US English
            # («45,5» would be 455) and clamps and cuts without a word.
            "progress": ["" if row.progress is None else f"{row.progress:.0f}" for row in rows],
            # Blank as "", which the editor shows empty (None it shows as "None").
            "comment": [row.comment or "" for row in rows],
            "next_step": [row.next_step or "" for row in rows],
            "owner": [row.owner or "" for row in rows],
        },
        dtype="object",
    )
    frame.index = pd.RangeIndex(1, len(rows) + 1)
    return frame


def editor_key(region: Region, quarter: str) -> str:
    return f"entry-{slug(region.name)}-{quarter}-{st.session_state.get(GENERATION_KEY, 0)}"


def editor(region: Region, quarter: str, rows: list[PrefillRow], lang: str) -> list[EntryRow]:
    """The editable table; return its rows as the person left them."""
    edited = st.data_editor(
        form_frame(rows),
        column_config={
            "_index": st.column_config.NumberColumn(t("upload.col.row", lang), width="small"),
            "code": st.column_config.TextColumn(header("code", lang), width="small"),
            "text": st.column_config.TextColumn(header("text", lang), width="large"),
            "status": st.column_config.SelectboxColumn(
                header("status", lang),
                options=list(STATUS_KEYS),
                format_func=lambda key: status_label(str(key), lang),
                width="small",
            ),
            "progress": st.column_config.TextColumn(header("progress", lang), width="small"),
            "comment": st.column_config.TextColumn(header("comment", lang), width="large"),
            "next_step": st.column_config.TextColumn(header("next_step", lang), width="medium"),
            "owner": st.column_config.TextColumn(header("owner", lang), width="small"),
        },
        disabled=["_index", "code", "text"],
        num_rows="fixed",
        key=editor_key(region, quarter),
    )
    return entry_rows(edited)


def entry_rows(edited: pd.DataFrame) -> list[EntryRow]:
    """The edited table as the loader takes it: the status in words as a file has it, blanks as None."""
    return [
        EntryRow(
            code=str(row["code"]),
            status=status_label(str(row["status"])) if _given(row["status"]) else None,
            progress=_text(row["progress"]),
            comment=_text(row["comment"]),
            next_step=_text(row["next_step"]),
            owner=_text(row["owner"]),
        )
        for row in edited.to_dict("records")
    ]


def _given(value: object) -> bool:
    if value is None or value is pd.NA or value == "":
        return False
    return not (isinstance(value, float) and math.isnan(value))


def _text(value: object) -> str | None:
    return str(value) if _given(value) else None


def review(region: Region, quarter: str, entered: list[EntryRow], user: User, lang: str) -> upload.Review:
    """The dry run of the form, as the file's review."""
    try:
        with data.database() as db:
            result = load_entry(db, region, quarter, entered, user=user, dry_run=True, lang=lang)
            return upload.Review(result=result, frame=review_frame(db, result))
    except FileRejected as rejected:
        return upload.Review(errors=rejected.errors)
    except MonitorError as error:
        return upload.Review(message=widgets.error_message(error, lang))


def save(
    region: Region, quarter: str, entered: tuple[EntryRow, ...], user: User, lang: str, keep_not_updated: bool
) -> None:
    """The button's callback: save the form for real, then say what happened, as a file's save does."""
    done = (region.id, quarter, entered)
    if st.session_state.get(SAVED_KEY) == done:
        return
    checked = st.session_state.get(REVIEW_KEY, (None,))[0]
    try:
        with data.database() as db:
            result = load_entry(
                db, region, quarter, list(entered), user=user, keep_not_updated=keep_not_updated, lang=lang
            )
    except FileRejected as rejected:
        st.session_state[REVIEW_KEY] = (checked, upload.Review(errors=rejected.errors))
        return
    except MonitorError as error:
        st.session_state[REVIEW_KEY] = (checked, upload.Review(message=widgets.error_message(error, lang)))
        return
    if result.upload_id is not None:
        data.wrote()
        state.flash("success", result.message(lang))
        st.session_state[upload.SAVED_LINKS_KEY] = (result.upload_id, upload.newest_quarter_written(result))
    elif result.only_not_updated:
        state.flash("info", result.message(lang))
    else:
        state.flash("info", t("upload.nothing_changed", lang, count=result.unchanged))
    st.session_state[SAVED_KEY] = done
    st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    st.session_state.pop(REVIEW_KEY, None)
