"""The export page's downloads. Every file is built when its button is pressed."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from core import analysis
from core.analysis import HISTORY_COLUMNS
from core.dataset import Dataset
from core.faults import fault
from core.i18n import t
from core.vocabulary import quarter_label
from outputs import images, report
from outputs.errors import ChromiumMissing
from outputs.tables import XLSX_MIME, commitments_export, created_line, file_stem
from views import _data as data
from views import _widgets as widgets
from views._state import current_filters

PDF_MIME = "application/pdf"
PDF_KEY = "_pdf_brief"  # (what it was built from, the PDF): the last brief this session built
_LOGGER = logging.getLogger(__name__)


def report_buttons(quarter: str, lang: str) -> None:
    selected = data.filtered()
    note = widgets.selection_text(lang)
    county = data.current_county_view().label
    provisional = data.provisional(quarter)
    commentary = st.text_area(
        t("export.commentary", lang), key="report-commentary", help=t("export.commentary_help", lang)
    )
    stem = file_stem(t("export.report_file", lang), quarter)
    # Buttons as wide as their labels, wrapping to a new line: fixed columns cut long labels short.
    row = st.container(horizontal=True)
    widgets.download_button(
        row,
        t("export.report_excel", lang),
        lambda: report.quarterly_workbook(selected, quarter, lang, created_line(note, lang), provisional=provisional),
        f"{stem}.xlsx",
        XLSX_MIME,
        "report-xlsx",
        icon=":material/table_view:",
    )
    try:
        images.require_chromium()
        missing = None
    except ChromiumMissing as error:
        missing = widgets.error_message(error, lang)
    # Built in the run, not in a download's callable: a failure there reaches only the browser's
    # own English notice, and the reader must be told in words why there is no brief.
    inputs = (data.database_file(), data.data_revision(), current_filters(), quarter, lang, commentary)
    made = st.session_state.get(PDF_KEY)
    if made is None or made[0] != inputs:
        made = None
        if row.button(
            t("export.report_pdf", lang),
            key="report-pdf-make",
            icon=":material/picture_as_pdf:",
            disabled=missing is not None,
        ):
            made = _made_pdf(
                inputs,
                lambda: report.pdf_brief(
                    selected, quarter, lang, note, provisional=provisional, commentary=commentary, county=county
                ),
                lang,
            )
    if made is not None:
        row.download_button(
            t("export.report_pdf_download", lang),
            data=made[1],
            file_name=f"{stem}.pdf",
            mime=PDF_MIME,
            icon=":material/download:",
            on_click="ignore",
            key="report-pdf",
        )
    if missing:
        st.warning(missing)


def _made_pdf(inputs: tuple, build: Callable[[], bytes], lang: str) -> tuple[tuple, bytes] | None:
    """The brief built now and kept for these inputs; None, with the reason on the page, when it fails."""
    try:
        with st.spinner(t("export.report_pdf_making", lang)):
            made = (inputs, build())
    except Exception as error:
        named = fault(error, data.database_file())
        if named is None:
            # A bug, not the machine: its traceback goes to the log, the reader gets one line.
            _LOGGER.exception("The PDF brief could not be built")
            st.error(t("export.report_pdf_failed", lang), icon=":material/error:")
        else:
            st.error(widgets.error_message(named, lang), icon=":material/error:")
        return None
    st.session_state[PDF_KEY] = made
    return made


def commitments_buttons(selected: Dataset, quarter: str, lang: str, separator: str) -> None:
    title, note = t("export.commitments_title", lang), widgets.selection_text(lang)
    widgets.export_buttons(
        lambda: commitments_export(
            analysis.commitment_table(selected, quarter),
            analysis.COMMITMENT_TABLE_COLUMNS,
            lang,
            title=title,
            note=created_line(note, lang),
        ),
        file_stem(title, quarter),
        lang,
        "commitments",
        separator=separator,
        name=title,
    )


def history_buttons(selected: Dataset, quarter: str, lang: str, separator: str) -> None:
    title = t("export.history_heading", lang, quarter=quarter_label(quarter, lang))
    note = widgets.selection_text(lang)
    widgets.export_buttons(
        lambda: commitments_export(
            analysis.status_history(selected), HISTORY_COLUMNS, lang, title=title, note=created_line(note, lang)
        ),
        file_stem(title),
        lang,
        "history",
        separator=separator,
        name=title,
    )
