"""Tables people read: semantic HTML (caption, column headers, links on the code), every value escaped.

Streamlit's data grid is a canvas: it scrolls sideways at 1400 px, cuts long text
and keeps its links out of reach of the keyboard. These tables wrap text, put
code, status and progress first, and make the code a real link that Tab reaches
and that opens the commitment in the same tab. ``st.html`` drops scripts and
keeps links as links; nothing stored is ever read as HTML or Markdown here,
since every value goes through :func:`html.escape`.

The page's one style block (:data:`PAGE_STYLE`) gives links, buttons and the
menu a focus ring distinct from hover, lays these tables out, and on a phone
swaps the overview's heatmap for its list.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import pandas as pd
import streamlit as st

from core.i18n import t
from core.vocabulary import number_text
from outputs.charts import STATUS_COLOURS, percent_text, text_colour_on

if TYPE_CHECKING:
    from pandas._typing import Scalar

# Below this width (a phone held upright) the heatmap becomes a list.
NARROW = "640px"
FOCUS = "#1F3864"  # 12.9:1 on white, 11.4:1 on the sidebar's grey: well past WCAG 1.4.11's 3:1
ROW_LIMIT = 50  # rows a page of a longer list; the downloads beside it hold every row

PAGE_STYLE = f"""<style>
a:focus-visible, button:focus-visible, [role="button"]:focus-visible, summary:focus-visible,
input:focus-visible, [tabindex]:focus-visible, [data-testid="stSidebarNav"] a:focus-visible {{
  outline: 3px solid {FOCUS} !important; outline-offset: 2px !important;
  box-shadow: 0 0 0 5px #FFFFFF !important;
}}
[data-testid="stSidebarNav"] a:focus-visible {{ text-decoration: underline; }}
/* Streamlit's links to a heading are see-through until hovered; one that has the focus must show. */
h1 a:focus-visible, h2 a:focus-visible, h3 a:focus-visible, h4 a:focus-visible {{
  opacity: 1 !important; transition: none !important;
}}
.pm-table {{ max-width: 100%; overflow-x: auto; }}
.pm-table table {{ width: 100%; border-collapse: collapse; font-size: 0.9rem; table-layout: auto; }}
.pm-table caption {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}
.pm-table th, .pm-table td {{ padding: 0.3rem 0.4rem; border-bottom: 1px solid #D0D0D0; vertical-align: top;
  text-align: left; overflow-wrap: anywhere; hyphens: auto; }}
.pm-table th {{ background: #F0F2F6; font-weight: 600; overflow-wrap: normal; }}
.pm-table td.pm-nowrap {{ white-space: nowrap; overflow-wrap: normal; }}
.pm-table td.pm-number {{ text-align: right; white-space: nowrap; }}
.pm-table td.pm-wide {{ min-width: 12rem; }}
.pm-table td.pm-name {{ overflow-wrap: break-word; }}
.pm-table a {{ color: #0B57D0; font-weight: 600; text-decoration: underline; }}
.pm-table tr.pm-flag td {{ background: #FCE4C4; }}
.pm-badge {{ display: inline-block; padding: 0.05rem 0.4rem; border-radius: 0.3rem; white-space: nowrap; }}
.pm-bar {{ display: inline-block; width: 3rem; height: 0.5rem; background: #E6E6E6; margin-left: 0.3rem;
  vertical-align: middle; }}
.pm-bar > span {{ display: block; height: 100%; background: #1F3864; }}
.pm-narrow-only, [class*="st-key-narrow-only-"] {{ display: none !important; }}
@media (max-width: {NARROW}) {{
  .pm-narrow-only {{ display: block !important; }}
  [class*="st-key-narrow-only-"] {{ display: flex !important; }}
  [class*="st-key-wide-only-"] {{ display: none; }}
  /* On a phone each row becomes a card of "column: value" lines, read top to bottom. */
  .pm-table thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}
  .pm-table table, .pm-table tbody, .pm-table tr, .pm-table td {{ display: block; width: auto; }}
  .pm-table tr {{ border-bottom: 2px solid #8C8C8C; padding: 0.3rem 0; }}
  .pm-table td, .pm-table td.pm-number, .pm-table td.pm-nowrap, .pm-table td.pm-wide {{ border: none; text-align: left;
    min-width: 0; white-space: normal; padding: 0.1rem 0.2rem; }}
  .pm-table td:empty {{ display: none; }}
  .pm-table td::before {{ content: attr(data-label) ": "; font-weight: 600; }}
}}
</style>"""


@dataclass(frozen=True)
class Cell:
    """One cell's HTML, already escaped, and the class that lays it out."""

    html: str
    kind: str = ""  # "" (wraps, inside words if need be), "pm-name", "pm-nowrap", "pm-number" or "pm-wide"


def text_cell(value: object, *, wide: bool = False) -> Cell:
    """Stored text as typed: escaped, line breaks kept, nothing read as HTML or Markdown."""
    shown = "" if _missing(value) else html.escape(str(value)).replace("\n", "<br>")
    return Cell(shown, "pm-wide" if wide else "")


def name_cell(value: object) -> Cell:
    """A name (a region, a council area) that wraps between its words, never inside one."""
    return Cell(text_cell(value).html, "pm-name")


def short_cell(value: object) -> Cell:
    return Cell("" if _missing(value) else html.escape(str(value)), "pm-nowrap")


def link_cell(text: object, href: str) -> Cell:
    """A link in the same tab (no target), which Tab reaches and Enter follows."""
    return Cell(f'<a href="{html.escape(href)}">{html.escape(str(text))}</a>', "pm-nowrap")


def status_cell(key: object, label: str) -> Cell:
    """The status written out on its colour; the word carries it, the colour only helps."""
    if not isinstance(key, str) or key not in STATUS_COLOURS:
        return text_cell(label or None)
    colour = STATUS_COLOURS[key]
    return Cell(
        f'<span class="pm-badge" style="background:{colour};color:{text_colour_on(colour)}">'
        f"{html.escape(label)}</span>",
        "pm-nowrap",
    )


def progress_cell(value: object, lang: str) -> Cell:
    """Progress written as a percentage, with a small bar beside it that screen readers skip."""
    if _missing(value):
        return Cell("", "pm-number")
    share = min(max(float(str(value)), 0.0), 100.0)
    bar = f'<span class="pm-bar" aria-hidden="true"><span style="width:{share:.0f}%"></span></span>'
    return Cell(f"{html.escape(percent_text(share, lang))}{bar}", "pm-number")


def number_cell(value: object) -> Cell:
    return Cell("" if _missing(value) else html.escape(str(int(float(str(value))))), "pm-number")


def table_html(
    caption: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    key: str,
    flagged: Sequence[bool] = (),
) -> str:
    """A table with a caption for screen readers and a header cell per column (``scope="col"``);
    ``flagged`` rows are highlighted (what flags them must also be written in the row)."""
    head = "".join(f'<th scope="col">{html.escape(header)}</th>' for header in headers)
    marks = list(flagged) or [False] * len(rows)
    # Each cell carries its column's name, which a phone shows beside the value (see PAGE_STYLE).
    labels = [html.escape(header) for header in headers]
    body = "".join(
        ('<tr class="pm-flag">' if mark else "<tr>")
        + "".join(
            f'<td class="{cell.kind}" data-label="{label}">{cell.html}</td>'
            for cell, label in zip(row, labels, strict=True)
        )
        + "</tr>"
        for row, mark in zip(rows, marks, strict=True)
    )
    return (
        f'<div class="pm-table" id="table-{html.escape(key)}"><table><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


# A table's rows, or a function that gives those from ``start`` to ``stop``: only the rows shown are drawn.
Rows = Sequence[Sequence[Cell]] | Callable[[int, int], Sequence[Sequence[Cell]]]


def show_table(
    caption: str,
    headers: Sequence[str],
    rows: Rows,
    count: int,
    lang: str,
    key: str,
    *,
    flagged: Sequence[bool] = (),
) -> None:
    """Draw a table of ``count`` rows; a long one is paged (:func:`show_pages`). At national scale
    a list can hold 20 000 rows (2.8 MB)."""
    show_pages(
        count,
        lang,
        key,
        lambda start, stop: st.html(table_html(caption, headers, _rows(rows, start, stop), key, flagged[start:stop])),
    )


def show_narrow_list(frame: pd.DataFrame, caption: str, lang: str, key: str) -> None:
    """:func:`narrow_list_html` of the frame, paged like a table, for phones only (the pager too)."""
    show_pages(
        len(frame),
        lang,
        key,
        lambda start, stop: st.html(narrow_list_html(frame.iloc[start:stop], caption)),
        narrow_only=True,
    )


def show_pages(
    count: int, lang: str, key: str, draw: Callable[[int, int], object], *, narrow_only: bool = False
) -> None:
    """``draw(start, stop)`` the rows of a list of ``count``: a long one :data:`ROW_LIMIT` rows a
    page, with buttons to the page before and after that redraw only the list (a fragment), and a
    line saying which rows are shown and that the downloads hold them all. ``narrow_only``: the
    pager shows only where the list does, on a phone."""
    if count <= ROW_LIMIT:
        draw(0, count)
    else:
        _paged(count, lang, key, draw, narrow_only)


def page_key(key: str) -> str:
    """Where the session keeps the page a paged list shows (0 is the first)."""
    return f"_page-{key}"


@st.fragment
def _paged(count: int, lang: str, key: str, draw: Callable[[int, int], object], narrow_only: bool) -> None:
    last = (count - 1) // ROW_LIMIT
    # A list that has grown shorter since (a new filter, an upload) shows its last page.
    page = min(max(int(st.session_state.get(page_key(key), 0)), 0), last)
    start, stop = page * ROW_LIMIT, min(count, (page + 1) * ROW_LIMIT)
    draw(start, stop)
    # The page style hides a container whose key starts "narrow-only-" on wider screens.
    pager = st.container(
        horizontal=True, vertical_alignment="center", key=f"{'narrow-only-' if narrow_only else ''}pager-{key}"
    )
    pager.button(
        t("table.previous", lang),
        key=f"{key}-previous",
        icon=":material/chevron_left:",
        disabled=page == 0,
        on_click=_turn_to,
        args=(key, page - 1),
    )
    pager.button(
        t("table.next", lang),
        key=f"{key}-next",
        icon=":material/chevron_right:",
        disabled=page == last,
        on_click=_turn_to,
        args=(key, page + 1),
    )
    pager.caption(
        t(
            "table.rows",
            lang,
            first=number_text(start + 1, lang),
            last=number_text(stop, lang),
            count=number_text(count, lang),
        )
    )


def _turn_to(key: str, page: int) -> None:
    st.session_state[page_key(key)] = page


def _rows(rows: Rows, start: int, stop: int) -> list[Sequence[Cell]]:
    return list(rows(start, stop) if callable(rows) else rows[start:stop])


def narrow_list_html(frame: pd.DataFrame, caption: str) -> str:
    """A chart's figures table (first column names the row) as a list for a phone, hidden on wider screens."""
    if frame.empty:
        return ""
    first, *others = list(frame.columns)
    items = []
    for row in frame.itertuples(index=False):
        values = dict(zip(frame.columns, row, strict=True))
        # An empty cell has no commitments: nothing to say about it on a phone.
        entries = "".join(
            f"<li>{html.escape(str(column))}: <strong>{html.escape(str(values[column]))}</strong></li>"
            for column in others
            if not _missing(values[column])
        )
        items.append(f"<li><strong>{html.escape(_shown(values[first]))}</strong><ul>{entries}</ul></li>")
    return (
        f'<div class="pm-narrow-only" role="region" aria-label="{html.escape(caption)}">'
        f'<ul style="padding-left:1rem;margin:0">{"".join(items)}</ul></div>'
    )


def _shown(value: object) -> str:
    return "–" if _missing(value) else str(value)


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value == ""
    try:
        # pandas-stubs list scalars only; isna takes any object, and a list's answer is the ValueError below.
        return bool(pd.isna(cast("Scalar", value)))
    except (TypeError, ValueError):
        return False
