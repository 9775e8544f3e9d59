"""The export page's downloads. Every file is built when its button is pressed."""

from __future__ import annotations

import streamlit as st

from core import analysis
from core.analysis import HISTORY_COLUMNS
from core.dataset import Dataset
from core.i18n import t
from core.vocabulary import quarter_label
from outputs import images, report
from outputs.errors import ChromiumMissing
from outputs.tables import XLSX_MIME, commitments_export, created_line, file_stem
from views import _data as data
from views import _widgets as widgets

PDF_MIME = "application/pdf"


def report_buttons(quarter: str, lang: str) -> None:
    selected = data.filtered()
    note = widgets.selection_text(lang)
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
    widgets.download_button(
        row,
        t("export.report_pdf", lang),
        lambda: report.pdf_brief(selected, quarter, lang, note, provisional=provisional, commentary=commentary),
        f"{stem}.pdf",
        PDF_MIME,
        "report-pdf",
        icon=":material/picture_as_pdf:",
        disabled=missing is not None,
    )
    if missing:
        st.warning(missing)


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
