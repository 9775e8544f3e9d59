"""Every label the dashboard shows, in bokmål and English.

``t("kpi.commitments", "en")`` gives the English text; placeholders are filled
from keyword arguments. Bokmål is the default language.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "core.settings.invalid": (
        "Ugyldig verdi for {env}: «{value}» (standard: {default}). Se innstillingene i README.",
        "Invalid value for {env}: “{value}” (default: {default}). See the settings in the README.",
    ),
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
    "filters.latest_quarter": ("Siste kvartal ({quarter})", "Latest quarter ({quarter})"),
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
    # Exports
    "export.excel": ("Last ned som Excel", "Download as Excel"),
    "export.csv": ("Last ned som CSV", "Download as CSV"),
    "export.excel_named": ("{name} (Excel)", "{name} (Excel)"),
    "export.csv_named": ("{name} (CSV)", "{name} (CSV)"),
    "export.intro": (
        "Alle filer følger filtrene til venstre. Excel-filene har en linje øverst som sier hvilket utvalg de viser.",
        "Every file follows the filters on the left. The Excel files say at the top which selection they show.",
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
    "export.report_excel": ("Kvartalsrapport (Excel)", "Quarterly report (Excel)"),
    "export.report_pdf": ("Møtenotat (PDF)", "Meeting brief (PDF)"),
    "export.commitments_title": ("Tiltak og status", "Commitments and status"),
    "export.commitments_heading": ("Tiltak og status for {quarter}", "Commitments and status for {quarter}"),
    "export.history_heading": ("Statushistorikk, alle kvartaler", "Status history, all quarters"),
    "export.rows": ("{count} rader.", "{count} rows."),
    # Upload
    "page.upload": ("Last opp", "Upload"),
    "page.uploads": ("Opplastinger", "Uploads"),
    "page.export": ("Eksport", "Export"),
    "upload.intro": (
        "Kvartalsrunden: last ned malen for regionen, fyll inn status og fremdrift, last den opp igjen, "
        "se over hva som endres, og lagre. Ingenting lagres før du trykker «Lagre».",
        "The quarterly round: download the region's template, fill in status and progress, upload it, "
        "check what will change, and save. Nothing is saved until you press “Save”.",
    ),
    "upload.template_heading": ("1. Last ned malen", "1. Download the template"),
    "upload.template_region": ("Region for malen", "Region for the template"),
    "upload.template_quarter": ("Kvartal for malen", "Quarter for the template"),
    "upload.choose_region": ("Velg region", "Choose region"),
    "upload.download_template": (
        "Last ned mal for {region}, {quarter}",
        "Download the template for {region}, {quarter}",
    ),
    "upload.file_heading": ("2. Last opp utfylt fil", "2. Upload the filled-in file"),
    "upload.file_label": ("Statusfil (.xlsx)", "Status file (.xlsx)"),
    "upload.file_help": (
        "Malen fra steg 1, eller en fil med kolonnene Region, Nr, Kvartal, Status og Fremdrift.",
        "The template from step 1, or a file with the columns Region, Nr, Kvartal, Status and Fremdrift.",
    ),
    "upload.more_options": ("Flere valg", "More options"),
    "upload.file_quarter": ("Kvartal for hele filen", "Quarter for the whole file"),
    "upload.file_quarter_from_file": ("Fra kolonnen «Kvartal» i filen", "From the file's “Kvartal” column"),
    "upload.stage.read": ("Leser filen …", "Reading the file …"),
    "upload.stage.check": ("Kontrollerer radene …", "Checking the rows …"),
    "upload.stage.compare": ("Sammenligner med det som er lagret …", "Comparing with what is saved …"),
    "upload.stage.save": ("Lagrer …", "Saving …"),
    "upload.stage.done": ("Ferdig.", "Done."),
    "upload.review_heading": ("3. Se over og lagre", "3. Review and save"),
    "upload.count.added": ("Nye rapporter", "New reports"),
    "upload.count.changed": ("Endret", "Changed"),
    "upload.count.unchanged": ("Uendret", "Unchanged"),
    "upload.count.newly_delayed": ("Nylig forsinket", "Newly delayed"),
    "upload.count.backwards": ("Fremdrift tilbake", "Progress backwards"),
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
    "upload.rejected": (
        "Filen kan ikke lagres: {count} feil. Ingenting er endret. Rett feilene i tabellen og last opp filen på nytt.",
        "The file cannot be saved: {count} errors. Nothing was changed. Fix the errors in the table and upload it again.",
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
    "upload.col.status_before": ("Status før", "Status before"),
    "upload.col.status_after": ("Status nå", "Status now"),
    "upload.col.progress_before": ("Fremdrift før", "Progress before"),
    "upload.col.progress_after": ("Fremdrift nå", "Progress now"),
    "upload.col.notes": ("Merknad", "Note"),
    "upload.change.added": ("Ny", "New"),
    "upload.change.changed": ("Endret", "Changed"),
    "upload.change.unchanged": ("Uendret", "Unchanged"),
    "upload.flag.newly_delayed": ("Nylig forsinket", "Newly delayed"),
    "upload.flag.backwards": ("Fremdrift går tilbake", "Progress going backwards"),
    "upload.flag.fields": ("endret: {fields}", "changed: {fields}"),
    "upload.flag_help": (
        "Rader merket ⚠ (nylig forsinket) eller ↓ (fremdrift går tilbake) er uthevet. «Før» er verdien som "
        "erstattes, eller siste rapport før kvartalet når tiltaket ikke er rapportert for kvartalet ennå.",
        "Rows marked ⚠ (newly delayed) or ↓ (progress going backwards) are highlighted. “Before” is the value "
        "being replaced, or the latest report before the quarter when the quarter has no report yet.",
    ),
    "upload.show_unchanged": ("Vis også uendrede rader", "Show unchanged rows too"),
    "upload.changes_heading": ("Endringer i filen ({count})", "Changes in the file ({count})"),
    "upload.missing": (
        "{count} av regionens tiltak mangler i filen. De beholder det som er lagret.",
        "{count} of the region's commitments are missing from the file. They keep what is saved.",
    ),
    "upload.missing_list": ("Vis tiltakene som mangler ({count})", "Show the missing commitments ({count})"),
    "upload.save": ("Lagre", "Save"),
    "upload.saved": (
        "Lagret som opplasting {upload}: {added} nye, {changed} endret, {unchanged} uendret.",
        "Saved as upload {upload}: {added} new, {changed} changed, {unchanged} unchanged.",
    ),
    "upload.nothing_changed": (
        "Ingenting ble endret: {unchanged} rapporter var like det som allerede er lagret.",
        "Nothing changed: {unchanged} reports matched what is already saved.",
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
    "uploads.option": ("Nr {number} – {file} ({when})", "No. {number} – {file} ({when})"),
    "uploads.detail_heading": ("Opplasting {number}: {file}", "Upload {number}: {file}"),
    "uploads.detail": (
        "Lastet opp {when} av {who}: {added} nye, {changed} endret, {unchanged} uendret. Sjekksum `{sha256}`.",
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
    "uploads.rolled_back_now": (
        "Opplasting {number} er tilbakestilt: {restored} rapporter fikk tilbake tidligere verdier, {removed} ble fjernet.",
        "Upload {number} is rolled back: {restored} reports got their earlier values back, {removed} were removed.",
    ),
    # Quarterly report (core/report.py)
    "report.title": ("Kvartalsrapport – {quarter}", "Quarterly report – {quarter}"),
    "report.summary_sheet": ("Sammendrag", "Summary"),
    "report.total": ("Totalt", "Total"),
    "report.on_track_share": ("Andel i rute", "Share on track"),
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
        "Det finnes ingen brukere ennå. Opprett en administrator med "
        '`python -m loaders user add BRUKERNAVN --name "Fullt navn" --role administrator`, '
        "eller bygg demodataene på nytt med `python -m loaders demo --force`.",
        "There are no users yet. Create an administrator with "
        '`python -m loaders user add USERNAME --name "Full name" --role administrator`, '
        "or rebuild the demo data with `python -m loaders demo --force`.",
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
    "signin.signed_in_only": ("Logg inn for å se opplastingene.", "Sign in to see the uploads."),
    "signin.scope": ("Du rapporterer for: {scope}.", "You report for: {scope}."),
    "signin.rollback_admins_only": (
        "Bare administratorer kan tilbakestille opplastinger.",
        "Only administrators can roll back uploads.",
    ),
    # --- Messages from the loaders and the command line (keys loaders.*, cli.*) ---
}


def t(key: str, language: str = "nb", **values: object) -> str:
    """The text for ``key`` in ``language``, with ``{placeholders}`` filled in."""
    nb, en = TEXTS[key]
    text = en if language == "en" else nb
    return text.format(**values) if values else text
