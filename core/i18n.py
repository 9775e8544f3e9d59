"""Every text a person sees, in bokmål and English: labels, messages, chart texts, file texts.

``t("kpi.commitments", "en")`` gives the English text; placeholders are filled
from keyword arguments. Bokmål is the default language. A value that is a
:class:`Text` or :class:`Deferred` is rendered in the same language, so an error
raised in core can be shown later in whichever language the reader uses.
"""

from __future__ import annotations

from collections.abc import Callable

# Keys built at run time, as in t(f"col.{column}"): each prefix names a family of keys.
DYNAMIC_PREFIXES: tuple[str, ...] = (
    "col.",
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
    "outputs.export.sheet.",
    "outputs.template.col.",
)

TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("Partnerskapsmonitor", "Partnership monitor"),
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
    # Words used inside other texts
    "core.list": ("{first} og {last}", "{first} and {last}"),
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
    "core.unknown_council_area": ("Ukjent rådsområde «{area}».", "Unknown council area “{area}”."),
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
    "core.unknown_user": ("Fant ingen bruker «{username}».", "There is no user “{username}”."),
    "core.sign_in_failed": ("Feil brukernavn eller passord.", "Wrong username or password."),
    "core.sign_in_locked": (
        "For mange mislykkede forsøk. Prøv igjen om {seconds} sekunder.",
        "Too many failed attempts. Try again in {seconds} seconds.",
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
        "Prøvekjøring – ingenting er lagret: {added} nye, {changed} endret, {unchanged} uendret.",
        "Dry run – nothing was saved: {added} new, {changed} changed, {unchanged} unchanged.",
    ),
    "core.result.nothing": (
        "Ingenting å endre: {added} nye, {changed} endret, {unchanged} uendret.",
        "Nothing to change: {added} new, {changed} changed, {unchanged} unchanged.",
    ),
    "core.result.rolled_back": (
        "Opplasting {upload} er tilbakestilt: {restored} rapporter fikk tilbake tidligere verdier, "
        "{removed} rapporter ble fjernet.",
        "Upload {upload} is rolled back: {restored} reports got their earlier values back, "
        "{removed} reports were removed.",
    ),
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
    "outputs.charts_failed.timeout": (
        "Figurene til PDF-rapporten kunne ikke tegnes: Chromium brukte mer enn {seconds} sekunder. {hint}",
        "The charts for the PDF report could not be drawn: Chromium took more than {seconds} seconds. {hint}",
    ),
    "outputs.charts_failed.stopped": (
        "Figurene til PDF-rapporten kunne ikke tegnes: Chromium ({browser}) startet ikke eller stoppet underveis. {hint}",
        "The charts for the PDF report could not be drawn: Chromium ({browser}) did not start or stopped midway. {hint}",
    ),
    "outputs.charts_failed.error": (
        "Figurene til PDF-rapporten kunne ikke tegnes: Chromium meldte en feil ({error}). {hint}",
        "The charts for the PDF report could not be drawn: Chromium reported an error ({error}). {hint}",
    ),
    "outputs.charts_failed.plotly_missing": (
        "Figurene til PDF-rapporten kunne ikke tegnes: {path} mangler. "
        "Installer pakkene på nytt med «pip install -r requirements.txt».",
        "The charts for the PDF report could not be drawn: {path} is missing. "
        "Reinstall the packages with “pip install -r requirements.txt”.",
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
        "Fill in the yellow columns for every commitment. Do not change Region, Nr or Kvartal. See the sheet “Veiledning”.",
    ),
    "outputs.template.status_title": ("Status", "Status"),
    "outputs.template.status_input": ("Velg fra listen: {statuses}.", "Choose from the list: {statuses}."),
    "outputs.template.status_error_title": ("Ugyldig status", "Invalid status"),
    "outputs.template.status_error": ("Status må være en av: {statuses}.", "Status must be one of: {statuses}."),
    "outputs.template.progress_title": ("Fremdrift i prosent", "Progress in per cent"),
    "outputs.template.progress_input": (
        "Skriv et helt tall fra 0 til 100, uten %-tegn.",
        "Write a whole number from 0 to 100, without a % sign.",
    ),
    "outputs.template.progress_error_title": ("Ugyldig fremdrift", "Invalid progress"),
    "outputs.template.progress_error": (
        "Fremdrift må være et helt tall fra 0 til 100.",
        "Progress must be a whole number from 0 to 100.",
    ),
    "outputs.template.guide.heading": ("Slik fyller du ut statusrapporten", "How to fill in the status report"),
    "outputs.template.guide.file": (
        "Denne filen gjelder {region} for {quarter} ({code}). "
        "Én fil gjelder ett kvartal: for et annet kvartal må du laste ned en ny mal.",
        "This file is for {region} for {quarter} ({code}). "
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
        "Kvartal: kvartalet rapporten gjelder ({code} betyr {quarter}). Ikke endre.",
        "Kvartal: the quarter the report is for ({code} means {quarter}). Do not change.",
    ),
    "outputs.template.guide.status": (
        "Status: velg fra listen: {statuses}. Må fylles ut for hvert tiltak.",
        "Status: choose from the list: {statuses}. Must be filled in for every commitment.",
    ),
    "outputs.template.guide.progress": (
        "Fremdrift (%): hvor langt tiltaket har kommet, som et helt tall fra 0 til 100. Skriv 40, ikke 40 %.",
        "Fremdrift (%): how far the commitment has come, as a whole number from 0 to 100. Write 40, not 40 %.",
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
        "Status, Fremdrift og Ansvarlig er fylt ut fra forrige rapport. Har ingenting endret seg, "
        "kan de stå som de er. Er det allerede rapportert for kvartalet, står det som ble rapportert.",
        "Status, Fremdrift and Ansvarlig are filled in from the previous report. If nothing has changed, "
        "they can stay as they are. If the quarter has been reported already, what was reported is filled in.",
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
    "outputs.chart.status_over_time.on_track": (
        "{share} av {total} tiltak i rute",
        "{share} of {total} commitments were on track",
    ),
    "outputs.chart.status_over_time.delayed": ("{share} forsinket", "{share} delayed"),
    "outputs.chart.status_over_time.completed": ("{share} fullført", "{share} completed"),
    "outputs.chart.status_over_time.not_reported": ("{share} ikke rapportert", "{share} not reported"),
    "outputs.chart.status_over_time.summary": ("I {quarter} var {parts}.", "In {quarter}, {parts}."),
    "outputs.chart.status_breakdown": ("Status per {group}", "Status by {group}"),
    "outputs.chart.status_breakdown.none_delayed": ("Ingen tiltak er forsinket.", "No commitments are delayed."),
    "outputs.chart.status_breakdown.summary": (
        "«{group}» har høyest andel forsinkede tiltak: {delayed} av {total} ({share}).",
        "“{group}” has the highest share of delayed commitments: {delayed} of {total} ({share}).",
    ),
    "outputs.chart.heatmap": ("Andel i rute per region og rådsområde", "Share on track by region and council area"),
    "outputs.chart.heatmap.summary": (
        "Lavest andel i rute har «{region}» innen «{area}»: {of} ({share}); "
        "samlet er {overall} av {total} tiltak i rute.",
        "The lowest share on track is “{region}” in “{area}”: {of} ({share}); "
        "overall, {overall} of {total} commitments are on track.",
    ),
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
    "outputs.chart.sdg_bar": ("Tiltak per bærekraftsmål", "Commitments by SDG"),
    "outputs.chart.sdg_bar.one": ("Flest tiltak gjelder {sdg}: {count}.", "Most commitments concern {sdg}: {count}."),
    "outputs.chart.sdg_bar.summary": (
        "Flest tiltak gjelder {sdg}: {count}, {share} av dem i rute.",
        "Most commitments concern {sdg}: {count}, {share} of them on track.",
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


def t(key: str, lang: str = "nb", **values: object) -> str:
    """The text for ``key`` in ``lang`` ("nb" or "en"), with ``{placeholders}`` filled in."""
    nb, en = TEXTS[key]
    text = en if lang == "en" else nb
    if not values:
        return text
    return text.format(**{name: _rendered(value, lang) for name, value in values.items()})


class Text:
    """A text-table entry whose language is chosen when it is shown, for a value inside another text."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values

    def render(self, lang: str = "nb") -> str:
        return t(self.key, lang, **self.values)

    def __repr__(self) -> str:
        return f"Text({self.key!r})"


class Deferred:
    """A value worded when it is shown: ``Deferred(quarter_label, "2024-Q2")`` calls quarter_label("2024-Q2", lang)."""

    def __init__(self, function: Callable[..., str], *args: object) -> None:
        self.function = function
        self.args = args

    def render(self, lang: str = "nb") -> str:
        return self.function(*self.args, lang)


def join_words(words: list[str], lang: str = "nb") -> str:
    """ "a, b og c" (or "a, b and c")."""
    if len(words) < 2:
        return "".join(words)
    return t("core.list", lang, first=", ".join(words[:-1]), last=words[-1])


def _rendered(value: object, lang: str) -> object:
    return value.render(lang) if isinstance(value, (Text, Deferred)) else value
