"""The Avtaler page's parts: the stored agreements and their downloads, an uploaded agreement's
preview (kept in the session, keyed on the file, its region and period and the database revision),
and saving it.

Nothing here writes until the administrator presses «Lagre avtalen»: the preview is read from a
temporary copy of the upload and compared with the stored agreement by core.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from core.db import connect
from core.errors import MonitorError
from core.filters import slug
from core.i18n import t
from core.register import AgreementOverview, agreements_overview, period_years, stored_agreement
from core.settings import setting
from core.users import User
from core.vocabulary import format_number, quarter_label, quarter_of_date, status_label
from loaders.agreement import (
    AgreementPreview,
    agreement_county,
    code_list,
    field_change_text,
    field_value,
    preview_agreement,
    preview_units,
    save_preview,
    size_texts,
)
from loaders.agreement_sources import type_refusal
from outputs.catalogue import catalogue_workbook
from outputs.tables import XLSX_MIME
from views import _data as data
from views import _state as state
from views import _tables as tables
from views import _upload as upload
from views import _widgets as widgets
from views._upload_log import when

GENERATION_KEY = "_agreement_uploader_generation"
PREVIEW_KEY = "_agreement_preview"
# After a save: (upload id, region) for the links under the message.
SAVED_LINKS_KEY = "_agreement_saved_links"
REGIONS_PAGE = "views/regioner.py"
UPLOADS_PAGE = "views/opplastinger.py"
COUNCIL_COLUMN = "council_area"
CARRIED_COLUMN = "carried_from"
# The editor's value for "no council area": the grid shows an empty cell as "None", so a blank is an
# option of its own, written out in words.
NOT_CHOSEN = "-"


@dataclasses.dataclass(frozen=True)
class Previewed:
    """The preview of an uploaded file, or why it could not be read (one line, Markdown)."""

    preview: AgreementPreview | None = None
    refusal: str | None = None


# --- the stored agreements ------------------------------------------------------------------


@st.cache_data(max_entries=4, show_spinner=False)
def _overview(path: str, data_revision: int) -> list[AgreementOverview]:
    with contextlib.closing(connect(path)) as db:
        return agreements_overview(db)


def overview() -> list[AgreementOverview]:
    """Every region's agreements, cached per database revision."""
    return _overview(data.database_file(), data.data_revision())


def show_overview(found: list[AgreementOverview], lang: str) -> None:
    title = t("agreements.list_title", lang)
    names = ("period", "title", "focus_areas", "commitments", "retired", "without_council_area", "loaded", "file")
    headers = [
        t("col.region", lang),
        t("agreements.county", lang),
        *(t(f"agreements.col.{name}", lang) for name in names),
    ]

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        return [
            [
                tables.name_cell(item.region),
                tables.name_cell(item.county),
                tables.short_cell(item.period),
                tables.text_cell(item.title),
                tables.number_cell(item.focus_areas),
                tables.number_cell(item.commitments),
                tables.number_cell(item.retired),
                tables.number_cell(item.without_council_area),
                tables.short_cell(when(item.loaded_at, lang)),
                tables.text_cell(item.file_name),
            ]
            for item in found[start:stop]
        ]

    tables.show_table(title, headers, rows, len(found), lang, "agreements")


def download_picker(found: list[AgreementOverview], lang: str) -> None:
    """Choose one agreement and download it as a commitment register workbook, which loads back unchanged."""
    chosen = st.selectbox(
        t("agreements.choose_download", lang),
        found,
        format_func=lambda item: t("agreements.choice", lang, region=item.region, period=item.period),
        key="agreement-download-choice",
    )
    if chosen is None:
        return
    path, region, period = data.database_file(), chosen.region, chosen.period

    def build() -> bytes:
        with contextlib.closing(connect(path)) as db:
            return catalogue_workbook({region: stored_agreement(db, region, period)}, lang)

    widgets.download_button(
        st,
        widgets.t_literal("agreements.download", lang, region=region, period=period),
        build,
        f"tiltaksregister-{slug(region)}-{period}.xlsx",
        XLSX_MIME,
        "agreement-download",
    )


# --- upload and preview ---------------------------------------------------------------------


def uploader_key() -> str:
    # A new key empties the file uploader, after a save.
    return f"agreement-file-{st.session_state.get(GENERATION_KEY, 0)}"


def file_uploader(lang: str):
    """The agreement's uploader: any file up to the server's hard limit, so that file_refusal, not
    Streamlit's English texts, says what is wrong with one of the wrong kind or size."""
    st.html(f"<style>{upload.UPLOADER_LIMIT_LINE} {{display: none;}}</style>")
    limit = setting("max_upload", int)
    return st.file_uploader(
        t("agreements.file_label", lang, limit=limit), key=uploader_key(), help=t("agreements.file_help", lang)
    )


def file_refusal(file, lang: str) -> str | None:
    """Why the page refuses the uploaded file before reading it, in words (Markdown), or None."""
    refused = type_refusal(file.name)
    if refused is not None:
        return widgets.error_message(refused, lang)
    limit = setting("max_upload", int)
    if file.size > limit * upload.MEGABYTE:
        megabytes = file.size / upload.MEGABYTE
        size = format_number(megabytes, 1) if lang == "nb" else f"{megabytes:,.1f}"
        return widgets.t_literal("agreements.too_large", lang, file=file.name, size=size, limit=limit)
    return None


def county_choice(region: str | None, period: str, lang: str) -> str | None:
    """The county to save the agreement under: the region's for the period where it has one, else
    the county the pages show; the administrator may choose another (a region moved in 2024)."""
    counties = list(data.dataset().counties["county"])
    default = None
    if region:
        with data.database() as db:
            default = agreement_county(db, region, period)
    default = default or data.current_county_view().county
    # The labels are the options (not a format_func), so a test reads the choice as a user sees it.
    names = {data.county_name_label(name): name for name in counties}
    labels = list(names)
    chosen = st.selectbox(
        t("agreements.county", lang),
        labels,
        index=counties.index(default) if default in counties else None,
        placeholder=t("agreements.choose_county", lang),
        help=t("agreements.county_help", lang),
        # A region and period of their own: another region's county is not carried over to it.
        key=f"agreement-county-{slug(region or '')}-{period}",
    )
    return names.get(chosen) if chosen else None


def carry_on_choice(preview: AgreementPreview, edited: Edited, lang: str) -> bool:
    """Whether a new agreement carries on the region's earlier one (checked unless unticked), with
    the earlier commitments that no row carries on named: they end when it is saved."""
    if not preview.is_new or preview.continues is None:
        return False
    carry_on = st.checkbox(
        widgets.t_literal("agreements.carry_on", lang, previous=preview.continues),
        value=True,
        help=t("agreements.carry_on_help", lang),
        key=f"agreement-carry-on-{preview.sha256[:12]}",
    )
    named = {code for codes in (edited.carried_from or {}).values() for code in codes}
    ending = [code for code in preview.predecessor_codes if code not in named]
    if carry_on and ending:
        st.caption(
            widgets.t_literal(
                "agreements.ending", lang, count=len(ending), previous=preview.continues, codes=", ".join(ending)
            )
        )
    return carry_on


def previewed(file, region: str, period: str, county: str, lang: str) -> Previewed:
    """The file's preview against the region's stored agreement, read once per file, region, period,
    county, language and database revision (a save anywhere makes it compare afresh)."""
    key = (file.file_id, region, period, county, lang, data.data_revision())
    kept = st.session_state.get(PREVIEW_KEY)
    if kept and kept[0] == key:
        return kept[1]
    with st.spinner(t("agreements.reading", lang)):
        found = _read_preview(file, region, period, county, lang)
    st.session_state[PREVIEW_KEY] = (key, found)
    return found


def _read_preview(file, region: str, period: str, county: str, lang: str) -> Previewed:
    # The sources read a path (a .docx is parsed in a child process), so the upload is written to
    # a folder of its own under a fixed name: the name typed by the uploader never reaches the disk.
    with tempfile.TemporaryDirectory(prefix="agreement-") as folder:
        path = Path(folder) / f"agreement{Path(file.name).suffix.lower()}"
        path.write_bytes(file.getvalue())
        try:
            with data.database() as db:
                return Previewed(
                    preview_agreement(db, path, region, period or None, file_name=file.name, county=county)
                )
        except upload.PASSING_FAULTS:
            raise  # the machine's, not the file's: views._faults says so, and nothing is kept
        except MonitorError as error:
            return Previewed(refusal=widgets.error_message(error, lang))


def show_summary(preview: AgreementPreview, lang: str) -> None:
    agreement = preview.agreement
    st.info(
        widgets.t_literal(
            "agreements.understood",
            lang,
            file=preview.file_name,
            period=preview.period,
            region=preview.region,
            **size_texts(agreement, lang),
        )
    )


def show_focus_areas(preview: AgreementPreview, lang: str) -> None:
    areas = preview.agreement.focus_areas
    title = t("agreements.focus_areas_title", lang)
    headers = [
        t("agreements.col.number", lang),
        t("agreements.col.title", lang),
        t("agreements.col.hashtags", lang),
        t("col.sdgs", lang),
    ]

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        return [
            [
                tables.short_cell(area.number),
                tables.text_cell(area.title, wide=True),
                tables.name_cell(area.hashtag),
                tables.text_cell("\n".join(widgets.sdg_name(number, lang) for number in area.sdgs)),
            ]
            for area in areas[start:stop]
        ]

    tables.show_table(title, headers, rows, len(areas), lang, "agreement-focus-areas")


def commitments_frame(preview: AgreementPreview, lang: str) -> pd.DataFrame:
    """The commitments as the editor shows them: one column (the council area) to change."""
    commitments = preview.agreement.commitments
    reports = preview.reports
    return pd.DataFrame(
        {
            "code": [commitment.code for commitment in commitments],
            "text": [commitment.text for commitment in commitments],
            # The number only: the table of focus areas above names them, and the texts need the room.
            "focus_area": [commitment.focus_area or "" for commitment in commitments],
            COUNCIL_COLUMN: [commitment.council_area or NOT_CHOSEN for commitment in commitments],
            "deadline": [
                field_value("deadline", commitment.deadline, lang) if commitment.deadline else ""
                for commitment in commitments
            ],
            "amount": [
                field_value("amount", commitment.amount, lang) if commitment.amount is not None else ""
                for commitment in commitments
            ],
            "status": [
                status_label(reports[commitment.code].status, lang) if commitment.code in reports else ""
                for commitment in commitments
            ],
            # What each carries on of the earlier agreement: by default the same code, where it had it.
            CARRIED_COLUMN: [
                commitment.code if commitment.code in preview.predecessor_codes else "" for commitment in commitments
            ],
        }
    )


@dataclasses.dataclass(frozen=True)
class Edited:
    """What the administrator set in the commitments table, by code."""

    council_areas: dict[str, str | None]
    # The earlier agreement's codes each commitment carries on; None when the agreement carries nothing on.
    carried_from: dict[str, list[str]] | None


def commitment_editor(preview: AgreementPreview, lang: str) -> Edited:
    """The commitments in an editable table: the council area of each, and for a new agreement that
    carries on an earlier one, what each carries on."""
    frame = commitments_frame(preview, lang)
    with data.database() as db:
        councils = preview_units(db, preview)
    st.caption(t("agreements.editor_caption", lang))
    columns = ["code", "text", "focus_area", COUNCIL_COLUMN, "deadline", "amount"]
    if preview.reports:
        columns.append("status")
    carries = preview.is_new and preview.continues is not None
    if carries:
        # Next to the code, where it is seen without scrolling the table sideways.
        columns.insert(1, CARRIED_COLUMN)
    edited = st.data_editor(
        frame[columns],
        column_config={
            "code": st.column_config.TextColumn(t("col.code", lang), width="small"),
            "text": st.column_config.TextColumn(t("col.text", lang), width=400),
            "focus_area": st.column_config.TextColumn(t("col.focus_area", lang), width=115),
            COUNCIL_COLUMN: st.column_config.SelectboxColumn(
                t("col.council_area", lang),
                options=[NOT_CHOSEN, *councils],
                format_func=lambda name: t("agreements.no_council_area", lang) if name == NOT_CHOSEN else str(name),
                width="medium",
            ),
            "deadline": st.column_config.TextColumn(t("agreements.col.deadline", lang), width="small"),
            "amount": st.column_config.TextColumn(t("agreements.field.amount", lang), width="small"),
            "status": st.column_config.TextColumn(t("col.status", lang), width="small"),
            CARRIED_COLUMN: st.column_config.TextColumn(
                t("agreements.col.carried_from", lang),
                help=widgets.t_literal("agreements.carried_from_help", lang, previous=preview.continues or ""),
                width="small",
            ),
        },
        disabled=[column for column in columns if column not in (COUNCIL_COLUMN, CARRIED_COLUMN)],
        hide_index=True,
        key=f"agreement-editor-{preview.sha256[:12]}-{slug(preview.region)}",
    )
    chosen = {
        code: (value if isinstance(value, str) and value not in ("", NOT_CHOSEN) else None)
        for code, value in zip(edited["code"], edited[COUNCIL_COLUMN], strict=True)
    }
    missing = sum(value is None for value in chosen.values())
    if missing:
        st.warning(t("agreements.without_council_area", lang, count=missing))
    carried = (
        {code: code_list(str(value or "")) for code, value in zip(edited["code"], edited[CARRIED_COLUMN], strict=True)}
        if carries
        else None
    )
    return Edited(chosen, carried)


def show_warnings(preview: AgreementPreview, lang: str) -> None:
    st.subheader(t("agreements.warnings_heading", lang))
    if not preview.warnings:
        st.write(t("agreements.no_warnings", lang))
        return
    for warning in preview.warnings:
        st.warning(widgets.markdown_literal(warning.message(lang)))


def show_changes(preview: AgreementPreview, lang: str) -> None:
    """What saving changes against the stored agreement, each change written as a word and a sign."""
    st.subheader(t("agreements.changes_heading", lang))
    changes = preview.changes
    if changes is None:
        if preview.new_region:
            st.warning(widgets.t_literal("agreements.new_region", lang, region=preview.region))
        st.info(widgets.t_literal("agreements.is_new", lang, region=preview.region, period=preview.period))
        return
    counts = {
        "added": len(changes.added),
        "changed": len(changes.changed),
        "unchanged": changes.unchanged,
        "retired": len(changes.retired),
    }
    for column, (name, count) in zip(st.columns(len(counts)), counts.items(), strict=True):
        column.metric(t(f"agreements.count.{name}", lang), count)
    if preview.same_as_stored:
        st.info(t("agreements.same_as_stored", lang))
        return
    rows_shown = change_rows(preview, lang)
    headers = [
        t("col.code", lang),
        t("agreements.col.change", lang),
        t("agreements.col.what_changed", lang),
        t("col.text", lang),
    ]

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        return [
            [tables.short_cell(code), tables.name_cell(kind), tables.text_cell(what, wide=True), tables.text_cell(text)]
            for code, kind, what, text in rows_shown[start:stop]
        ]

    tables.show_table(t("agreements.changes_title", lang), headers, rows, len(rows_shown), lang, "agreement-changes")
    if changes.retired:
        st.caption(t("agreements.history_kept", lang))


def change_rows(preview: AgreementPreview, lang: str) -> list[tuple[str, str, str, str]]:
    """(code, kind of change, what changes, text) for every focus area and commitment that changes."""
    changes = preview.changes
    if changes is None:
        return []
    found: list[tuple[str, str, str, str]] = []
    for area_change in changes.focus_areas_changed:
        what = "\n".join(
            field_change_text(field, area_change.before, area_change.after, lang) for field in area_change.fields
        )
        found.append(
            (
                area_change.number,
                t("agreements.change.focus_area", lang, number=area_change.number),
                what,
                area_change.after.title,
            )
        )
    for area in changes.focus_areas_added:
        found.append((area.number, t("agreements.change.focus_area_added", lang), "", area.title))
    for area in changes.focus_areas_removed:
        found.append((area.number, t("agreements.change.focus_area_removed", lang), "", area.title))
    for commitment in changes.added:
        found.append((commitment.code, t("agreements.change.added", lang), "", commitment.text))
    for change in changes.changed:
        what = "\n".join(field_change_text(field, change.before, change.after, lang) for field in change.fields)
        found.append((change.code, t("agreements.change.changed", lang), what, change.after.text))
    for commitment in changes.retired:
        found.append((commitment.code, t("agreements.change.retired", lang), "", commitment.text))
    return found


def first_report_choice(preview: AgreementPreview, lang: str) -> str | None:
    """The quarter to save the document's Status column for, when the administrator ticks it."""
    if not preview.reports:
        return None
    offered = st.checkbox(
        t("agreements.first_reports", lang, count=len(preview.reports)), key="agreement-first-reports"
    )
    today = quarter_of_date(dt.date.today())
    quarters = report_quarters(preview.period) or [today]
    # The document's own quarter, else today's, else the newest one of the period already begun.
    begun = [quarter for quarter in quarters if quarter <= today]
    default = preview.report_quarter or (today if today in quarters else (begun or quarters[-1:])[0])
    quarter = st.selectbox(
        t("agreements.first_reports_quarter", lang),
        quarters,
        index=quarters.index(default),
        format_func=lambda q: quarter_label(q, lang),
        disabled=not offered,
        key="agreement-first-reports-quarter",
    )
    return quarter if offered else None


def report_quarters(period: str) -> list[str]:
    """The quarters of the agreement's period a first report can be for, newest first (every
    quarter with reports for a period without years)."""
    start, end = period_years(period)
    if start and end:
        quarters = [f"{year}-Q{number}" for year in range(start, end + 1) for number in range(1, 5)]
    else:
        quarters = upload.all_quarters()
    return sorted(set(quarters), reverse=True)


def save(preview: AgreementPreview, user: User, edited: Edited, quarter: str | None, carry_on: bool, lang: str):
    """Save the previewed agreement; a refusal (a council area not on the list) is one line.

    A fault of the machine (a busy database, a full disk) passes on to views._faults.
    """
    try:
        with data.database() as db:
            summary = save_preview(
                db,
                preview,
                user=user,
                council_areas=edited.council_areas,
                report_quarter=quarter,
                carry_on=carry_on,
                carried_from=edited.carried_from,
            )
    except upload.PASSING_FAULTS:
        raise
    except MonitorError as error:
        st.error(widgets.error_message(error, lang))
        return
    data.wrote()
    state.flash("success", widgets.literal_message(summary.message(lang), lang))
    st.session_state[SAVED_LINKS_KEY] = (summary.upload_id, summary.region)
    st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    st.session_state.pop(PREVIEW_KEY, None)
    st.rerun()


def show_saved_links(lang: str) -> None:
    """Under "Avtale … lagret": the region on Regioner and the upload in Opplastinger, filters kept."""
    saved = st.session_state.pop(SAVED_LINKS_KEY, None)
    if saved is None:
        return
    upload_id, region = saved
    kept = state.current_url_params()
    st.page_link(
        REGIONS_PAGE,
        label=widgets.t_literal("agreements.link_region", lang, region=region),
        icon=":material/map:",
        query_params={**kept, "region": slug(region)},
    )
    st.page_link(
        UPLOADS_PAGE,
        label=t("agreements.link_upload", lang, upload=upload_id),
        icon=":material/history:",
        query_params={**kept, "upload": str(upload_id)},
    )
