"""The filters every page shares, and the choices offered for each.

A :class:`Filters` is plain frozen data, so the pages can use it as a cache key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd

from core.i18n import TEXTS
from core.settings import setting
from core.vocabulary import STATUS_KEYS, fold, parse_quarter, parse_status

if TYPE_CHECKING:
    # core.dataset sorts regions with norwegian_sort_key, so it imports this module.
    from core.dataset import Dataset

NOT_REPORTED = "not_reported"
# Every status a commitment can have in a quarter: the reported ones, then none.
STATUS_CHOICES: tuple[str, ...] = (*STATUS_KEYS, NOT_REPORTED)

# Æ, Ø, Å come after Z, in that order; the Swedish and German spellings sort
# with them, as Norwegian dictionaries do.
_AFTER_Z = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def norwegian_sort_key(text: str) -> tuple:
    """Sort key for Norwegian alphabetical order, ignoring case and other accents.

    "Aker", "Zeta", "Ære", "Øst", "Ås". Text that differs only in case or
    accents is ordered by the text itself, so the order never depends on input order.
    """
    folded = unicodedata.normalize("NFC", text).casefold().translate(_AFTER_Z)
    stripped = "".join(char for char in unicodedata.normalize("NFD", folded) if not unicodedata.combining(char))
    return stripped, text


@dataclass(frozen=True)
class Filters:
    region: str | None = None  # full region name
    council_area: str | None = None
    sdg: int | None = None
    hashtag: str | None = None
    status: str | None = None  # a status key or "not_reported", in the quarter below
    quarter: str | None = None  # "YYYY-Qn"; None means default_quarter (the latest complete one)
    county: str | None = None  # the county's full name; None means default_county


@dataclass(frozen=True)
class FilterOptions:
    regions: tuple[str, ...]  # Norwegian alphabetical order
    council_areas: tuple[str, ...]  # as the counties list their units (council_area_order)
    sdgs: tuple[int, ...]  # ascending
    hashtags: tuple[str, ...]  # Norwegian alphabetical order
    statuses: tuple[str, ...]  # STATUS_KEYS, then "not_reported"
    quarters: tuple[str, ...]  # newest first
    counties: tuple[str, ...] = ()  # every county with agreements, those still in existence first
    # (former name, region) for the regions above that had other names: links still find them.
    former_regions: tuple[tuple[str, str], ...] = ()


def filter_options(dataset: Dataset, county: str | None = None) -> FilterOptions:
    """The values that occur in the county's data (:func:`county_dataset`; ``county`` None or
    one without agreements: :func:`default_county`), for each filter; statuses are always all of
    them, and the counties every one with agreements."""
    scoped = county_dataset(dataset, effective_county(dataset, Filters(county=county)))
    commitments = scoped.commitments
    present = set(commitments["region"])
    return FilterOptions(
        regions=tuple(sorted(commitments["region"].unique(), key=norwegian_sort_key)),
        council_areas=tuple(council_area_order(commitments)),
        sdgs=tuple(sorted({sdg for sdgs in commitments["sdgs"] for sdg in sdgs})),
        hashtags=tuple(sorted(commitments["hashtag"].dropna().unique(), key=norwegian_sort_key)),
        statuses=STATUS_CHOICES,
        quarters=tuple(reversed(scoped.quarters)),
        counties=agreement_counties(dataset),
        former_regions=tuple(
            (former, region)
            for former, region in dataset.former_names[["former", "region"]].itertuples(index=False, name=None)
            if region in present
        ),
    )


def council_area_order(commitments: pd.DataFrame) -> list[str]:
    """The units the commitments name, as their counties list them (the county still in existence
    before its predecessor: core.dataset's ``council_area_order``)."""
    named = commitments.loc[commitments["council_area"].notna(), ["council_area", "council_area_order"]]
    ordered = named.sort_values("council_area_order", kind="stable", na_position="last")
    return list(dict.fromkeys(ordered["council_area"]))


# --- The county ----------------------------------------------------------------------------------
#
# "Hele fylket" is the county selected. Its view holds its own agreements and those they continue
# (core.lineage), so a region's history from before the county began (Viken's years, for Østfold's
# regions) stays in view; a former county's view holds only its own.

# The counties whose units are called rådsområder; the others' are "enheter".
COUNCIL_AREA_COUNTIES: tuple[str, ...] = ("30",)


def agreement_counties(dataset: Dataset) -> tuple[str, ...]:
    """The counties with agreements, as core.organisation.counties orders them: those still in
    existence first, by name, then former ones."""
    present = set(dataset.agreements["county"].dropna())
    return tuple(name for name in dataset.counties["county"] if name in present)


def _county_row(dataset: Dataset, name: str) -> pd.Series | None:
    rows = dataset.counties[dataset.counties["county"] == name]
    return rows.iloc[0] if len(rows) else None


def county_ended(dataset: Dataset, name: str | None) -> dt.date | None:
    """The last day of a county that is history: it no longer exists and other agreements carry its
    agreements on (Viken: 2023-12-31). None for a county that exists, and for one that ended on paper
    but whose agreements nothing carries on yet (a database made before counties were data, whose
    Viken still holds the reports of 2024)."""
    row = _county_row(dataset, name) if name else None
    if row is None or not row["valid_to"]:
        return None
    agreements = dataset.agreements
    own = set(agreements.loc[agreements["county"] == name, "agreement_id"])
    carried_on = agreements["succeeds_id"].isin(own).any()
    return dt.date.fromisoformat(row["valid_to"]) if carried_on else None


def county_label(dataset: Dataset, name: str) -> str:
    """The county as pages, exports and the brief name it; a former one with its years:
    "Viken fylkeskommune (2020–2023)"."""
    row = _county_row(dataset, name)
    if row is None or row["valid_to"] is None:
        return name
    start = f"{row['valid_from'][:4]}–" if row["valid_from"] else "–"
    return f"{name} ({start}{row['valid_to'][:4]})"


def calls_units_council_areas(dataset: Dataset, name: str | None) -> bool:
    """Whether the county calls its units rådsområder (Viken); the others' are enheter."""
    row = _county_row(dataset, name) if name else None
    return row is not None and row["number"] in COUNCIL_AREA_COUNTIES


def default_county(dataset: Dataset) -> str | None:
    """The county shown when none is chosen: the one the setting ``county`` names (full name, short
    name or number) if it has agreements; else the only county with agreements; else the county
    still in existence with the most agreements (ties by name); None without agreements."""
    present = agreement_counties(dataset)
    if not present:
        return None
    wanted = fold(setting("county", str))
    if wanted:
        for _, row in dataset.counties[dataset.counties["county"].isin(present)].iterrows():
            if wanted in (fold(row["county"]), fold(row["short_name"]), fold(row["number"] or "")):
                return str(row["county"])
    if len(present) == 1:
        return present[0]
    existing = set(dataset.counties.loc[dataset.counties["valid_to"].isna(), "county"])
    candidates = [name for name in present if name in existing] or list(present)
    counts = dataset.agreements["county"].value_counts()
    return min(candidates, key=lambda name: (-counts[name], norwegian_sort_key(name)))


def effective_county(dataset: Dataset, filters: Filters) -> str | None:
    """The county chosen if it has agreements, else :func:`default_county`."""
    if filters.county in agreement_counties(dataset):
        return filters.county
    return default_county(dataset)


def county_agreement_ids(dataset: Dataset, county: str) -> set[int]:
    """The county's agreements and every agreement they continue, however far back."""
    agreements = dataset.agreements
    continues = {
        int(successor): int(predecessor)
        for successor, predecessor in zip(agreements["agreement_id"], agreements["succeeds_id"], strict=True)
        if not pd.isna(predecessor)
    }
    found = {int(id_) for id_ in agreements.loc[agreements["county"] == county, "agreement_id"]}
    frontier = set(found)
    while frontier:
        frontier = {continues[id_] for id_ in frontier if id_ in continues} - found
        found |= frontier
    return found


def county_dataset(dataset: Dataset, county: str | None) -> Dataset:
    """The part of the dataset the county's view holds (:func:`county_agreement_ids`); all of it
    when ``county`` is None. ``quarters`` are those with a report in it."""
    if county is None:
        return dataset
    ids = county_agreement_ids(dataset, county)
    if len(ids) == len(dataset.agreements):
        return dataset
    agreements = dataset.agreements[dataset.agreements["agreement_id"].isin(ids)]
    commitments = dataset.commitments[dataset.commitments["agreement_id"].isin(ids)]
    reports = dataset.reports[dataset.reports["commitment_id"].isin(commitments["commitment_id"])]
    assessments = dataset.assessments[dataset.assessments["commitment_id"].isin(commitments["commitment_id"])]
    return dataclasses.replace(
        dataset,
        commitments=commitments.reset_index(drop=True),
        reports=reports.reset_index(drop=True),
        quarters=tuple(sorted(reports["quarter"].unique())),
        agreements=agreements.reset_index(drop=True),
        assessments=assessments.reset_index(drop=True),
    )


def effective_quarter(dataset: Dataset, filters: Filters) -> str | None:
    """The quarter chosen if the data has it, else :func:`default_quarter`."""
    if filters.quarter in dataset.quarters:
        return filters.quarter
    return default_quarter(dataset)


def complete_quarters(dataset: Dataset, complete_share: float | None = None) -> tuple[str, ...]:
    """The quarters, ascending, in which at least ``complete_share`` (0–1; default the
    setting ``complete_share``) of the county's regions have reported.

    A region has reported for a quarter when at least one of its commitments has a
    report for it. Counted over the whole dataset given, which the pages pass unfiltered,
    so that the default quarter is the same whatever the filters.
    """
    if complete_share is None:
        complete_share = setting("complete_share", float)
    region_codes, regions = pd.factorize(dataset.commitments["region"])
    if not len(regions) or dataset.reports.empty:
        return ()
    # Integer codes throughout: a national dataset has 320,000 reports, and pairs of
    # strings would take half a second to tell apart.
    region_of = pd.Series(region_codes, index=dataset.commitments["commitment_id"].to_numpy())
    report_regions = region_of.reindex(dataset.reports["commitment_id"].to_numpy()).to_numpy()
    quarter_codes, quarters = pd.factorize(dataset.reports["quarter"])
    pairs = np.unique(quarter_codes.astype("int64") * len(regions) + report_regions.astype("int64"))
    reported = np.bincount(pairs // len(regions), minlength=len(quarters))
    return tuple(
        sorted(str(q) for q, count in zip(quarters, reported, strict=True) if count / len(regions) >= complete_share)
    )


def default_quarter(dataset: Dataset) -> str | None:
    """The quarter shown when none is chosen: the latest complete one; the latest with
    data when none is complete; None without reports."""
    complete = complete_quarters(dataset)
    if complete:
        return complete[-1]
    return dataset.quarters[-1] if dataset.quarters else None


def provisional_quarters(dataset: Dataset) -> tuple[str, ...]:
    """The quarters whose figures are provisional, ascending: those newer than the latest
    complete quarter (all of them when none is complete). ``dataset`` unfiltered."""
    complete = complete_quarters(dataset)
    return tuple(quarter for quarter in dataset.quarters if not complete or quarter > complete[-1])


def apply_filters(dataset: Dataset, filters: Filters) -> Dataset:
    """The part of the dataset the filters select.

    First the county's view (:func:`county_dataset` of :func:`effective_county`); the effective
    quarter is the county's. Commitments are then restricted by region, council area, SDG (among their
    effective goals) and hashtag; with a status, to those whose status in the
    effective quarter is that one ("not_reported": no report that quarter).
    Reports (and the county's assessments) are those of the remaining commitments up to and
    including the effective quarter, and ``quarters`` every quarter of the data up to it, also
    those in which the remaining commitments have no report, so that a
    region that did not report shows as not reported rather than vanishing.
    """
    dataset = county_dataset(dataset, effective_county(dataset, filters))
    quarter = effective_quarter(dataset, filters)
    commitments = dataset.commitments
    if filters.region is not None:
        commitments = commitments[commitments["region"] == filters.region]
    if filters.council_area is not None:
        commitments = commitments[commitments["council_area"] == filters.council_area]
    if filters.hashtag is not None:
        commitments = commitments[commitments["hashtag"] == filters.hashtag]
    if filters.sdg is not None:
        # An array, not a list: an empty list would select no columns instead of no rows.
        commitments = commitments[np.array([filters.sdg in sdgs for sdgs in commitments["sdgs"]], dtype=bool)]
    if filters.status is not None:
        reports = dataset.reports
        current = reports.loc[reports["quarter"] == quarter, ["commitment_id", "status"]]
        reported = commitments["commitment_id"].isin(current["commitment_id"])
        if filters.status == NOT_REPORTED:
            commitments = commitments[~reported]
        else:
            matching = current.loc[current["status"] == filters.status, "commitment_id"]
            commitments = commitments[commitments["commitment_id"].isin(matching)]
    reports = dataset.reports
    # With no quarter there are no reports, and pandas compares None as missing.
    reports = reports[(reports["quarter"] <= quarter) & reports["commitment_id"].isin(commitments["commitment_id"])]
    assessments = dataset.assessments
    assessments = assessments[
        (assessments["quarter"] <= quarter) & assessments["commitment_id"].isin(commitments["commitment_id"])
    ]
    return dataclasses.replace(
        dataset,
        commitments=commitments.reset_index(drop=True),
        reports=reports.reset_index(drop=True),
        assessments=assessments.reset_index(drop=True),
        quarters=tuple(q for q in dataset.quarters if quarter is not None and q <= quarter),
    )


# --- Filters in the URL ------------------------------------------------------------------------
#
# A link must mean the same in both languages, so the URL holds keys, never words: a region or
# council area by its slug, a county by its short name's slug, an SDG by its number, a status by
# its key, a quarter as "2024-Q3", the language as "nb"/"en". Links written before (the option as
# shown, in either language) still read.

COUNTY_PARAM = "fylke"
# URL key -> Filters field, in the order the sidebar shows them.
URL_KEYS: dict[str, str] = {
    COUNTY_PARAM: "county",
    "region": "region",
    "council": "council_area",
    "sdg": "sdg",
    "hashtag": "hashtag",
    "status": "status",
    "quarter": "quarter",
}
LANGUAGES: tuple[str, ...] = ("nb", "en")
_LANGUAGE_WORDS = {"nb": "nb", "no": "nb", "nob": "nb", "norsk": "nb", "bokmål": "nb", "en": "en", "english": "en"}
_COUNTY_SUFFIX = " fylkeskommune"
_SLUG_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SDG_IN_TEXT = re.compile(r"^(?:sdg|fn|mål|goal)?\s*(\d{1,2})(?!\d)", re.IGNORECASE)


def slug(name: str) -> str:
    """A name as it goes into a link: "Indre Østfold regionråd" -> "indre-ostfold-regionrad"."""
    folded = unicodedata.normalize("NFC", name).casefold().translate(_SLUG_LETTERS)
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_only).strip("-")


# What chat and mail programs take into a link they find in running text: the full stop or the
# bracket after it (docs/field-log.md, links).
_TRAILING = ".,;:!?)]}>»\"'"
_COPIED_AMPERSAND = "amp;"
_Found = TypeVar("_Found")


def bare_key(key: str) -> str:
    """A link's parameter name as meant. A link copied from HTML keeps "&amp;" between its
    parameters, which the browser reads as a key "amp;status": that is "status"."""
    while key.startswith(_COPIED_AMPERSAND):
        key = key[len(_COPIED_AMPERSAND) :]
    return key


def link_params(raw: Mapping[str, str]) -> dict[str, str]:
    """The link's parameters by their :func:`bare_key`; a key given as it is wins over a copied one."""
    params = {key: value for key, value in raw.items() if bare_key(key) == key}
    for key, value in raw.items():
        params.setdefault(bare_key(key), value)
    return params


def link_id(value: str | None) -> int | None:
    """A commitment's or an upload's id from a link: ASCII digits, perhaps with punctuation a chat
    program took along at the end ("12)."); None for anything else or a number no id can have."""
    if value is None:
        return None
    digits = value.strip().rstrip(_TRAILING)
    if not (digits.isascii() and digits.isdigit()):
        return None
    number = int(digits)
    return number if 0 < number < 2**63 else None


def search_matches(folded: Sequence[str], query: str) -> list[int]:
    """The positions of the texts (already :func:`~core.vocabulary.fold`-ed) that hold every word
    of ``query``, in any case and order; every position when the query has no words."""
    words = fold(query).split()
    if not words:
        return list(range(len(folded)))
    return [position for position, text in enumerate(folded) if all(word in text for word in words)]


def _read(reader: Callable[[str], _Found | None], value: str) -> _Found | None:
    """The value read, else the value without punctuation taken along at its end, else None."""
    found = reader(value)
    if found is None and (trimmed := value.rstrip(_TRAILING)) != value and trimmed:
        found = reader(trimmed)
    return found


def parse_language(value: str) -> str | None:
    """ "nb" or "en" from the URL's lang, also in the old form (Norsk, English); None if unknown."""
    return _read(lambda word: _LANGUAGE_WORDS.get(fold(word)), value)


@dataclass(frozen=True)
class UrlFilters:
    filters: Filters
    unknown: tuple[tuple[str, str], ...]  # (URL key, the value as given) for each value not understood


def _named(value: str, names: tuple[str, ...]) -> str | None:
    """The name ``value`` stands for: its slug, or the name itself in any case."""
    wanted = slug(value)
    return next((name for name in names if slug(name) == wanted), None) if wanted else None


def _formerly(value: str, former_regions: tuple[tuple[str, str], ...]) -> str | None:
    """The region ``value`` names by one of its former names (its slug, or the name in any case)."""
    wanted = slug(value)
    return next((region for former, region in former_regions if slug(former) == wanted), None) if wanted else None


def _sdg(value: str, sdgs: tuple[int, ...]) -> int | None:
    match = _SDG_IN_TEXT.match(value.strip())
    number = int(match.group(1)) if match else None
    return number if number in sdgs else None


def _hashtag(value: str, hashtags: tuple[str, ...]) -> str | None:
    wanted = fold(value.lstrip("#"))
    return next((tag for tag in hashtags if fold(tag.lstrip("#")) == wanted), None)


def _status(value: str) -> str | None:
    if fold(value) in {fold(word) for word in (NOT_REPORTED, *TEXTS[f"status.{NOT_REPORTED}"])}:
        return NOT_REPORTED
    return parse_status(value)


def county_slug(name: str) -> str:
    """The county in a link: its short name as a slug, "Østfold fylkeskommune" -> "ostfold"."""
    return slug(name.removesuffix(_COUNTY_SUFFIX))


def _county(value: str, counties: tuple[str, ...]) -> str | None:
    wanted = slug(value)
    return next((name for name in counties if wanted in (county_slug(name), slug(name))), None) if wanted else None


def read_url_filters(
    params: Mapping[str, str],
    options: FilterOptions,
    county_options: Callable[[str | None], FilterOptions] | None = None,
) -> UrlFilters:
    """The filters a link asks for, canonical or in the old form; a blank value is no filter.

    The county (``fylke``) is read first, among ``options.counties``; the other values among
    ``county_options(county)`` when given (what that county's view offers; None: the default
    county's), else among ``options``. A value that matches nothing the data has is left out of
    the filters and named in ``unknown``, so the page can say what it could not show.
    """
    county_value = params.get("fylke", "").strip()
    county = _read(lambda value: _county(value, options.counties), county_value) if county_value else None
    if county_options is not None:
        options = dataclasses.replace(county_options(county), counties=options.counties)
    readers: dict[str, Callable[[str], object]] = {
        "fylke": lambda value: _county(value, options.counties),
        "region": lambda value: _named(value, options.regions) or _formerly(value, options.former_regions),
        "council": lambda value: _named(value, options.council_areas),
        "sdg": lambda value: _sdg(value, options.sdgs),
        "hashtag": lambda value: _hashtag(value, options.hashtags),
        "status": _status,
        "quarter": lambda value: quarter if (quarter := parse_quarter(value)) in options.quarters else None,
    }
    chosen: dict[str, object] = {}
    unknown = []
    for key, field in URL_KEYS.items():
        value = params.get(key, "").strip()
        if not value:
            continue
        found = _read(readers[key], value)
        if found is None:
            unknown.append((key, value))
        else:
            chosen[field] = found
    return UrlFilters(Filters(**chosen), tuple(unknown))  # type: ignore[arg-type]


def url_params(filters: Filters) -> dict[str, str]:
    """The canonical URL values of the filters that are set."""
    values = {
        "fylke": county_slug(filters.county) if filters.county else None,
        "region": slug(filters.region) if filters.region else None,
        "council": slug(filters.council_area) if filters.council_area else None,
        "sdg": str(filters.sdg) if filters.sdg is not None else None,
        "hashtag": filters.hashtag.lstrip("#") if filters.hashtag else None,
        "status": filters.status,
        "quarter": filters.quarter,
    }
    return {key: value for key, value in values.items() if value}
