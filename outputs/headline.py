"""The headline figures in words: the same on Oversikt, in the exports and in the PDF brief.

The numbers come from core.analysis (Kpis, Coverage); this module only words them,
so every place that shows a quarter's figures says the same thing.
"""

from __future__ import annotations

from typing import NamedTuple

from core.analysis import Coverage, Kpis
from core.i18n import Deferred, t
from core.vocabulary import number_text, quarter_label
from outputs.charts import change_direction, commitments_text, percent_text, points_text


class KpiFigure(NamedTuple):
    label: str
    value: str
    change: str | None  # "+3,5 pp", "−1,0 pp", "±0,0 pp"; None with nothing to compare
    direction: str | None  # "up", "down", or None for no change (no arrow, no colour)
    higher_is_better: bool


def coverage_text(coverage: Coverage, lang: str, *, provisional: bool = False) -> str:
    """ "4 av 7 regioner har rapportert for 3. kv. 2024 (52 av 96 tiltak)", and that the
    figures are provisional when they are."""
    text = t(
        "headline.coverage",
        lang,
        count=Deferred(number_text, coverage.regions_reported),
        regions=t("headline.regions", lang, count=Deferred(number_text, coverage.regions)),
        quarter=quarter_label(coverage.quarter, lang) if coverage.quarter else "–",
        commitments_reported=number_text(coverage.commitments_reported, lang),
        commitments=commitments_text(coverage.commitments, lang),
    )
    return f"{text}. {t('headline.provisional', lang)}" if provisional else f"{text}."


def quarter_choice(quarter: str, lang: str, *, provisional: bool) -> str:
    """A quarter as the selector and the titles write it: "3. kv. 2024 (foreløpig)" when provisional."""
    label = quarter_label(quarter, lang)
    return t("filters.provisional_quarter", lang, quarter=label) if provisional else label


def kpi_figures(kpis: Kpis, lang: str) -> list[KpiFigure]:
    """The headline figures in order: reported, the main indicator, on track, delayed,
    completed, average progress."""

    def figure(key: str, value: float | None, delta: float | None, higher_is_better: bool = True) -> KpiFigure:
        return KpiFigure(
            t(key, lang), percent_text(value, lang), points_text(delta, lang), change_direction(delta), higher_is_better
        )

    reported = t("kpi.of", lang, part=number_text(kpis.reported, lang), whole=number_text(kpis.commitments, lang))
    return [
        KpiFigure(t("kpi.reported", lang), reported, None, None, True),
        figure("kpi.on_track_or_completed", kpis.on_track_or_completed_share, kpis.on_track_or_completed_share_delta),
        figure("kpi.on_track", kpis.on_track_share, kpis.on_track_share_delta),
        figure("kpi.delayed", kpis.delayed_share, kpis.delayed_share_delta, higher_is_better=False),
        figure("kpi.completed", kpis.completed_share, kpis.completed_share_delta),
        figure("col.average_progress", kpis.average_progress, kpis.average_progress_delta),
    ]


def shares_note(kpis: Kpis, lang: str) -> str:
    """That the shares are of the reported commitments, and how many are not reported."""
    return t(
        "kpi.shares_of_reported",
        lang,
        reported=number_text(kpis.reported, lang),
        not_reported=commitments_text(kpis.not_reported, lang),
    )


def change_help(kpis: Kpis, lang: str) -> str | None:
    """What the changes compare, None when there is no quarter before."""
    if kpis.previous_quarter is None:
        return None
    return t(
        "kpi.delta_help",
        lang,
        previous=quarter_label(kpis.previous_quarter, lang),
        count=Deferred(number_text, kpis.compared),
    )
