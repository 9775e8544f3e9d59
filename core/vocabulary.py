"""The domain's fixed words: statuses, quarters, council areas and SDGs.

Everything here is pure: no database, no Streamlit. Parsing functions return
``None`` for input they do not recognise, so callers decide how to report it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from core.i18n import TEXTS, t


@dataclass(frozen=True)
class Status:
    key: str
    nb: str
    en: str


# The words are the text table's (status.<key>), so pages, files and parsing agree.
STATUSES: tuple[Status, ...] = tuple(
    Status(key, *TEXTS[f"status.{key}"]) for key in ("not_started", "on_track", "delayed", "completed", "cancelled")
)
STATUS_KEYS: tuple[str, ...] = tuple(status.key for status in STATUSES)


@dataclass(frozen=True)
class Sdg:
    number: int
    nb: str
    en: str
    colour: str


# Names as used by FN-sambandet and the UN (the text table's sdg.name.<n>); colours from the UN's SDG guidelines.
SDG_COLOURS: dict[int, str] = {
    1: "#E5243B",
    2: "#DDA63A",
    3: "#4C9F38",
    4: "#C5192D",
    5: "#FF3A21",
    6: "#26BDE2",
    7: "#FCC30B",
    8: "#A21942",
    9: "#FD6925",
    10: "#DD1367",
    11: "#FD9D24",
    12: "#BF8B2E",
    13: "#3F7E44",
    14: "#0A97D9",
    15: "#56C02B",
    16: "#00689D",
    17: "#19486A",
}
SDGS: tuple[Sdg, ...] = tuple(
    Sdg(number, t(f"sdg.name.{number}", "nb"), t(f"sdg.name.{number}", "en"), colour)
    for number, colour in SDG_COLOURS.items()
)
SDG_BY_NUMBER: dict[int, Sdg] = {sdg.number: sdg for sdg in SDGS}
# The goals' names in nynorsk, as FN-sambandet writes them (fn.no, "Berekraftsmåla"), so an
# agreement in nynorsk is read as well ("11 – berekraftige byar og lokalsamfunn").
SDG_NYNORSK: dict[int, str] = {
    1: "Utrydde fattigdom",
    2: "Utrydde svolt",
    3: "God helse og livskvalitet",
    4: "God utdanning",
    5: "Likestilling mellom kjønna",
    6: "Reint vatn og gode sanitærforhold",
    7: "Rein energi til alle",
    8: "Anstendig arbeid og økonomisk vekst",
    9: "Industri, innovasjon og infrastruktur",
    10: "Mindre ulikskap",
    11: "Berekraftige byar og lokalsamfunn",
    12: "Ansvarleg forbruk og produksjon",
    13: "Stoppe klimaendringane",
    14: "Livet i havet",
    15: "Livet på land",
    16: "Fred, rettferd og velfungerande institusjonar",
    17: "Samarbeid for å nå måla",
}

_SPACES = re.compile(r"\s+")
_NEEDS_FOLDING = re.compile(r"\s\s|[^\S ]")
# Control characters that are not white space (white space is folded to a space instead): NUL and
# the like come from pasted binary or broken exports, and XML, so no xlsx file, may not hold them.
_CONTROLS = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
# Unicode's format characters (category Cf; tests/test_field_values.py checks the list against
# unicodedata): zero-width space, BOM, direction marks, word joiner, soft hyphen. They are invisible,
# so a value holding one looks right and matches nothing.
_FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_UNSEEN = re.compile(f"[{_CONTROLS}{_FORMAT_CHARACTERS}]")
_ASCII_NEEDS_CLEANING = re.compile(r"\s\s|[^\S ]|[\x00-\x08\x0e-\x1b\x7f]")
# Control characters an XML 1.0 document (an xlsx part) may not hold or that show as boxes: the white
# space among them (a vertical tab is Word's line break) becomes a space, the rest goes.
_CONTROL_SPACES = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
_NOT_FOR_FILES = re.compile(f"[{_CONTROLS}\ufffe\uffff]")


def clean_text(value: object) -> str:
    """Strip (no-break spaces too), fold inner runs of white space, drop invisible characters, NFC-normalise.

    A Mac sends "Follorådet" decomposed (NFD); without NFC it would not match
    the register. Format characters (U+200B, U+FEFF, …) and control characters are removed.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isascii():
        # The common case, kept cheap: a 20,000-row file has 160,000 cells.
        if not _ASCII_NEEDS_CLEANING.search(text):
            return text.strip()
        return _SPACES.sub(" ", _UNSEEN.sub("", text)).strip()
    # Removed before NFC, so a letter and its accent with a zero-width space between them compose.
    # isprintable() is false for any format or control character (and for odd spaces): a cheap test first.
    if not text.isprintable():
        text = _UNSEEN.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return _SPACES.sub(" ", text).strip() if _NEEDS_FOLDING.search(text) else text.strip()


def file_text(value: str) -> str:
    """Text as it may go into a file (xlsx, CSV, JSON, PDF): without control characters.

    The database may hold NUL or a vertical tab from before the loaders cleaned text; XML cannot
    hold them (openpyxl raises IllegalCharacterError) and a PDF shows them as boxes.
    """
    if value.isprintable():
        return value
    return _NOT_FOR_FILES.sub("", _CONTROL_SPACES.sub(" ", value))


def clean_paragraphs(value: object) -> str:
    """Like clean_text, but keeps the line breaks people put in comments."""
    if value is None:
        return ""
    if isinstance(value, str) and "\n" not in value and "\r" not in value:
        return clean_text(value)
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line for line in (clean_text(line) for line in lines)).strip()


def fold(value: object) -> str:
    """A key for matching names: cleaned and case-folded."""
    return clean_text(value).casefold()


_STATUS_WORDS: dict[str, str] = {}
for _status in STATUSES:
    for _word in (_status.key, _status.nb, _status.en, _status.key.replace("_", " ")):
        _STATUS_WORDS[fold(_word)] = _status.key
# Common spellings without the Norwegian letter, from keyboards and exports.
_STATUS_WORDS["fullfort"] = "completed"
_STATUS_WORDS["utgar"] = "cancelled"


def parse_status(value: object, aliases: Mapping[str, str] | None = None) -> str | None:
    """Canonical status key for a status written in Norwegian or English, any case, or in one of
    ``aliases``: a county's own words, folded, to status keys (core.organisation.status_aliases)."""
    word = fold(value)
    found = _STATUS_WORDS.get(word)
    if found is None and aliases:
        return aliases.get(word)
    return found


def status_label(key: str, lang: str = "nb") -> str:
    """A status key as words: "I rute"; also "not_reported", which is no status a report can have."""
    return t(f"status.{key}", lang)


def status_names(lang: str = "nb") -> str:
    """Every status a report may have, for a list to choose from: "Ikke startet, I rute, …"."""
    return ", ".join(status.en if lang == "en" else status.nb for status in STATUSES)


_QUARTER_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})\s*[-/ ]?\s*[qk](?P<q>[1-4])$"),
    re.compile(r"^[qk](?P<q>[1-4])\s*[-/ ]?\s*(?P<year>\d{4})$"),
    re.compile(r"^(?P<q>[1-4])\s*\.?\s*(?:kvartal|kv\.?|quarter|qtr\.?)\s*(?P<year>\d{4})$"),
    re.compile(r"^(?P<q>[1-4])(?:st|nd|rd|th)\s+quarter\s+(?P<year>\d{4})$"),
)
_ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[ t].*)?$")
_NORWEGIAN_DATE = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$")


def quarter_of_date(date: dt.date) -> str:
    return f"{date.year}-Q{(date.month - 1) // 3 + 1}"


def parse_quarter(value: object) -> str | None:
    """Canonical "YYYY-Qn" for a quarter written in any accepted form, or a date in it."""
    if isinstance(value, (dt.date, dt.datetime)):
        return quarter_of_date(value)
    text = fold(value)
    for pattern in _QUARTER_PATTERNS:
        match = pattern.match(text)
        if match:
            return f"{match['year']}-Q{match['q']}"
    for pattern in (_ISO_DATE, _NORWEGIAN_DATE):
        match = pattern.match(text)
        if match:
            try:
                date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                return None
            return quarter_of_date(date)
    return None


def quarter_label(quarter: str, lang: str = "nb") -> str:
    """ "2024-Q2" as "2. kv. 2024" (or "Q2 2024" in English)."""
    year, q = quarter.split("-Q")
    return t("quarter.label", lang, q=q, year=year)


def previous_quarter(quarter: str) -> str:
    year, q = (int(part) for part in quarter.split("-Q"))
    return f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"


def next_quarter(quarter: str) -> str:
    year, q = (int(part) for part in quarter.split("-Q"))
    return f"{year + 1}-Q1" if q == 4 else f"{year}-Q{q + 1}"


MINUS = "\u2212"


def format_number(value: float, decimals: int = 0) -> str:
    """Norwegian number: thin no-break space between thousands, comma for decimals, the minus sign (−)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",").replace("-", MINUS)


def number_text(value: float, lang: str = "nb") -> str:
    """1234 as "1 234" (thin no-break space) in Norwegian, "1,234" in English; −5 with the minus sign."""
    return f"{value:,.0f}".replace("-", MINUS) if lang == "en" else format_number(value)


def day_text(day: dt.date, lang: str = "nb") -> str:
    """A day as people read it: "31.12.2023" in bokmål, ISO ("2023-12-31") in English."""
    return day.isoformat() if lang == "en" else f"{day:%d.%m.%Y}"


def deadline_text(deadline: str, lang: str = "nb") -> str:
    """A stored deadline as people read it: a day as :func:`day_text` writes it, other words as written."""
    try:
        day = dt.date.fromisoformat(deadline)
    except ValueError:
        return deadline
    return day_text(day, lang)


def amount_text(amount: int, lang: str = "nb") -> str:
    """Whole kroner as "500 000 kr" (thin no-break spaces), or "NOK 500,000" in English."""
    return t("amount.label", lang, amount=number_text(amount, lang))


def signed_number_text(value: float, lang: str = "nb", decimals: int = 1) -> str:
    """A change: "+3,5", "−3,5" (the minus sign), and "±0,0" when it rounds to nothing either way."""
    rounded = round(value, decimals)
    text = f"{abs(rounded):.{decimals}f}"
    if lang == "nb":
        text = text.replace(".", ",")
    sign = "\u00b1" if rounded == 0 else "+" if rounded > 0 else MINUS
    return sign + text


def quarter_end(quarter: str) -> dt.date:
    """The last day of a quarter: 2024-Q3 ends on 30 September 2024."""
    following = next_quarter(quarter)
    year, q = (int(part) for part in following.split("-Q"))
    return dt.date(year, 3 * q - 2, 1) - dt.timedelta(days=1)


def format_percent(value: float | None, decimals: int = 0) -> str:
    """45 as "45 %" with a no-break space, as Norwegian typography wants."""
    if value is None:
        return ""
    return f"{format_number(value, decimals)}\u00a0%"


_SDG_NUMBER = re.compile(r"(?:sdg|fn|mål|goal)?\s*(\d{1,2})", re.IGNORECASE)


def parse_sdg_list(value: object) -> list[int] | None:
    """SDG numbers from "9; 11", "9, 11" or "SDG 9, SDG 11"; ``None`` if any part is not an SDG."""
    text = clean_text(value)
    if not text:
        return []
    numbers: list[int] = []
    for piece in re.split(r"[;,/]|\bog\b|\band\b", text):
        part = piece.strip()
        if not part:
            continue
        match = _SDG_NUMBER.fullmatch(part)
        if not match or int(match.group(1)) not in SDG_BY_NUMBER:
            return None
        number = int(match.group(1))
        if number not in numbers:
            numbers.append(number)
    return numbers


_CODE_PART = re.compile(r"[0-9]+|[^\W\d_]+")


def natural_code_key(code: str) -> tuple:
    """Sort key for commitment codes: 1.2 before 1.10, 2.1 before 2.1.A.

    Numbers compare as numbers and come before letters at the same level; the
    code itself breaks ties between spellings such as "2.1A" and "2.1.A".
    """
    parts = tuple(
        (0, int(part), "") if part[0] in "0123456789" else (1, 0, part.casefold()) for part in _CODE_PART.findall(code)
    )
    return parts, code
