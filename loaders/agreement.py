"""Loading a partnership agreement's special part into the register.

``loaders.agreement_sources`` turns the file into lines, ``loaders.agreement_layout``
reads the focus areas and commitments from them, and this module previews and saves
the result. A preview never writes: the administrator reads it (on Avtaler, or with
``--dry-run``) and only ``save_preview`` changes the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from core.access import require_admin
from core.errors import MonitorError, NoSuchAgreement, UnknownRegion
from core.i18n import Deferred, quoted_list, t
from core.lineage import active_codes, agreement_name
from core.organisation import County, counties_on, find_county, get_county, status_aliases
from core.queries import council_area_names
from core.register import (
    Agreement,
    AgreementChanges,
    FirstReport,
    FirstReportsFor,
    agreement_changes,
    agreement_county_id,
    period_years,
    predecessor_agreement,
    region_lookup,
    save_agreements_as_upload,
    stored_agreement,
)
from core.uploads import file_sha256
from core.users import User
from core.vocabulary import (
    amount_text,
    clean_text,
    deadline_text,
    fold,
    parse_quarter,
    quarter_label,
    quarter_of_date,
)
from loaders.agreement_layout import LayoutWarning, normalise_period, parse_lines
from loaders.agreement_sources import Furniture, read_document, read_lines
from loaders.catalogue import catalogue_sheet, sheet_agreements
from loaders.errors import (
    CatalogueNotTheAgreement,
    CouncilAreaNotListed,
    CountyEnded,
    MissingRegion,
    NotInPredecessor,
    QuarterOutsidePeriod,
)


@dataclass(frozen=True)
class LoadSummary:
    upload_id: int
    region: str
    period: str
    added: int
    changed: int
    unchanged: int
    retired: int
    # The first status reports from the document's Status column, when the administrator saved them:
    # their quarter, their own upload (None when all were there already), how many were written, and
    # the codes left as they were because the quarter already had a different report.
    report_quarter: str | None = None
    report_upload_id: int | None = None
    reports_saved: int = 0
    report_conflicts: tuple[str, ...] = ()
    continues: str | None = None  # the earlier agreement it carries on, as people name it ("Viken 2022–2023")

    def message(self, lang: str = "nb") -> str:
        """One line for the person who loaded the agreement."""
        saved = t(
            "loaders.agreement.saved",
            lang,
            period=self.period,
            region=self.region,
            added=self.added,
            changed=self.changed,
            unchanged=self.unchanged,
            retired=self.retired,
            upload=self.upload_id,
        )
        parts = [saved]
        if self.continues:
            parts.append(t("loaders.agreement.carried_on", lang, previous=self.continues))
        if self.report_quarter is None:
            return " ".join(parts)
        quarter = quarter_label(self.report_quarter, lang)
        if self.report_upload_id is not None:
            parts.append(
                t(
                    "loaders.agreement.first_reports_saved",
                    lang,
                    count=self.reports_saved,
                    quarter=quarter,
                    upload=self.report_upload_id,
                )
            )
        if self.report_conflicts:
            parts.append(
                t(
                    "loaders.agreement.first_reports_kept",
                    lang,
                    count=len(self.report_conflicts),
                    quarter=quarter,
                    codes=", ".join(self.report_conflicts),
                )
            )
        return " ".join(parts)


@dataclass(frozen=True)
class AgreementPreview:
    """An agreement file as understood, and what saving it would change; nothing is saved yet."""

    region: str
    period: str
    file_name: str
    sha256: str
    agreement: Agreement
    warnings: list[LayoutWarning]
    reports: dict[str, FirstReport]  # by commitment code, from the document's Status column
    changes: AgreementChanges | None  # None: the region has no agreement for the period yet
    dated: dt.date | None  # the date the document names, where it names one
    report_quarter: str | None  # the quarter it is dated in, as core writes quarters
    new_region: bool = False  # the region is not in the register: saving creates it
    # The county it is saved under (counties.name); None while there is none to take: the page asks.
    county: str | None = None
    # The region's earlier agreement that a new one carries on ("Viken 2022–2023"), where there is one,
    # and its active commitments' codes in order.
    continues: str | None = None
    predecessor_codes: tuple[str, ...] = ()

    @property
    def is_new(self) -> bool:
        return self.changes is None

    @property
    def same_as_stored(self) -> bool:
        """Whether saving would change nothing in the stored agreement."""
        return self.changes is not None and not any_change(self.changes)


def any_change(changes: AgreementChanges) -> bool:
    """Whether saving would change a stored commitment or focus area (the title aside)."""
    return bool(
        changes.added
        or changes.changed
        or changes.retired
        or changes.focus_areas_added
        or changes.focus_areas_changed
        or changes.focus_areas_removed
    )


# The text key naming each field a change can touch (core.register's COMMITMENT_FIELDS, FOCUS_AREA_FIELDS).
FIELD_NAMES = {
    "text": "col.text",
    "title": "agreements.col.title",
    "hashtag": "col.hashtag",
    "focus_area": "col.focus_area",
    "council_area": "col.council_area",
    "sdgs": "col.sdgs",
    "deadline": "agreements.col.deadline",
    "amount": "agreements.field.amount",
}


def field_change_text(field: str, before: object, after: object, lang: str) -> str:
    """One field's change in words, «Frist: 2023 → 2023-12-31»; ``before`` and ``after`` are the
    stored and the new commitment (or focus area)."""
    if field == "reactivated":
        return t("agreements.reactivated", lang)
    return t(
        "agreements.field_change",
        lang,
        field=t(FIELD_NAMES[field], lang),
        before=field_value(field, getattr(before, field), lang),
        after=field_value(field, getattr(after, field), lang),
    )


def field_value(field: str, value: object, lang: str) -> str:
    """A field's value as the preview writes it; "–" for none."""
    if value is None or value in ("", []):
        return "–"
    if field == "sdgs" and isinstance(value, list):
        return ", ".join(str(number) for number in value)
    if field == "amount" and isinstance(value, int):
        return amount_text(value, lang)
    if field == "deadline" and isinstance(value, str):
        return deadline_text(value, lang)
    if field in ("text", "title"):
        return f"«{value}»" if lang == "nb" else f"“{value}”"
    return str(value)


def size_texts(agreement: Agreement, lang: str) -> dict[str, str]:
    """ "2 innsatsområder" and "1 tiltak" for a sentence about the agreement, each in its number."""
    return {
        "areas": t("loaders.agreement.areas", lang, count=len(agreement.focus_areas)),
        "commitments": t("loaders.agreement.commitments", lang, count=len(agreement.commitments)),
    }


def read_agreement(path: str | os.PathLike, period: str | None = None) -> Agreement:
    """Parse an agreement from a file (see ``loaders.agreement_sources`` for the types read)."""
    return parse_lines(read_lines(path), period).agreement


def preview_agreement(
    db: Database,
    path: str | os.PathLike,
    region: str,
    period: str | None = None,
    *,
    file_name: str | None = None,
    county: str | None = None,
) -> AgreementPreview:
    """Read and parse the file, and compare it with the region's stored agreement for its period.

    ``file_name`` is the name the person knows the file by (an upload is read from a
    temporary path). Raises the layout's and the sources' errors, naming the line.

    ``county`` (name or number; UnknownCounty if there is none such) is the county the agreement
    is saved under: its units and status words read the file. Without it, the stored agreement's
    or the region's county when the period begins (core.register.agreement_county_id).

    A workbook whose sheet has a catalogue's header (Region, Nr, Tiltak: what Avtaler's download
    gives) is read as a catalogue instead, and must hold the region's one agreement
    (:func:`catalogue_agreement`); its refusals name the sheet, row and column.
    """
    region = clean_text(region)
    if not region:
        raise MissingRegion("loaders.agreement.no_region")
    chosen = find_county(db, county) if county else None
    try:
        found = catalogue_sheet(path) if Path(path).suffix.lower() == ".xlsx" else None
        if found is not None:
            agreement, region = catalogue_agreement(db, sheet_agreements(db, *found), region, period)
            # A register's council areas are the administrator's own: they win over the stored ones.
            return _preview(db, path, file_name, region, agreement, document=False, county=chosen)
        document = read_document(path)
    except MonitorError as error:
        # An upload is read from a temporary path: the refusal names the file as the person knows it.
        if file_name and error.values.get("file") == Path(path).name:
            error.values["file"] = file_name
            Exception.__init__(error, error.message("nb"))
        raise
    # Read with the units and status words of the county it goes to: chosen, else the region's.
    reading = chosen or _region_county(db, region, period)
    parsed = parse_lines(
        document.lines,
        period,
        council_areas=council_area_names(db, reading.id if reading else None),
        status_aliases=status_aliases(db, reading) if reading else {},
    )
    return _preview(
        db,
        path,
        file_name,
        region,
        parsed.agreement,
        # Said first: they concern the whole document or its pages, not a line of it.
        warnings=[
            *[LayoutWarning("tracked_changes", 0)] * document.tracked_changes,
            *furniture_warnings(document.removed),
            *parsed.warnings,
        ],
        reports=dict(parsed.reports),
        dated=document.dated,
        county=chosen,
    )


def agreement_county(db: Database, region: str, period: str | None) -> str | None:
    """The county (counties.name) an agreement of ``region`` for ``period`` is saved under unless
    another is chosen (core.register.agreement_county_id); None for a region not in the register."""
    county = _region_county(db, region, period)
    return county.name if county else None


def _region_county(db: Database, region: str, period: str | None) -> County | None:
    """The county of the region's agreement for ``period`` (its latest without one): the stored
    agreement's, else the region's then (core.register.agreement_county_id); None for a region not
    in the register or in no county."""
    found = region_lookup(db).get(fold(clean_text(region)))
    county_id = agreement_county_id(db, found.id, clean_text(period or "")) if found is not None else None
    return get_county(db, county_id) if county_id is not None else None


def _preview(
    db: Database,
    path: str | os.PathLike,
    file_name: str | None,
    region: str,
    agreement: Agreement,
    *,
    document: bool = True,
    warnings: list[LayoutWarning] | None = None,
    reports: dict[str, FirstReport] | None = None,
    dated: dt.date | None = None,
    county: County | None = None,
) -> AgreementPreview:
    warnings = list(warnings or [])
    found = region_lookup(db).get(fold(region))
    continues = None
    predecessor_codes: tuple[str, ...] = ()
    county = county or _region_county(db, region, agreement.period)
    if found is not None:
        predecessor = predecessor_agreement(db, found.id, clean_text(agreement.period))
        if predecessor is not None:
            continues = agreement_name(db, predecessor)
            predecessor_codes = active_codes(db, predecessor)
    start_year, _ = period_years(agreement.period)
    # Refused only where a county of the period exists to take it: a database that has only Viken
    # (made before counties were data, and not set up since) goes on as it did.
    if (
        county is not None
        and county.valid_to is not None
        and start_year
        and start_year > county.valid_to.year
        and counties_on(db, dt.date(start_year, 1, 1))
    ):
        raise CountyEnded(
            "loaders.agreement.county_ended",
            county=county.name,
            last=f"{county.valid_to:%d.%m.%Y}",
            period=agreement.period,
        )
    try:
        stored = stored_agreement(db, region, agreement.period)
    except (UnknownRegion, NoSuchAgreement):
        stored = None  # a new region, or a new period: everything is new
    changes = None
    if stored is not None:
        # A council area stored for a commitment is kept when a document is saved, whatever it says
        # (an administrator may have corrected it): show that one, and say where the two differ.
        agreement, kept = with_stored_council_areas(agreement, stored, prefer_stored=document)
        warnings += [
            LayoutWarning("stored_council_area", 0, values={"code": code, "document": document_area, "stored": area})
            for code, document_area, area in kept
        ]
        changes = agreement_changes(db, region, agreement)
    return AgreementPreview(
        region=region,
        period=agreement.period,
        file_name=file_name or Path(path).name,
        sha256=file_sha256(path),
        agreement=agreement,
        warnings=warnings,
        reports=reports or {},
        changes=changes,
        dated=dated,
        # A date outside the period is no quarter to report for (a Word file's creation date, say).
        report_quarter=quarter if dated and in_period(quarter := quarter_of_date(dated), agreement.period) else None,
        new_region=found is None,
        county=county.name if county else None,
        continues=continues,
        predecessor_codes=predecessor_codes,
    )


def catalogue_agreement(
    db: Database, agreements: dict[str, Agreement], region: str, period: str | None
) -> tuple[Agreement, str]:
    """The one agreement of a catalogue workbook, and its region's name as the catalogue keys it.

    A catalogue holds what its rows say, so the page's choices only confirm it: the region chosen
    must be the catalogue's (by name or short name), and a period given must be its Periode.
    Raises ``CatalogueNotTheAgreement`` for several regions, another region or another period.
    """
    if len(agreements) > 1:
        raise CatalogueNotTheAgreement(
            "loaders.agreement.catalogue_regions", regions=Deferred(quoted_list, list(agreements))
        )
    [(name, agreement)] = agreements.items()
    known = region_lookup(db)

    def same(name: str) -> int | str:
        stored = known.get(fold(name))
        return stored.id if stored else fold(name)

    if same(name) != same(region):
        raise CatalogueNotTheAgreement("loaders.agreement.catalogue_region", file_region=name, region=region)
    if period and normalise_period(period) != agreement.period:
        raise CatalogueNotTheAgreement(
            "loaders.agreement.catalogue_period", file_period=agreement.period, period=clean_text(period)
        )
    return agreement, name


def furniture_warnings(removed: Sequence[Furniture]) -> list[LayoutWarning]:
    """What the source took out of a PDF's pages, in the order the pages show it: one warning for
    all page numbers, one for each running header or footer (its digits aside) naming its first and
    last page and on how many pages it stood."""
    pages: dict[tuple[str, str], list[Furniture]] = {}
    for line in removed:
        text = "" if line.kind == "page_number" else re.sub(r"\d+", "#", fold(line.text))
        pages.setdefault((line.kind, text), []).append(line)
    warnings = []
    for (kind, _), lines in pages.items():
        numbers = sorted({line.page for line in lines})
        if kind == "page_number":
            warnings.append(LayoutWarning("page_numbers_removed", 0, numbers[0], {"count": len(numbers)}))
            continue
        values = {"text": lines[0].text, "first": numbers[0], "last": numbers[-1], "count": len(numbers)}
        warnings.append(LayoutWarning(f"running_{kind}", 0, numbers[0], values))
    return warnings


def with_stored_council_areas(
    agreement: Agreement, stored: Agreement, *, prefer_stored: bool = True
) -> tuple[Agreement, list[tuple[str, str, str]]]:
    """The agreement with each blank council area filled from the stored commitment of the same code
    and, with ``prefer_stored``, every other one too; and the (code, the file's council area, the
    stored one) of those where the file named another that gave way."""
    kept = {commitment.code: commitment.council_area for commitment in stored.commitments}
    differing = []
    commitments = []
    for commitment in agreement.commitments:
        area = kept.get(commitment.code)
        if area and commitment.council_area != area and (prefer_stored or not commitment.council_area):
            if commitment.council_area:
                differing.append((commitment.code, commitment.council_area, area))
            commitments.append(dataclasses.replace(commitment, council_area=area))
        else:
            commitments.append(commitment)
    return dataclasses.replace(agreement, commitments=commitments), differing


def save_preview(
    db: Database,
    preview: AgreementPreview,
    *,
    user: User,
    council_areas: dict[str, str | None] | None = None,
    report_quarter: str | None = None,
    carry_on: bool = True,
    carried_from: dict[str, list[str]] | None = None,
) -> LoadSummary:
    """Save the previewed agreement for its region (created if new) in one transaction.

    It is saved under the preview's county (NoCounty when it has none). With ``carry_on``, a new
    agreement carries on the region's earlier one (``AgreementPreview.continues``): a commitment
    under the same code continues, the others end (core.lineage). ``carried_from`` gives instead,
    by the new agreement's code, the earlier agreement's codes it carries on: one code in several
    rows is split, several codes in one row are merged, a code in no row ends. NotInPredecessor
    names a code the earlier agreement does not have.

    ``council_areas`` are the administrator's choices by commitment code (they win over
    the parse); a name not on the county's list is refused, never saved as nothing.
    With ``report_quarter``, the document's Status column is saved as the first status
    reports for that quarter. Matching on focus-area number and commitment code means a
    re-import updates in place: status reports keep their commitments, and a commitment
    no longer in the text is marked inactive rather than deleted, so history is kept.
    """
    require_admin(user, "loaders.action.load_agreements")
    report_quarter = parse_quarter(report_quarter) if report_quarter else None
    if report_quarter and not in_period(report_quarter, preview.period):
        raise QuarterOutsidePeriod(
            "loaders.agreement.quarter_outside_period",
            quarter=Deferred(quarter_label, report_quarter),
            period=preview.period,
        )
    county_id = find_county(db, preview.county).id if preview.county else None
    agreement = with_council_areas(preview.agreement, council_areas or {}, preview_units(db, preview))
    carried = carry_on and preview.continues is not None
    successors = successors_by_code(preview, carried_from) if carried and carried_from is not None else None
    first_reports = (
        {preview.region: FirstReportsFor(report_quarter, dict(preview.reports))}
        if report_quarter and preview.reports
        else None
    )
    saved = save_agreements_as_upload(
        db,
        {preview.region: agreement},
        kind="agreement",
        file_name=preview.file_name,
        sha256=preview.sha256,
        user=user.signature,
        retire_missing=True,
        first_reports=first_reports,
        county_id=county_id,
        carry_on=carried,
        successors_by_code=successors,
    )
    [(region_name, result)] = saved.results.items()
    return LoadSummary(
        upload_id=saved.upload_id,
        region=region_name,
        period=agreement.period,
        added=result.added,
        changed=result.changed,
        unchanged=result.unchanged,
        retired=result.retired,
        report_quarter=report_quarter if first_reports else None,
        report_upload_id=saved.reports.upload_id if saved.reports else None,
        reports_saved=saved.reports.added + saved.reports.changed if saved.reports else 0,
        report_conflicts=tuple(conflict.code for conflict in saved.report_conflicts),
        continues=preview.continues if carried else None,
    )


def preview_units(db: Database, preview: AgreementPreview) -> list[str]:
    """The units a commitment of the previewed agreement may be followed up by: its county's
    (every county's while it has none: the preview already took the region's county where it has one)."""
    return council_area_names(db, find_county(db, preview.county).id if preview.county else None)


def successors_by_code(preview: AgreementPreview, carried_from: dict[str, list[str]]) -> dict[str, list[str]]:
    """``carried_from`` (new code → earlier codes) turned round: each earlier code → the new codes
    carrying it on, in the new agreement's order; none for a code no row names (it ends)."""
    codes = [commitment.code for commitment in preview.agreement.commitments]
    successors: dict[str, list[str]] = {code: [] for code in preview.predecessor_codes}
    for code in codes:
        for earlier in carried_from.get(code, []):
            if earlier not in successors:
                raise NotInPredecessor(
                    "loaders.agreement.not_in_predecessor",
                    code=earlier,
                    new=code,
                    previous=preview.continues or "",
                    known=", ".join(preview.predecessor_codes),
                )
            successors[earlier].append(code)
    return successors


_CODE_LIST = re.compile(r"\s*(?:[,;]|\bog\b|\band\b)\s*|\s+")


def code_list(text: str) -> list[str]:
    """The codes in a cell as people write a list: "2.1, 2.2", "2.1 og 2.2", "2.1; 2.2"."""
    return [code for code in _CODE_LIST.split(clean_text(text)) if code]


def in_period(quarter: str, period: str) -> bool:
    """Whether a quarter ("2025-Q1") falls in an agreement's period ("2025-2026"); a period without
    years (a register's "løpende") holds every quarter."""
    start, end = period_years(period)
    return start is None or end is None or start <= int(quarter[:4]) <= end


def with_council_areas(agreement: Agreement, chosen: dict[str, str | None], known: list[str]) -> Agreement:
    """The agreement with the chosen council areas, by code, written as the county's list writes them.

    Raises ``CouncilAreaNotListed`` for a name not on the list, or a code not in the agreement.
    """
    by_folded = {fold(name): name for name in known}
    codes = {commitment.code for commitment in agreement.commitments}
    for code, name in chosen.items():
        if code not in codes:
            raise CouncilAreaNotListed("loaders.agreement.unknown_code", code=code)
        if name and fold(name) not in by_folded:
            raise CouncilAreaNotListed("loaders.agreement.unknown_council_area", code=code, name=name)
    commitments = [
        dataclasses.replace(commitment, council_area=_known(chosen[commitment.code], by_folded))
        if commitment.code in chosen
        else commitment
        for commitment in agreement.commitments
    ]
    return dataclasses.replace(agreement, commitments=commitments)


def _known(name: str | None, by_folded: dict[str, str]) -> str | None:
    return by_folded[fold(name)] if name else None


def load_agreement(
    db: Database,
    path: str | os.PathLike,
    region: str,
    period: str | None = None,
    *,
    user: User,
) -> LoadSummary:
    """Preview the file and save it as it is: the command line without ``--dry-run``."""
    require_admin(user, "loaders.action.load_agreements")
    preview = preview_agreement(db, path, region, period, file_name=os.fspath(path))
    return save_preview(db, preview, user=user)
