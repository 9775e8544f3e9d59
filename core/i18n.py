"""Every label the dashboard shows, in bokmål and English.

``t("kpi.commitments", "en")`` gives the English text; placeholders are filled
from keyword arguments. Bokmål is the default language.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("Partnerskapsmonitor", "Partnership monitor"),
    "app.tagline": (
        "Oppfølging av partnerskapsavtalene mellom fylkeskommunen og kommuneregionene.",
        "Follow-up of the partnership agreements between the county and the municipal regions.",
    ),
    "page.overview": ("Oversikt", "Overview"),
    "page.regions": ("Regioner", "Regions"),
    "page.council_areas": ("Rådsområder", "Council areas"),
    "page.sdgs": ("Bærekraftsmål", "Sustainable Development Goals"),
    "page.commitment": ("Tiltak", "Commitment"),
    # Sidebar
    "filters.heading": ("Filtre", "Filters"),
    "filters.region": ("Region", "Region"),
    "filters.council_area": ("Rådsområde", "Council area"),
    "filters.sdg": ("Bærekraftsmål", "SDG"),
    "filters.hashtag": ("Emneknagg", "Hashtag"),
    "filters.status": ("Status", "Status"),
    "filters.quarter": ("Kvartal", "Quarter"),
    "filters.all_regions": ("Alle regioner", "All regions"),
    "filters.all_council_areas": ("Alle rådsområder", "All council areas"),
    "filters.all_sdgs": ("Alle bærekraftsmål", "All SDGs"),
    "filters.all_hashtags": ("Alle emneknagger", "All hashtags"),
    "filters.all_statuses": ("Alle statuser", "All statuses"),
    "filters.reset": ("Nullstill filtre", "Reset filters"),
    "filters.language": ("Språk", "Language"),
    "filters.active": ("Utvalg: {filters}", "Selection: {filters}"),
    "filters.none": ("hele fylket", "the whole county"),
    # Shared
    "show_data": ("Vis tallene bak figuren", "Show the figures behind the chart"),
    "last_updated": (
        "Sist oppdatert {when} av {who} ({file}).",
        "Last updated {when} by {who} ({file}).",
    ),
    "never_updated": ("Ingen opplastinger ennå.", "No uploads yet."),
    "empty.database": (
        "Databasen er tom. Last inn en avtale og kvartalsstatus med `python -m loaders`, "
        "eller bygg demodataene med `python -m loaders demo`.",
        "The database is empty. Load an agreement and quarterly status with `python -m loaders`, "
        "or build the demo data with `python -m loaders demo`.",
    ),
    "empty.selection": (
        "Ingen tiltak passer til filtrene. Velg et bredere utvalg eller trykk «Nullstill filtre».",
        "No commitments match the filters. Widen the selection or press “Reset filters”.",
    ),
    "empty.reports": (
        "Ingen statusrapporter for dette utvalget ennå.",
        "No status reports for this selection yet.",
    ),
    "none_in_list": ("Ingen.", "None."),
    # KPIs
    "kpi.commitments": ("Tiltak", "Commitments"),
    "kpi.on_track": ("I rute", "On track"),
    "kpi.delayed": ("Forsinket", "Delayed"),
    "kpi.completed": ("Fullført", "Completed"),
    "kpi.average_progress": ("Gjennomsnittlig fremdrift", "Average progress"),
    "kpi.delta_help": (
        "Endring fra {previous}, i prosentpoeng.",
        "Change since {previous}, in percentage points.",
    ),
    # Overview
    "overview.status_over_time": ("Status per kvartal", "Status per quarter"),
    "overview.heatmap": ("Andel i rute per region og rådsområde", "Share on track per region and council area"),
    "overview.since_last": ("Siden forrige kvartal", "Since last quarter"),
    "overview.newly_delayed": ("Nylig forsinket", "Newly delayed"),
    "overview.newly_completed": ("Nylig fullført", "Newly completed"),
    "overview.backwards": ("Fremdrift som går tilbake", "Progress going backwards"),
    "overview.stale": (
        "Ikke oppdatert på to kvartaler eller mer",
        "No new report for two quarters or more",
    ),
    "overview.no_previous": (
        "Det finnes ikke noe tidligere kvartal å sammenligne med.",
        "There is no earlier quarter to compare with.",
    ),
    # Regions
    "regions.choose": (
        "Velg en region i filteret til venstre for å se avtalen, kommunene og tiltakene.",
        "Choose a region in the filter on the left to see its agreement, municipalities and commitments.",
    ),
    "regions.agreement": ("Avtale {period}", "Agreement {period}"),
    "regions.members": ("Medlemskommuner", "Member municipalities"),
    "regions.focus_areas": ("Innsatsområder", "Focus areas"),
    "regions.progress_by_focus": ("Fremdrift per innsatsområde", "Progress per focus area"),
    "regions.commitments": ("Tiltakene", "The commitments"),
    "regions.side_by_side": ("Alle regioner side om side", "All regions side by side"),
    "regions.no_reports": (
        "{region} har ingen statusrapporter for {quarter}.",
        "{region} has no status reports for {quarter}.",
    ),
    # Council areas
    "council.choose": (
        "Velg et rådsområde i filteret til venstre for å se det på tvers av regionene.",
        "Choose a council area in the filter on the left to see it across the regions.",
    ),
    "council.breakdown": ("Status per rådsområde", "Status per council area"),
    "council.late": ("Forsinket", "Delayed"),
    "council.unreported": ("Ikke rapportert for {quarter}", "Not reported for {quarter}"),
    # SDGs
    "sdgs.tiles": ("De 17 bærekraftsmålene", "The 17 goals"),
    "sdgs.tile_counts": (
        "{count} tiltak · {share} i rute",
        "{count} commitments · {share} on track",
    ),
    "sdgs.tile_none": ("Ingen tiltak", "No commitments"),
    "sdgs.drilldown": ("{sdg} per region og innsatsområde", "{sdg} by region and focus area"),
    "sdgs.choose": (
        "Velg et bærekraftsmål i filteret til venstre for å se det per region og innsatsområde.",
        "Choose an SDG in the filter on the left to see it by region and focus area.",
    ),
    # Commitment page
    "commitment.choose": ("Velg tiltak", "Choose commitment"),
    "commitment.none": (
        "Velg et tiltak i listen, eller åpne et tiltak fra en av tabellene.",
        "Choose a commitment in the list, or open one from any of the tables.",
    ),
    "commitment.facts": (
        "{region} · avtale {period} · {focus_area} · {council_area}",
        "{region} · agreement {period} · {focus_area} · {council_area}",
    ),
    "commitment.sdgs": ("Bærekraftsmål: {sdgs}", "SDGs: {sdgs}"),
    "commitment.history": ("Kvartal for kvartal", "Quarter by quarter"),
    "commitment.progress": ("Fremdrift", "Progress"),
    "commitment.no_reports": (
        "Tiltaket har ingen statusrapporter ennå.",
        "The commitment has no status reports yet.",
    ),
    # Table columns
    "col.region": ("Region", "Region"),
    "col.code": ("Nr", "Code"),
    "col.text": ("Tiltak", "Commitment"),
    "col.focus_area": ("Innsatsområde", "Focus area"),
    "col.hashtag": ("Emneknagg", "Hashtag"),
    "col.council_area": ("Rådsområde", "Council area"),
    "col.sdgs": ("Bærekraftsmål", "SDGs"),
    "col.status": ("Status", "Status"),
    "col.progress": ("Fremdrift", "Progress"),
    "col.previous_progress": ("Forrige fremdrift", "Previous progress"),
    "col.comment": ("Kommentar", "Comment"),
    "col.next_step": ("Neste steg", "Next steps"),
    "col.owner": ("Ansvarlig", "Owner"),
    "col.last_reported": ("Sist rapportert", "Last reported"),
    "col.quarter": ("Kvartal", "Quarter"),
    "col.link": ("Detaljer", "Details"),
    "col.open": ("Åpne", "Open"),
    "col.quarters_delayed": ("Kvartaler forsinket", "Quarters delayed"),
    "col.commitments": ("Tiltak", "Commitments"),
    "col.average_progress": ("Snittfremdrift", "Average progress"),
    "never": ("aldri", "never"),
}


def t(key: str, language: str = "nb", **values: object) -> str:
    """The text for ``key`` in ``language``, with ``{placeholders}`` filled in."""
    nb, en = TEXTS[key]
    text = en if language == "en" else nb
    return text.format(**values) if values else text
