"""Every text a person sees, in bokmål and English: labels, messages, chart texts, file texts.

``t("kpi.on_track", "en")`` gives the English text; placeholders are filled
from keyword arguments. Bokmål is the default language. A value that is
:class:`Localised` (a :class:`Text`, a :class:`Deferred`, a cell error) is
worded in the same language, so an error raised in core or the loaders can be
shown later in whichever language the reader uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Self

# Keys built at run time, as in t(f"col.{column}"): each prefix names a family of keys.
DYNAMIC_PREFIXES: tuple[str, ...] = (
    "col.",
    "commitment.lineage.",
    "url.unknown.",
    "export.separator.",
    "role.",
    "sdg.name.",
    "status.",
    "upload.change.",
    "upload.col.",
    "upload.count.",
    "upload.stage.",
    "uploads.kind.",
    "outputs.chart.group.",
    "loaders.agreement.warning.",
    "agreements.col.",
    "agreements.count.",
    "outputs.export.sheet.",
    "outputs.template.col.",
    "outputs.catalogue.col.",
    "outputs.organisation.sheet.",
    "outputs.organisation.col.",
    "organisation.col.",
    "core.reason.",
    "round.state.",
    "assessment.word.",
)

TEXTS: dict[str, tuple[str, str]] = {
    "core.settings.invalid": (
        "Ugyldig verdi for {env}: «{value}» (standard: {default}). Se innstillingene i README.",
        "Invalid value for {env}: “{value}” (default: {default}). See the settings in the README.",
    ),
    "app.title": ("Partnerskapsmonitor", "Partnership monitor"),
    "data.catching_up": (
        "Nye data er nettopp lagret og lastes inn. Siden viser dataene fra før lagringen og oppdateres av "
        "seg selv om et øyeblikk.",
        "New data has just been saved and is loading. The page shows the data from before and updates "
        "itself in a moment.",
    ),
    "page.overview": ("Oversikt", "Overview"),
    "page.regions": ("Regioner", "Regions"),
    "page.council_areas": ("Rådsområder", "Council areas"),
    "page.sdgs": ("Bærekraftsmål", "Sustainable Development Goals"),
    "page.commitment": ("Tiltak", "Commitment"),
    "page.sign_in": ("Logg inn", "Sign in"),
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
    "filters.latest_quarter": ("Siste komplette ({quarter})", "Latest complete ({quarter})"),
    "filters.provisional_quarter": ("{quarter} (foreløpig)", "{quarter} (provisional)"),
    "filters.reset": ("Nullstill filtre", "Reset filters"),
    "filters.language": ("Språk", "Language"),
    "filters.active": ("Utvalg: {filters}", "Selection: {filters}"),
    "filters.none": ("hele fylket", "the whole county"),
    "filters.county": ("Fylkeskommune", "County authority"),
    "filters.unit": ("Enhet", "Unit"),
    "filters.all_units": ("Alle enheter", "All units"),
    "page.units": ("Enheter", "Units"),
    # A link's value that matches nothing: named, never dropped silently.
    "url.unknown.fylke": (
        "Fant ikke fylkeskommunen «{value}»; viser standardfylket.",
        "Could not find the county authority “{value}”; showing the default county.",
    ),
    "url.unknown.region": (
        "Fant ikke regionen «{value}»; viser hele fylket.",
        "Could not find the region “{value}”; showing the whole county.",
    ),
    "url.unknown.council": (
        "Fant ikke rådsområdet «{value}»; viser alle rådsområder.",
        "Could not find the council area “{value}”; showing all council areas.",
    ),
    "url.unknown.sdg": (
        "Fant ikke bærekraftsmålet «{value}» blant tiltakene; viser alle bærekraftsmål.",
        "Could not find the SDG “{value}” among the commitments; showing all SDGs.",
    ),
    "url.unknown.hashtag": (
        "Fant ikke emneknaggen «{value}»; viser alle emneknagger.",
        "Could not find the hashtag “{value}”; showing all hashtags.",
    ),
    "url.unknown.status": (
        "Kjenner ikke statusen «{value}»; viser alle statuser.",
        "Unknown status “{value}”; showing all statuses.",
    ),
    "url.unknown.quarter": (
        "Fant ikke kvartalet «{value}» i dataene; viser siste komplette kvartal.",
        "Could not find the quarter “{value}” in the data; showing the latest complete quarter.",
    ),
    "url.unknown.commitment": (
        "Fant ikke tiltaket «{value}» som lenken viser til. Velg et tiltak i listen.",
        "Could not find the commitment “{value}” the link points to. Choose one in the list.",
    ),
    "url.unknown.upload": (
        "Fant ikke opplastingen «{value}» som lenken viser til. Velg en opplasting i listen.",
        "Could not find the upload “{value}” the link points to. Choose one in the list.",
    ),
    "url.unknown.lang": (
        "Kjenner ikke språket «{value}»; viser bokmål.",
        "Unknown language “{value}”; showing Norwegian (bokmål).",
    ),
    # Shared
    "show_data": ("Vis tallene bak figuren", "Show the figures behind the chart"),
    "last_updated": (
        "Sist oppdatert {when} av {who}, fra filen «{file}».",
        "Last updated {when} by {who}, from the file “{file}”.",
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
    "table.rows": (
        "Rad {first}–{last} av {count}. Hele listen er i Excel- og CSV-filen under.",
        "Rows {first}–{last} of {count}. The whole list is in the Excel and CSV files below.",
    ),
    "table.previous": ("Forrige", "Previous"),
    "table.next": ("Neste", "Next"),
    # KPIs
    "kpi.on_track": ("I rute", "On track"),
    "kpi.delayed": ("Forsinket", "Delayed"),
    "kpi.completed": ("Fullført", "Completed"),
    "kpi.average_progress": ("Gjennomsnittlig fremdrift", "Average progress"),
    "kpi.delta_help.one": (
        "Endring fra {previous} i prosentpoeng, for {count} tiltak rapportert i begge kvartalene.",
        "Change since {previous} in percentage points, for the {count} commitment reported in both quarters.",
    ),
    "kpi.delta_help.other": (
        "Endring fra {previous} i prosentpoeng, for de samme {count} tiltakene rapportert i begge kvartalene.",
        "Change since {previous} in percentage points, for the same {count} commitments reported in both quarters.",
    ),
    "kpi.on_track_or_completed": ("I rute eller fullført", "On track or completed"),
    "kpi.reported": ("Rapportert", "Reported"),
    "kpi.of": ("{part} av {whole}", "{part} of {whole}"),
    "kpi.shares_of_reported": (
        "Andelene er av de {reported} rapporterte tiltakene. Ikke rapportert: {not_reported} "
        "(ukjent status, ikke regnet som forsinket).",
        "The shares are of the {reported} reported commitments. Not reported: {not_reported} "
        "(status unknown, not counted as delayed).",
    ),
    # Headline figures, the same on every page, export and the PDF (outputs/headline.py)
    "headline.coverage.one": (
        "{count} av {regions} har rapportert for {quarter} ({commitments_reported} av {commitments})",
        "{count} of {regions} has reported for {quarter} ({commitments_reported} of {commitments})",
    ),
    "headline.coverage.other": (
        "{count} av {regions} har rapportert for {quarter} ({commitments_reported} av {commitments})",
        "{count} of {regions} have reported for {quarter} ({commitments_reported} of {commitments})",
    ),
    "headline.regions.one": ("{count} region", "{count} region"),
    "headline.regions.other": ("{count} regioner", "{count} regions"),
    "headline.provisional": (
        "Foreløpige tall: ikke alle regioner har rapportert for kvartalet ennå.",
        "Provisional figures: not every region has reported for the quarter yet.",
    ),
    "headline.newer_provisional": (
        "Det finnes foreløpige tall for {quarter}, der ikke alle regioner har rapportert ennå. "
        "Velg kvartalet under «Kvartal» for å se dem.",
        "There are provisional figures for {quarter}, where not every region has reported yet. "
        "Choose the quarter under “Quarter” to see them.",
    ),
    "headline.out_of_date": (
        "Den nyeste rapporten i utvalget er for {quarter}, mer enn ett kvartal tilbake. Tallene kan være utdaterte.",
        "The newest report in this selection is for {quarter}, more than a quarter ago. "
        "The figures may be out of date.",
    ),
    # The county's assessment beside the region's where they differ: Oversikt, Tiltak, the PDF brief
    "assessment.word.not_started": ("ikke startet", "not started"),
    "assessment.word.on_track": ("i rute", "on track"),
    "assessment.word.delayed": ("forsinket", "delayed"),
    "assessment.word.completed": ("fullført", "completed"),
    "assessment.word.cancelled": ("utgått", "cancelled"),
    "assessment.differs": (
        "Fylket vurderer {code} som {county}; regionen rapporterer {region}.",
        "The county assesses {code} as {county}; the region reports {region}.",
    ),
    "assessment.differs_unreported": (
        "Fylket vurderer {code} som {county}; regionen har ikke rapportert.",
        "The county assesses {code} as {county}; the region has not reported.",
    ),
    "assessment.overview": ("Der fylket vurderer annerledes", "Where the county assesses otherwise"),
    "assessment.heading": ("Fylkets vurdering", "The county's assessment"),
    "assessment.intro": (
        "Fylkets egen status og kommentar per tiltak for {quarter}, ved siden av regionens rapport. "
        "Status «–» er ingen vurdering.",
        "The county's own status and comment per commitment for {quarter}, beside the region's report. "
        "Status “–” is no assessment.",
    ),
    "assessment.region": ("Region å vurdere", "Region to assess"),
    "assessment.read_only": (
        "Tiltak du ikke kan vurdere for fylket (kun lesing)",
        "Commitments you may not assess for the county (read only)",
    ),
    "assessment.save": ("Lagre fylkets vurdering", "Save the county's assessment"),
    "assessment.saved": (
        "Fylkets vurdering er lagret: {added} lagt til, {changed} endret, {removed} fjernet.",
        "The county's assessment is saved: {added} added, {changed} changed, {removed} removed.",
    ),
    "assessment.unchanged": ("Ingenting er endret.", "Nothing has changed."),
    "assessment.comment_without_status": (
        "Velg fylkets status for tiltak {codes}, eller fjern kommentaren: en kommentar lagres med en status.",
        "Choose the county's status for {codes}, or remove the comment: a comment is saved with a status.",
    ),
    "assessment.differs_mark": ("Ulik", "Differs"),
    "assessment.same_mark": ("Lik", "Same"),
    "col.region_status": ("Regionens status", "Region's status"),
    "col.region_comment": ("Regionens kommentar", "Region's comment"),
    "col.county_status": ("Fylkets status", "County's status"),
    "col.county_comment": ("Fylkets kommentar", "County's comment"),
    "col.difference": ("Ulik vurdering", "Assessments differ"),
    "col.assessment": ("Fylkets vurdering", "County's assessment"),
    # Overview
    "overview.since_last": ("Siden forrige kvartal", "Since last quarter"),
    "overview.newly_delayed": ("Nylig forsinket", "Newly delayed"),
    "overview.newly_completed": ("Nylig fullført", "Newly completed"),
    "overview.backwards": ("Fremdrift som går tilbake", "Progress going backwards"),
    "overview.stale": (
        "Ikke oppdatert på to kvartaler eller mer",
        "No new report for two quarters or more",
    ),
    "overview.late_now": ("Forsinket nå", "Delayed now"),
    "overview.not_reported": ("Ikke rapportert for {quarter}", "Not reported for {quarter}"),
    "overview.all_reported": (
        "Alle regioner har rapportert alle tiltak for {quarter}.",
        "Every region has reported every commitment for {quarter}.",
    ),
    "overview.no_previous": (
        "Det finnes ikke noe tidligere kvartal å sammenligne med.",
        "There is no earlier quarter to compare with.",
    ),
    # Regions
    "regions.choose": (
        "Velg en region i filteret i menyen for å se avtalen, kommunene og tiltakene.",
        "Choose a region in the filter in the menu to see its agreement, municipalities and commitments.",
    ),
    "regions.agreement": ("Avtale {period}", "Agreement {period}"),
    "regions.now_called": ("Heter nå {name}.", "Now called {name}."),
    "regions.continues": ("viderefører {previous}", "carries on {previous}"),
    "regions.members": ("Medlemskommuner", "Member municipalities"),
    "regions.focus_areas": ("Innsatsområder", "Focus areas"),
    "regions.commitments": ("Tiltakene", "The commitments"),
    "regions.side_by_side": ("Alle regioner side om side", "All regions side by side"),
    "regions.no_reports": (
        "{region} har ingen statusrapporter for {quarter}.",
        "{region} has no status reports for {quarter}.",
    ),
    # Council areas
    "council.choose": (
        "Velg et rådsområde i filteret i menyen for å se det på tvers av regionene.",
        "Choose a council area in the filter in the menu to see it across the regions.",
    ),
    "council.choose_unit": (
        "Velg en enhet i filteret i menyen for å se den på tvers av regionene.",
        "Choose a unit in the filter in the menu to see it across the regions.",
    ),
    "council.late": ("Forsinket", "Delayed"),
    "council.unreported": ("Ikke rapportert for {quarter}", "Not reported for {quarter}"),
    # SDGs
    "sdgs.tiles": ("De 17 bærekraftsmålene", "The 17 goals"),
    "sdgs.tile_counts": (
        "{commitments} · {share} i rute eller fullført",
        "{commitments} · {share} on track or completed",
    ),
    "sdgs.tile_none": ("Ingen tiltak", "No commitments"),
    "sdgs.drilldown": ("{sdg} per region og innsatsområde", "{sdg} by region and focus area"),
    "sdgs.choose": (
        "Velg et bærekraftsmål i filteret i menyen for å se det per region og innsatsområde.",
        "Choose an SDG in the filter in the menu to see it by region and focus area.",
    ),
    # Commitment page
    "commitment.choose": ("Velg tiltak", "Choose commitment"),
    "commitment.search": ("Søk etter tiltak", "Search for a commitment"),
    "commitment.search_hint": ("Region, nummer eller ord fra teksten", "Region, number or words from the text"),
    "commitment.showing": (
        "Viser {shown} av {total} – skriv mer for å snevre inn.",
        "Showing {shown} of {total} – type more to narrow it down.",
    ),
    "commitment.no_match": (
        "Ingen tiltak i utvalget passer til «{query}».",
        "No commitment in the selection matches “{query}”.",
    ),
    "commitment.none": (
        "Velg et tiltak i listen, eller åpne et tiltak fra en av tabellene.",
        "Choose a commitment in the list, or open one from any of the tables.",
    ),
    "commitment.facts": (
        "{region} · avtale {period} · {focus_area} · {council_area}",
        "{region} · agreement {period} · {focus_area} · {council_area}",
    ),
    "commitment.sdgs": ("Bærekraftsmål: {sdgs}", "SDGs: {sdgs}"),
    "commitment.deadline": ("Frist: {deadline}", "Deadline: {deadline}"),
    "commitment.amount": ("Midler: {amount}", "Funds: {amount}"),
    "amount.label": ("{amount} kr", "NOK {amount}"),
    "commitment.history": ("Historikk", "History"),
    # A commitment's story across agreements (core.lineage): {agreement} "Viken 2022–2023", {codes} "2.1, 2.2".
    "commitment.lineage.from.continued": (
        "Videreført fra {agreement} ({codes})",
        "Continued from {agreement} ({codes})",
    ),
    "commitment.lineage.from.split": ("Delt fra {agreement} ({codes})", "Split from {agreement} ({codes})"),
    "commitment.lineage.from.merged": ("Slått sammen fra {agreement} ({codes})", "Merged from {agreement} ({codes})"),
    "commitment.lineage.into.continued": ("Videreført i {agreement} ({codes})", "Continued in {agreement} ({codes})"),
    "commitment.lineage.into.split": ("Delt i {agreement} ({codes})", "Split into {agreement} ({codes})"),
    "commitment.lineage.into.merged": ("Slått sammen i {agreement} ({codes})", "Merged into {agreement} ({codes})"),
    "commitment.lineage.ended": ("Avsluttet i {agreement} ({codes})", "Ended in {agreement} ({codes})"),
    "commitment.lineage.ended_before": (
        "Avsluttet i {agreement} ({codes}), ikke videreført i {successor}",
        "Ended in {agreement} ({codes}), not carried on in {successor}",
    ),
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
    "col.deadline": ("Frist", "Deadline"),
    "col.amount": ("Midler (kr)", "Funds (NOK)"),
    "col.status": ("Status", "Status"),
    "col.progress": ("Fremdrift", "Progress"),
    "col.previous_progress": ("Forrige fremdrift", "Previous progress"),
    "col.comment": ("Kommentar", "Comment"),
    "col.next_step": ("Neste steg", "Next steps"),
    "col.owner": ("Ansvarlig", "Owner"),
    "col.last_reported": ("Sist rapportert", "Last reported"),
    "col.quarter": ("Kvartal", "Quarter"),
    "col.agreement": ("Avtale", "Agreement"),
    "col.quarters_delayed": ("Kvartaler forsinket", "Quarters delayed"),
    "col.commitments": ("Tiltak", "Commitments"),
    "col.average_progress": ("Snittfremdrift", "Average progress"),
    "col.reported": ("Rapportert", "Reported"),
    "col.missing": ("Ikke rapportert", "Not reported"),
    "never": ("aldri", "never"),
    # Exports
    "export.excel": ("Last ned som Excel", "Download as Excel"),
    "export.csv": ("Last ned som CSV", "Download as CSV"),
    "export.excel_named": ("{name} (Excel)", "{name} (Excel)"),
    "export.csv_named": ("{name} (CSV)", "{name} (CSV)"),
    "export.intro": (
        "Alle filer følger filtrene i menyen. Excel-filene har en linje øverst som sier hvilket utvalg de viser.",
        "Every file follows the filters in the menu. The Excel files say at the top which selection they show.",
    ),
    "export.separator": ("Skilletegn i CSV", "CSV separator"),
    "export.separator.semicolon": ("Semikolon (norsk Excel)", "Semicolon (Norwegian Excel)"),
    "export.separator.comma": ("Komma (andre verktøy)", "Comma (other tools)"),
    "export.separator_help": (
        "Norsk Excel bruker komma som desimaltegn og leser derfor semikolon som skilletegn.",
        "Norwegian Excel uses the comma as decimal mark and so reads the semicolon as separator.",
    ),
    "export.report_heading": ("Kvartalsrapport for {quarter}", "Quarterly report for {quarter}"),
    "export.report_intro": (
        "Til fylkesrådets møte: en Excel-bok med sammendrag og ett ark per region, og et utskriftsvennlig "
        "PDF-notat med nøkkeltall, figurene fra oversikten og endringene siden forrige kvartal.",
        "For the county council meeting: an Excel workbook with a summary and one sheet per region, and a "
        "printable PDF brief with the key figures, the overview charts and the changes since last quarter.",
    ),
    "export.report_file": ("Kvartalsrapport", "Quarterly report"),
    "export.commentary": ("Kommentar til møtenotatet (valgfri)", "Commentary for the meeting brief (optional)"),
    "export.commentary_help": (
        "Skrives øverst i PDF-en slik den står, som ren tekst.",
        "Printed at the top of the PDF as typed, as plain text.",
    ),
    "export.report_excel": ("Kvartalsrapport (Excel)", "Quarterly report (Excel)"),
    "export.report_pdf": ("Møtenotat (PDF)", "Meeting brief (PDF)"),
    "export.report_pdf_download": ("Last ned møtenotatet (PDF)", "Download the meeting brief (PDF)"),
    "export.report_pdf_making": ("Lager møtenotatet …", "Making the meeting brief …"),
    "export.report_pdf_failed": (
        "Møtenotatet kunne ikke lages på grunn av en uventet feil. Prøv igjen; skjer det igjen, si fra til "
        "den som drifter dashbordet (feilen står i loggen).",
        "The meeting brief could not be made because of an unexpected error. Try again; if it happens again, "
        "tell whoever runs the dashboard (the error is in the log).",
    ),
    "export.commitments_title": ("Tiltak og status", "Commitments and status"),
    "export.commitments_heading": ("Tiltak og status for {quarter}", "Commitments and status for {quarter}"),
    "export.history_heading": ("Statushistorikk til og med {quarter}", "Status history up to {quarter}"),
    "export.rows.one": ("{count} rad.", "{count} row."),
    "export.rows.other": ("{count} rader.", "{count} rows."),
    # Agreements: views/avtaler.py, views/_agreements.py
    "page.agreements": ("Avtaler", "Agreements"),
    "page.organisation": ("Organisasjon", "Organisation"),
    # The reporting round: the Rapportering page (views/rapportering.py, views/_round.py)
    "page.round": ("Rapportering", "Reporting round"),
    "round.state.not_delivered": ("Ikke levert", "Not delivered"),
    "round.state.delivered": ("Levert", "Delivered"),
    "round.state.late": ("Levert for sent", "Delivered late"),
    "round.state.approved": ("Godkjent", "Approved"),
    "round.quarter": ("Kvartal for rapporteringen", "Quarter of the round"),
    "round.quarter_help": (
        "Runden som pågår, er det siste kvartalet som er slutt. Velger du et kvartal i sidefeltet, viser siden det.",
        "The round running is the last quarter that has ended. If you choose a quarter in the sidebar, the page "
        "shows that one.",
    ),
    "round.heading": ("Rapporteringen for {quarter}", "The reporting round for {quarter}"),
    "round.other_county": (
        "Fylkeskommunen hadde ingen avtaler i {quarter}; regionenes avtaler det kvartalet hørte til {counties}.",
        "The county had no agreements in {quarter}; the regions' agreements that quarter belonged to {counties}.",
    ),
    "round.no_agreements": (
        "Ingen regioner har en avtale med fylkeskommunen i {quarter}.",
        "No region has an agreement with the county in {quarter}.",
    ),
    "round.no_regions": (
        "Du rapporterer ikke for noen av regionene med avtale i {quarter}. En administrator kan gi deg tilgang "
        "til regionen din.",
        "You do not report for any of the regions with an agreement in {quarter}. An administrator can give you "
        "access to your region.",
    ),
    "round.deadline_rule.one": (
        "Frist: {day} ({count} dag etter kvartalets slutt).",
        "Deadline: {day} ({count} day after the quarter ends).",
    ),
    "round.deadline_rule.other": (
        "Frist: {day} ({count} dager etter kvartalets slutt).",
        "Deadline: {day} ({count} days after the quarter ends).",
    ),
    "round.deadline_moved": ("Frist: {day}, flyttet av {who} {when}.", "Deadline: {day}, moved by {who} on {when}."),
    "round.deadline_passed": ("Fristen er passert.", "The deadline has passed."),
    "round.deadline_open": ("Fristen er ikke passert ennå.", "The deadline has not passed yet."),
    "round.overdue_count.one": (
        "{count} region har ikke levert, og fristen er passert.",
        "{count} region has not delivered, and the deadline has passed.",
    ),
    "round.overdue_count.other": (
        "{count} regioner har ikke levert, og fristen er passert.",
        "{count} regions have not delivered, and the deadline has passed.",
    ),
    "round.state_overdue": ("Ikke levert – fristen er passert", "Not delivered – the deadline has passed"),
    "round.approved_by": ("{who} {when}", "{who} on {when}"),
    "round.approved_partly": (
        "Delvis: {approved} av {total}, sist av {who} {when}",
        "Partly: {approved} of {total}, last by {who} on {when}",
    ),
    "round.reported": ("{reported} av {total}", "{reported} of {total}"),
    "round.missing.one": ("({count} mangler)", "({count} missing)"),
    "round.missing.other": ("({count} mangler)", "({count} missing)"),
    "round.last_reminder": ("{when} ({outcome})", "{when} ({outcome})"),
    "round.reminder_outcome.sent": ("sendt", "sent"),
    "round.reminder_outcome.failed": ("feilet", "failed"),
    "round.reminder_outcome.no_recipients": ("ingen mottakere", "no recipients"),
    "round.upload": ("{number}, {when}, {who}", "{number}, {when}, {who}"),
    "round.upload_number": ("Nr. {number}", "No. {number}"),
    "round.board_title": ("Rapporteringen {quarter}", "Reporting round {quarter}"),
    "round.col.region": ("Region", "Region"),
    "round.col.state": ("Status", "Status"),
    "round.col.delivered": ("Levert", "Delivered"),
    "round.col.reported": ("Tiltak rapportert", "Commitments reported"),
    "round.col.approved": ("Godkjent", "Approved"),
    "round.col.contact": ("Kontakt", "Contact"),
    "round.col.reporters": ("Rapportører", "Reporters"),
    "round.col.last_upload": ("Siste opplasting", "Last upload"),
    "round.col.last_reminder": ("Siste påminnelse", "Last reminder"),
    "round.col.code": ("Nr", "No."),
    "round.col.commitment": ("Tiltak", "Commitment"),
    "round.col.status": ("Regionens status", "The region's status"),
    "round.col.progress": ("Fremdrift", "Progress"),
    "round.col.comment": ("Regionens kommentar", "The region's comment"),
    "round.col.next_step": ("Neste steg", "Next step"),
    "round.col.when": ("Når", "When"),
    "round.col.action": ("Hva", "What"),
    "round.col.who": ("Hvem", "Who"),
    "round.col.codes": ("Tiltak", "Commitments"),
    "round.col.reason": ("Begrunnelse", "Reason"),
    "round.detail_heading": ("Regionens rapport", "The region's report"),
    "round.region": ("Region å gå gjennom", "Region to review"),
    "round.region_placeholder": ("Velg en region", "Choose a region"),
    "round.detail_caption": ("Tiltakene til {region} for {quarter}", "The commitments of {region} for {quarter}"),
    "round.not_reported": ("Ikke rapportert", "Not reported"),
    "round.approve_note": (
        "Godkjenning låser {quarter} for {region}: opplastinger som endrer rapportene, blir avvist til en "
        "administrator åpner kvartalet igjen.",
        "Approving locks {quarter} for {region}: uploads that change its reports are refused until an "
        "administrator reopens the quarter.",
    ),
    "round.approve_all": (
        "Godkjenn rapporten fra {region} for {quarter}",
        "Approve the report from {region} for {quarter}",
    ),
    "round.approve_unit": (
        "Godkjenn tiltakene {unit} følger opp ({number})",
        "Approve the commitments {unit} follows up ({number})",
    ),
    "round.approve_missing.one": (
        "{count} tiltak mangler rapport ({codes}). Godkjenner du, låses også det uten rapport.",
        "{count} commitment has no report ({codes}). If you approve, the one without a report is locked too.",
    ),
    "round.approve_missing.other": (
        "{count} tiltak mangler rapport ({codes}). Godkjenner du, låses også de uten rapport.",
        "{count} commitments have no report ({codes}). If you approve, those without a report are locked too.",
    ),
    "round.unit_all_approved": (
        "Alt du kan godkjenne er godkjent ({unit}).",
        "Everything you can approve is approved ({unit}).",
    ),
    "round.approved_whole": (
        "Rapporten fra {region} for {quarter} er godkjent, og kvartalet er låst for regionen.",
        "The report from {region} for {quarter} is approved, and the quarter is locked for the region.",
    ),
    "round.approved_some": (
        "Tiltak {codes} fra {region} for {quarter} er godkjent og låst.",
        "Commitments {codes} from {region} for {quarter} are approved and locked.",
    ),
    "round.reopen_reason": ("Hvorfor skal kvartalet åpnes igjen?", "Why is the quarter to be reopened?"),
    "round.reopen_help": (
        "Begrunnelsen lagres i loggen med hvem og når.",
        "The reason is kept in the log with who and when.",
    ),
    "round.reopen": ("Åpne igjen", "Reopen"),
    "round.reopened.one": (
        "{quarter} for {region} er åpnet igjen; {count} rapport er ikke lenger låst.",
        "{quarter} for {region} is reopened; {count} report is no longer locked.",
    ),
    "round.reopened.other": (
        "{quarter} for {region} er åpnet igjen; {count} rapporter er ikke lenger låst.",
        "{quarter} for {region} is reopened; {count} reports are no longer locked.",
    ),
    "round.settings_heading": ("Frister", "Deadlines"),
    "round.rule_help": (
        "Fylkeskommunens regel for alle kvartaler: fristen i dager etter kvartalets slutt, og når påminnelsene "
        "går (0: ingen).",
        "The county's rule for every quarter: the deadline in days after the quarter ends, and when the "
        "reminders go (0: none).",
    ),
    "round.rule.deadline_days": ("Frist (dager etter kvartalets slutt)", "Deadline (days after the quarter ends)"),
    "round.rule.remind_before": ("Påminnelse før fristen (dager)", "Reminder before the deadline (days)"),
    "round.rule.remind_after": ("Påminnelse etter fristen (dager)", "Reminder after the deadline (days)"),
    "round.rule.save": ("Lagre regelen", "Save the rule"),
    "round.rule_saved.one": (
        "Regelen er lagret: fristen er {count} dag etter kvartalets slutt.",
        "The rule is saved: the deadline is {count} day after the quarter ends.",
    ),
    "round.rule_saved.other": (
        "Regelen er lagret: fristen er {count} dager etter kvartalets slutt.",
        "The rule is saved: the deadline is {count} days after the quarter ends.",
    ),
    "round.move_deadline": ("Fristen for {quarter}", "The deadline for {quarter}"),
    "round.move": ("Flytt fristen", "Move the deadline"),
    "round.move_back": ("Tilbake til regelen", "Back to the rule"),
    "round.deadline_unchanged": (
        "Fristen for {quarter} er allerede {day}; ingenting er endret.",
        "The deadline for {quarter} is already {day}; nothing was changed.",
    ),
    "round.deadline_saved": ("Fristen for {quarter} er nå {day}.", "The deadline for {quarter} is now {day}."),
    "round.action.approved": ("godkjent", "approved"),
    "round.action.reopened": ("åpnet igjen", "reopened"),
    "round.all_codes": ("alle", "all"),
    "round.log_heading": ("Godkjenninger og gjenåpninger", "Approvals and reopenings"),
    "round.log_empty": (
        "Ingen har godkjent eller åpnet noe for {quarter} ennå.",
        "Nobody has approved or reopened anything for {quarter} yet.",
    ),
    "round.log_title": ("Logg for {quarter}", "Log for {quarter}"),
    # Organisation: views/organisasjon.py, views/_organisation.py
    "organisation.intro": (
        "Fylkeskommunene over tid, enhetene som følger opp tiltakene, regionene med fylkeskommune, tidligere "
        "navn og medlemmer, og fylkeskommunenes egne statusord. Last ned organisasjonsfilen, endre den i Excel "
        "og last den opp igjen.",
        "The counties over time, the units that follow commitments up, the regions with their county, former "
        "names and members, and the counties' own status words. Download the organisation workbook, change it "
        "in Excel and upload it again.",
    ),
    "organisation.counties_heading": ("Fylkeskommuner", "Counties"),
    "organisation.units_heading": ("Enheter", "Units"),
    "organisation.units_help": (
        "Enhetene hver fylkeskommune følger opp tiltakene med (i Viken: rådsområdene), i fylkeskommunens rekkefølge.",
        "The units each county follows its commitments up with (in Viken: the council areas), in the county's order.",
    ),
    "organisation.regions_heading": ("Regioner", "Regions"),
    "organisation.status_words_heading": ("Statusord", "Status words"),
    "organisation.no_status_words": (
        "Ingen fylkeskommune har egne statusord ennå.",
        "No county has status words of its own yet.",
    ),
    "organisation.col.county": ("Fylkeskommune", "County"),
    "organisation.col.number": ("Nummer", "Number"),
    "organisation.col.from": ("Gyldig fra", "Valid from"),
    "organisation.col.to": ("Gyldig til", "Valid to"),
    "organisation.col.after": ("Etterfølger av", "Succeeds"),
    "organisation.col.before": ("Etterfulgt av", "Succeeded by"),
    "organisation.col.units": ("Enheter", "Units"),
    "organisation.col.region": ("Region", "Region"),
    "organisation.col.short_name": ("Kortnavn", "Short name"),
    "organisation.col.counties": ("Fylkeskommune", "County"),
    "organisation.col.former": ("Tidligere navn", "Former names"),
    "organisation.col.contact": ("Kontaktperson", "Contact"),
    "organisation.col.members": ("Medlemmer nå", "Members now"),
    "organisation.col.word": ("Ord", "Word"),
    "organisation.col.status": ("Status", "Status"),
    "organisation.col.change": ("Endring", "Change"),
    "organisation.col.sheet": ("Ark", "Sheet"),
    "organisation.col.row": ("Rad", "Row"),
    "organisation.col.error": ("Feil", "Error"),
    "organisation.col.warning": ("Advarsel", "Warning"),
    "organisation.open": ("fortsatt", "ongoing"),
    "organisation.county_from": ("{county} fra {date}", "{county} from {date}"),
    "organisation.member": ("{number} {name} – {county}", "{number} {name} – {county}"),
    "organisation.member_no_county": ("{number} {name}", "{number} {name}"),
    "organisation.download": ("Last ned organisasjonsfilen (Excel)", "Download the organisation workbook (Excel)"),
    "organisation.file_name": ("organisasjon.xlsx", "organisation.xlsx"),
    "organisation.upload_heading": ("Last opp organisasjonsfilen", "Upload the organisation workbook"),
    "organisation.upload_help": (
        "Et ark som mangler, endrer ingenting; det et ark nevner, settes slik arket sier. Du ser hva som "
        "endres før du lagrer.",
        "A sheet left out changes nothing; what a sheet names is set as the sheet says. You see what "
        "changes before you save.",
    ),
    "organisation.file_label": (
        "Organisasjonsfil (.xlsx, høyst {limit} MB)",
        "Organisation workbook (.xlsx, at most {limit} MB)",
    ),
    "organisation.reading": ("Leser filen …", "Reading the file …"),
    "organisation.preview_heading": ("Dette endres", "What changes"),
    "organisation.errors_heading": ("Feil i filen", "Errors in the file"),
    "organisation.warnings_heading": ("Advarsler", "Warnings"),
    "organisation.changes_heading": ("Rader som legges til eller tas bort", "Rows added or removed"),
    "organisation.added": ("Legges til", "Added"),
    "organisation.removed": ("Tas bort", "Removed"),
    "organisation.save": ("Lagre organisasjonen", "Save the organisation"),
    "organisation.edit_units": ("Endre enhetene her", "Edit the units here"),
    "organisation.edit_status_words": ("Endre statusordene her", "Edit the status words here"),
    "organisation.col.unit": ("Enhet", "Unit"),
    "organisation.save_units": ("Lagre enhetene", "Save the units"),
    "organisation.save_status_words": ("Lagre statusordene", "Save the status words"),
    "agreements.intro": (
        "Avtalene per region og periode. Last opp en ny eller endret avtale (PDF, Word, tekst eller "
        "handlingsplan i Excel), se hvordan den er forstått og hva som endres, og lagre. Ingenting lagres "
        "før du trykker «Lagre avtalen».",
        "The agreements per region and period. Upload a new or changed agreement (PDF, Word, text or an "
        "action plan in Excel), see how it was understood and what changes, and save. Nothing is saved "
        "until you press “Save the agreement”.",
    ),
    "agreements.list_heading": ("Lagrede avtaler", "Stored agreements"),
    "agreements.none": ("Ingen avtaler er lagret ennå.", "No agreements are stored yet."),
    "agreements.list_title": ("Avtaler per region og periode", "Agreements per region and period"),
    "agreements.col.period": ("Periode", "Period"),
    "agreements.col.title": ("Tittel", "Title"),
    "agreements.col.focus_areas": ("Innsatsområder", "Focus areas"),
    "agreements.col.commitments": ("Tiltak", "Commitments"),
    "agreements.col.retired": ("Utgått", "Retired"),
    "agreements.col.without_council_area": ("Uten rådsområde", "Without a council area"),
    "agreements.col.loaded": ("Lastet inn", "Loaded"),
    "agreements.col.file": ("Fil", "File"),
    "agreements.col.number": ("Nr", "No."),
    "agreements.col.hashtags": ("Emneknagger", "Hashtags"),
    "agreements.col.deadline": ("Frist", "Deadline"),
    "agreements.field.amount": ("Midler", "Funds"),
    "agreements.col.change": ("Endring", "Change"),
    "agreements.col.what_changed": ("Hva som endres", "What changes"),
    "agreements.choose_download": ("Avtale å laste ned", "Agreement to download"),
    "agreements.choice": ("{region}, {period}", "{region}, {period}"),
    "agreements.download": (
        "Last ned {region} {period} som tiltaksregister (Excel)",
        "Download {region} {period} as a commitment register (Excel)",
    ),
    "agreements.upload_heading": ("Last opp en avtale", "Upload an agreement"),
    "agreements.file_label": (
        "Avtalen (.pdf, .docx, .txt eller .xlsx, høyst {limit} MB)",
        "The agreement (.pdf, .docx, .txt or .xlsx, at most {limit} MB)",
    ),
    "agreements.file_help": (
        "Den spesielle delen av partnerskapsavtalen slik fylket har publisert den, eller en handlingsplan "
        "med kolonnene Nr, Tiltak, Ansvar, Frist og Status.",
        "The special part of the partnership agreement as the county published it, or an action plan "
        "with the columns Nr, Tiltak, Ansvar, Frist and Status.",
    ),
    "agreements.region": ("Avtalens region", "The agreement's region"),
    "agreements.region_help": (
        "Velg regionen, eller skriv navnet på en ny region.",
        "Choose the region, or type the name of a new region.",
    ),
    "agreements.period": ("Periode", "Period"),
    "agreements.period_help": (
        "For eksempel 2024-2027. Står feltet tomt, leses perioden fra tittelen.",
        "For example 2024-2027. Left empty, the period is read from the title.",
    ),
    "agreements.choose_region": ("Velg eller skriv en region", "Choose or type a region"),
    "agreements.needs_region": (
        "Velg regionen avtalen gjelder, så vises forhåndsvisningen.",
        "Choose the region the agreement is for, and the preview appears.",
    ),
    "agreements.county": ("Fylkeskommune", "County"),
    "agreements.choose_county": ("Velg fylkeskommunen", "Choose the county"),
    "agreements.county_help": (
        "Fylkeskommunen som har inngått eller viderefører avtalen. Tiltakenes enheter og statusordene "
        "er denne fylkeskommunens. En nyere avtale under en annen fylkeskommune flytter regionen dit "
        "fra året avtalen begynner.",
        "The county that signed or carries on the agreement. The commitments' units and the status "
        "words are this county's. A newer agreement under another county moves the region there from "
        "the year the agreement begins.",
    ),
    "agreements.needs_county": (
        "Velg fylkeskommunen avtalen hører til, så vises forhåndsvisningen.",
        "Choose the county the agreement belongs to, and the preview appears.",
    ),
    "agreements.col.carried_from": ("Viderefører", "Carries on"),
    "agreements.carried_from_help": (
        "Nummeret tiltaket har i {previous}. Flere numre med komma slår dem sammen; samme nummer i flere "
        "rader deler det; et tomt felt er et nytt tiltak. Et tiltak ingen rad nevner, avsluttes.",
        "The commitment's code in {previous}. Several codes with commas merge them; one code in several "
        "rows splits it; an empty cell is a new commitment. A commitment no row names ends.",
    ),
    "agreements.carry_on": ("Viderefører {previous}", "Carries on {previous}"),
    "agreements.carry_on_help": (
        "Tiltak med samme nummer som i den forrige avtalen videreføres, og historikken deres følger med. "
        "Tiltak den nye avtalen ikke har, avsluttes der.",
        "Commitments with the same code as in the previous agreement carry on, with their history. "
        "Commitments the new agreement does not have end there.",
    ),
    "agreements.too_large": (
        "«{file}» er {size} MB, og en avtale kan være høyst {limit} MB. Ingenting er lagret.",
        "“{file}” is {size} MB, and an agreement can be at most {limit} MB. Nothing was saved.",
    ),
    "agreements.preview_heading": ("Forhåndsvisning", "Preview"),
    "agreements.reading": ("Leser avtalen …", "Reading the agreement …"),
    "agreements.understood": (
        "«{file}»: avtale {period} for {region}, {areas} og {commitments}. Ingenting er lagret ennå.",
        "“{file}”: agreement {period} for {region}, {areas} and {commitments}. Nothing is saved yet.",
    ),
    "agreements.new_region": (
        "«{region}» finnes ikke i registeret og blir opprettet som en ny region når du lagrer. Sjekk "
        "skrivemåten hvis du mente en region som finnes.",
        "“{region}” is not in the register and is created as a new region when you save. Check the "
        "spelling if you meant a region that exists.",
    ),
    "agreements.is_new": (
        "{region} har ingen avtale for {period} fra før: alt blir nytt.",
        "{region} has no agreement for {period} yet: everything is new.",
    ),
    "agreements.same_as_stored": (
        "Avtalen er lik den som er lagret: å lagre den endrer ingenting.",
        "The agreement is the same as the one stored: saving it changes nothing.",
    ),
    "agreements.focus_areas_title": ("Innsatsområder slik de er forstått", "Focus areas as understood"),
    "agreements.commitments_heading": ("Tiltakene", "The commitments"),
    "agreements.editor_caption": (
        "Tiltakene slik de er forstått. Velg eller rett rådsområdet for hvert tiltak i kolonnen «Rådsområde»; "
        "de andre kolonnene kan ikke endres her.",
        "The commitments as understood. Choose or correct each commitment's council area in the column "
        "“Council area”; the other columns cannot be changed here.",
    ),
    "agreements.no_council_area": ("Ikke valgt", "Not chosen"),
    "agreements.without_council_area.one": (
        "{count} tiltak har ikke rådsområde.",
        "{count} commitment has no council area.",
    ),
    "agreements.without_council_area.other": (
        "{count} tiltak har ikke rådsområde.",
        "{count} commitments have no council area.",
    ),
    "agreements.warnings_heading": ("Advarsler", "Warnings"),
    "agreements.no_warnings": (
        "Ingen advarsler: alt i filen ble forstått.",
        "No warnings: everything in the file was understood.",
    ),
    "agreements.changes_heading": ("Endringer mot den lagrede avtalen", "Changes against the stored agreement"),
    "agreements.changes_title": ("Det som endres når avtalen lagres", "What changes when the agreement is saved"),
    "agreements.history_kept": (
        "Tiltak som utgår, slettes ikke: de merkes som utgått, og statushistorikken deres beholdes.",
        "Retired commitments are not deleted: they are marked retired, and their status history is kept.",
    ),
    "agreements.count.added": ("Nye", "New"),
    "agreements.count.changed": ("Endret", "Changed"),
    "agreements.count.unchanged": ("Uendret", "Unchanged"),
    "agreements.count.retired": ("Utgår", "Retired"),
    "agreements.change.added": ("+ Ny", "+ New"),
    "agreements.change.changed": ("~ Endret", "~ Changed"),
    "agreements.change.retired": ("− Utgår", "− Retired"),
    "agreements.change.focus_area_added": ("+ Nytt innsatsområde", "+ New focus area"),
    "agreements.change.focus_area_removed": ("− Innsatsområdet utgår", "− Focus area retired"),
    "agreements.change.focus_area": ("~ Innsatsområde {number}", "~ Focus area {number}"),
    "agreements.reactivated": ("Tatt i bruk igjen", "In use again"),
    "agreements.field_change": ("{field}: {before} → {after}", "{field}: {before} → {after}"),
    "agreements.first_reports": (
        "Lagre Status-kolonnen som første statusrapport ({count} tiltak)",
        "Save the Status column as the first status report ({count} commitments)",
    ),
    "agreements.first_reports_quarter": ("Kvartal for statusrapporten", "Quarter of the status report"),
    "agreements.save": ("Lagre avtalen", "Save the agreement"),
    "agreements.link_region": ("Se {region} i Regioner", "See {region} in Regions"),
    "agreements.link_upload": ("Se opplasting {upload} i Opplastinger", "See upload {upload} in Uploads"),
    # Upload
    "page.upload": ("Last opp", "Upload"),
    # Entry in the browser: views/_entry.py, loaders/entry.py
    "entry.not_reported": ("Ikke rapportert", "Not reported"),
    "loaders.entry.form": ("Skjemaet", "The form"),
    "loaders.entry.file_name": (
        "Skjema i nettleseren – {region}, {quarter}",
        "Form in the browser – {region}, {quarter}",
    ),
    "entry.mode": ("Hvordan vil du rapportere?", "How do you want to report?"),
    "entry.mode_browser": ("Fyll ut i nettleseren", "Fill in in the browser"),
    "entry.mode_file": ("Last opp Excel-fil", "Upload an Excel file"),
    "entry.heading": ("1. Fyll ut kvartalet", "1. Fill in the quarter"),
    "entry.region": ("Region", "Region"),
    "entry.quarter": ("Kvartal", "Quarter"),
    "entry.intro": (
        "Tabellen er fylt ut med kvartalets rapport, eller med forrige rapport når kvartalet ikke er rapportert. "
        "Velg status, skriv fremdrift i prosent (0–100), kommentar, neste steg og ansvarlig. Skjemaet kontrolleres "
        "med de samme reglene som en Excel-fil, og ingenting lagres før du trykker «Lagre».",
        "The table is filled in with the quarter's report, or with the previous report when the quarter has not "
        "been reported. Choose the status, write progress in per cent (0–100), comment, next steps and owner. The "
        "form is checked by the same rules as an Excel file, and nothing is saved until you press “Save”.",
    ),
    "entry.no_commitments": (
        "{region} har ingen tiltak du kan rapportere for i {quarter}.",
        "{region} has no commitments you can report for in {quarter}.",
    ),
    "entry.locked": (
        "{quarter} for {region} er godkjent og låst: tiltak {codes} ble godkjent av {by} {when}. Rapportene kan ikke "
        "endres her før en administrator åpner kvartalet igjen på siden Rapportering.",
        "{quarter} for {region} is approved and locked: commitments {codes} were approved by {by} on {when}. The "
        "reports cannot be changed here until an administrator reopens the quarter on the Reporting page.",
    ),
    "entry.locked_table": ("Godkjent og låst", "Approved and locked"),
    "entry.check": ("Kontroller", "Check"),
    "entry.review_heading": ("2. Se over og lagre", "2. Review and save"),
    "entry.rejected.one": (
        "Skjemaet kan ikke lagres: {count} feil. Ingenting er endret. Rett feilen i tabellen over og trykk "
        "«Kontroller» igjen.",
        "The form cannot be saved: {count} error. Nothing was changed. Fix the error in the table above and press "
        "“Check” again.",
    ),
    "entry.rejected.other": (
        "Skjemaet kan ikke lagres: {count} feil. Ingenting er endret. Rett feilene i tabellen over og trykk "
        "«Kontroller» igjen.",
        "The form cannot be saved: {count} errors. Nothing was changed. Fix the errors in the table above and press "
        "“Check” again.",
    ),
    "entry.errors_title": ("Feil i skjemaet", "Errors in the form"),
    "entry.changes_title": ("Endringer i skjemaet", "Changes in the form"),
    "entry.changes_heading": ("Endringer i skjemaet ({count})", "Changes in the form ({count})"),
    "entry.not_saved_yet": (
        "Skjemaet er kontrollert og ikke lagret ennå. Se over endringene og trykk «Lagre».",
        "The form is checked and not saved yet. Review the changes and press “Save”.",
    ),
    "entry.nothing_to_save": (
        "Ingenting å lagre: alt i skjemaet er likt det som allerede er lagret.",
        "Nothing to save: everything in the form matches what is already saved.",
    ),
    "entry.missing.one": (
        "{count} av regionens tiltak er ikke med i skjemaet. Det beholder det som er lagret.",
        "{count} of the region's commitments is not in the form. It keeps what is saved.",
    ),
    "entry.missing.other": (
        "{count} av regionens tiltak er ikke med i skjemaet. De beholder det som er lagret.",
        "{count} of the region's commitments are not in the form. They keep what is saved.",
    ),
    "entry.not_updated.one": (
        "{count} rad er ikke oppdatert: den gjentar bare forrige rapport, slik skjemaet var fylt ut. "
        "Den lagres ikke som ny rapport. Er statusen faktisk uendret, kryss av under.",
        "{count} row is not updated: it only repeats the previous report, as the form was filled in. "
        "It is not saved as a new report. If the status really is unchanged, tick the box below.",
    ),
    "entry.not_updated.other": (
        "{count} rader er ikke oppdatert: de gjentar bare forrige rapport, slik skjemaet var fylt ut. "
        "De lagres ikke som nye rapporter. Er statusen faktisk uendret, kryss av under.",
        "{count} rows are not updated: they only repeat the previous report, as the form was filled in. "
        "They are not saved as new reports. If the status really is unchanged, tick the box below.",
    ),
    "entry.only_not_updated.one": (
        "Skjemaet er ikke oppdatert: skjemaets {count} rad gjentar bare forrige rapport. Ingenting blir lagret. "
        "Fyll inn status, fremdrift og kommentar for kvartalet og trykk «Kontroller» igjen, eller kryss av under "
        "hvis statusen faktisk er uendret.",
        "The form is not updated: its {count} row only repeats the previous report. Nothing will be saved. Fill "
        "in status, progress and comment for the quarter and press “Check” again, or tick the box below if the "
        "status really is unchanged.",
    ),
    "entry.only_not_updated.other": (
        "Skjemaet er ikke oppdatert: alle {count} radene gjentar bare forrige rapport. Ingenting blir lagret. "
        "Fyll inn status, fremdrift og kommentar for kvartalet og trykk «Kontroller» igjen, eller kryss av under "
        "hvis statusen faktisk er uendret.",
        "The form is not updated: all {count} rows only repeat the previous report. Nothing will be saved. Fill "
        "in status, progress and comment for the quarter and press “Check” again, or tick the box below if the "
        "status really is unchanged.",
    ),
    "entry.not_updated_kept.one": (
        "{count} rad gjentar bare forrige rapport, slik skjemaet var fylt ut. Du har krysset av for at statusen "
        "er uendret, så den lagres som ny rapport for kvartalet når du trykker «Lagre».",
        "{count} row only repeats the previous report, as the form was filled in. You have ticked that the "
        "status is unchanged, so it is saved as a new report for the quarter when you press “Save”.",
    ),
    "entry.not_updated_kept.other": (
        "{count} rader gjentar bare forrige rapport, slik skjemaet var fylt ut. Du har krysset av for at statusen "
        "er uendret, så de lagres som nye rapporter for kvartalet når du trykker «Lagre».",
        "{count} rows only repeat the previous report, as the form was filled in. You have ticked that the "
        "status is unchanged, so they are saved as new reports for the quarter when you press “Save”.",
    ),
    "entry.only_not_updated_kept.one": (
        "Skjemaet er ikke oppdatert: skjemaets {count} rad gjentar bare forrige rapport. Du har krysset av for at "
        "statusen er uendret, så den lagres som ny rapport for kvartalet når du trykker «Lagre».",
        "The form is not updated: its {count} row only repeats the previous report. You have ticked that the "
        "status is unchanged, so it is saved as a new report for the quarter when you press “Save”.",
    ),
    "entry.only_not_updated_kept.other": (
        "Skjemaet er ikke oppdatert: alle {count} radene gjentar bare forrige rapport. Du har krysset av for at "
        "statusen er uendret, så de lagres som nye rapporter for kvartalet når du trykker «Lagre».",
        "The form is not updated: all {count} rows only repeat the previous report. You have ticked that the "
        "status is unchanged, so they are saved as new reports for the quarter when you press “Save”.",
    ),
    "entry.check_first": (
        "Trykk «Kontroller» for å se hva som endres før du lagrer.",
        "Press “Check” to see what will change before you save.",
    ),
    "page.uploads": ("Opplastinger", "Uploads"),
    "page.export": ("Eksport", "Export"),
    "upload.intro": (
        "Kvartalsrunden: fyll ut regionens kvartal i nettleseren, eller last ned malen, fyll inn status og "
        "fremdrift og last den opp igjen. Se over hva som endres, og lagre. Ingenting lagres før du trykker «Lagre».",
        "The quarterly round: fill in the region's quarter in the browser, or download the template, fill in "
        "status and progress and upload it. Check what will change, and save. Nothing is saved until you press "
        "“Save”.",
    ),
    "upload.template_heading": ("1. Last ned malen", "1. Download the template"),
    "upload.template_region": ("Region for malen", "Region for the template"),
    "upload.template_quarter": ("Kvartal for malen", "Quarter for the template"),
    "upload.quarter_running": ("{quarter} (pågår)", "{quarter} (running)"),
    "upload.choose_region": ("Velg region", "Choose region"),
    "upload.no_regions_held": (
        "Du har ingen regioner å rapportere for. Be en administrator om å gi deg en region eller et rådsområde.",
        "You have no regions to report for. Ask an administrator to give you a region or a council area.",
    ),
    "upload.download_template": (
        "Last ned mal for {region}, {quarter}",
        "Download the template for {region}, {quarter}",
    ),
    "upload.file_heading": ("2. Last opp utfylt fil", "2. Upload the filled-in file"),
    "upload.file_label": ("Statusfil (.xlsx, høyst {limit} MB)", "Status file (.xlsx, at most {limit} MB)"),
    "upload.csv_refused": (
        "«{file}» er en CSV-fil, og CSV kan ikke lastes opp: den mister formatet på cellene, "
        "så et tiltaksnummer som 1.10 kan bli 1.1. Last ned malen i steg 1, fyll den inn "
        "og last opp den. Ingenting er lagret.",
        "“{file}” is a CSV file, and CSV cannot be uploaded: it loses the cells' formats, "
        "so a commitment number such as 1.10 can become 1.1. Download the template in step 1, fill it in "
        "and upload that. Nothing was saved.",
    ),
    "upload.type_refused": (
        "«{file}» er ikke en Excel-arbeidsbok. Last opp statusfilen som Excel-arbeidsbok (.xlsx), "
        "for eksempel malen fra steg 1. Ingenting er lagret.",
        "“{file}” is not an Excel workbook. Upload the status file as an Excel workbook (.xlsx), "
        "for example the template from step 1. Nothing was saved.",
    ),
    "upload.too_large": (
        "«{file}» er {size} MB, og en statusfil kan være høyst {limit} MB. En utfylt mal er langt under 1 MB: "
        "sjekk at det er riktig fil, eller fjern bilder og ekstra ark. Ingenting er lagret.",
        "“{file}” is {size} MB, and a status file can be at most {limit} MB. A filled-in template is well under "
        "1 MB: check that it is the right file, or remove pictures and extra sheets. Nothing was saved.",
    ),
    "upload.file_help": (
        "Malen fra steg 1, eller en fil med kolonnene Region, Nr, Kvartal, Status og Fremdrift.",
        "The template from step 1, or a file with the columns Region, Nr, Kvartal, Status and Fremdrift.",
    ),
    "upload.more_options": ("Flere valg", "More options"),
    "upload.quarter_hint": (
        "Legg til kolonnen «Kvartal» i filen, eller velg kvartalet under «Flere valg» → «Kvartal for hele filen».",
        "Add a “Kvartal” column to the file, "
        "or choose the quarter under “More options” → “Quarter for the whole file”.",
    ),
    "upload.file_quarter": ("Kvartal for hele filen", "Quarter for the whole file"),
    "upload.file_quarter_from_file": ("Fra kolonnen «Kvartal» i filen", "From the file's “Kvartal” column"),
    "upload.stage.read": ("Leser filen …", "Reading the file …"),
    "upload.stage.check": ("Kontrollerer radene …", "Checking the rows …"),
    "upload.stage.compare": ("Sammenligner med det som er lagret …", "Comparing with what is saved …"),
    "upload.stage.save": ("Lagrer …", "Saving …"),
    "upload.stage.done": ("Ferdig.", "Done."),
    "upload.review_heading": ("3. Se over og lagre", "3. Review and save"),
    # Against each commitment's previous report; the saved message counts reports written, in other words.
    "upload.count.added": ("Uten tidligere rapport", "No earlier report"),
    "upload.count.changed": ("Endret fra forrige rapport", "Changed from the previous report"),
    "upload.count.unchanged": ("Som forrige rapport", "Same as the previous report"),
    "upload.count.not_updated": ("Ikke oppdatert", "Not updated"),
    "upload.count.newly_delayed": ("Nylig forsinket", "Newly delayed"),
    "upload.count.backwards": ("Fremdrift tilbake", "Progress backwards"),
    "upload.not_updated.one": (
        "{count} rad er ikke oppdatert: den gjentar bare forrige rapport, slik malen var fylt ut. "
        "Den lagres ikke som ny rapport. Er statusen faktisk uendret, kryss av under.",
        "{count} row is not updated: it only repeats the previous report, as the template was filled in. "
        "It is not saved as a new report. If the status really is unchanged, tick the box below.",
    ),
    "upload.not_updated.other": (
        "{count} rader er ikke oppdatert: de gjentar bare forrige rapport, slik malen var fylt ut. "
        "De lagres ikke som nye rapporter. Er statusen faktisk uendret, kryss av under.",
        "{count} rows are not updated: they only repeat the previous report, as the template was filled in. "
        "They are not saved as new reports. If the status really is unchanged, tick the box below.",
    ),
    "upload.only_not_updated.one": (
        "Filen er ikke oppdatert: filens {count} rad gjentar bare forrige rapport, slik malen var fylt ut. "
        "Ingenting blir lagret. Fyll inn status, fremdrift og kommentar for kvartalet og last opp filen på nytt, "
        "eller kryss av under hvis statusen faktisk er uendret.",
        "The file is not updated: the file's {count} row only repeats the previous report, as the template was "
        "filled in. "
        "Nothing will be saved. Fill in status, progress and comment for the quarter and upload the file again, "
        "or tick the box below if the status really is unchanged.",
    ),
    "upload.only_not_updated.other": (
        "Filen er ikke oppdatert: alle {count} radene gjentar bare forrige rapport, slik malen var fylt ut. "
        "Ingenting blir lagret. Fyll inn status, fremdrift og kommentar for kvartalet og last opp filen på nytt, "
        "eller kryss av under hvis statusen faktisk er uendret.",
        "The file is not updated: all {count} rows only repeat the previous report, as the template was filled in. "
        "Nothing will be saved. Fill in status, progress and comment for the quarter and upload the file again, "
        "or tick the box below if the status really is unchanged.",
    ),
    "upload.not_updated_kept.one": (
        "{count} rad gjentar bare forrige rapport, slik malen var fylt ut. Du har krysset av for at statusen "
        "er uendret, så den lagres som ny rapport for kvartalet når du trykker «Lagre».",
        "{count} row only repeats the previous report, as the template was filled in. You have ticked that the "
        "status is unchanged, so it is saved as a new report for the quarter when you press “Save”.",
    ),
    "upload.not_updated_kept.other": (
        "{count} rader gjentar bare forrige rapport, slik malen var fylt ut. Du har krysset av for at statusen "
        "er uendret, så de lagres som nye rapporter for kvartalet når du trykker «Lagre».",
        "{count} rows only repeat the previous report, as the template was filled in. You have ticked that the "
        "status is unchanged, so they are saved as new reports for the quarter when you press “Save”.",
    ),
    "upload.only_not_updated_kept.one": (
        "Filen er ikke oppdatert: filens {count} rad gjentar bare forrige rapport, slik malen var fylt ut. "
        "Du har krysset av for at statusen er uendret, så den lagres som ny rapport for kvartalet "
        "når du trykker «Lagre».",
        "The file is not updated: the file's {count} row only repeats the previous report, as the template was "
        "filled in. You have ticked that the status is unchanged, so it is saved as a new report for the quarter "
        "when you press “Save”.",
    ),
    "upload.only_not_updated_kept.other": (
        "Filen er ikke oppdatert: alle {count} radene gjentar bare forrige rapport, slik malen var fylt ut. "
        "Du har krysset av for at statusen er uendret, så de lagres som nye rapporter for kvartalet "
        "når du trykker «Lagre».",
        "The file is not updated: all {count} rows only repeat the previous report, as the template was "
        "filled in. You have ticked that the status is unchanged, so they are saved as new reports for the "
        "quarter when you press “Save”.",
    ),
    "upload.keep_not_updated": (
        "Lagre også radene som ikke er oppdatert (statusen er uendret siden forrige rapport)",
        "Also save the rows that are not updated (the status is unchanged since the previous report)",
    ),
    "upload.not_saved_yet": (
        "Filen er kontrollert og ikke lagret ennå. Se over endringene og trykk «Lagre».",
        "The file is checked and not saved yet. Review the changes and press “Save”.",
    ),
    "upload.nothing_to_save": (
        "Ingenting å lagre: alt i filen er likt det som allerede er lagret.",
        "Nothing to save: everything in the file matches what is already saved.",
    ),
    "upload.already_loaded": (
        "Den samme filen er lastet opp før (opplasting {upload}).",
        "The very same file was uploaded before (upload {upload}).",
    ),
    "upload.rejected.one": (
        "Filen kan ikke lagres: {count} feil. Ingenting er endret. Rett feilen i tabellen og last opp filen på nytt.",
        "The file cannot be saved: {count} error. Nothing was changed. Fix the error in the table and upload it again.",
    ),
    "upload.rejected.other": (
        "Filen kan ikke lagres: {count} feil. Ingenting er endret. Rett feilene i tabellen og last opp filen på nytt.",
        "The file cannot be saved: {count} errors. Nothing was changed. "
        "Fix the errors in the table and upload it again.",
    ),
    "upload.errors_title": ("Feil i statusfilen", "Errors in the status file"),
    "upload.col.sheet": ("Ark", "Sheet"),
    "upload.col.row": ("Rad", "Row"),
    "upload.col.column": ("Kolonne", "Column"),
    "upload.col.header": ("Overskrift", "Header"),
    "upload.col.value": ("Verdi", "Value"),
    "upload.col.problem": ("Feil", "Problem"),
    "upload.col.change": ("Endring", "Change"),
    "upload.col.compared": ("Sammenlignet med", "Compared with"),
    "upload.col.what_changed": ("Hva er endret", "What changed"),
    "upload.field_change": ("{field}: {before} → {after}", "{field}: {before} → {after}"),
    "upload.changes_title": ("Endringer i statusfilen", "Changes in the status file"),
    "upload.col.status_before": ("Status før", "Status before"),
    "upload.col.status_after": ("Status nå", "Status now"),
    "upload.col.progress_before": ("Fremdrift før", "Progress before"),
    "upload.col.progress_after": ("Fremdrift nå", "Progress now"),
    "upload.change.added": ("Ny", "New"),
    "upload.change.changed": ("Endret", "Changed"),
    "upload.change.unchanged": ("Uendret", "Unchanged"),
    "upload.change.not_updated": ("Ikke oppdatert", "Not updated"),
    "upload.flag.newly_delayed": ("Nylig forsinket", "Newly delayed"),
    "upload.flag.backwards": ("Fremdrift går tilbake", "Progress going backwards"),
    "upload.flag_help": (
        "Hver rapport er sammenlignet med tiltakets forrige rapport: den som erstattes når kvartalet alt har en, "
        "ellers siste rapport før kvartalet. «Ny» betyr at tiltaket ikke har noen rapport å sammenligne med. "
        "«Ikke oppdatert» betyr at raden bare gjentar forrige rapport. "
        "Rader merket ⚠ (nylig forsinket), ↓ (fremdrift går tilbake) eller «Ikke oppdatert» er uthevet.",
        "Each report is compared with the commitment's previous report: the one it replaces when the quarter "
        "already has one, else the latest report before the quarter. “New” means the commitment has no report to "
        "compare with. “Not updated” means the row only repeats the previous report. "
        "Rows marked ⚠ (newly delayed), ↓ (progress going backwards) or “Not updated” are highlighted.",
    ),
    "upload.show_unchanged": ("Vis også uendrede rader", "Show unchanged rows too"),
    "upload.changes_heading": ("Endringer i filen ({count})", "Changes in the file ({count})"),
    "upload.missing.one": (
        "{count} av regionens tiltak mangler i filen. Det beholder det som er lagret.",
        "{count} of the region's commitments is missing from the file. It keeps what is saved.",
    ),
    "upload.missing.other": (
        "{count} av regionens tiltak mangler i filen. De beholder det som er lagret.",
        "{count} of the region's commitments are missing from the file. They keep what is saved.",
    ),
    "upload.missing_list": ("Vis tiltakene som mangler ({count})", "Show the missing commitments ({count})"),
    "upload.save": ("Lagre", "Save"),
    "upload.saved": (
        "Lagret som opplasting {upload}: {added} lagt til, {changed} endret, {unchanged} uendret.",
        "Saved as upload {upload}: {added} new, {changed} changed, {unchanged} unchanged.",
    ),
    "upload.saved_link_upload": ("Se opplasting {upload} i Opplastinger", "See upload {upload} in Uploads"),
    "upload.saved_link_overview": ("Se Oversikt for {quarter}", "See the Overview for {quarter}"),
    "upload.nothing_changed.one": (
        "Ingenting ble endret: {count} rapport var lik det som allerede er lagret.",
        "Nothing changed: {count} report matched what is already saved.",
    ),
    "upload.nothing_changed.other": (
        "Ingenting ble endret: {count} rapporter var like det som allerede er lagret.",
        "Nothing changed: {count} reports matched what is already saved.",
    ),
    # Upload log
    "uploads.intro": (
        "Alle opplastinger, nyeste først. Åpne en for å se hva den endret, og tilbakestill den om nødvendig.",
        "Every upload, newest first. Open one to see what it changed, and roll it back if need be.",
    ),
    "uploads.col.number": ("Nr", "No."),
    "uploads.col.kind": ("Type", "Kind"),
    "uploads.col.file": ("Fil", "File"),
    "uploads.col.when": ("Lastet opp", "Uploaded"),
    "uploads.col.who": ("Av", "By"),
    "uploads.col.quarters": ("Kvartaler", "Quarters"),
    "uploads.col.added": ("Nye", "New"),
    "uploads.col.changed": ("Endret", "Changed"),
    "uploads.col.unchanged": ("Uendret", "Unchanged"),
    "uploads.col.sha256": ("Sjekksum (SHA-256)", "Checksum (SHA-256)"),
    "uploads.col.state": ("Tilstand", "State"),
    "uploads.col.comment_before": ("Kommentar før", "Comment before"),
    "uploads.col.comment_after": ("Kommentar nå", "Comment now"),
    "uploads.sha256_help": (
        "Fingeravtrykket til filen: to filer med samme sjekksum er helt like.",
        "The file's fingerprint: two files with the same checksum are identical.",
    ),
    "uploads.kind.status": ("Status", "Status"),
    "uploads.kind.agreement": ("Avtale", "Agreement"),
    "uploads.kind.catalogue": ("Tiltakskatalog", "Catalogue"),
    "uploads.kind.demo": ("Demodata", "Demo data"),
    "uploads.active": ("Gjeldende", "In effect"),
    "uploads.rolled_back": ("Tilbakestilt {when} av {who}", "Rolled back {when} by {who}"),
    "uploads.open_heading": ("Åpne en opplasting", "Open an upload"),
    "uploads.choose": ("Velg opplasting", "Choose upload"),
    "uploads.newest": (
        "Listen under har de {shown} nyeste av {count} opplastinger; åpne en eldre fra nummeret i tabellen over.",
        "The list below holds the newest {shown} of {count} uploads; open an older one from its number in the table "
        "above.",
    ),
    "uploads.option": ("Nr {number} – {file} ({when})", "No. {number} – {file} ({when})"),
    "uploads.detail_heading": ("Opplasting {number}: {file}", "Upload {number}: {file}"),
    "uploads.detail": (
        "Lastet opp {when} av {who}: {added} lagt til, {changed} endret, {unchanged} uendret. Sjekksum `{sha256}`.",
        "Uploaded {when} by {who}: {added} new, {changed} changed, {unchanged} unchanged. Checksum `{sha256}`.",
    ),
    "uploads.no_reports": ("Opplastingen skrev ingen statusrapporter.", "The upload wrote no status reports."),
    "uploads.rollback_heading": ("Tilbakestill", "Roll back"),
    "uploads.rollback_explain": (
        "Å tilbakestille opplasting {number} gir rapportene den endret tilbake verdiene de hadde før, "
        "og fjerner rapportene den la til. Det kan ikke angres, men filen kan lastes opp på nytt.",
        "Rolling back upload {number} gives the reports it changed their earlier values back and removes "
        "the reports it added. It cannot be undone, but the file can be uploaded again.",
    ),
    "uploads.rollback_confirm": (
        "Ja, jeg vil tilbakestille opplasting {number}",
        "Yes, I want to roll back upload {number}",
    ),
    "uploads.rollback": ("Tilbakestill opplasting {number}", "Roll back upload {number}"),
    # Quarterly report (outputs/report.py)
    "report.title": ("Kvartalsrapport – {quarter}", "Quarterly report – {quarter}"),
    "report.summary_sheet": ("Sammendrag", "Summary"),
    "report.total": ("Totalt", "Total"),
    "report.succeeding_share": (
        "I rute eller fullført (av rapporterte)",
        "On track or completed (of reported)",
    ),
    "report.commentary": ("Kommentar", "Commentary"),
    "report.none.late": ("Ingen tiltak er forsinket nå.", "No commitment is delayed now."),
    "report.created": ("Laget {date}", "Created {date}"),
    "report.key_figures": ("Nøkkeltall", "Key figures"),
    "report.value": ("Verdi", "Value"),
    "report.change": ("Endring", "Change"),
    "report.change_since": ("Endring siden {previous}", "Change since {previous}"),
    "report.none.newly_delayed": (
        "Ingen tiltak er blitt forsinket siden forrige kvartal.",
        "No commitments have become delayed since the previous quarter.",
    ),
    "report.none.newly_completed": (
        "Ingen tiltak er blitt fullført siden forrige kvartal.",
        "No commitments have been completed since the previous quarter.",
    ),
    "report.none.backwards": (
        "Ingen tiltak har lavere fremdrift enn i forrige rapport.",
        "No commitments report less progress than in their previous report.",
    ),
    "report.regions": ("Per region", "By region"),
    "report.empty": ("Ingen tiltak i dette utvalget.", "No commitments in this selection."),
    "report.page": ("Side {page}", "Page {page}"),
    # --- Messages from core and outputs: errors, roles, chart texts (keys core.*, outputs.*) ---
    # Words used inside other texts
    "core.list": ("{first} og {last}", "{first} and {last}"),
    "core.quoted": ("«{word}»", "“{word}”"),
    "core.list_or": ("{first} eller {last}", "{first} or {last}"),
    "core.none": ("ingen", "none"),
    "core.nothing": ("ingenting", "nothing"),
    "core.moment": ("{date} kl. {time}", "{date} {time}"),
    "quarter.label": ("{q}. kv. {year}", "Q{q} {year}"),
    "sdg.label": ("SDG {number} {name}", "SDG {number} {name}"),
    "sdg.choice": ("SDG {number} – {name}", "SDG {number} – {name}"),
    # The 17 goals, as FN-sambandet and the UN name them
    "sdg.name.1": ("Utrydde fattigdom", "No poverty"),
    "sdg.name.2": ("Utrydde sult", "Zero hunger"),
    "sdg.name.3": ("God helse og livskvalitet", "Good health and well-being"),
    "sdg.name.4": ("God utdanning", "Quality education"),
    "sdg.name.5": ("Likestilling mellom kjønnene", "Gender equality"),
    "sdg.name.6": ("Rent vann og gode sanitærforhold", "Clean water and sanitation"),
    "sdg.name.7": ("Ren energi til alle", "Affordable and clean energy"),
    "sdg.name.8": ("Anstendig arbeid og økonomisk vekst", "Decent work and economic growth"),
    "sdg.name.9": ("Industri, innovasjon og infrastruktur", "Industry, innovation and infrastructure"),
    "sdg.name.10": ("Mindre ulikhet", "Reduced inequalities"),
    "sdg.name.11": ("Bærekraftige byer og lokalsamfunn", "Sustainable cities and communities"),
    "sdg.name.12": ("Ansvarlig forbruk og produksjon", "Responsible consumption and production"),
    "sdg.name.13": ("Stoppe klimaendringene", "Climate action"),
    "sdg.name.14": ("Livet i havet", "Life below water"),
    "sdg.name.15": ("Livet på land", "Life on land"),
    "sdg.name.16": ("Fred, rettferdighet og velfungerende institusjoner", "Peace, justice and strong institutions"),
    "sdg.name.17": ("Samarbeid for å nå målene", "Partnerships for the goals"),
    # Statuses (status.<key>) and roles (role.<role>)
    "status.not_started": ("Ikke startet", "Not started"),
    "status.on_track": ("I rute", "On track"),
    "status.delayed": ("Forsinket", "Delayed"),
    "status.completed": ("Fullført", "Completed"),
    "status.cancelled": ("Utgår", "Cancelled"),
    "status.not_reported": ("Ikke rapportert", "Not reported"),
    "role.leser": ("leser", "reader"),
    "role.rapportor": ("rapportør", "reporter"),
    "role.administrator": ("administrator", "administrator"),
    # Errors from core
    # The reporting round: core/rounds.py (deadlines, approval and lock, reopening, assessments)
    "core.round.rule_out_of_range": (
        "{value} dager er utenfor det tillatte: bruk 0 til {highest} dager.",
        "{value} days is out of range: use 0 to {highest} days.",
    ),
    "core.round.deadline_before_end": (
        "Fristen {day} er før {quarter} er slutt; velg en dag etter kvartalet.",
        "The deadline {day} is before {quarter} ends; choose a day after the quarter.",
    ),
    "core.round.may_not_approve": (
        "{name} kan ikke godkjenne rapporten fra {region} for {quarter}: bare administratorer og eierne av "
        "enhetene som følger opp tiltakene kan det.",
        "{name} cannot approve the report from {region} for {quarter}: only administrators and the owners "
        "of the units that follow the commitments up can.",
    ),
    "core.round.nothing_delivered": (
        "{region} har ikke levert noe for {quarter}; det er ingenting å godkjenne.",
        "{region} has delivered nothing for {quarter}; there is nothing to approve.",
    ),
    "core.round.already_approved": (
        "Rapporten fra {region} for {quarter} er allerede godkjent.",
        "The report from {region} for {quarter} is already approved.",
    ),
    "core.round.reason_missing": (
        "Skriv hvorfor {quarter} for {region} skal åpnes igjen; begrunnelsen lagres i loggen.",
        "Write why {quarter} for {region} is to be reopened; the reason is kept in the log.",
    ),
    "core.round.not_approved": (
        "{quarter} for {region} er ikke godkjent, så det er ingenting å åpne.",
        "{quarter} for {region} is not approved, so there is nothing to reopen.",
    ),
    "core.round.locked": (
        "{quarter} for {region} er godkjent og låst (tiltak {codes}, godkjent av {by} {day}); ingenting er "
        "lagret. En administrator kan åpne kvartalet igjen på siden Rapportering.",
        "{quarter} for {region} is approved and locked (commitments {codes}, approved by {by} on {day}); "
        "nothing was saved. An administrator can reopen the quarter on the Reporting page.",
    ),
    "core.round.may_not_assess": (
        "{name} kan ikke registrere fylkets vurdering her: bare administratorer og de som rapporterer for "
        "fylket eller enheten som følger opp tiltaket kan det.",
        "{name} cannot record the county's assessment here: only administrators and those who report for "
        "the county or the unit following the commitment up can.",
    ),
    "core.database_busy": (
        "Databasen er opptatt med en annen lagring. Ingenting er endret; prøv igjen om litt.",
        "The database is busy with another save. Nothing was changed; try again in a moment.",
    ),
    "core.invalid_quarter": (
        "«{value}» er ikke et kvartal. Skriv for eksempel 2024-Q2 eller 2. kv. 2024.",
        "“{value}” is not a quarter. Write for example 2024-Q2 or Q2 2024.",
    ),
    "core.unknown_region": (
        "Fant ikke regionen «{name}». Kjente regioner: {known}.",
        "There is no region “{name}”. Known regions: {known}.",
    ),
    "loaders.agreement.not_in_predecessor": (
        "Tiltak {new} viderefører «{code}», men {previous} har ikke et tiltak {code}. Tiltakene der: {known}.",
        "Commitment {new} carries on “{code}”, but {previous} has no commitment {code}. Its commitments: {known}.",
    ),
    "loaders.agreement.county_ended": (
        "{county} fantes til {last}, men avtalen gjelder {period}. Velg fylkeskommunen som har avtalen nå.",
        "{county} existed until {last}, but the agreement is for {period}. Choose the county that holds it now.",
    ),
    "loaders.agreement.carried_on": (
        "Avtalen viderefører {previous}; tiltak den ikke viderefører, er avsluttet der.",
        "The agreement carries on {previous}; commitments it does not carry on ended there.",
    ),
    "agreements.ending": (
        "{count} tiltak i {previous} videreføres ikke og avsluttes når du lagrer: {codes}.",
        "Not carried on from {previous}, and ended when you save ({count}): {codes}.",
    ),
    "core.unknown_county": (
        "Fant ikke fylkeskommunen «{name}». Kjente fylkeskommuner: {known}.",
        "There is no county “{name}”. Known counties: {known}.",
    ),
    "core.no_county": (
        "Regionen {region} hører ikke til noen fylkeskommune. Velg fylkeskommunen for avtalen.",
        "The region {region} belongs to no county. Choose the agreement's county.",
    ),
    "core.unknown_council_area": ("Ukjent rådsområde «{area}».", "Unknown council area “{area}”."),
    "core.ambiguous_council_area": (
        "Flere fylkeskommuner har rådsområdet «{area}». Skriv det med fylkeskommunen: {written}.",
        "Several counties have the council area “{area}”. Write it with the county: {written}.",
    ),
    "core.no_such_agreement": (
        "{region} har ingen avtale for perioden «{period}». Avtaler: {known}.",
        "{region} has no agreement for the period “{period}”. Agreements: {known}.",
    ),
    "core.invalid_role": (
        "Ukjent rolle «{value}». Velg en av: leser, rapportør, administrator.",
        "Unknown role “{value}”. Choose one of: leser, rapportør, administrator.",
    ),
    "core.weak_password": (
        "Passordet må ha minst {length} tegn.",
        "The password must have at least {length} characters.",
    ),
    "core.user_exists": (
        "Det finnes allerede en bruker «{username}» med det brukernavnet eller den e-posten.",
        "There already is a user “{username}” with that username or e-mail address.",
    ),
    "core.email.invalid": (
        "«{address}» er ikke en gyldig e-postadresse: {problem}",
        "“{address}” is not a valid e-mail address: {problem}",
    ),
    "core.email.several": (
        "«{text}» er flere e-postadresser. Skriv én adresse.",
        "“{text}” is several e-mail addresses. Write one address.",
    ),
    "core.email.no_at": ("den mangler @.", "it has no @."),
    "core.email.no_dot": (
        "delen etter @ mangler punktum (som i navn@kommune.no).",
        "the part after the @ has no full stop (as in name@municipality.no).",
    ),
    "core.email.space": ("den har mellomrom i seg.", "it has a space in it."),
    "core.email.non_ascii": (
        "delen før @ har bokstaver som æ, ø eller å, og slike adresser tar ikke alle e-postservere imot. "
        "Skriv en adresse uten dem.",
        "the part before the @ has letters such as æ, ø or å, which not every mail server takes. "
        "Write an address without them.",
    ),
    "core.email.form": ("formen stemmer ikke ({detail}).", "its form is wrong ({detail})."),
    "core.unknown_user": ("Fant ingen bruker «{username}».", "There is no user “{username}”."),
    "core.database_missing": (
        "Fant ingen database i {path}.",
        "There is no database at {path}.",
    ),
    # Faults of the machine, not the data: core/faults.py
    "core.database_read_only": (
        "Databasen {path} er skrivebeskyttet, så ingenting kan lagres; ingenting er endret. "
        "Gi tjenestekontoen skrivetilgang til filen.",
        "The database {path} is read-only, so nothing can be saved; nothing was changed. "
        "Give the service account write access to the file.",
    ),
    "core.folder_read_only": (
        "Mappen {folder} er skrivebeskyttet, så databasen {path} kan ikke brukes (SQLite lager filene "
        "-wal og -shm ved siden av den); ingenting er endret. Gi tjenestekontoen skrivetilgang til mappen.",
        "The folder {folder} is read-only, so the database {path} cannot be used (SQLite makes its -wal "
        "and -shm files beside it); nothing was changed. Give the service account write access to the folder.",
    ),
    "core.database_is_folder": (
        "{path} er en mappe, ikke en databasefil; ingenting er endret. Oppgi filen, for eksempel {path}/dashboard.db.",
        "{path} is a folder, not a database file; nothing was changed. Name the file, for example {path}/dashboard.db.",
    ),
    "core.disk_full": (
        "Disken er full der {path} ligger; ingenting er endret. Frigjør plass og prøv igjen.",
        "The disk holding {path} is full; nothing was changed. Free some space and try again.",
    ),
    "core.database_corrupt": (
        "Databasen {path} er skadet; ingenting er endret. Gjenopprett den fra en sikkerhetskopi "
        "(python -m loaders restore).",
        "The database {path} is damaged; nothing was changed. Restore it from a backup (python -m loaders restore).",
    ),
    "core.file_unusable": (
        "Kan ikke bruke {path}: {reason}; ingenting er endret.",
        "Cannot use {path}: {reason}; nothing was changed.",
    ),
    # The county and municipality reference files ship with the code (core/reference.py).
    "core.reference_missing": (
        "Fant ikke referansefilen {path} (fylker og kommuner), eller den kan ikke leses. Installer programmet på nytt.",
        "The reference file {path} (counties and municipalities) is missing or cannot be read. "
        "Install the program again.",
    ),
    "core.reference_damaged": (
        "Referansefilen {path} (fylker og kommuner) er skadet på linje {line}. Installer programmet på nytt.",
        "The reference file {path} (counties and municipalities) is damaged at line {line}. Install the program again.",
    ),
    "core.reason.no_access": ("ingen tilgang", "permission denied"),
    "core.reason.read_only_file_system": ("filsystemet er skrivebeskyttet", "the file system is read-only"),
    "core.reason.quota": ("diskkvoten er brukt opp", "the disk quota is used up"),
    "core.reason.is_folder": ("det er en mappe", "it is a folder"),
    "core.reason.not_a_folder": ("en del av stien er ikke en mappe", "a part of the path is not a folder"),
    "core.reason.missing": ("filen eller mappen finnes ikke", "the file or its folder does not exist"),
    "core.reason.too_big": ("filen er større enn systemet tillater", "the file is larger than the system allows"),
    "core.reason.io": ("lese- eller skrivefeil på disken", "a read or write error on the disk"),
    "core.reason.name_too_long": ("navnet er for langt", "the name is too long"),
    "core.reason.exists": ("finnes allerede", "it already exists"),
    "core.reason.no_space": ("disken er full", "the disk is full"),
    "core.reason.unknown": ("uventet feil fra systemet ({code})", "an unexpected error from the system ({code})"),
    "core.backup_exists": (
        "{path} finnes allerede; ingenting er skrevet.",
        "{path} already exists; nothing was written.",
    ),
    "core.backup_over_database": (
        "{path} hører til selve databasen; velg en annen fil for sikkerhetskopien. Ingenting er skrevet.",
        "{path} belongs to the database itself; choose another file for the backup. Nothing was written.",
    ),
    "core.restore_from_database": (
        "{path} er selve databasen; gjenopprett fra en sikkerhetskopi. Ingenting er endret.",
        "{path} is the database itself; restore from a backup. Nothing was changed.",
    ),
    "core.backup_missing": (
        "Fant ingen fil {path}; ingenting er endret.",
        "There is no file {path}; nothing was changed.",
    ),
    "core.not_a_database": (
        "{path} er ikke en SQLite-database; ingenting er endret.",
        "{path} is not an SQLite database; nothing was changed.",
    ),
    "core.database_damaged": (
        "{path} er skadet: SQLite finner feil i den; ingenting er endret.",
        "{path} is damaged: SQLite finds errors in it; nothing was changed.",
    ),
    "core.not_our_database": (
        "{path} er en SQLite-database, men ikke fra Partnerskapsmonitor; ingenting er endret.",
        "{path} is an SQLite database, but not one of Partnerskapsmonitor's; nothing was changed.",
    ),
    "core.newer_database": (
        "{path} har skjemaversjon {schema}, og denne versjonen av Partnerskapsmonitor kjenner bare {known}. "
        "Oppdater programmet først; ingenting er endret.",
        "{path} has schema version {schema}, and this version of Partnerskapsmonitor knows only {known}. "
        "Update the program first; nothing was changed.",
    ),
    "faults.database_missing_hint": (
        "Sjekk DASHBOARD_DB, som sier hvor databasen ligger. Er databasen tapt, kan den gjenopprettes fra "
        "en sikkerhetskopi.",
        "Check DASHBOARD_DB, which says where the database is. If the database is lost, it can be restored "
        "from a backup.",
    ),
    "faults.not_a_database_hint": (
        "Sjekk DASHBOARD_DB: den peker på en annen fil enn databasen.",
        "Check DASHBOARD_DB: it points at another file than the database.",
    ),
    "signin.signing_in": ("Logger inn …", "Signing in …"),
    "signin.busy": (
        "Databasen er opptatt akkurat nå, så du ble ikke logget inn. Prøv igjen om litt.",
        "The database is busy right now, so you were not signed in. Try again in a moment.",
    ),
    "core.sign_in_failed": ("Feil brukernavn eller passord.", "Wrong username or password."),
    "core.sign_in_locked.one": (
        "For mange mislykkede forsøk. Prøv igjen om {count} sekund.",
        "Too many failed attempts. Try again in {count} second.",
    ),
    "core.sign_in_locked.other": (
        "For mange mislykkede forsøk. Prøv igjen om {count} sekunder.",
        "Too many failed attempts. Try again in {count} seconds.",
    ),
    "core.read_only": (
        "{name} har lesetilgang og kan ikke laste opp status. Spør en administrator om tilgang.",
        "{name} may only read and cannot upload status. Ask an administrator for access.",
    ),
    "core.admins_only": (
        "Bare administratorer kan {action}; {name} er ikke administrator.",
        "Only administrators can {action}; {name} is not an administrator.",
    ),
    "core.action.rollback": ("tilbakestille opplastinger", "roll back uploads"),
    "core.action.reading_setting": (
        "endre hvem som kan lese uten å logge inn",
        "change who can read without signing in",
    ),
    "core.action.organisation": ("endre organisasjonen", "change the organisation"),
    "core.action.round_rule": ("endre fristene for rapporteringen", "change the reporting deadlines"),
    "core.action.deadline": ("flytte en frist", "move a deadline"),
    "core.action.reopen": ("åpne et godkjent kvartal igjen", "reopen an approved quarter"),
    "core.outside_scope": (
        "{name} rapporterer bare for {scope}; ingenting er lagret.",
        "{name} reports only for {scope}; nothing was saved.",
    ),
    "core.unknown_upload": ("Fant ingen opplasting med nummer {upload}.", "There is no upload number {upload}."),
    "core.already_rolled_back": (
        "Opplasting {upload} ble allerede tilbakestilt {when} av {who}.",
        "Upload {upload} was already rolled back {when} by {who}.",
    ),
    "core.not_rollbackable": (
        "Opplasting {upload} er en {kind}-import; bare statusopplastinger kan tilbakestilles.",
        "Upload {upload} is a {kind} import; only status uploads can be rolled back.",
    ),
    "core.rollback_conflict": (
        "Opplasting {upload} kan ikke tilbakestilles fordi senere opplastinger ({later}) "
        "har endret de samme rapportene. Tilbakestill dem først.",
        "Upload {upload} cannot be rolled back because later uploads ({later}) "
        "changed the same reports. Roll those back first.",
    ),
    # Results of saving and rolling back (the command line prints them, the pages show them)
    "core.result.dry_run": (
        "Prøvekjøring – ingenting er lagret: {added} lagt til, {changed} endret, {unchanged} uendret.",
        "Dry run – nothing was saved: {added} new, {changed} changed, {unchanged} unchanged.",
    ),
    "core.result.nothing": (
        "Ingenting å endre: {added} lagt til, {changed} endret, {unchanged} uendret.",
        "Nothing to change: {added} new, {changed} changed, {unchanged} unchanged.",
    ),
    "core.result.not_updated.one": (
        "{count} rad er ikke oppdatert og ble ikke lagret: den gjentar bare forrige rapport.",
        "{count} row is not updated and was not saved: it only repeats the previous report.",
    ),
    "core.result.not_updated.other": (
        "{count} rader er ikke oppdatert og ble ikke lagret: de gjentar bare forrige rapport.",
        "{count} rows are not updated and were not saved: they only repeat the previous report.",
    ),
    "core.result.not_updated_dry_run.one": (
        "{count} rad er ikke oppdatert: den gjentar bare forrige rapport og blir ikke lagret.",
        "{count} row is not updated: it only repeats the previous report and will not be saved.",
    ),
    "core.result.not_updated_dry_run.other": (
        "{count} rader er ikke oppdatert: de gjentar bare forrige rapport og blir ikke lagret.",
        "{count} rows are not updated: they only repeat the previous report and will not be saved.",
    ),
    "core.result.only_not_updated.one": (
        "Ingenting er lagret: filens {count} rad er ikke oppdatert, den gjentar bare forrige rapport.",
        "Nothing was saved: the file's {count} row is not updated, it only repeats the previous report.",
    ),
    "core.result.only_not_updated.other": (
        "Ingenting er lagret: ingen av de {count} radene i filen er oppdatert, de gjentar bare forrige rapport.",
        "Nothing was saved: none of the {count} rows in the file is updated, they only repeat the previous report.",
    ),
    "core.result.only_not_updated_dry_run.one": (
        "Prøvekjøring: filens {count} rad er ikke oppdatert, den gjentar bare forrige rapport. "
        "Ingenting ville bli lagret.",
        "Dry run: the file's {count} row is not updated, it only repeats the previous report. Nothing would be saved.",
    ),
    "core.result.only_not_updated_dry_run.other": (
        "Prøvekjøring: ingen av de {count} radene i filen er oppdatert, de gjentar bare forrige rapport. "
        "Ingenting ville bli lagret.",
        "Dry run: none of the {count} rows in the file is updated, they only repeat the previous report. "
        "Nothing would be saved.",
    ),
    "core.result.rolled_back": (
        "Opplasting {upload} er tilbakestilt: {restored} rapporter fikk tilbake tidligere verdier, "
        "{removed} rapporter ble fjernet.",
        "Upload {upload} is rolled back: {restored} reports got their earlier values back, "
        "{removed} reports were removed.",
    ),
    # Reminders by e-mail: outputs/mail.py (the e-mail's own texts are bokmål)
    "core.action.send_reminders": ("sende påminnelser", "send reminders"),
    "outputs.mail.no_file": (
        "E-post er ikke satt opp: fant ikke {file}. Kopier .streamlit/secrets.toml.example dit og fyll ut [smtp].",
        "E-mail is not set up: there is no {file}. Copy .streamlit/secrets.toml.example there and fill in [smtp].",
    ),
    "outputs.mail.no_section": (
        "E-post er ikke satt opp: {file} har ingen [smtp]-del. Se .streamlit/secrets.toml.example.",
        "E-mail is not set up: {file} has no [smtp] section. See .streamlit/secrets.toml.example.",
    ),
    "outputs.mail.bad_file": (
        "{file} kan ikke leses som TOML: {reason}.",
        "{file} cannot be read as TOML: {reason}.",
    ),
    "outputs.mail.bad_counties": (
        '{file}: [smtp.counties] skal ha én del per fylkeskommune, som [smtp.counties."32"] med host og sender.',
        '{file}: [smtp.counties] must have one section per county, such as [smtp.counties."32"] with host and sender.',
    ),
    "outputs.mail.missing": ("{file}, {section}: {name} mangler.", "{file}, {section}: {name} is missing."),
    "outputs.mail.not_text": (
        "{file}, {section}: {name} må være tekst i anførselstegn.",
        "{file}, {section}: {name} must be text in quotes.",
    ),
    "outputs.mail.bad_security": (
        "{file}, {section}: {name} = «{value}» er ukjent. Velg en av: {choices}.",
        "{file}, {section}: {name} = “{value}” is unknown. Choose one of: {choices}.",
    ),
    "outputs.mail.bad_port": (
        "{file}, {section}: {name} = «{value}» er ikke et portnummer (1–65535).",
        "{file}, {section}: {name} = “{value}” is not a port number (1–65535).",
    ),
    "outputs.mail.bad_timeout": (
        "{file}, {section}: {name} = «{value}» må være et antall sekunder over 0 og høyst 600.",
        "{file}, {section}: {name} = “{value}” must be a number of seconds above 0 and at most 600.",
    ),
    "outputs.mail.login_half": (
        "{file}, {section}: {name} mangler; username og password oppgis sammen, eller ingen av dem.",
        "{file}, {section}: {name} is missing; username and password go together, or neither.",
    ),
    "outputs.mail.bad_address": (
        "{file}, {section}: {name} = «{value}» er ikke én e-postadresse. "
        "Skriv for eksempel «Akershus fylkeskommune <partnerskap@afk.no>».",
        "{file}, {section}: {name} = “{value}” is not one e-mail address. "
        "Write for example “Akershus fylkeskommune <partnerskap@afk.no>”.",
    ),
    "outputs.mail.bad_toml": (
        "{file}, linje {line}, kolonne {column}: {problem}",
        "{file}, line {line}, column {column}: {problem}",
    ),
    "outputs.mail.toml.quotes": (
        'tekst må stå i anførselstegn, for eksempel host = "smtp.office365.com".',
        'text must be in quotes, for example host = "smtp.office365.com".',
    ),
    "outputs.mail.toml.backslash": (
        "en omvendt skråstrek (\\) i tekst i doble anførselstegn. "
        "Bruk enkle anførselstegn rundt verdien, for eksempel password = '…'.",
        "a backslash (\\) in text in double quotes. Use single quotes around the value, for example password = '…'.",
    ),
    "outputs.mail.toml.twice": (
        "en del står to ganger i filen; slå dem sammen til én.",
        "a section is in the file twice; merge them into one.",
    ),
    "outputs.mail.toml.unknown": (
        "filen kan ikke leses som TOML ({detail}).",
        "the file cannot be read as TOML ({detail}).",
    ),
    "outputs.mail.bad_county_key": (
        '{file}: [smtp.counties."{county}"] leses ikke: en fylkeskommune oppgis med fylkesnummeret, '
        'for eksempel [smtp.counties."32"] for Akershus.',
        '{file}: [smtp.counties."{county}"] is not read: a county is given by its county number, '
        'for example [smtp.counties."32"] for Akershus.',
    ),
    "outputs.mail.unknown_key": (
        "{file}, {section}: {name} leses ikke. Innstillingene heter {known}; "
        'fylkesvise innstillinger står under [smtp.counties."32"].',
        "{file}, {section}: {name} is not read. The settings are called {known}; "
        'a county\'s own settings go under [smtp.counties."32"].',
    ),
    "outputs.mail.no_cafile": (
        "{file}, {section}: {name} = «{value}» finnes ikke. Oppgi filen med fylkets CA-sertifikat.",
        "{file}, {section}: {name} = “{value}” does not exist. Give the file with the county's CA certificate.",
    ),
    "outputs.mail.hinted": ("{message} {hint}", "{message} {hint}"),
    "outputs.mail.hint.ssl_port": (
        'Serveren krypterte ikke fra første stund: port {port} bruker vanligvis security = "starttls"; '
        '"ssl" hører til port 465.',
        'The server did not encrypt from the start: port {port} usually takes security = "starttls"; '
        '"ssl" belongs to port 465.',
    ),
    "outputs.mail.hint.starttls_port": (
        'Port 465 bruker vanligvis security = "ssl" (kryptert fra første stund); '
        '"{security}" hører til port 587 eller 25.',
        'Port 465 usually takes security = "ssl" (encrypted from the start); "{security}" belongs to port 587 or 25.',
    ),
    "outputs.mail.hint.certificate": (
        "Sertifikatet til {host} er ikke utstedt av en kjent utsteder (selvsignert eller fylkets egen CA), "
        "eller gjelder et annet navn. Oppgi fylkets CA-fil som cafile under [smtp].",
        "The certificate of {host} is not issued by a known authority (self-signed or the county's own CA), "
        "or is for another name. Give the county's CA file as cafile under [smtp].",
    ),
    "outputs.mail.hint.no_starttls": (
        'Serveren tilbyr ikke STARTTLS. security = "none" er bare for en intern relé.',
        'The server does not offer STARTTLS. security = "none" is for an internal relay only.',
    ),
    "outputs.mail.hint.no_host": (
        "Fant ikke vertsnavnet {host}: sjekk host under [smtp].",
        "The host name {host} was not found: check host under [smtp].",
    ),
    "outputs.mail.hint.refused": (
        "Ingen tar imot på port {port}: sjekk port, eller om serveren er nede.",
        "Nothing takes connections on port {port}: check the port, or whether the server is down.",
    ),
    "outputs.mail.hint.timeout": (
        "Fikk ikke svar innen {seconds} sekunder (blokkert av brannmur?).",
        "No answer within {seconds} seconds (blocked by a firewall?).",
    ),
    "outputs.mail.hint.general": (
        "Sjekk host, port og security under [smtp].",
        "Check host, port and security under [smtp].",
    ),
    "outputs.mail.hint.no_auth": (
        "Serveren tilbyr ikke innlogging (AUTH); for en intern relé skal username og password stå tomme.",
        "The server does not offer a login (AUTH); for an internal relay, leave username and password empty.",
    ),
    "outputs.mail.hint.m365": (
        "SMTP AUTH er slått av for kontoen eller tenanten i Microsoft 365: fylkets M365-administrator må slå på "
        "«Authenticated SMTP», eller bruk fylkets interne e-postrelé.",
        "SMTP AUTH is turned off for the mailbox or the tenant in Microsoft 365: the county's M365 administrator "
        "must turn on “Authenticated SMTP”, or use the county's internal mail relay.",
    ),
    "outputs.mail.hint.app_password": (
        "Gmail tar ikke imot kontoens vanlige passord her: lag et app-passord og bruk det som password.",
        "Gmail does not take the account's own password here: create an app password and use it as password.",
    ),
    "outputs.mail.hint.login": (
        "Sjekk username og password under [smtp]. Innloggingen prøves én gang per kjøring.",
        "Check username and password under [smtp]. The login is tried once per run.",
    ),
    "outputs.mail.hint.login_needed": (
        "Serveren krever innlogging: fyll inn username og password under [smtp].",
        "The server requires a login: fill in username and password under [smtp].",
    ),
    "outputs.mail.unreachable": (
        "Fikk ikke kontakt med e-postserveren {host}:{port}: {reason}.",
        "Could not reach the mail server {host}:{port}: {reason}.",
    ),
    "outputs.mail.login_refused": (
        "E-postserveren {host} avviste innloggingen som {username}: {answer}.",
        "The mail server {host} refused the login as {username}: {answer}.",
    ),
    "outputs.mail.recipient_refused": (
        "E-postserveren {host} avviste mottakeren: {answers}.",
        "The mail server {host} refused the recipient: {answers}.",
    ),
    "outputs.mail.unmade": (
        "E-posten til {region} kunne ikke lages: {reason}.",
        "The e-mail to {region} could not be made: {reason}.",
    ),
    "outputs.mail.refused": (
        "E-postserveren {host} avviste e-posten: {answer}.",
        "The mail server {host} refused the e-mail: {answer}.",
    ),
    # The e-mail itself (rendered "nb"): {quarter} "3. kv. 2026", {deadline} "30.10.2026".
    "outputs.mail.subject.before": (
        "Påminnelse: statusrapport fra {region} for {quarter}, frist {deadline}",
        "Reminder: status report from {region} for {quarter}, due {deadline}",
    ),
    "outputs.mail.subject.after": (
        "Purring: statusrapport fra {region} for {quarter}, fristen var {deadline}",
        "Overdue: status report from {region} for {quarter}, the deadline was {deadline}",
    ),
    "outputs.mail.greeting": ("Hei,", "Hello,"),
    "outputs.mail.before": (
        "{county} har ennå ikke fått statusrapporten fra {region} for {quarter}. Fristen er {deadline}.",
        "{county} has not yet received the status report from {region} for {quarter}. The deadline is {deadline}.",
    ),
    "outputs.mail.after": (
        "{county} har ikke fått statusrapporten fra {region} for {quarter}. Fristen var {deadline} og er "
        "passert; vi ber dere levere rapporten så snart som mulig.",
        "{county} has not received the status report from {region} for {quarter}. The deadline was {deadline} "
        "and has passed; please deliver the report as soon as you can.",
    ),
    "outputs.mail.scope.one": (
        "Rapporten gjelder {count} tiltak i partnerskapsavtalen.",
        "The report covers {count} commitment of the partnership agreement.",
    ),
    "outputs.mail.scope.other": (
        "Rapporten gjelder {count} tiltak i partnerskapsavtalen.",
        "The report covers {count} commitments of the partnership agreement.",
    ),
    "outputs.mail.how": (
        "Slik leverer dere: logg inn i Partnerskapsmonitor og gå til Last opp. Der laster dere ned malen "
        "for regionen og kvartalet, fyller den ut og laster den opp, eller fyller ut skjemaet rett i nettleseren.",
        "How to deliver: sign in to the Partnership monitor and go to Upload. There you download the template "
        "for the region and quarter, fill it in and upload it, or fill in the form in the browser.",
    ),
    "outputs.mail.link": ("Last opp: {url}", "Upload: {url}"),
    "outputs.mail.answer": (
        "Spørsmål? Svar på denne e-posten, så kommer svaret til {address}.",
        "Questions? Reply to this e-mail and the answer goes to {address}.",
    ),
    "outputs.mail.closing": ("Med vennlig hilsen\n{county}", "Kind regards\n{county}"),
    "outputs.mail.automatic": (
        "Denne påminnelsen er sendt fra Partnerskapsmonitor.",
        "This reminder was sent from the Partnership monitor.",
    ),
    # The Rapportering page's reminders (views/_reminders.py), for administrators
    "reminders.heading": ("Påminnelser", "Reminders"),
    "reminders.intro": (
        "Regionene som ikke har levert for {quarter}, kan få en påminnelse på e-post nå, til kontaktpersonen "
        "og rapportørene sine. Påminnelsene går også av seg selv før og etter fristen.",
        "The regions that have not delivered for {quarter} can get a reminder by e-mail now, to their contact "
        "and their reporters. Reminders also go out by themselves before and after the deadline.",
    ),
    "reminders.none_due": (
        "Alle regionene har levert for {quarter}; ingen trenger en påminnelse.",
        "Every region has delivered for {quarter}; none needs a reminder.",
    ),
    "reminders.due_caption": ("Påminnelser som sendes nå", "Reminders to send now"),
    "reminders.col.region": ("Region", "Region"),
    "reminders.col.recipients": ("Mottakere", "Recipients"),
    "reminders.col.when": ("Tidspunkt", "When"),
    "reminders.col.kind": ("Hva", "What"),
    "reminders.col.outcome": ("Utfall", "Outcome"),
    "reminders.col.error": ("Svar fra e-postserveren", "The mail server's answer"),
    "reminders.col.sent_by": ("Sendt av", "Sent by"),
    "reminders.col.last": ("Sist påminnet", "Last reminded"),
    "reminders.last": ("{when} ({kind})", "{when} ({kind})"),
    "reminders.never": ("Ikke påminnet ennå", "Not reminded yet"),
    "reminders.last_kind.before": ("før fristen", "before the deadline"),
    "reminders.last_kind.after": ("purring", "after the deadline"),
    "reminders.last_kind.manual": ("manuell", "manual"),
    "reminders.no_address": (
        "Ingen e-postadresse: legg inn en kontaktperson for regionen (Organisasjon) eller e-post på rapportøren.",
        "No e-mail address: add a contact for the region (Organisation) or an e-mail address for its reporter.",
    ),
    "reminders.confirm.one": (
        "Ja, send en påminnelse på e-post til {count} region nå",
        "Yes, send a reminder by e-mail to {count} region now",
    ),
    "reminders.confirm.other": (
        "Ja, send en påminnelse på e-post til {count} regioner nå",
        "Yes, send a reminder by e-mail to {count} regions now",
    ),
    "reminders.confirm_recent.one": (
        "Ja, send en påminnelse på e-post til {count} region nå, selv om {regions} fikk en for mindre enn et "
        "døgn siden",
        "Yes, send a reminder by e-mail to {count} region now, although {regions} got one less than a day ago",
    ),
    "reminders.confirm_recent.other": (
        "Ja, send en påminnelse på e-post til {count} regioner nå, selv om {regions} fikk en for mindre enn et "
        "døgn siden",
        "Yes, send a reminder by e-mail to {count} regions now, although {regions} got one less than a day ago",
    ),
    "reminders.send.one": ("Send påminnelse til {count} region", "Send a reminder to {count} region"),
    "reminders.send.other": ("Send påminnelse til {count} regioner", "Send a reminder to {count} regions"),
    "reminders.done.one": (
        "Påminnelser: {sent} av {count} sendt, {failed} feilet, {empty} uten mottakere.",
        "Reminders: {sent} of {count} sent, {failed} failed, {empty} without recipients.",
    ),
    "reminders.done.other": (
        "Påminnelser: {sent} av {count} sendt, {failed} feilet, {empty} uten mottakere.",
        "Reminders: {sent} of {count} sent, {failed} failed, {empty} without recipients.",
    ),
    "reminders.result_caption": ("Resultat av utsendingen", "What became of the reminders just sent"),
    "reminders.not_configured": (
        "Påminnelser kan ikke sendes herfra før e-post er satt opp. {reason} Den som drifter dashbordet "
        "legger e-postserveren inn i [smtp]-delen av secrets.toml (se README: Reminders by e-mail).",
        "Reminders cannot be sent from here until e-mail is set up. {reason} Whoever runs the dashboard adds "
        "the mail server to the [smtp] section of secrets.toml (see the README: Reminders by e-mail).",
    ),
    "reminders.log_heading": ("Sendte påminnelser for {quarter}", "Reminders sent for {quarter}"),
    "reminders.log_empty": (
        "Ingen påminnelser er sendt for {quarter} ennå.",
        "No reminders have been sent for {quarter} yet.",
    ),
    "reminders.kind.before": ("Før fristen", "Before the deadline"),
    "reminders.kind.after": ("Purring etter fristen", "After the deadline"),
    "reminders.kind.manual": ("Sendt fra Rapportering", "Sent from the Reporting page"),
    "reminders.outcome.sent": ("✓ Sendt", "✓ Sent"),
    "reminders.outcome.failed": ("✗ Feilet", "✗ Failed"),
    "reminders.outcome.no_recipients": ("⚠ Ingen mottakere", "⚠ No recipients"),
    # Errors from outputs
    "outputs.no_commitments": (
        "{region} har ingen avtale med aktive tiltak for {quarter}.",
        "{region} has no agreement with active commitments for {quarter}.",
    ),
    "outputs.unsupported_export": (
        "Kan ikke eksportere «{what}». Velg en av: {choices}.",
        "Cannot export “{what}”. Choose one of: {choices}.",
    ),
    "outputs.unsupported_format": (
        "Kan ikke eksportere til formatet «{format}». Velg en av: {choices}.",
        "Cannot export to the format “{format}”. Choose one of: {choices}.",
    ),
    "outputs.chromium_missing": (
        "Finner ikke Chromium ({browser}), som PDF-rapporten trenger for å tegne figurene. "
        "Installer den med «bash scripts/ensure-chromium», eller sett BROWSER_PATH til en Chromium som finnes.",
        "Chromium ({browser}) is missing; the PDF report needs it to draw the charts. "
        "Install it with “bash scripts/ensure-chromium”, or set BROWSER_PATH to a Chromium that exists.",
    ),
    "outputs.charts_failed.timeout.one": (
        "Figurene til PDF-rapporten kunne ikke tegnes: Chromium brukte mer enn {count} sekund. {hint}",
        "The charts for the PDF report could not be drawn: Chromium took more than {count} second. {hint}",
    ),
    "outputs.charts_failed.timeout.other": (
        "Figurene til PDF-rapporten kunne ikke tegnes: Chromium brukte mer enn {count} sekunder. {hint}",
        "The charts for the PDF report could not be drawn: Chromium took more than {count} seconds. {hint}",
    ),
    "outputs.charts_failed.stopped": (
        "Figurene til PDF-rapporten kunne ikke tegnes: "
        "Chromium ({browser}) startet ikke eller stoppet underveis. {hint}",
        "The charts for the PDF report could not be drawn: "
        "Chromium ({browser}) did not start or stopped midway. {hint}",
    ),
    "outputs.charts_failed.error": (
        "Figurene til PDF-rapporten kunne ikke tegnes: Chromium meldte en feil ({error}). {hint}",
        "The charts for the PDF report could not be drawn: Chromium reported an error ({error}). {hint}",
    ),
    "outputs.charts_failed.plotly_missing": (
        "Figurene til PDF-rapporten kunne ikke tegnes: {path} mangler. "
        "Be den som drifter dashbordet, installere pakkene på nytt (se README).",
        "The charts for the PDF report could not be drawn: {path} is missing. "
        "Ask whoever runs the dashboard to reinstall the packages (see the README).",
    ),
    "outputs.charts_failed.hint": (
        "Prøv igjen; hjelper ikke det, last ned Excel-rapporten i stedet og meld fra til den som drifter dashbordet.",
        "Try again; if that does not help, download the Excel report instead and tell whoever runs the dashboard.",
    ),
    # Files: the export, tables for people
    "outputs.export.sheet.status": ("Status", "Status"),
    "outputs.export.sheet.commitments": ("Tiltak", "Commitments"),
    "outputs.created": ("{note} · laget {made}", "{note} · created {made}"),
    "outputs.sheet": ("Ark", "Sheet"),
    "outputs.table": ("tabell", "table"),
    # The status workbook template (a Norwegian document: rendered "nb")
    "outputs.template.sheet": ("Status", "Status"),
    "outputs.template.guide_sheet": ("Veiledning", "Guide"),
    # The catalogue workbook of an agreement (outputs/catalogue.py): each header is one loaders/catalogue.py reads.
    # The organisation workbook: outputs/organisation.py writes it, loaders/organisation.py reads it.
    "outputs.organisation.sheet.counties": ("Fylkeskommuner", "Counties"),
    "outputs.organisation.sheet.units": ("Enheter", "Units"),
    "outputs.organisation.sheet.regions": ("Regioner", "Regions"),
    "outputs.organisation.sheet.members": ("Medlemmer", "Members"),
    "outputs.organisation.sheet.status_words": ("Statusord", "Status words"),
    "outputs.organisation.col.counties.name": ("Navn", "Name"),
    "outputs.organisation.col.counties.number": ("Nummer", "Number"),
    "outputs.organisation.col.counties.valid_from": ("Gyldig fra", "Valid from"),
    "outputs.organisation.col.counties.valid_to": ("Gyldig til", "Valid to"),
    "outputs.organisation.col.counties.predecessors": ("Etterfølger av", "Succeeds"),
    "outputs.organisation.col.units.county": ("Fylkeskommune", "County"),
    "outputs.organisation.col.units.unit": ("Enhet", "Unit"),
    "outputs.organisation.col.regions.region": ("Region", "Region"),
    "outputs.organisation.col.regions.short_name": ("Kortnavn", "Short name"),
    "outputs.organisation.col.regions.county": ("Fylkeskommune", "County"),
    "outputs.organisation.col.regions.valid_from": ("Fra", "From"),
    "outputs.organisation.col.regions.former_names": ("Tidligere navn", "Former names"),
    "outputs.organisation.col.regions.contact_name": ("Kontaktperson", "Contact"),
    "outputs.organisation.col.regions.contact_email": ("E-post", "E-mail"),
    "outputs.organisation.col.regions.contact_phone": ("Telefon", "Phone"),
    "outputs.organisation.col.members.region": ("Region", "Region"),
    "outputs.organisation.col.members.number": ("Kommunenummer", "Municipality number"),
    "outputs.organisation.col.members.municipality": ("Kommune", "Municipality"),
    "outputs.organisation.col.members.valid_from": ("Fra", "From"),
    "outputs.organisation.col.members.valid_to": ("Til", "To"),
    "outputs.organisation.col.status_words.county": ("Fylkeskommune", "County"),
    "outputs.organisation.col.status_words.word": ("Ord", "Word"),
    "outputs.organisation.col.status_words.status": ("Status", "Status"),
    "outputs.organisation.former_name": ("{name} (til {date})", "{name} (until {date})"),
    "outputs.organisation.note": (
        "Last opp filen på siden {page} etter å ha endret den. Et ark som mangler, endrer ingenting; "
        "det et ark nevner, settes slik arket sier.",
        "Upload the file on the page {page} after changing it. A sheet left out changes nothing; what a "
        "sheet names is set as the sheet says.",
    ),
    "outputs.catalogue.sheet": ("Tiltak", "Commitments"),
    "outputs.catalogue.title": ("Tiltakskatalog", "Commitment catalogue"),
    "outputs.catalogue.note": (
        "{agreements}. Rett i arket og last det opp igjen på siden {page}, én region om gangen; "
        "tiltak som mangler i arket, utgår der (historikken deres beholdes).",
        "{agreements}. Edit the sheet and load it back on the page {page}, one region at a time; "
        "commitments left out of the sheet are retired there (their history is kept).",
    ),
    "outputs.catalogue.col.region": ("Region", "Region"),
    "outputs.catalogue.col.period": ("Periode", "Period"),
    "outputs.catalogue.col.title": ("Avtaletittel", "Agreement title"),
    "outputs.catalogue.col.focus_area": ("Innsatsområde", "Focus area"),
    "outputs.catalogue.col.hashtag": ("Emneknagg", "Hashtag"),
    "outputs.catalogue.col.focus_area_sdgs": ("Innsatsområdets bærekraftsmål", "Focus area SDGs"),
    "outputs.catalogue.col.code": ("Nr", "Code"),
    "outputs.catalogue.col.text": ("Tiltak", "Commitment"),
    "outputs.catalogue.col.council_area": ("Rådsområde", "Council area"),
    "outputs.catalogue.col.sdgs": ("Bærekraftsmål", "SDGs"),
    "outputs.catalogue.col.deadline": ("Frist", "Deadline"),
    "outputs.catalogue.col.amount": ("Midler (kr)", "Amount (NOK)"),
    "outputs.template.col.region": ("Region", "Region"),
    "outputs.template.col.code": ("Nr", "Code"),
    "outputs.template.col.text": ("Tiltak", "Commitment"),
    "outputs.template.col.focus_area": ("Innsatsområde", "Focus area"),
    "outputs.template.col.quarter": ("Kvartal", "Quarter"),
    "outputs.template.col.status": ("Status", "Status"),
    "outputs.template.col.progress": ("Fremdrift (%)", "Progress (%)"),
    "outputs.template.col.comment": ("Kommentar", "Comment"),
    "outputs.template.col.next_step": ("Neste steg", "Next steps"),
    "outputs.template.col.owner": ("Ansvarlig", "Owner"),
    "outputs.template.col.previous_quarter": ("Forrige kvartal (kun til info)", "Previous quarter (for information)"),
    "outputs.template.col.previous_status": ("Forrige status (kun til info)", "Previous status (for information)"),
    "outputs.template.col.previous_progress": (
        "Forrige fremdrift (kun til info)",
        "Previous progress (for information)",
    ),
    "outputs.template.title": ("Statusrapport – {region} – {quarter}", "Status report – {region} – {quarter}"),
    "outputs.template.note": (
        "Fyll ut de gule kolonnene for hvert tiltak. Ikke endre Region, Nr eller Kvartal. Se arket «Veiledning».",
        "Fill in the yellow columns for every commitment. Do not change Region, Nr or Kvartal. "
        "See the sheet “Veiledning”.",
    ),
    "outputs.template.status_title": ("Status", "Status"),
    "outputs.template.status_input": ("Velg fra listen: {statuses}.", "Choose from the list: {statuses}."),
    "outputs.template.status_error_title": ("Ugyldig status", "Invalid status"),
    "outputs.template.status_error": ("Status må være en av: {statuses}.", "Status must be one of: {statuses}."),
    "outputs.template.progress_title": ("Fremdrift i prosent", "Progress in per cent"),
    "outputs.template.progress_input": (
        "Skriv et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn).",
        "Write a whole number from 0 to 100, for example 45 (without a % sign).",
    ),
    "outputs.template.progress_error_title": ("Ugyldig fremdrift", "Invalid progress"),
    "outputs.template.progress_error": (
        "Fremdrift må være et helt tall fra 0 til 100, for eksempel 45.",
        "Progress must be a whole number from 0 to 100, for example 45.",
    ),
    "outputs.template.guide.heading": ("Slik fyller du ut statusrapporten", "How to fill in the status report"),
    "outputs.template.guide.file": (
        "Denne filen gjelder {region} for {quarter}. "
        "Én fil gjelder ett kvartal: for et annet kvartal må du laste ned en ny mal.",
        "This file is for {region} for {quarter}. "
        "One file is for one quarter: for another quarter, download a new template.",
    ),
    "outputs.template.guide.sheet": (
        "Arket «Status» har én rad per tiltak i partnerskapsavtalen. Fyll ut de gule kolonnene for hvert tiltak.",
        "The sheet “Status” has one row per commitment in the partnership agreement. "
        "Fill in the yellow columns for every commitment.",
    ),
    "outputs.template.guide.columns": ("Kolonnene", "The columns"),
    "outputs.template.guide.region": (
        "Region: regionrådet rapporten gjelder. Ikke endre.",
        "Region: the regional council the report is for. Do not change.",
    ),
    "outputs.template.guide.code": (
        "Nr: tiltakets nummer i avtalen, for eksempel 1.10 eller 2.1.A. Ikke endre, "
        "ellers kan ikke raden kobles til tiltaket.",
        "Nr: the commitment's number in the agreement, for example 1.10 or 2.1.A. Do not change it, "
        "or the row cannot be matched to the commitment.",
    ),
    "outputs.template.guide.text": (
        "Tiltak og Innsatsområde: hva tiltaket går ut på. Bare til informasjon.",
        "Tiltak and Innsatsområde: what the commitment is about. For information only.",
    ),
    "outputs.template.guide.quarter": (
        "Kvartal: kvartalet rapporten gjelder, {quarter}. Ikke endre.",
        "Kvartal: the quarter the report is for, {quarter}. Do not change.",
    ),
    "outputs.template.guide.status": (
        "Status: velg fra listen: {statuses}. Må fylles ut for hvert tiltak.",
        "Status: choose from the list: {statuses}. Must be filled in for every commitment.",
    ),
    "outputs.template.guide.progress": (
        "Fremdrift (%): hvor langt tiltaket har kommet, som et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn).",
        "Fremdrift (%): how far the commitment has come, as a whole number from 0 to 100, for example 45 "
        "(without a % sign).",
    ),
    "outputs.template.guide.comment": (
        "Kommentar: kort om hva som er gjort i kvartalet.",
        "Kommentar: briefly what was done in the quarter.",
    ),
    "outputs.template.guide.next_step": (
        "Neste steg: hva som skal skje fram til neste rapport.",
        "Neste steg: what is to happen until the next report.",
    ),
    "outputs.template.guide.owner": (
        "Ansvarlig: hvem som følger opp tiltaket.",
        "Ansvarlig: who follows the commitment up.",
    ),
    "outputs.template.guide.info": (
        "Kolonnene merket «kun til info» viser forrige rapport. De blir ikke lest inn.",
        "The columns marked “kun til info” show the previous report. They are not loaded.",
    ),
    "outputs.template.guide.prefilled_heading": ("Forhåndsutfylt", "Pre-filled"),
    "outputs.template.guide.prefilled": (
        "Status, Fremdrift og Ansvarlig er fylt ut fra forrige rapport. Oppdater dem, og skriv en kommentar. "
        "En rad som står helt som i forrige rapport, regnes som ikke oppdatert: den blir bare lagret hvis du "
        "bekrefter det når du laster opp. Er det allerede rapportert for kvartalet, står det som ble rapportert.",
        "Status, Fremdrift and Ansvarlig are filled in from the previous report. Update them and write a comment. "
        "A row left exactly as in the previous report counts as not updated: it is saved only if you confirm so "
        "when you upload. If the quarter has been reported already, what was reported is filled in.",
    ),
    "outputs.template.guide.done_heading": ("Når du er ferdig", "When you are done"),
    "outputs.template.guide.no_new": (
        "Ikke legg til nye tiltak, og ikke endre Region, Nr eller Kvartal.",
        "Do not add new commitments, and do not change Region, Nr or Kvartal.",
    ),
    "outputs.template.guide.save_as": (
        "Lagre som Excel-arbeidsbok (.xlsx), ikke som .xls, .csv eller med makroer (.xlsm).",
        "Save as an Excel workbook (.xlsx), not as .xls, .csv or with macros (.xlsm).",
    ),
    # Charts
    "outputs.chart.no_data": ("Ingen data for dette utvalget", "No data for this selection"),
    "outputs.chart.share_of_commitments": ("Andel tiltak", "Share of commitments"),
    "outputs.chart.share_of_reported": ("Andel av rapporterte tiltak", "Share of reported commitments"),
    "outputs.chart.reported_of": ("{part} av {whole} rapportert", "{part} of {whole} reported"),
    "outputs.chart.number_of_commitments": ("Antall tiltak", "Number of commitments"),
    "outputs.chart.col.commitments": ("Antall tiltak", "Commitments"),
    "outputs.chart.col.sdg": ("Bærekraftsmål", "SDG"),
    "outputs.chart.no_commitments": ("Ingen tiltak", "No commitments"),
    "outputs.chart.commitments.one": ("{count} tiltak", "{count} commitment"),
    "outputs.chart.commitments.other": ("{count} tiltak", "{count} commitments"),
    "outputs.chart.of": ("{part} av {whole}", "{part} of {whole}"),
    "outputs.chart.group.group": ("gruppe", "group"),
    "outputs.chart.group.region": ("region", "region"),
    "outputs.chart.group.council_area": ("rådsområde", "council area"),
    "outputs.chart.group.focus_area": ("innsatsområde", "focus area"),
    "outputs.chart.without": ("Uten {group}", "No {group}"),
    "outputs.chart.status_over_time": ("Status per kvartal", "Status by quarter"),
    "outputs.chart.status_over_time.on_track.one": (
        "{share} av {count} rapportert tiltak i rute",
        "{share} of {count} reported commitment was on track",
    ),
    "outputs.chart.status_over_time.on_track.other": (
        "{share} av {count} rapporterte tiltak i rute",
        "{share} of {count} reported commitments were on track",
    ),
    "outputs.chart.status_over_time.delayed": ("{share} forsinket", "{share} delayed"),
    "outputs.chart.status_over_time.completed": ("{share} fullført", "{share} completed"),
    "outputs.chart.status_over_time.not_reported": (
        "{count} av {total} tiltak ikke rapportert",
        "{count} of {total} commitments not reported",
    ),
    "outputs.chart.status_over_time.summary": ("I {quarter} var {parts}.", "In {quarter}, {parts}."),
    "outputs.chart.status_breakdown": ("Status per {group}", "Status by {group}"),
    "outputs.chart.status_breakdown.none_delayed": ("Ingen tiltak er forsinket.", "No commitments are delayed."),
    "outputs.chart.status_breakdown.summary": (
        "«{group}» har høyest andel forsinkede tiltak: {delayed} av {total} ({share}).",
        "“{group}” has the highest share of delayed commitments: {delayed} of {total} ({share}).",
    ),
    "outputs.chart.heatmap": (
        "Andel i rute eller fullført per region og rådsområde",
        "Share on track or completed by region and council area",
    ),
    "outputs.chart.heatmap.summary": (
        "Lavest andel i rute eller fullført har «{region}» innen «{area}»: {of} ({share}). "
        "Samlet er {overall} av de {reported} rapporterte tiltakene i rute eller fullført; "
        "{missing} er ikke rapportert, og celler uten rapporter er grå med «–».",
        "The lowest share on track or completed is “{region}” in “{area}”: {of} ({share}). "
        "Overall, {overall} of the {reported} reported commitments are on track or completed; "
        "{missing} are not reported, and cells without reports are grey with “–”.",
    ),
    "outputs.chart.heatmap.none": (
        "Ingen tiltak er rapportert for kvartalet: alle cellene er grå med «–».",
        "No commitment is reported for the quarter: every cell is grey with “–”.",
    ),
    "outputs.chart.heatmap.cell": ("I rute eller fullført: {of} ({share})", "On track or completed: {of} ({share})"),
    "outputs.chart.heatmap.missing": ("{count} ikke rapportert", "{count} not reported"),
    "outputs.chart.heatmap.none_reported": ("Ikke rapportert: {commitments}", "Not reported: {commitments}"),
    "outputs.chart.progress_by_group": ("Gjennomsnittlig fremdrift per {group}", "Average progress by {group}"),
    "outputs.chart.progress_by_group.none": (
        "Ingen fremdrift er rapportert for disse tiltakene.",
        "No progress has been reported for these commitments.",
    ),
    "outputs.chart.progress_by_group.one": (
        "Gjennomsnittlig fremdrift for «{label}» er {value}.",
        "Average progress for “{label}” is {value}.",
    ),
    "outputs.chart.progress_by_group.summary": (
        "Gjennomsnittlig fremdrift er høyest for «{high}» ({high_value}) og lavest for «{low}» ({low_value}).",
        "Average progress is highest for “{high}” ({high_value}) and lowest for “{low}” ({low_value}).",
    ),
    "outputs.chart.progress_line": ("Fremdrift over tid", "Progress over time"),
    "outputs.chart.progress_line.none": (
        "Ingen fremdrift er rapportert; status nå: {status}.",
        "No progress has been reported; status now: {status}.",
    ),
    "outputs.chart.progress_line.one": (
        "Fremdriften var {value} i {quarter}; status nå: {status}.",
        "Progress was {value} in {quarter}; status now: {status}.",
    ),
    "outputs.chart.progress_line.summary": (
        "Fremdriften gikk fra {start} i {first} til {end} i {last}; status nå: {status}.",
        "Progress went from {start} in {first} to {end} in {last}; status now: {status}.",
    ),
    "outputs.chart.progress_line.series": (
        "Fremdriften vises i {count} serier, én per avtale og tiltak: {parts}; status nå: {status}.",
        "Progress is shown in {count} series, one per agreement and commitment: {parts}; status now: {status}.",
    ),
    "outputs.chart.progress_line.series.span": (
        "«{series}» gikk fra {start} i {first} til {end} i {last}",
        "“{series}” went from {start} in {first} to {end} in {last}",
    ),
    "outputs.chart.progress_line.series.one": (
        "«{series}» var {value} i {quarter}",
        "“{series}” was {value} in {quarter}",
    ),
    "outputs.chart.progress_line.series.none": (
        "«{series}» har ingen rapportert fremdrift",
        "“{series}” has no reported progress",
    ),
    "outputs.chart.sdg_bar": ("Tiltak per bærekraftsmål", "Commitments by SDG"),
    "outputs.chart.sdg_bar.one": ("Flest tiltak gjelder {sdg}: {count}.", "Most commitments concern {sdg}: {count}."),
    "outputs.chart.sdg_bar.summary": (
        "Flest tiltak gjelder {sdg}: {count}, {share} av de rapporterte i rute eller fullført.",
        "Most commitments concern {sdg}: {count}, {share} of those reported on track or completed.",
    ),
    # Sign-in and access
    "signin.signed_in_as": ("Innlogget som **{name}** ({role})", "Signed in as **{name}** ({role})"),
    "signin.sign_out": ("Logg ut", "Sign out"),
    "signin.open_reading_anonymous": (
        "Åpen lesetilgang: alle kan se tallene uten å logge inn. Logg inn for å laste opp status.",
        "Open reading: anyone can see the figures without signing in. Sign in to upload status.",
    ),
    "signin.open_reading": (
        "Åpen lesetilgang: alle kan se tallene uten å logge inn.",
        "Open reading: anyone can see the figures without signing in.",
    ),
    "signin.closed_reading": (
        "Logg inn for å se tallene. Kontakt fylkeskommunens administrator hvis du mangler tilgang.",
        "Sign in to see the figures. Contact the county's administrator if you have no access.",
    ),
    "signin.local_intro": (
        "Logg inn med brukernavnet og passordet du har fått av administratoren.",
        "Sign in with the username and password the administrator gave you.",
    ),
    "signin.no_accounts": (
        "Det finnes ingen brukere ennå. Den som drifter dashbordet, oppretter en administrator på serveren "
        "med «python -m loaders user add» (se «Command line» i README).",
        "There are no users yet. Whoever runs the dashboard creates an administrator on the server "
        "with “python -m loaders user add” (see “Command line” in the README).",
    ),
    "signin.username": ("Brukernavn", "Username"),
    "signin.password": ("Passord", "Password"),
    "signin.submit": ("Logg inn", "Sign in"),
    "signin.with_provider": ("Logg inn med organisasjonskontoen", "Sign in with your organisation account"),
    "signin.no_account": (
        "Du er logget inn som {email}, men har ingen tilgang til Partnerskapsmonitor. "
        "Be administratoren legge deg til som bruker med den e-postadressen.",
        "You are signed in as {email}, but have no access to the Partnership monitor. "
        "Ask the administrator to add you as a user with that e-mail address.",
    ),
    "signin.reporters_only": (
        "Bare rapportører og administratorer kan laste opp status. Logg inn med en slik konto.",
        "Only reporters and administrators can upload status. Sign in with such an account.",
    ),
    "signin.admins_only": (
        "Bare administratorer kan se og laste opp avtaler. Logg inn med en slik konto.",
        "Only administrators can see and upload agreements. Sign in with such an account.",
    ),
    "signin.organisation_admins_only": (
        "Bare administratorer kan se og endre organisasjonen. Logg inn med en slik konto.",
        "Only administrators can see and change the organisation. Sign in with such an account.",
    ),
    "signin.signed_in_only": ("Logg inn for å se opplastingene.", "Sign in to see the uploads."),
    "signin.page_needs_sign_in": ("Logg inn for å se denne siden.", "Sign in to see this page."),
    "signin.scope": ("Du rapporterer for: {scope}.", "You report for: {scope}."),
    "signin.rollback_admins_only": (
        "Bare administratorer kan tilbakestille opplastinger.",
        "Only administrators can roll back uploads.",
    ),
    # --- Messages from the loaders and the command line (keys loaders.*, cli.*) ---
    "loaders.action.load_agreements": ("laste inn avtaler", "load agreements"),
    "loaders.action.load_catalogue": ("laste inn tiltaksregisteret", "load the commitment register"),
    # Where in a file: loaders/errors.py CellError
    "loaders.columns.sheet": ("Arket «{sheet}»", "Sheet “{sheet}”"),
    "loaders.columns.row": ("rad {row}", "row {row}"),
    "loaders.columns.column": ("kolonne {column}", "column {column}"),
    "loaders.columns.column_header": ("kolonne {column} ({header})", "column {column} ({header})"),
    "loaders.columns.line": ("{place}: «{value}» – {problem}", "{place}: “{value}” – {problem}"),
    "loaders.columns.line_without_value": ("{place} – {problem}", "{place} – {problem}"),
    "loaders.columns.formula_error": (
        "cellen viser en feil fra en formel. Rett formelen eller skriv inn verdien, og last opp på nytt.",
        "the cell shows an error from a formula. Correct the formula or type in the value, and upload the file again.",
    ),
    "loaders.columns.duplicate": (
        "Arket «{sheet}», rad {row}: kolonne {first} ({first_header}) og kolonne {second} ({second_header}) "
        "er overskrifter for det samme, så vi vet ikke hvilken av dem som skal leses. "
        "Slett kolonnen som ikke skal leses, eller gi den en annen overskrift, og last opp på nytt.",
        "Sheet “{sheet}”, row {row}: column {first} ({first_header}) and column {second} ({second_header}) "
        "are headers for the same thing, so we cannot tell which of them to read. "
        "Delete the column that is not to be read, or give it another header, and upload the file again.",
    ),
    "loaders.columns.row_code": ("rad {row} (tiltak {code})", "row {row} (commitment {code})"),
    "loaders.columns.short": ("{row}, {header}: {problem}", "{row}, {header}: {problem}"),
    # Reading workbooks safely: loaders/workbook.py
    "loaders.workbook.resave": (
        "Åpne filen i Excel, lagre den og last opp på nytt.",
        "Open the file in Excel, save it and upload it again.",
    ),
    "loaders.workbook.part": ("delen «{part}»", "the part “{part}”"),
    "loaders.workbook.sheet": ("arket «{sheet}»", "the sheet “{sheet}”"),
    "loaders.workbook.empty_sheet": (
        "Arket «{sheet}» er tomt. Kontroller at dataene ligger i dette arket, og last opp på nytt.",
        "The sheet “{sheet}” is empty. Check that the data is in this sheet, and upload the file again.",
    ),
    "loaders.workbook.password_protected": (
        "Filen er passordbeskyttet. Fjern passordet i Excel (Fil > Info > Beskytt arbeidsbok) og last opp på nytt.",
        "The file is password-protected. Remove the password in Excel (File > Info > Protect Workbook) "
        "and upload it again.",
    ),
    "loaders.workbook.old_format": (
        "Filen er i det gamle Excel-formatet (.xls). Åpne den i Excel, lagre som .xlsx og last opp på nytt.",
        "The file is in the old Excel format (.xls). Open it in Excel, save it as .xlsx and upload it again.",
    ),
    "loaders.workbook.empty_file": (
        "Filen er tom. Last opp Excel-arbeidsboka (.xlsx) på nytt.",
        "The file is empty. Upload the Excel workbook (.xlsx) again.",
    ),
    "loaders.workbook.not_a_workbook": (
        "Filen er ikke en Excel-arbeidsbok (.xlsx). "
        "Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx) og last opp på nytt.",
        "The file is not an Excel workbook (.xlsx). Open it in Excel, save it as an Excel workbook (.xlsx) "
        "and upload it again.",
    ),
    "loaders.workbook.not_a_workbook_html": (
        "Filen er ikke en Excel-arbeidsbok (.xlsx). Den ser ut som en nettside (HTML). "
        "Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx) og last opp på nytt.",
        "The file is not an Excel workbook (.xlsx). It looks like a web page (HTML). "
        "Open it in Excel, save it as an Excel workbook (.xlsx) and upload it again.",
    ),
    "loaders.workbook.not_a_workbook_text": (
        "Filen er ikke en Excel-arbeidsbok (.xlsx). Den ser ut som en CSV-/tekstfil. "
        "Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx) og last opp på nytt.",
        "The file is not an Excel workbook (.xlsx). It looks like a CSV or text file. "
        "Open it in Excel, save it as an Excel workbook (.xlsx) and upload it again.",
    ),
    "loaders.workbook.too_many_parts": (
        "Filen er avvist: den har {entries} deler, og en arbeidsbok har sjelden mer enn noen hundre "
        "(grensen er {limit}). {resave}",
        "The file is refused: it has {entries} parts, and a workbook seldom has more than a few hundred "
        "(the limit is {limit}). {resave}",
    ),
    "loaders.workbook.damaged": (
        "Filen er skadet eller ufullstendig og kan ikke åpnes som Excel-arbeidsbok. "
        "Lagre den på nytt fra Excel og last opp igjen.",
        "The file is damaged or incomplete and cannot be opened as an Excel workbook. "
        "Save it again from Excel and upload it again.",
    ),
    "loaders.workbook.no_workbook_part": (
        "Filen er skadet eller ikke en Excel-arbeidsbok: den mangler selve arbeidsboka (xl/workbook.xml). "
        "Åpne den i Excel, lagre som .xlsx og last opp på nytt.",
        "The file is damaged or not an Excel workbook: it lacks the workbook itself (xl/workbook.xml). "
        "Open it in Excel, save it as .xlsx and upload it again.",
    ),
    "loaders.workbook.too_large": (
        "Filen er for stor: innholdet pakkes ut til {size} MB, og grensen er {limit} MB. "
        "Fjern ark eller data du ikke trenger, og last opp på nytt.",
        "The file is too large: its contents unpack to {size} MB, and the limit is {limit} MB. "
        "Remove sheets or data you do not need, and upload it again.",
    ),
    "loaders.workbook.zip_bomb": (
        "Filen er avvist: delen «{part}» pakkes ut til {size} MB, {ratio} ganger større enn i filen, "
        "slik en ZIP-bombe gjør. {resave}",
        "The file is refused: the part “{part}” unpacks to {size} MB, {ratio} times larger than in the file, "
        "as a zip bomb does. {resave}",
    ),
    "loaders.workbook.encrypted_part": (
        "Filen er skadet: delen «{part}» er kryptert i ZIP-filen. {resave}",
        "The file is damaged: the part “{part}” is encrypted in the ZIP file. {resave}",
    ),
    "loaders.workbook.macros": (
        "Filen inneholder makroer (VBA). Lagre den i Excel som vanlig Excel-arbeidsbok (.xlsx) uten makroer, "
        "og last opp på nytt.",
        "The file contains macros (VBA). Save it in Excel as an ordinary Excel workbook (.xlsx) without macros, "
        "and upload it again.",
    ),
    "loaders.workbook.shared_strings": (
        "Filen er skadet: {where} oppgir {declared} tekster, men har {found}. {resave}",
        "The file is damaged: {where} declares {declared} texts, but has {found}. {resave}",
    ),
    "loaders.workbook.unsafe": (
        "Filen er avvist: {where} inneholder en DOCTYPE- eller ENTITY-erklæring, som vi ikke godtar "
        "av sikkerhetshensyn. {resave}",
        "The file is refused: {where} contains a DOCTYPE or ENTITY declaration, which we do not accept "
        "for security reasons. {resave}",
    ),
    "loaders.workbook.cannot_unpack": (
        "Filen er skadet: {where} kan ikke pakkes ut. {resave}",
        "The file is damaged: {where} cannot be unpacked. {resave}",
    ),
    "loaders.workbook.huge_tag": (
        "Filen er avvist: {where} har en XML-tagg på over {size} MB. {resave}",
        "The file is refused: {where} has an XML tag of more than {size} MB. {resave}",
    ),
    "loaders.workbook.no_visible_sheets": (
        "Arbeidsboka har ingen synlige regneark. Legg dataene i et synlig ark og last opp på nytt.",
        "The workbook has no visible worksheets. Put the data in a visible sheet and upload it again.",
    ),
    "loaders.workbook.unreadable_part": (
        "Filen er skadet: {where} kan ikke leses. {resave}",
        "The file is damaged: {where} cannot be read. {resave}",
    ),
    "loaders.workbook.missing_sheet_part": (
        "Filen er skadet: arket «{sheet}» mangler i filen ({part}). {resave}",
        "The file is damaged: the sheet “{sheet}” is missing from the file ({part}). {resave}",
    ),
    "loaders.workbook.too_many_cells": (
        "Arket «{sheet}» går helt til kolonne {column} og rad {rows}, som gir {cells} celler; vi godtar høyst "
        "{limit}. Slett innhold og formatering langt til høyre eller langt nede i arket, og last opp på nytt.",
        "The sheet “{sheet}” reaches column {column} and row {rows}, which makes {cells} cells; we accept at most "
        "{limit}. Delete content and formatting far to the right or far down in the sheet, and upload it again.",
    ),
    "loaders.workbook.row_beyond_limit": (
        "{where} har innhold i rad {row} (celle {cell}); grensen er {limit} rader. "
        "Slett innhold og formatering under grensen, og last opp på nytt.",
        "{where} has content in row {row} (cell {cell}); the limit is {limit} rows. "
        "Delete content and formatting below the limit, and upload it again.",
    ),
    "loaders.workbook.too_many_rows": (
        "{where} har mer enn {limit} rader; grensen er {limit}. "
        "Fjern overflødige rader (også tomme rader med formatering) og last opp på nytt.",
        "{where} has more than {limit} rows; the limit is {limit}. "
        "Remove rows you do not need (empty rows with formatting too) and upload it again.",
    ),
    "loaders.workbook.irregular": (
        "Filen er avvist: {where} har celler skrevet på en uvanlig måte som vi ikke kan kontrollere. {resave}",
        "The file is refused: {where} has cells written in an unusual way that we cannot check. {resave}",
    ),
    "loaders.workbook.formula_without_value": (
        "Arket «{sheet}», celle {cell}: formelen har ingen lagret verdi. {resave}",
        "Sheet “{sheet}”, cell {cell}: the formula has no saved value. {resave}",
    ),
    "loaders.workbook.formulas_without_value": (
        "Arket «{sheet}», cellene {cells}: formlene har ingen lagret verdi. {resave}",
        "Sheet “{sheet}”, cells {cells}: the formulas have no saved value. {resave}",
    ),
    "loaders.workbook.formulas_without_value_more": (
        "Arket «{sheet}», cellene {cells} og {more} til: formlene har ingen lagret verdi. {resave}",
        "Sheet “{sheet}”, cells {cells} and {more} more: the formulas have no saved value. {resave}",
    ),
    "loaders.workbook.unreadable_sheet": (
        "Arket «{sheet}» kan ikke leses; filen ser ut til å være skadet. {resave}",
        "The sheet “{sheet}” cannot be read; the file seems to be damaged. {resave}",
    ),
    "loaders.workbook.formula_not_calculated": (
        "Arket «{sheet}», celle {cell}: formelen er aldri regnet ut. Filen er laget av et program som overlater "
        "utregningen til Excel, så verdien i filen er bare en plassholder. Åpne filen i Excel, som regner ut "
        "formlene, lagre den og last opp på nytt.",
        "Sheet “{sheet}”, cell {cell}: the formula was never calculated. The file was made by a program that "
        "leaves the calculation to Excel, so the value in the file is only a placeholder. Open the file in Excel, "
        "which calculates the formulas, save it and upload it again.",
    ),
    "loaders.workbook.formulas_not_calculated": (
        "Arket «{sheet}», cellene {cells}: formlene er aldri regnet ut. Filen er laget av et program som "
        "overlater utregningen til Excel, så verdiene i filen er bare plassholdere. Åpne filen i Excel, som "
        "regner ut formlene, lagre den og last opp på nytt.",
        "Sheet “{sheet}”, cells {cells}: the formulas were never calculated. The file was made by a program that "
        "leaves the calculation to Excel, so the values in the file are only placeholders. Open the file in "
        "Excel, which calculates the formulas, save it and upload it again.",
    ),
    "loaders.workbook.formulas_not_calculated_more": (
        "Arket «{sheet}», cellene {cells} og {more} til: formlene er aldri regnet ut. Filen er laget av et "
        "program som overlater utregningen til Excel, så verdiene i filen er bare plassholdere. Åpne filen i "
        "Excel, som regner ut formlene, lagre den og last opp på nytt.",
        "Sheet “{sheet}”, cells {cells} and {more} more: the formulas were never calculated. The file was made "
        "by a program that leaves the calculation to Excel, so the values in the file are only placeholders. "
        "Open the file in Excel, which calculates the formulas, save it and upload it again.",
    ),
    "loaders.workbook.formula_error": (
        "Arket «{sheet}», celle {cell}: «{error}» – cellen viser en feil fra en formel. Rett formelen eller "
        "skriv inn verdien, og last opp på nytt.",
        "Sheet “{sheet}”, cell {cell}: “{error}” – the cell shows an error from a formula. Correct the formula "
        "or type in the value, and upload the file again.",
    ),
    "loaders.workbook.duplicate_parts": (
        "Filen er avvist: den har to deler som Excel leser som én, «{first}» og «{second}». {resave}",
        "The file is refused: it has two parts that Excel reads as one, “{first}” and “{second}”. {resave}",
    ),
    "loaders.workbook.duplicate_sheets": (
        "Filen er skadet: den har to ark som heter «{sheet}». {resave}",
        "The file is damaged: it has two sheets named “{sheet}”. {resave}",
    ),
    "loaders.workbook.odd_target": (
        "Filen er avvist: den viser til en del med et navn Excel ikke skriver («{target}»). {resave}",
        "The file is refused: it points to a part with a name Excel does not write (“{target}”). {resave}",
    ),
    "loaders.workbook.open_document": (
        "Filen er et OpenDocument-regneark (.ods, LibreOffice). Lagre som Excel-arbeidsbok (.xlsx) og last "
        "opp på nytt.",
        "The file is an OpenDocument spreadsheet (.ods, LibreOffice). Save it as an Excel workbook (.xlsx) and "
        "upload it again.",
    ),
    "loaders.workbook.binary_workbook": (
        "Filen er en binær Excel-arbeidsbok (.xlsb). Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx) og "
        "last opp på nytt.",
        "The file is an Excel binary workbook (.xlsb). Open it in Excel, save it as an Excel workbook (.xlsx) "
        "and upload it again.",
    ),
    "loaders.workbook.sensitivity_label": (
        "Filen er kryptert av en følsomhetsetikett (Følsomhet i Excel), så bare Office kan åpne den. Velg en "
        "etikett uten kryptering i Excel (Hjem > Følsomhet), lagre og last opp på nytt.",
        "The file is encrypted by a sensitivity label (Sensitivity in Excel), so only Office can open it. Choose "
        "a label without encryption in Excel (Home > Sensitivity), save and upload it again.",
    ),
    "loaders.workbook.several_sheets": (
        "Flere synlige ark har overskriftene vi leser: {sheets}. Vi vet ikke hvilket av dem som skal leses. "
        "Slett eller skjul arket som ikke skal leses, og last opp på nytt.",
        "More than one visible sheet has the headers we read: {sheets}. We cannot tell which of them to read. "
        "Delete or hide the sheet that is not to be read, and upload the file again.",
    ),
    "loaders.workbook.no_header_in_sheets": (
        "Fant ingen overskriftsrad med kolonnene {columns} blant de {rows} første radene i arkene {sheets}. "
        "Legg overskriftene øverst i arket med dataene, og last opp på nytt.",
        "Found no header row with the columns {columns} among the first {rows} rows of the sheets {sheets}. "
        "Put the headers at the top of the sheet with the data, and upload the file again.",
    ),
    "loaders.workbook.merged_across_columns": (
        "Arket «{sheet}»: området {range} er slått sammen over kolonnene {columns}, så én verdi står for "
        "flere felt. Del opp sammenslåingen (Hjem > Slå sammen og midtstill), fyll inn hver kolonne og last "
        "opp på nytt.",
        "Sheet “{sheet}”: the range {range} is merged across the columns {columns}, so one value stands for "
        "several fields. Unmerge it (Home > Merge & Center), fill in each column and upload the file again.",
    ),
    "loaders.workbook.too_many_merged": (
        "Arket «{sheet}» har sammenslåtte celler som dekker mer enn {limit} celler til sammen. Del opp "
        "sammenslåingene og last opp på nytt.",
        "The sheet “{sheet}” has merged cells covering more than {limit} cells in all. Unmerge them and "
        "upload the file again.",
    ),
    # Quarterly status files: loaders/status.py
    "loaders.status.rejected.one": (
        "Filen ble ikke lagret: {count} feil: {first}",
        "The file was not saved: {count} error: {first}",
    ),
    "loaders.status.rejected.other": (
        "Filen ble ikke lagret: {count} feil. Første: {first}",
        "The file was not saved: {count} errors. The first: {first}",
    ),
    "loaders.status.unknown_column": (
        "Kolonnen «{column}» i arket «{sheet}» er ikke en del av malen og ble ikke lest.",
        "The column “{column}” in the sheet “{sheet}” is not part of the template and was not read.",
    ),
    "loaders.status.invalid_file_quarter": (
        "kvartalet må skrives som 2024-Q2 eller «2. kv. 2024».",
        "the quarter must be written as 2024-Q2 or “Q2 2024”.",
    ),
    "loaders.status.no_quarter_column": (
        "filen har ingen kolonne «Kvartal», og det er ikke oppgitt noe kvartal for hele filen.",
        "the file has no “Kvartal” (quarter) column, and no quarter was given for the whole file.",
    ),
    "loaders.status.reported_twice": (
        "tiltaket er rapportert to ganger for {quarter} (også rad {row}).",
        "the commitment is reported twice for {quarter} (also row {row}).",
    ),
    "loaders.status.outside_scope": (
        "du rapporterer bare for {scope}, ikke for {region}.",
        "you report only for {scope}, not for {region}.",
    ),
    "loaders.status.outside_scope_area": (
        "du rapporterer bare for {scope}, ikke for {region} (tiltaket følges opp av {area}).",
        "you report only for {scope}, not for {region} (the commitment is followed up by {area}).",
    ),
    "loaders.status.locked": (
        "{quarter} for {region} er godkjent og låst (godkjent av {by} {day}); en administrator kan åpne "
        "kvartalet igjen på siden Rapportering.",
        "{quarter} for {region} is approved and locked (approved by {by} on {day}); an administrator can "
        "reopen the quarter on the Reporting page.",
    ),
    "loaders.status.no_rows": (
        "arket har ingen rader med status under overskriftsraden.",
        "the sheet has no rows with status below the header row.",
    ),
    "loaders.status.no_header": (
        "fant ingen overskriftsrad med kolonnene {columns} blant de {rows} første radene.",
        "found no header row with the columns {columns} among the first {rows} rows.",
    ),
    "loaders.status.region_missing": ("regionen mangler.", "the region is missing."),
    "loaders.status.unknown_region": (
        "ukjent region. Skriv regionens navn eller kortnavn slik det står i registeret.",
        "unknown region. Write the region's name or short name as the register has it.",
    ),
    "loaders.status.quarter_missing": ("kvartalet mangler.", "the quarter is missing."),
    "loaders.status.unknown_quarter": (
        "ukjent kvartal. Skriv for eksempel 2024-Q2 eller «2. kv. 2024».",
        "unknown quarter. Write for example 2024-Q2 or “Q2 2024”.",
    ),
    "loaders.status.quarter_mismatch": (
        "kvartalet i filen stemmer ikke med valgt kvartal {quarter}.",
        "the quarter in the file does not match the chosen quarter, {quarter}.",
    ),
    "loaders.status.code_missing": ("tiltaksnummeret mangler.", "the commitment number is missing."),
    "loaders.status.code_is_date": (
        "Excel har gjort nummeret om til en dato. Formater kolonnen som tekst og skriv nummeret på nytt.",
        "Excel has turned the number into a date. Format the column as text and type the number again.",
    ),
    "loaders.status.no_agreement": (
        "regionen har ingen avtale med tiltak for {quarter}.",
        "the region has no agreement with commitments for {quarter}.",
    ),
    "loaders.status.unknown_code": (
        "{region} har ikke noe tiltak med dette nummeret.",
        "{region} has no commitment with this number.",
    ),
    "loaders.status.unknown_code_comma": (
        "{region} har ikke noe tiltak med dette nummeret. Skriv nummeret med punktum, slik registeret gjør "
        "(for eksempel 1.2).",
        "{region} has no commitment with this number. Write the number with a full stop, as the register does "
        "(for example 1.2).",
    ),
    "loaders.status.ambiguous_code": (
        "nummeret er lagret som tall, og Excel skiller ikke {codes}. "
        "Formater kolonnen som tekst og skriv nummeret på nytt.",
        "the number is stored as a number, and Excel does not tell {codes} apart. "
        "Format the column as text and type the number again.",
    ),
    "loaders.status.status_missing": (
        "status mangler. Velg en av: {statuses}.",
        "the status is missing. Choose one of: {statuses}.",
    ),
    "loaders.status.unknown_status": (
        "ukjent status. Velg en av: {statuses}.",
        "unknown status. Choose one of: {statuses}.",
    ),
    "loaders.status.invalid_progress": (
        "fremdrift må være et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn).",
        "progress must be a whole number from 0 to 100, for example 45 (without a % sign).",
    ),
    "loaders.status.several_quarters.one": (
        "Filen har rapporter for flere kvartaler: {main} ({count} rad) og {others}. Sjekk kolonnen Kvartal: "
        "malen er laget for ett kvartal per fil.",
        "The file has reports for more than one quarter: {main} ({count} row) and {others}. Check the Kvartal "
        "column: the template is made for one quarter per file.",
    ),
    "loaders.status.several_quarters.other": (
        "Filen har rapporter for flere kvartaler: {main} ({count} rader) og {others}. Sjekk kolonnen Kvartal: "
        "malen er laget for ett kvartal per fil.",
        "The file has reports for more than one quarter: {main} ({count} rows) and {others}. Check the Kvartal "
        "column: the template is made for one quarter per file.",
    ),
    "loaders.status.quarter_running.one": (
        "{count} rad gjelder {quarter}, som ikke er slutt ennå (det slutter {end}). Status for et kvartal "
        "leveres etter at det er slutt: sjekk at kvartalet er riktig.",
        "{count} row is for {quarter}, which has not ended yet (it ends on {end}). A quarter's status is "
        "reported after it ends: check that the quarter is right.",
    ),
    "loaders.status.quarter_running.other": (
        "{count} rader gjelder {quarter}, som ikke er slutt ennå (det slutter {end}). Status for et kvartal "
        "leveres etter at det er slutt: sjekk at kvartalet er riktig.",
        "{count} rows are for {quarter}, which has not ended yet (it ends on {end}). A quarter's status is "
        "reported after it ends: check that the quarter is right.",
    ),
    "loaders.status.quarter_row": ("{quarter} (rad {rows})", "{quarter} (row {rows})"),
    "loaders.status.quarter_rows": ("{quarter} (radene {rows})", "{quarter} (rows {rows})"),
    "loaders.status.progress_percent_format": (
        "cellen er formatert som prosent, så {number} vises som {excel}. Fjern prosentformatet "
        "(velg tallformatet Standard for cellen), så står det {number}, og last opp på nytt.",
        "the cell is formatted as a percentage, so {number} shows as {excel}. Remove the percentage format "
        "(choose the General number format for the cell) so that it shows {number}, and upload the file again.",
    ),
    "loaders.status.progress_fraction": (
        "mente du {percent} %? Fremdrift er et helt tall fra 0 til 100: skriv {percent} (uten %-tegn).",
        "did you mean {percent} %? Progress is a whole number from 0 to 100: write {percent} (without a % sign).",
    ),
    # Uploaded files parsed in a child process: loaders/isolation.py
    "loaders.isolation.crashed": (
        "Filen kunne ikke leses: leseren stoppet uventet. "
        "Åpne filen i Excel (en avtale i Word), lagre den på nytt og last opp igjen.",
        "The file could not be read: the reader stopped unexpectedly. "
        "Open the file in Excel (an agreement in Word), save it again and upload it again.",
    ),
    "loaders.isolation.timed_out.one": (
        "Filen kunne ikke leses: lesingen tok mer enn {count} sekund og ble stoppet. "
        "Slett tomme rader og kolonner med formatering, lagre filen på nytt og last opp igjen.",
        "The file could not be read: reading it took more than {count} second and was stopped. "
        "Delete empty rows and columns that have formatting, save the file again and upload it again.",
    ),
    "loaders.isolation.timed_out.other": (
        "Filen kunne ikke leses: lesingen tok mer enn {count} sekunder og ble stoppet. "
        "Slett tomme rader og kolonner med formatering, lagre filen på nytt og last opp igjen.",
        "The file could not be read: reading it took more than {count} seconds and was stopped. "
        "Delete empty rows and columns that have formatting, save the file again and upload it again.",
    ),
    "loaders.isolation.out_of_memory": (
        "Filen kunne ikke leses: den trengte mer enn {limit} MB minne og ble stoppet. "
        "Slett innhold og formatering langt til høyre eller langt nede i arket, lagre filen på nytt og "
        "last opp igjen.",
        "The file could not be read: it needed more than {limit} MB of memory and was stopped. "
        "Delete content and formatting far to the right or far down in the sheet, save the file again and "
        "upload it again.",
    ),
    # Agreement texts: loaders/agreement.py
    "loaders.agreement.no_period": (
        "Fant ikke avtaleperioden i tittelen «{title}». Oppgi perioden, for eksempel «2022-2023».",
        "Could not find the agreement period in the title “{title}”. Give the period, for example “2022-2023”.",
    ),
    "loaders.agreement.bad_period": (
        "«{period}» er ikke en avtaleperiode. Skriv et år («2025») eller to år med bindestrek, det "
        "første først («2025-2026»).",
        "“{period}” is not an agreement period. Write a year (“2025”) or two years with a hyphen, the "
        "first first (“2025-2026”).",
    ),
    "loaders.agreement.quarter_outside_period": (
        "{quarter} ligger utenfor avtaleperioden {period}. Velg et kvartal i perioden for den første statusrapporten.",
        "{quarter} is outside the agreement period {period}. Choose a quarter within the period for the "
        "first status report.",
    ),
    "loaders.agreement.no_commitments": (
        "Fant ingen nummererte tiltak i avtalen. Tiltakene må stå under et innsatsområde "
        "(«1 - Tittel») og være nummerert («1.1 - ...»).",
        "Found no numbered commitments in the agreement. The commitments must stand under a focus area "
        "(“1 - Title”) and be numbered (“1.1 - ...”).",
    ),
    "loaders.agreement.no_text": (
        "{place}: tiltak {code} mangler tekst.",
        "{place}: commitment {code} has no text.",
    ),
    "loaders.agreement.focus_area_twice": (
        "{place}: innsatsområde {number} står to ganger i avtalen.",
        "{place}: focus area {number} appears twice in the agreement.",
    ),
    "loaders.agreement.wrong_focus_area": (
        "{place}: tiltak {code} står under innsatsområde {area}. "
        "Sjekk at overskriften for innsatsområde {number} er skrevet som «{number} - Tittel».",
        "{place}: commitment {code} stands under focus area {area}. "
        "Check that the heading for focus area {number} is written as “{number} - Title”.",
    ),
    "loaders.agreement.commitment_twice": (
        "{place}: tiltak {code} står to ganger i avtalen. Første gang: {first}.",
        "{place}: commitment {code} appears twice in the agreement. First: {first}.",
    ),
    "loaders.agreement.save_as_docx": (
        "«{file}» er en {kind}-fil, som ikke kan leses direkte. Åpne den i Word (eller LibreOffice), lagre "
        "den som Word-dokument (.docx) og last opp den filen.",
        "“{file}” is a {kind} file, which cannot be read directly. Open it in Word (or LibreOffice), save it "
        "as a Word document (.docx) and upload that file.",
    ),
    "loaders.agreement.wrong_file_type": (
        "«{file}» kan ikke leses som avtale. Bruk avtalen som PDF, Word (.docx), tekst (.txt) eller Excel (.xlsx).",
        "“{file}” cannot be read as an agreement. Use the agreement as PDF, Word (.docx), text (.txt) or "
        "Excel (.xlsx).",
    ),
    "loaders.agreement.not_a_document": (
        "«{file}» kan ikke leses som et Word-dokument (.docx). Filen kan være skadet "
        "eller av en annen type; åpne og lagre den på nytt i Word.",
        "“{file}” cannot be read as a Word document (.docx). The file may be damaged "
        "or of another type; open it and save it again in Word.",
    ),
    "loaders.agreement.scanned": (
        "«{file}» har ingen tekst, bare bilder av sider (en skannet PDF). Bruk den opprinnelige "
        "Word-filen, eller en PDF lagret fra Word med tekst.",
        "“{file}” holds no text, only pictures of pages (a scanned PDF). Use the original "
        "Word file, or a PDF saved from Word with text.",
    ),
    "loaders.agreement.pdf_password": (
        "«{file}» er beskyttet med passord og kan ikke leses. Lagre en PDF uten passord, eller bruk Word-filen.",
        "“{file}” is protected by a password and cannot be read. Save a PDF without a password, or use the Word file.",
    ),
    "loaders.agreement.pdf_damaged": (
        "«{file}» kan ikke leses som PDF. Filen kan være skadet eller av en annen type; "
        "lagre den på nytt som PDF, eller bruk Word-filen.",
        "“{file}” cannot be read as a PDF. The file may be damaged or of another type; "
        "save it again as a PDF, or use the Word file.",
    ),
    "loaders.agreement.unknown_encoding": (
        "«{file}» har en tegnkoding vi ikke kjenner. Lagre filen som UTF-8 og prøv igjen.",
        "“{file}” has a character encoding we do not know. Save the file as UTF-8 and try again.",
    ),
    "loaders.agreement.no_region": (
        "Oppgi hvilken region avtalen gjelder.",
        "Say which region the agreement is for.",
    ),
    "loaders.agreement.catalogue_regions": (
        "Tiltakskatalogen har tiltak for flere regioner ({regions}). Her lastes én avtale om gangen: "
        "last opp en katalog med bare én region.",
        "The commitment catalogue has commitments for several regions ({regions}). Here one agreement is "
        "loaded at a time: upload a catalogue with only one region.",
    ),
    "loaders.agreement.catalogue_region": (
        "Tiltakskatalogen gjelder «{file_region}», men regionen som er valgt, er «{region}». "
        "Velg «{file_region}», eller last opp katalogen for «{region}».",
        "The commitment catalogue is for “{file_region}”, but the region chosen is “{region}”. "
        "Choose “{file_region}”, or upload the catalogue for “{region}”.",
    ),
    "loaders.agreement.catalogue_period": (
        "Tiltakskatalogen gjelder perioden {file_period}, men perioden som er oppgitt, er {period}. "
        "La perioden stå tom, eller oppgi {file_period}.",
        "The commitment catalogue is for the period {file_period}, but the period given is {period}. "
        "Leave the period empty, or give {file_period}.",
    ),
    "loaders.agreement.warning.tracked_changes": (
        "Word-dokumentet har sporede endringer som ikke er godtatt. De er lest som om de var godtatt; "
        "sjekk teksten, eller godta eller avvis endringene i Word og last opp filen på nytt.",
        "The Word document has tracked changes that have not been accepted. They were read as if "
        "accepted; check the text, or accept or reject the changes in Word and upload the file again.",
    ),
    "loaders.agreement.warning.long_text": (
        "{place}: tiltak {code} har {words} ord. Sjekk at teksten ikke har fått med seg en "
        "overskrift eller neste avsnitt.",
        "{place}: commitment {code} has {words} words. Check that the text has not taken in a "
        "heading or the next paragraph.",
    ),
    "loaders.agreement.unknown_council_area": (
        "Tiltak {code}: «{name}» er ikke et av fylkets rådsområder. Velg et fra listen.",
        "Commitment {code}: “{name}” is not one of the county's council areas. Choose one from the list.",
    ),
    "loaders.agreement.first_reports_saved.one": (
        "{count} første statusrapport for {quarter} er lagret (opplasting {upload}).",
        "{count} first status report for {quarter} was saved (upload {upload}).",
    ),
    "loaders.agreement.first_reports_saved.other": (
        "{count} første statusrapporter for {quarter} er lagret (opplasting {upload}).",
        "{count} first status reports for {quarter} were saved (upload {upload}).",
    ),
    "loaders.agreement.first_reports_kept.one": (
        "{count} tiltak hadde allerede en annen rapport for {quarter} og beholder den: {codes}.",
        "{count} commitment already had another report for {quarter} and keeps it: {codes}.",
    ),
    "loaders.agreement.first_reports_kept.other": (
        "{count} tiltak hadde allerede en annen rapport for {quarter} og beholder den: {codes}.",
        "{count} commitments already had another report for {quarter} and keep it: {codes}.",
    ),
    "loaders.agreement.areas.one": ("{count} innsatsområde", "{count} focus area"),
    "loaders.agreement.areas.other": ("{count} innsatsområder", "{count} focus areas"),
    "loaders.agreement.commitments.one": ("{count} tiltak", "{count} commitment"),
    "loaders.agreement.commitments.other": ("{count} tiltak", "{count} commitments"),
    "loaders.agreement.unknown_code": (
        "Tiltak {code} finnes ikke i avtalen som lagres.",
        "Commitment {code} is not in the agreement being saved.",
    ),
    # Where a warning points: loaders/agreement_layout.py
    "loaders.agreement.place": ("Linje {line}", "Line {line}"),
    "loaders.agreement.place_sheet": ("Arket «{sheet}», rad {line}", "Sheet “{sheet}”, row {line}"),
    "loaders.agreement.place_page": ("Side {page}, linje {line}", "Page {page}, line {line}"),
    "loaders.agreement.warning.table_of_contents.one": (
        "{place}: {count} linje av en innholdsfortegnelse (linje {last}) er hoppet over. Sjekk at den "
        "ikke er et innsatsområde eller tiltak.",
        "{place}: {count} line of a table of contents (line {last}) was skipped. Check that it is not a "
        "focus area or commitment.",
    ),
    "loaders.agreement.warning.table_of_contents.other": (
        "{place}: en innholdsfortegnelse ({count} linjer, til linje {last}) er hoppet over. "
        "Sjekk at ingen innsatsområder eller tiltak står blant de linjene.",
        "{place}: a table of contents ({count} lines, up to line {last}) was skipped. "
        "Check that no focus areas or commitments are among those lines.",
    ),
    "loaders.agreement.warning.page_number.one": (
        "{place}: {count} linje («{text}») ser ut som et sidetall og er tatt ut av teksten.",
        "{place}: {count} line (“{text}”) looks like a page number and was taken out of the text.",
    ),
    "loaders.agreement.warning.page_number.other": (
        "{place}: {count} linjer som ser ut som sidetall («{text}» og de andre) er tatt ut av teksten.",
        "{place}: {count} lines that look like page numbers (“{text}” and the others) were taken out of the text.",
    ),
    # What loaders/agreement_sources.py took out of a PDF's pages before reading (loaders/agreement.py).
    "loaders.agreement.warning.page_numbers_removed.one": (
        "Sidetall er tatt ut på {count} side.",
        "Page numbers were taken out on {count} page.",
    ),
    "loaders.agreement.warning.page_numbers_removed.other": (
        "Sidetall er tatt ut på {count} sider.",
        "Page numbers were taken out on {count} pages.",
    ),
    "loaders.agreement.warning.running_header": (
        "Side {first}–{last}: linjen «{text}» øverst på sidene er tatt ut som topptekst ({count} sider).",
        "Pages {first}–{last}: the line “{text}” at the top of the pages was taken out as a header ({count} pages).",
    ),
    "loaders.agreement.warning.running_footer": (
        "Side {first}–{last}: linjen «{text}» nederst på sidene er tatt ut som bunntekst ({count} sider).",
        "Pages {first}–{last}: the line “{text}” at the foot of the pages was taken out as a footer ({count} pages).",
    ),
    "loaders.agreement.warning.repeated_line": (
        "{place}: «{text}» står {count} ganger, som en topp- eller bunntekst på hver side, og er tatt ut av teksten.",
        "{place}: “{text}” appears {count} times, like a header or footer on every page, and was taken out "
        "of the text.",
    ),
    "loaders.agreement.warning.outside_focus_area": (
        "{place}: «{code} {text}» ser ut som et tiltak, men står før første innsatsområde og er ikke tatt "
        "med. Sjekk at overskriften over er skrevet som «1 - Tittel» eller «Innsatsområde 1: Tittel».",
        "{place}: “{code} {text}” looks like a commitment but stands before the first focus area and was "
        "not included. Check that the heading above is written as “1 - Title” or “Innsatsområde 1: Title”.",
    ),
    "loaders.agreement.warning.bullets_numbered": (
        "{place}: kulepunktene i innsatsområde {area} står ikke under et nummerert tiltak; de er "
        "nummerert {area}.1, {area}.2 og så videre i den rekkefølgen de står.",
        "{place}: the bullets in focus area {area} are not under a numbered commitment; they have been "
        "numbered {area}.1, {area}.2 and so on in the order they stand.",
    ),
    "loaders.agreement.warning.bullet_code_taken": (
        "{place}: kulepunktet «{text}» ville fått nummeret {code}, men det har allerede et tiltak. "
        "Teksten er lagt til tiltaket over; gi kulepunktet et eget nummer i dokumentet.",
        "{place}: the bullet “{text}” would have been numbered {code}, but a commitment already has that "
        "number. The text was added to the commitment above; give the bullet its own number in the document.",
    ),
    "loaders.agreement.warning.sdg_in_text": (
        "{place}: teksten til tiltak {code} nevner et bærekraftsmål («{text}»). Står målet på en egen "
        "linje i dokumentet, hører det til innsatsområdet og ikke til tiltakets tekst.",
        "{place}: the text of commitment {code} names a sustainable development goal (“{text}”). If the "
        "goal is a line of its own in the document, it belongs to the focus area, not the commitment's text.",
    ),
    "loaders.agreement.warning.sdg_name": (
        "{place}: bærekraftsmål {number} heter ikke «{text}». Målet er lest som nummer {number}; sjekk nummeret.",
        "{place}: goal {number} is not called “{text}”. The goal was read as number {number}; check the number.",
    ),
    "loaders.agreement.warning.table_row_joined": (
        "{place}: tabellraden uten nummer («{text}») er lest som fortsettelsen av tiltak {code}.",
        "{place}: the table row without a number (“{text}”) was read as the rest of commitment {code}.",
    ),
    "loaders.agreement.warning.row_number": (
        "{place}: tabellraden er nummerert «{number}» uten innsatsområdets nummer foran; den er lest som "
        "tiltak {code}.",
        "{place}: the table row is numbered “{number}” without the focus area's number in front; it was read "
        "as commitment {code}.",
    ),
    "loaders.agreement.warning.list_number": (
        "{place}: punktet er nummerert «{number}.» uten innsatsområdets nummer foran; det er lest som tiltak {code}.",
        "{place}: the item is numbered “{number}.” without the focus area's number in front; it was read "
        "as commitment {code}.",
    ),
    "loaders.agreement.warning.table_row_skipped": (
        "{place}: tabellraden «{text}» har ikke noe tiltaksnummer og står ikke under et tiltak; den er ikke tatt med.",
        "{place}: the table row “{text}” has no commitment number and stands under no commitment; it was not included.",
    ),
    "loaders.agreement.warning.stored_council_area": (
        "Tiltak {code}: dokumentet sier {document}, men rådsområdet som er lagret for tiltaket er {stored}. "
        "Det lagrede beholdes; velg {document} i tabellen hvis dokumentet har rett.",
        "Commitment {code}: the document says {document}, but the council area stored for the commitment is "
        "{stored}. The stored one is kept; choose {document} in the table if the document is right.",
    ),
    "loaders.agreement.warning.council_area": (
        "{place}: ansvaret «{value}» for tiltak {code} er ikke ett av rådsområdene ({areas}). "
        "Velg rådsområdet for tiltaket før du lagrer.",
        "{place}: the responsibility “{value}” for commitment {code} is not one of the council areas "
        "({areas}). Choose the council area for the commitment before saving.",
    ),
    "loaders.agreement.warning.deadline": (
        "{place}: fristen «{value}» for tiltak {code} er ingen dato som finnes; tiltaket får ingen frist.",
        "{place}: the deadline “{value}” for commitment {code} is not a date that exists; the commitment "
        "gets no deadline.",
    ),
    "loaders.agreement.warning.amount": (
        "{place}: beløpet «{value}» for tiltak {code} kan ikke leses som kroner (skriv for eksempel "
        "«500 000» eller «1,2 mill.»); tiltaket får ikke noe beløp.",
        "{place}: the amount “{value}” for commitment {code} cannot be read as kroner (write for example "
        "“500 000” or “1,2 mill.”); the commitment gets no amount.",
    ),
    "loaders.agreement.warning.status": (
        "{place}: statusen «{value}» for tiltak {code} er ikke en av statusene ({statuses}); tiltaket får "
        "ingen første statusrapport.",
        "{place}: the status “{value}” for commitment {code} is not one of the statuses ({statuses}); the "
        "commitment gets no first status report.",
    ),
    "loaders.agreement.warning.status_assumed": (
        "{place}: statusen «{value}» for tiltak {code} er lest som «{status}». Rett statusen før du "
        "lagrer den som første statusrapport hvis det ikke stemmer.",
        "{place}: the status “{value}” for commitment {code} was read as “{status}”. Correct it before "
        "saving it as the first status report if that is not right.",
    ),
    "loaders.agreement.warning.progress": (
        "{place}: fremdriften «{value}» for tiltak {code} er ikke et tall fra 0 til 100; statusen er "
        "tatt med uten fremdrift.",
        "{place}: the progress “{value}” for commitment {code} is not a number from 0 to 100; the status "
        "was taken without progress.",
    ),
    "loaders.agreement.warning.no_title": (
        "{place}: innsatsområde {number} har ingen tittel.",
        "{place}: focus area {number} has no title.",
    ),
    "loaders.agreement.warning.empty_focus_area": (
        "{place}: overskriften {number} «{title}» har ingen tiltak under seg og er ikke tatt med som "
        "innsatsområde. Har den tiltak, må de være nummerert ({number}.1, {number}.2 …) eller stå som "
        "a), b) under overskriften.",
        "{place}: the heading {number} “{title}” has no commitments under it and was not taken as a focus "
        "area. If it has commitments, they must be numbered ({number}.1, {number}.2 …) or listed as a), b) "
        "under the heading.",
    ),
    "loaders.agreement.warning.hyphen_joined": (
        "{place}: i tiltak {code} er ord delt over to linjer satt sammen igjen ({words}). Sjekk at det "
        "ikke var en ekte bindestrek.",
        "{place}: in commitment {code}, words broken over two lines were joined again ({words}). Check "
        "that it was not a real hyphen.",
    ),
    "loaders.agreement.warning.number_jump": (
        "{place}: tiltak {code} følger etter et hopp i nummereringen; {expected} mangler. Sjekk at "
        "ingen tiltak er lest som tekst.",
        "{place}: commitment {code} follows a gap in the numbering; {expected} is missing. Check that no "
        "commitment was read as text.",
    ),
    "loaders.agreement.warning.area_number_jump": (
        "{place}: innsatsområde {number} følger etter et hopp i nummereringen; innsatsområde {expected} "
        "mangler. Sjekk at overskriften er skrevet som «{expected} - Tittel».",
        "{place}: focus area {number} follows a gap in the numbering; focus area {expected} is missing. "
        "Check that its heading is written as “{expected} - Title”.",
    ),
    "loaders.agreement.saved": (
        "Avtale {period} for {region}: {added} lagt til, {changed} endret, {unchanged} uendret, "
        "{retired} utgått (opplasting {upload}).",
        "Agreement {period} for {region}: {added} new, {changed} changed, {unchanged} unchanged, "
        "{retired} retired (upload {upload}).",
    ),
    # Commitment catalogues: loaders/catalogue.py
    "loaders.catalogue.rejected": (
        "Filen har {count} feil i arket «{sheet}»: {shown}.",
        "Errors in the sheet “{sheet}”: {count}. {shown}.",
    ),
    "loaders.catalogue.rejected_more": (
        "Filen har {count} feil i arket «{sheet}»: {shown}; og {more} til.",
        "Errors in the sheet “{sheet}”: {count}. {shown}; and {more} more.",
    ),
    "loaders.catalogue.no_header": (
        "Fant ikke overskriftene i arket «{sheet}» blant de {rows} første radene. "
        "Arket må ha kolonnene Region, Nr og Tiltak (eller Region, Code og Commitment).",
        "Could not find the headers in the sheet “{sheet}” among the first {rows} rows. "
        "The sheet must have the columns Region, Nr and Tiltak (or Region, Code and Commitment).",
    ),
    # The organisation workbook: loaders/organisation.py
    "loaders.organisation.no_sheet": (
        "Filen har ingen av arkene i organisasjonsfilen ({sheets}), eller de mangler overskriftene sine.",
        "The file has none of the organisation workbook's sheets ({sheets}), or they lack their headers.",
    ),
    "loaders.organisation.rejected": (
        "Organisasjonsfilen er ikke lagret; ingenting er endret. Antall feil: {count}.",
        "The organisation workbook was not saved; nothing changed. Errors: {count}.",
    ),
    "loaders.organisation.saved": (
        "Organisasjonen er lagret. Rader lagt til: {added}, tatt bort: {removed}.",
        "The organisation has been saved. Rows added: {added}, removed: {removed}.",
    ),
    "loaders.organisation.dry_run": (
        "Prøvekjøring, ingenting er lagret. Ved lagring legges rader til: {added}, tas bort: {removed}.",
        "Dry run, nothing saved. Saving would add rows: {added}, remove: {removed}.",
    ),
    "loaders.organisation.unchanged": (
        "Ingen endringer: organisasjonen er allerede slik filen sier.",
        "No changes: the organisation is already as the file says.",
    ),
    "loaders.organisation.blank": ("verdien mangler.", "the value is missing."),
    "loaders.organisation.bad_email": (
        "ikke en gyldig e-postadresse: {problem}",
        "not a valid e-mail address: {problem}",
    ),
    "loaders.organisation.several_emails": (
        "flere e-postadresser i én celle. Skriv én adresse for kontaktpersonen.",
        "several e-mail addresses in one cell. Write one address for the contact.",
    ),
    "loaders.organisation.contact_twice": (
        "{region} har alt «{other}» her på en annen rad. Skriv kontakten på én rad.",
        "{region} already has “{other}” here on another row. Write the contact on one row.",
    ),
    "loaders.organisation.names_twice": (
        "Ingenting er lagret: {names} står to ganger.",
        "Nothing was saved: {names} is listed twice.",
    ),
    "loaders.organisation.bad_date": (
        "ukjent dato. Skriv datoen som 01.01.2024 eller 2024-01-01.",
        "not a date. Write the date as 01.01.2024 or 2024-01-01.",
    ),
    "loaders.organisation.bad_county_number": (
        "et fylkesnummer har to sifre, for eksempel 31.",
        "a county number has two digits, e.g. 31.",
    ),
    "loaders.organisation.county_twice": (
        "fylkeskommunen står her for andre gang.",
        "the county is listed here a second time.",
    ),
    "loaders.organisation.ends_before_start": ("sluttdatoen er før startdatoen.", "the end is before the start."),
    "loaders.organisation.unknown_county": (
        "ukjent fylkeskommune. Kjente fylkeskommuner: {known}.",
        "unknown county. Known counties: {known}.",
    ),
    "loaders.organisation.own_predecessor": (
        "en fylkeskommune kan ikke etterfølge seg selv.",
        "a county cannot succeed itself.",
    ),
    "loaders.organisation.unit_twice": (
        "enheten står allerede for {county}.",
        "the unit is already listed for {county}.",
    ),
    "loaders.organisation.short_name_taken": (
        "regionen {other} har allerede dette navnet eller kortnavnet. Er det samme region med nytt navn, "
        "skriv «{other}» under «Tidligere navn».",
        "the region {other} already has this name or short name. If it is the same region under a new name, "
        "write “{other}” under “Former names”.",
    ),
    "loaders.organisation.short_name_twice": (
        "kortnavnet står allerede for {other} i arket.",
        "the short name is already given to {other} in the sheet.",
    ),
    "loaders.organisation.region_span_twice": (
        "{region} har allerede en rad med denne «Fra»-datoen. Én rad per fylkeskommune regionen har hatt.",
        "{region} already has a row with this “From” date. One row per county the region has had.",
    ),
    "loaders.organisation.bad_former_name": (
        "«{part}» har ingen dato etter «til». Skriv for eksempel «Follorådet (til 31.12.2023)».",
        "“{part}” has no date after “until”. Write e.g. “Follorådet (until 31.12.2023)”.",
    ),
    "loaders.organisation.former_name_words": (
        "skriv den siste dagen med navnet etter «til» i parentesen, for eksempel «Follorådet (til 31.12.2023)».",
        "write the last day of the name after “until” in the brackets, e.g. “Follorådet (until 31.12.2023)”.",
    ),
    "loaders.organisation.unknown_region": (
        "regionen står verken i arket «Regioner» eller i registeret.",
        "the region is neither in the sheet “Regions” nor in the register.",
    ),
    "loaders.organisation.bad_municipality_number": (
        "et kommunenummer har fire sifre, for eksempel 3118.",
        "a municipality number has four digits, e.g. 3118.",
    ),
    "loaders.organisation.unknown_municipality": (
        "ukjent kommunenummer: SSBs kommuneliste har det ikke.",
        "unknown municipality number: SSB's list of municipalities does not have it.",
    ),
    "loaders.organisation.member_twice": (
        "kommunen står allerede som medlem av {region}.",
        "the municipality is already listed as a member of {region}.",
    ),
    "loaders.organisation.renumbered": (
        "nummeret gjaldt ikke {day}; da var det {numbers}. Skriv det nye nummeret med «Fra» {day}.",
        "the number was not in force on {day}; by then it was {numbers}. Write the new number from {day}.",
    ),
    "loaders.organisation.not_in_force": (
        "nummeret gjaldt ikke {day} etter SSBs kommuneliste.",
        "the number was not in force on {day} according to SSB's list of municipalities.",
    ),
    "loaders.organisation.other_name": (
        "kommunenummer {number} er {ssb} i SSBs kommuneliste. Rett nummeret, eller la «Kommune» stå tom.",
        "municipality number {number} is {ssb} in SSB's list of municipalities. "
        "Correct the number, or leave “Municipality” blank.",
    ),
    "loaders.organisation.status_word_taken": (
        "ordet betyr allerede «{status}» for alle fylkeskommuner og kan ikke bety noe annet.",
        "the word already means “{status}” for every county and cannot mean anything else.",
    ),
    "loaders.organisation.words_taken": (
        "Ingenting er lagret: {words} betyr allerede en annen status for alle fylkeskommuner.",
        "Nothing was saved: {words} already means another status for every county.",
    ),
    "loaders.organisation.unread_columns": (
        "kolonnene {columns} leses ikke. Kolonnene som leses er {known}.",
        "the columns {columns} are not read. The columns read are {known}.",
    ),
    "loaders.organisation.unknown_status": (
        "ukjent status. Velg en av: {allowed}.",
        "unknown status. Choose one of: {allowed}.",
    ),
    "loaders.organisation.word_twice": (
        "ordet står allerede for {county}.",
        "the word is already listed for {county}.",
    ),
    "loaders.organisation.region_without_county": (
        "fylkeskommunen mangler for {region}.",
        "the county is missing for {region}.",
    ),
    "loaders.organisation.number_ended": (
        "nummeret gjaldt bare til {last}; den {day} var det {numbers}. Skriv {numbers} for medlemskapet fra {day}.",
        "the number was in force only until {last}; on {day} it was {numbers}. Write {numbers} for the "
        "membership from {day}.",
    ),
    "loaders.organisation.number_not_yet": (
        "nummeret gjaldt først fra {first}; før det var det {numbers}. Skriv det gamle nummeret for tiden før.",
        "the number was in force only from {first}; before then it was {numbers}. Write the old number for "
        "the time before.",
    ),
    "loaders.organisation.number_never_in_force": (
        "nummeret gjaldt ikke på noen av dagene i medlemskapet etter SSBs kommuneliste.",
        "the number was in force on none of the membership's days according to SSB's list of municipalities.",
    ),
    "loaders.organisation.number_ended_open": (
        "nummeret gjaldt bare til {last}, men medlemskapet har ingen «Til». Skriv «Til» {last}, og {numbers} "
        "med «Fra» {day}.",
        "the number was in force only until {last}, but the membership has no “To”. Write “To” {last}, and "
        "{numbers} “From” {day}.",
    ),
    "loaders.organisation.units_replaced": (
        "ny enhet. Tiltakene til {dropped}, som tas bort, blir stående på den gamle enheten (inaktiv), ikke på "
        "den nye. Er den nye et nytt navn på den gamle, gi heller enheten nytt navn under «{editor}» på siden "
        "{page}; da følger tiltakene med.",
        "a new unit. The commitments of {dropped}, which is taken away, stay with the old unit (inactive), not "
        "with the new one. If the new one is a new name for the old, rename the unit under “{editor}” on the "
        "{page} page instead; then its commitments follow.",
    ),
    "loaders.catalogue.empty": (
        "Arket «{sheet}» har ingen tiltak under overskriftsraden.",
        "The sheet “{sheet}” has no commitments below the header row.",
    ),
    "loaders.catalogue.region_missing": ("mangler region", "the region is missing"),
    "loaders.catalogue.code_is_date": (
        "Excel har gjort nummeret om til en dato; skriv det som tekst (med ' foran)",
        "Excel has turned the number into a date; write it as text (with ' in front)",
    ),
    "loaders.catalogue.code_missing": ("mangler nummer", "the number is missing"),
    "loaders.catalogue.text_missing": ("mangler tiltakstekst", "the commitment text is missing"),
    "loaders.catalogue.hashtag_without_focus_area": (
        "en emneknagg hører til et innsatsområde, men raden har ikke innsatsområde",
        "a hashtag belongs to a focus area, but the row has no focus area",
    ),
    "loaders.catalogue.unknown_council_area": (
        "«{text}» er ikke et rådsområde; bruk ett av {allowed}",
        "“{text}” is not a council area; use one of {allowed}",
    ),
    "loaders.catalogue.invalid_sdgs": (
        "«{text}» er ikke bærekraftsmål; skriv tall fra 1 til 17, for eksempel «9; 11»",
        "“{text}” are not sustainable development goals; write numbers from 1 to 17, for example “9; 11”",
    ),
    "loaders.catalogue.numeric_twin": (
        "Excel har lagret nummeret som tallet {number}, som ikke kan skilles fra {twin} på rad {row}; "
        "skriv numrene som tekst (med ' foran)",
        "Excel has stored the number as the number {number}, which cannot be told apart from {twin} on row {row}; "
        "write the numbers as text (with ' in front)",
    ),
    "loaders.catalogue.code_twice": (
        "nummeret {code} står allerede på rad {row} for {region}",
        "the number {code} is already on row {row} for {region}",
    ),
    "loaders.catalogue.two_periods": (
        "{region} har perioden «{period}» på rad {row}; en fil kan ha bare én periode per region",
        "{region} has the period “{period}” on row {row}; a file can have only one period per region",
    ),
    "loaders.catalogue.focus_area_title": (
        "innsatsområde {number} heter «{title}» på rad {row}",
        "focus area {number} is called “{title}” on row {row}",
    ),
    "loaders.catalogue.focus_area_hashtag": (
        "innsatsområde {number} har emneknaggen {hashtag} på rad {row}",
        "focus area {number} has the hashtag {hashtag} on row {row}",
    ),
    "loaders.catalogue.focus_area_sdgs": (
        "innsatsområde {number} har bærekraftsmålene {sdgs} på rad {row}",
        "focus area {number} has the goals {sdgs} on row {row}",
    ),
    "loaders.catalogue.focus_sdgs_without_focus_area": (
        "innsatsområdets bærekraftsmål hører til et innsatsområde, men raden har ikke innsatsområde",
        "the focus area's goals belong to a focus area, but the row has no focus area",
    ),
    "loaders.catalogue.two_titles": (
        "{region} har avtaletittelen «{title}» på rad {row}; en avtale har bare én tittel",
        "{region} has the agreement title “{title}” on row {row}; an agreement has only one title",
    ),
    "loaders.catalogue.invalid_deadline": (
        "«{text}» er skrevet som en dato, men den dagen finnes ikke; skriv for eksempel 31.12.2024",
        "“{text}” is written as a date, but there is no such day; write for example 31.12.2024",
    ),
    "loaders.catalogue.invalid_amount": (
        "«{text}» er ikke et beløp i hele kroner; skriv for eksempel 500 000",
        "“{text}” is not an amount in whole kroner; write for example 500 000",
    ),
    "loaders.catalogue.focus_area_needs_title": (
        "innsatsområde {number} finnes ikke fra før og trenger en tittel, for eksempel «{number} - Tittel»",
        "focus area {number} does not exist yet and needs a title, for example “{number} - Title”",
    ),
    "loaders.catalogue.saved": (
        "Lagret som opplasting {upload}: {added} lagt til, {changed} endret, {unchanged} uendret tiltak for {regions}.",
        "Saved as upload {upload}: {added} new, {changed} changed, {unchanged} unchanged commitments for {regions}.",
    ),
    "loaders.catalogue.saved_new_regions": (
        "Lagret som opplasting {upload}: {added} lagt til, {changed} endret, {unchanged} uendret tiltak for {regions}. "
        "Nye regioner: {new_regions}.",
        "Saved as upload {upload}: {added} new, {changed} changed, {unchanged} unchanged commitments for {regions}. "
        "New regions: {new_regions}.",
    ),
    # The demo database: loaders/demo/build.py
    "loaders.demo.counts": (
        "{regions} regioner, {commitments} tiltak, {reports} statusrapporter, {uploads} opplastinger",
        "{regions} regions, {commitments} commitments, {reports} status reports, {uploads} uploads",
    ),
    "loaders.demo.built": (
        "Demodatabasen er bygget i {path}: {counts}.\n"
        "Alle kan lese uten å logge inn. For å laste opp og tilbakestille: logg inn som "
        "«{username}» med passordet {password} (nytt passord: python -m loaders user passwd {username}).",
        "The demo database is built in {path}: {counts}.\n"
        "Anyone can read without signing in. To upload and roll back: sign in as "
        "“{username}” with the password {password} (new password: python -m loaders user passwd {username}).",
    ),
    "loaders.demo.exists": (
        "{path} har allerede data ({counts}); ingenting er endret. Bruk --force for å bygge på nytt.",
        "{path} already has data ({counts}); nothing was changed. Use --force to build it again.",
    ),
    # The reminders command: loaders/__main__.py remind
    "cli.remind.line": (
        "{region} · {kind} · {quarter} · frist {deadline} · til: {recipients}",
        "{region} · {kind} · {quarter} · deadline {deadline} · to: {recipients}",
    ),
    "cli.remind.no_address": ("ingen e-postadresse", "no e-mail address"),
    "cli.remind.nothing": (
        "Ingen påminnelser skal sendes {day}: alle har levert, eller de er alt sendt.",
        "No reminders are due on {day}: everyone has delivered, or they have been sent already.",
    ),
    "cli.remind.dry_run.one": (
        "Prøvekjøring: {count} påminnelse ville blitt sendt; ingenting er sendt eller logget.",
        "Dry run: {count} reminder would be sent; nothing was sent or logged.",
    ),
    "cli.remind.dry_run.other": (
        "Prøvekjøring: {count} påminnelser ville blitt sendt; ingenting er sendt eller logget.",
        "Dry run: {count} reminders would be sent; nothing was sent or logged.",
    ),
    "cli.remind.failed": ("{region}: {error}", "{region}: {error}"),
    "cli.remind.no_recipients": (
        "{region}: ingen e-postadresse, så ingen påminnelse; legg inn en kontaktperson eller e-post på rapportøren.",
        "{region}: no e-mail address, so no reminder; add a contact or an e-mail address for the reporter.",
    ),
    "cli.remind.done.one": (
        "{sent} av {count} påminnelse sendt, {failed} feilet, {empty} uten mottakere.",
        "{sent} of {count} reminder sent, {failed} failed, {empty} without recipients.",
    ),
    "cli.remind.done.other": (
        "{sent} av {count} påminnelser sendt, {failed} feilet, {empty} uten mottakere.",
        "{sent} of {count} reminders sent, {failed} failed, {empty} without recipients.",
    ),
    # The command line: loaders/__main__.py
    "cli.no_acting_user": (
        "Oppgi hvilken bruker du laster som: --as BRUKERNAVN (eller sett DASHBOARD_USER). "
        "Opprett en bruker med «python -m loaders user add».",
        "Say which user you load as: --as USERNAME (or set DASHBOARD_USER). "
        "Create a user with “python -m loaders user add”.",
    ),
    "cli.cannot_use_file": (
        "Kan ikke lese eller skrive filen: {reason}; ingenting er endret.",
        "Cannot read or write the file: {reason}; nothing was changed.",
    ),
    "cli.interrupted": ("Avbrutt; ingenting ble lagret.", "Interrupted; nothing was saved."),
    "cli.restore_new_hint": (
        "Sjekk --db og DASHBOARD_DB. Er databasen tapt, lag den av sikkerhetskopien med "
        "«python -m loaders restore FIL --new».",
        "Check --db and DASHBOARD_DB. If the database is lost, make it from the backup with "
        '"python -m loaders restore FILE --new".',
    ),
    "cli.database_missing_hint": (
        "Sjekk --db og DASHBOARD_DB. En ny database lages med «python -m loaders user add» "
        "eller «python -m loaders demo».",
        "Check --db and DASHBOARD_DB. A new database is made by “python -m loaders user add” "
        "or “python -m loaders demo”.",
    ),
    "cli.unknown_user_hint": (
        "Brukerne står i «python -m loaders user list».",
        "The users are listed by “python -m loaders user list”.",
    ),
    "cli.warning": ("Advarsel: {warning}", "Warning: {warning}"),
    "cli.organisation.added": ("+ {sheet}: {row}", "+ {sheet}: {row}"),
    "cli.organisation.removed": ("− {sheet}: {row}", "− {sheet}: {row}"),
    "cli.agreement.heading": (
        "Avtale {period} for {region} fra «{file}»: {areas}, {commitments}.",
        "Agreement {period} for {region} from “{file}”: {areas}, {commitments}.",
    ),
    "cli.agreement.focus_area": ("Innsatsområde {number}: {title}", "Focus area {number}: {title}"),
    "cli.agreement.hashtags": ("emneknagger: {hashtags}", "hashtags: {hashtags}"),
    "cli.agreement.sdg": ("bærekraftsmål: {sdg}", "goal: {sdg}"),
    "cli.agreement.outside": ("Uten innsatsområde", "Outside any focus area"),
    "cli.agreement.field": ("{field}: {value}", "{field}: {value}"),
    "cli.agreement.report": ("første status: {status}", "first status: {status}"),
    "cli.agreement.warnings.one": ("{count} advarsel:", "{count} warning:"),
    "cli.agreement.warnings.other": ("{count} advarsler:", "{count} warnings:"),
    "cli.agreement.no_warnings": ("Ingen advarsler.", "No warnings."),
    "cli.agreement.new": (
        "{region} har ingen avtale for {period} fra før: alt blir nytt.",
        "{region} has no agreement for {period} yet: everything is new.",
    ),
    "cli.agreement.same": (
        "Avtalen er lik den som er lagret: å lagre den endrer ingenting.",
        "The agreement is the same as the one stored: saving it changes nothing.",
    ),
    "cli.agreement.changes": (
        "Mot den lagrede avtalen: {added} lagt til, {changed} endret, {unchanged} uendret, {retired} utgår "
        "(historikken beholdes).",
        "Against the stored agreement: {added} new, {changed} changed, {unchanged} unchanged, {retired} retired "
        "(history is kept).",
    ),
    "cli.agreement.added": ("Ny {code}: {text}", "New {code}: {text}"),
    "cli.agreement.changed": ("Endret {code}: {what}", "Changed {code}: {what}"),
    "cli.agreement.retired": ("Utgår {code}: {text}", "Retired {code}: {text}"),
    "cli.agreement.area_added": ("Nytt innsatsområde {number}: {title}", "New focus area {number}: {title}"),
    "cli.agreement.area_changed": ("Endret innsatsområde {number}: {what}", "Changed focus area {number}: {what}"),
    "cli.agreement.area_removed": (
        "Innsatsområde {number} utgår: {title}",
        "Focus area {number} is retired: {title}",
    ),
    "cli.agreement.dry_run": (
        "Ingenting er lagret (--dry-run). Kjør uten --dry-run for å lagre.",
        "Nothing was saved (--dry-run). Run without --dry-run to save.",
    ),
    "cli.already_loaded": (
        "Den samme filen er lastet før (opplasting {upload}).",
        "The very same file was loaded before (upload {upload}).",
    ),
    "cli.template_written.one": (
        "Mal med {count} tiltak skrevet til {path}.",
        "Template with {count} commitment written to {path}.",
    ),
    "cli.template_written.other": (
        "Mal med {count} tiltak skrevet til {path}.",
        "Template with {count} commitments written to {path}.",
    ),
    "cli.not_updated": (
        "Ikke oppdatert: rad {row} (tiltak {code}, {region}) gjentar bare rapporten for {quarter}.",
        "Not updated: row {row} (commitment {code}, {region}) only repeats the report for {quarter}.",
    ),
    "cli.not_updated_hint": (
        "Rader som ikke er oppdatert, lagres ikke. Er statusen faktisk uendret, last filen med --keep-not-updated.",
        "Rows that are not updated are not saved. If the status really is unchanged, load the file with "
        "--keep-not-updated.",
    ),
    "cli.quarter_hint": (
        "Legg til kolonnen «Kvartal» i filen, eller oppgi kvartalet for hele filen med --quarter.",
        "Add a “Kvartal” column to the file, or give the quarter for the whole file with --quarter.",
    ),
    "cli.exported.one": ("{count} rad eksportert til {path}.", "{count} row exported to {path}."),
    "cli.exported.other": ("{count} rader eksportert til {path}.", "{count} rows exported to {path}."),
    "cli.no_uploads": ("Ingen opplastinger ennå.", "No uploads yet."),
    "cli.rolled_back": ("tilbakestilt {when} av {who}", "rolled back {when} by {who}"),
    "cli.reading_open": ("Alle kan lese uten å logge inn.", "Anyone can read without signing in."),
    "cli.reading_closed": ("Bare innloggede brukere kan lese.", "Only signed-in users can read."),
    "cli.password": ("Passord: ", "Password: "),
    "cli.password_again": ("Gjenta passordet: ", "Repeat the password: "),
    "cli.passwords_differ": (
        "Passordene er ikke like; ingenting er endret.",
        "The passwords are not the same; nothing was changed.",
    ),
    "cli.user_added": ("Bruker «{username}» opprettet som {role}.", "User “{username}” created as {role}."),
    "cli.scope_everything": ("alt", "everything"),
    "cli.user_removed": ("Bruker «{username}» er fjernet.", "User “{username}” has been removed."),
    "cli.password_set": ("Nytt passord satt for «{username}».", "New password set for “{username}”."),
    "cli.backup_exists_hint": (
        "Velg et annet navn, eller bruk --force for å skrive over.",
        "Choose another name, or use --force to overwrite it.",
    ),
    "cli.backup_written": (
        "Sikkerhetskopi skrevet til {path}: {size} kB, skjemaversjon {schema}, dataversjon {revision}.",
        "Backup written to {path}: {size} kB, schema version {schema}, data revision {revision}.",
    ),
    "cli.restored": (
        "{path} er gjenopprettet fra {file}: skjemaversjon {schema}, dataversjon {revision}. "
        "Dashbordet viser de gjenopprettede dataene fra neste visning.",
        "{path} has been restored from {file}: schema version {schema}, data revision {revision}. "
        "The dashboard shows the restored data from its next rerun.",
    ),
    "cli.restored_before": (
        "Databasen slik den var før, er lagret i {path}.",
        "The database as it was before is kept in {path}.",
    ),
}


def t(key: str, lang: str = "nb", **values: object) -> str:
    """The text for ``key`` in ``lang`` ("nb" or "en"), with ``{placeholders}`` filled in.

    A key with plural forms is two entries, ``key.one`` and ``key.other``; the ``count`` value
    picks one: ``t("export.rows", "en", count=1)`` is "1 row.".

    A value that is :class:`Localised` is worded in ``lang`` too.
    """
    entry = TEXTS.get(key)
    if entry is None:
        entry = TEXTS[f"{key}.{plural_form(values.get('count'))}"]
    nb, en = entry
    text = en if lang == "en" else nb
    if not values:
        return text
    return text.format(**{name: _worded(value, lang) for name, value in values.items()})


def plural_form(count: object) -> str:
    """ "one" or "other": CLDR's rule for both bokmål and English is "one" for exactly 1.

    ``count`` may be the number or a :class:`Deferred` that formats it, ``Deferred(number_text, n)``.
    """
    number = count.args[0] if isinstance(count, Deferred) and count.args else count
    return "one" if number == 1 else "other"


class Localised:
    """A value that reads differently by language: ``message(lang)`` words it, ``str()`` is its bokmål."""

    def message(self, lang: str = "nb") -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.message("nb")


class Text(str, Localised):
    """A text-table entry with its values: a string reading as its bokmål text, ``message(lang)`` in either language."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, **values: object) -> Self:
        text = super().__new__(cls, t(key, "nb", **values))
        text.key = key
        text.values = values
        return text

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:
        # copy and pickle rebuild the text from its key, not from the bokmål.
        return (self.key,), self.values

    def message(self, lang: str = "nb") -> str:
        return t(self.key, lang, **self.values)

    def __repr__(self) -> str:
        return f"Text({self.key!r})"


class Deferred(Localised):
    """A value worded when it is shown: ``Deferred(quarter_label, "2024-Q2")`` calls quarter_label("2024-Q2", lang).

    Keyword arguments go to the function after ``lang``: ``Deferred(join_words, codes, every=True)``.
    """

    def __init__(self, function: Callable[..., str], *args: object, **options: object) -> None:
        self.function = function
        self.args = args
        self.options = options

    def message(self, lang: str = "nb") -> str:
        return self.function(*self.args, lang, **self.options)


def join_words(words: Sequence[str], lang: str = "nb", *, every: bool = False) -> str:
    """ "a, b og c" (or "a, b and c"); with ``every``, "a og b og c"."""
    if len(words) < 2:
        return "".join(words)
    if not every:
        return t("core.list", lang, first=", ".join(words[:-1]), last=words[-1])
    text = words[0]
    for word in words[1:]:
        text = t("core.list", lang, first=text, last=word)
    return text


def quoted_list(words: Sequence[str], lang: str = "nb") -> str:
    """ "«a», «b», «c»" in bokmål, "“a”, “b”, “c”" in English."""
    return ", ".join(t("core.quoted", lang, word=word) for word in words)


def capitalised(value: str, lang: str = "nb") -> str:
    """``value`` worded in ``lang`` with its first letter upper case, to start a sentence."""
    text = str(_worded(value, lang))
    return text[:1].upper() + text[1:]


def _worded(value: object, lang: str) -> object:
    return value.message(lang) if isinstance(value, Localised) else value
