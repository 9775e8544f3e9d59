"""The Organisasjon page's parts: the organisation as stored (counties, units, regions, status words),
its workbook to download, and an uploaded workbook's preview and saving.

The preview is the loader's dry run (every change it would make, row by row, and its warnings),
kept in the session keyed on the file, the language and the database revision; «Lagre» saves the
file as checked then.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from core import reference
from core.db import connect
from core.errors import MonitorError
from core.filters import slug
from core.i18n import t
from core.organisation import (
    OrganisationRows,
    counties,
    organisation_rows,
    predecessors,
    region_members,
    successors,
)
from core.register import region_lookup
from core.settings import setting
from core.users import User
from core.vocabulary import STATUS_KEYS, fold, status_label
from loaders.errors import FileRejected
from loaders.organisation import (
    OrganisationFile,
    OrganisationSummary,
    edited_status_words,
    edited_units,
    read_organisation,
    save_organisation,
)
from outputs.organisation import organisation_workbook
from outputs.tables import XLSX_MIME
from views import _data as data
from views import _state as state
from views import _tables as tables
from views import _upload as upload
from views import _widgets as widgets

GENERATION_KEY = "_organisation_uploader_generation"
PREVIEW_KEY = "_organisation_preview"


@dataclasses.dataclass(frozen=True)
class Stored:
    """The organisation as the page shows it."""

    rows: OrganisationRows
    # (name, number, valid from, valid to, predecessors, successors) per county
    counties: list[tuple[str, str | None, dt.date | None, dt.date | None, list[str], list[str]]]
    # region name to its current members as (number, name, county's name in SSB's list, else its number)
    members: dict[str, list[tuple[str, str, str | None]]]


@dataclasses.dataclass(frozen=True)
class Preview:
    """An uploaded workbook as checked: what saving changes, or why it is refused (Markdown and each error)."""

    plan: OrganisationFile | None = None
    summary: OrganisationSummary | None = None
    refusal: str | None = None
    errors: tuple[str, ...] = ()


def stored() -> Stored:
    ssb_counties, county_names = _county_numbers(), _county_names()
    with data.database() as db:
        every = counties(db)
        return Stored(
            rows=organisation_rows(db),
            counties=[
                (
                    county.name,
                    county.number,
                    county.valid_from,
                    county.valid_to,
                    [other.name for other in predecessors(db, county)],
                    [other.name for other in successors(db, county)],
                )
                for county in every
            ],
            members={
                region.name: [
                    (m.number, m.name, _county_name(m.county_number or ssb_counties.get(m.number), county_names))
                    for m in region_members(db, region.id)
                ]
                for region in {region.id: region for region in region_lookup(db).values()}.values()
            },
        )


def _county_numbers() -> dict[str, str]:
    """Each municipality number's county in SSB's list (its latest version), for members stored without one."""
    return {version.number: version.county_number for version in reference.municipalities()}


def _county_names() -> dict[str, str]:
    """Each county number's name in SSB's list («40» → «Telemark»), its latest where a number had several."""
    return {county.number: county.name for county in reference.counties()}


def _county_name(number: str | None, names: dict[str, str]) -> str | None:
    return names.get(number, number) if number else None


def _day(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def show_counties(found: Stored, lang: str) -> None:
    st.header(t("organisation.counties_heading", lang))
    headers = [t(f"organisation.col.{name}", lang) for name in ("county", "number", "from", "to", "after", "before")]
    rows = [
        [
            tables.name_cell(name),
            tables.short_cell(number or ""),
            tables.short_cell(_day(start)),
            tables.short_cell(_day(end) or t("organisation.open", lang)),
            tables.text_cell(", ".join(before)),
            tables.text_cell(", ".join(after)),
        ]
        for name, number, start, end, before, after in found.counties
    ]
    tables.show_table(t("organisation.counties_heading", lang), headers, rows, len(rows), lang, "org-counties")


def show_units(found: Stored, lang: str) -> None:
    st.header(t("organisation.units_heading", lang))
    st.caption(t("organisation.units_help", lang))
    by_county: dict[str, list[str]] = {}
    for county, unit in found.rows.units:
        by_county.setdefault(county, []).append(unit)
    headers = [t("organisation.col.county", lang), t("organisation.col.units", lang)]
    rows = [
        [tables.name_cell(county), tables.text_cell("; ".join(units), wide=True)] for county, units in by_county.items()
    ]
    tables.show_table(t("organisation.units_heading", lang), headers, rows, len(rows), lang, "org-units")


def show_regions(found: Stored, lang: str) -> None:
    st.header(t("organisation.regions_heading", lang))
    spans: dict[str, list[str]] = {}
    short_names: dict[str, str] = {}
    former: dict[str, str] = {}
    contacts: dict[str, str] = {}
    for region, short_name, county, start, names, *contact in found.rows.regions:
        text = t("organisation.county_from", lang, county=county, date=_day(start)) if start else county
        spans.setdefault(region, []).append(text)
        if short_name:
            short_names[region] = short_name
        if any(contact):
            contacts[region] = " · ".join(value for value in contact if value)
        if names:
            former[region] = "; ".join(
                t("outputs.organisation.former_name", lang, name=name, date=_day(day)) if day else name
                for name, day in names
            )
    headers = [
        t(f"organisation.col.{name}", lang)
        for name in ("region", "short_name", "counties", "former", "contact", "members")
    ]
    rows = [
        [
            tables.name_cell(region),
            tables.short_cell(short_names.get(region, "")),
            tables.text_cell("; ".join(county_spans)),
            tables.text_cell(former.get(region, "")),
            tables.text_cell(contacts.get(region, "")),
            tables.text_cell(
                "; ".join(
                    t("organisation.member", lang, number=number, name=name, county=county)
                    if county
                    else t("organisation.member_no_county", lang, number=number, name=name)
                    for number, name, county in found.members.get(region, [])
                ),
                wide=True,
            ),
        ]
        # A region that belongs to no county yet is listed too, with its county blank.
        for region, county_spans in sorted(
            {name: spans.get(name, []) for name in [*spans, *found.members]}.items(), key=lambda item: fold(item[0])
        )
    ]
    tables.show_table(t("organisation.regions_heading", lang), headers, rows, len(rows), lang, "org-regions")


def show_status_words(found: Stored, lang: str) -> None:
    st.header(t("organisation.status_words_heading", lang))
    if not found.rows.status_words:
        st.info(t("organisation.no_status_words", lang))
        return
    headers = [t(f"organisation.col.{name}", lang) for name in ("county", "word", "status")]
    rows = [
        [tables.name_cell(county), tables.text_cell(word), tables.short_cell(status_label(status, lang))]
        for county, word, status in found.rows.status_words
    ]
    tables.show_table(t("organisation.status_words_heading", lang), headers, rows, len(rows), lang, "org-words")


def edit_units(found: Stored, user: User, lang: str) -> None:
    """A county's units edited in place: rename, reorder by retyping, add and remove rows, then save."""
    names = [county for county, *_ in found.counties]
    with st.expander(t("organisation.edit_units", lang)):
        county = st.selectbox(t("organisation.col.county", lang), names, key="org-edit-units-county")
        if county is None:
            return
        units = [unit for owner, unit in found.rows.units if owner == county]
        # Each row keeps the name it was drawn with (a hidden column), so a retyped cell renames its unit.
        edited = st.data_editor(
            pd.DataFrame({"was": units, "unit": units}, dtype="object"),
            column_config={
                "was": None,
                "unit": st.column_config.TextColumn(t("organisation.col.unit", lang), required=True),
            },
            num_rows="dynamic",
            hide_index=True,
            key=f"org-edit-units-{slug(county)}-{data.data_revision()}",
        )
        if st.button(t("organisation.save_units", lang), key="org-save-units"):
            rows = zip(edited["was"], edited["unit"], strict=True)
            _save_edit(edited_units(county, [(was, unit) for was, unit in rows]), user, lang)


def edit_status_words(found: Stored, user: User, lang: str) -> None:
    """A county's own status words edited in place: each word with the status it means."""
    names = [county for county, *_ in found.counties]
    labels = [status_label(key, lang) for key in STATUS_KEYS]
    with st.expander(t("organisation.edit_status_words", lang)):
        county = st.selectbox(t("organisation.col.county", lang), names, key="org-edit-words-county")
        if county is None:
            return
        words = [
            (word, status_label(status, lang)) for owner, word, status in found.rows.status_words if owner == county
        ]
        edited = st.data_editor(
            pd.DataFrame(words, columns=["word", "status"], dtype="object"),
            column_config={
                "word": st.column_config.TextColumn(t("organisation.col.word", lang), required=True),
                "status": st.column_config.SelectboxColumn(
                    t("organisation.col.status", lang), options=labels, required=True
                ),
            },
            num_rows="dynamic",
            hide_index=True,
            key=f"org-edit-words-{slug(county)}-{data.data_revision()}",
        )
        if st.button(t("organisation.save_status_words", lang), key="org-save-words"):
            rows = zip(edited["word"], edited["status"], strict=True)
            _save_edit(edited_status_words(county, [(word, status) for word, status in rows]), user, lang)


def _save_edit(plan: OrganisationFile | MonitorError, user: User, lang: str) -> None:
    if isinstance(plan, MonitorError):
        st.error(widgets.error_message(plan, lang))
        return
    save(Preview(plan), user, lang)


def download(lang: str) -> None:
    path = data.database_file()

    def build() -> bytes:
        with contextlib.closing(connect(path)) as db:
            return organisation_workbook(organisation_rows(db), lang)

    widgets.download_button(
        st, t("organisation.download", lang), build, t("organisation.file_name", lang), XLSX_MIME, "org-download"
    )


# --- upload, preview and save ----------------------------------------------------------------


def file_uploader(lang: str):
    """The workbook's uploader: any file up to the server's hard limit, so the page says what is wrong
    with one of the wrong kind or size in its own words."""
    st.html(f"<style>{upload.UPLOADER_LIMIT_LINE} {{display: none;}}</style>")
    return st.file_uploader(
        t("organisation.file_label", lang, limit=setting("max_upload", int)),
        key=f"org-file-{st.session_state.get(GENERATION_KEY, 0)}",
    )


def previewed(file, user: User, lang: str) -> Preview:
    """The file checked and dry-run, once per file, language and database revision."""
    key = (file.file_id, lang, data.data_revision())
    kept = st.session_state.get(PREVIEW_KEY)
    if kept and kept[0] == key:
        return kept[1]
    with st.spinner(t("organisation.reading", lang)):
        found = _read(file, user, lang)
    st.session_state[PREVIEW_KEY] = (key, found)
    return found


def _read(file, user: User, lang: str) -> Preview:
    refusal = upload.file_refusal(file, lang)
    if refusal:
        return Preview(refusal=refusal)
    # The reader takes a path (it parses in a child process); the name typed never reaches the disk.
    with tempfile.TemporaryDirectory(prefix="organisation-") as folder:
        path = Path(folder) / "organisation.xlsx"
        path.write_bytes(file.getvalue())
        try:
            with data.database() as db:
                plan = read_organisation(db, path)
                return Preview(plan, save_organisation(db, plan, user=user, dry_run=True))
        except upload.PASSING_FAULTS:
            raise  # the machine's, not the file's: views._faults says so
        except FileRejected as error:
            return Preview(
                refusal=widgets.error_message(error, lang), errors=tuple(cell.message(lang) for cell in error.errors)
            )
        except MonitorError as error:
            return Preview(refusal=widgets.error_message(error, lang))


def show_preview(found: Preview, lang: str) -> bool:
    """The refusal with every error, or the warnings and the changes; whether there is anything to save."""
    if found.refusal is not None:
        st.error(found.refusal)
        if found.errors:
            rows = [[tables.text_cell(error, wide=True)] for error in found.errors]
            caption = t("organisation.errors_heading", lang)
            tables.show_table(caption, [t("organisation.col.error", lang)], rows, len(rows), lang, "org-errors")
        return False
    assert found.summary is not None
    if found.summary.changes:
        st.header(t("organisation.preview_heading", lang))
    if found.summary.warnings:
        st.subheader(t("organisation.warnings_heading", lang))
        rows = [[tables.text_cell(warning.message(lang), wide=True)] for warning in found.summary.warnings]
        caption = t("organisation.warnings_heading", lang)
        tables.show_table(caption, [t("organisation.col.warning", lang)], rows, len(rows), lang, "org-warnings")
    if not found.summary.changes:
        st.info(t("loaders.organisation.unchanged", lang))
        return False
    st.subheader(t("organisation.changes_heading", lang))
    headers = [t(f"organisation.col.{name}", lang) for name in ("change", "sheet", "row")]
    rows = [
        [
            tables.short_cell(t("organisation.added" if change.added else "organisation.removed", lang)),
            tables.short_cell(t(f"outputs.organisation.sheet.{change.sheet}", lang)),
            tables.text_cell(change.text(lang), wide=True),
        ]
        for change in found.summary.changes
    ]
    tables.show_table(t("organisation.changes_heading", lang), headers, rows, len(rows), lang, "org-changes")
    return True


def save(found: Preview, user: User, lang: str) -> None:
    """Save the previewed file; a refusal is one line. A fault of the machine passes on to views._faults."""
    assert found.plan is not None
    try:
        with data.database() as db:
            summary = save_organisation(db, found.plan, user=user)
    except upload.PASSING_FAULTS:
        raise
    except MonitorError as error:
        st.error(widgets.error_message(error, lang))
        return
    data.wrote()
    state.flash("success", widgets.literal_message(summary.message(lang), lang))
    st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    st.session_state.pop(PREVIEW_KEY, None)
    st.rerun()
