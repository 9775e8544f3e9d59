"""The numbers Word shows in front of automatically numbered paragraphs.

A .docx does not store "1.2" or "b)" in the text: a paragraph names a list
(``w:numPr``: ``numId`` and level ``ilvl``, directly or through its style) and
Word counts as it lays the document out, from ``word/numbering.xml``. python-docx
does not do that counting (its issue #471), so this module does, for what
agreements use:

- ``w:num`` points at a ``w:abstractNum``; nums of one abstractNum share their
  counters (a list split by other paragraphs goes on counting), unless the num
  overrides a level (``w:lvlOverride``), which gives it counters of its own,
  starting at ``w:startOverride`` where given;
- each level has a ``w:start``, a ``w:numFmt`` (decimal, decimalZero,
  lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none; any other
  is counted as decimal) and a ``w:lvlText`` such as "%1.%2", "%1)", "(%1)" or
  "Tiltak %1.%2:", where %n is level n's counter; ``w:isLgl`` writes every
  counter of the label as a decimal;
- a level starts again when a shallower level advances, unless its
  ``w:lvlRestart`` says from which level (0: never).

Not covered: lists defined through a numbering style (``w:numStyleLink``) and
pictures as bullets (shown as the bullet "•" anyway).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
BULLET = "•"
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    *((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")),
    *((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")),
)


@dataclass(frozen=True)
class Level:
    """One level of a list definition (``w:lvl``)."""

    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    legal: bool = False
    # The 1-based level whose use starts this one again; None: any shallower level, 0: never.
    restart: int | None = None


@dataclass
class _Counters:
    levels: dict[int, Level]
    values: list[int | None] = field(default_factory=lambda: [None] * _LEVELS)


class ListNumbering:
    """The numbering definitions of one document, counting as its paragraphs are read in order."""

    def __init__(self, xml: bytes | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        # numId to (abstractNumId, its own levels and starts where it overrides any)
        self._nums: dict[str, tuple[str, dict[int, Level] | None]] = {}
        self._counters: dict[str, _Counters] = {}
        if xml:
            self._read(etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True)))

    def _read(self, root: etree._Element) -> None:
        for abstract in root.iterfind("w:abstractNum", _NS):
            levels = {int(_val(lvl, "ilvl", "0")): _level(lvl) for lvl in abstract.iterfind("w:lvl", _NS)}
            self._abstract[_val(abstract, "abstractNumId", "")] = levels
        for num in root.iterfind("w:num", _NS):
            abstract_id = _child_val(num, "abstractNumId") or ""
            overrides = num.findall("w:lvlOverride", _NS)
            own: dict[int, Level] | None = None
            if overrides:
                own = dict(self._abstract.get(abstract_id, {}))
                for override in overrides:
                    ilvl = int(_val(override, "ilvl", "0"))
                    replaced = override.find("w:lvl", _NS)
                    level = _level(replaced) if replaced is not None else own.get(ilvl, Level())
                    start = _child_val(override, "startOverride")
                    if start is not None:
                        level = Level(int(start), level.format, level.text, level.legal, level.restart)
                    own[ilvl] = level
            self._nums[_val(num, "numId", "")] = (abstract_id, own)

    def label(self, num_id: str, ilvl: int) -> str:
        """The number of the next paragraph of list ``num_id`` at level ``ilvl``, as Word shows it:
        "1.2", "b)", "•"; "" for numId 0 (numbering turned off), an unknown list or format none."""
        if num_id not in self._nums:
            return ""
        abstract_id, own = self._nums[num_id]
        key = f"num:{num_id}" if own is not None else f"abstract:{abstract_id}"
        levels = own if own is not None else self._abstract.get(abstract_id, {})
        counters = self._counters.setdefault(key, _Counters(levels))
        level = levels.get(ilvl, Level())
        current = counters.values[ilvl]
        counters.values[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels.get(deeper, Level()).restart
            # lvlRestart is 1-based: level n (ilvl n-1) and any shallower one start it again.
            if restart is None or (restart != 0 and ilvl < restart):
                counters.values[deeper] = None
        if level.format == "bullet":
            return BULLET
        return _PLACEHOLDER.sub(lambda match: self._counter_text(counters, level, int(match[1]) - 1), level.text)

    def _counter_text(self, counters: _Counters, current: Level, ilvl: int) -> str:
        level = counters.levels.get(ilvl, Level())
        value = counters.values[ilvl]
        if value is None:
            value = level.start
        return format_number(value, "decimal" if current.legal else level.format)


def format_number(value: int, number_format: str) -> str:
    """A counter in one of Word's number formats: 3 as "3", "03", "c", "C", "iii", "III"; "" for none."""
    if number_format == "none":
        return ""
    if number_format in ("lowerLetter", "upperLetter"):
        # Word goes a … z, aa … zz, aaa …: the letter repeated, not a base-26 number.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    parts = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(letters * count)
    return "".join(parts)


def _level(lvl: etree._Element) -> Level:
    restart = _child_val(lvl, "lvlRestart")
    legal = lvl.find("w:isLgl", _NS)
    return Level(
        start=int(_child_val(lvl, "start") or 1),
        format=_child_val(lvl, "numFmt") or "decimal",
        text=_child_val(lvl, "lvlText") or "",
        legal=legal is not None and _val(legal, "val", "true") not in ("0", "false", "off"),
        restart=int(restart) if restart is not None else None,
    )


def _val(element: etree._Element, name: str, default: str) -> str:
    return element.get(f"{{{_W}}}{name}", default)


def _child_val(element: etree._Element, name: str) -> str | None:
    child = element.find(f"w:{name}", _NS)
    return None if child is None else child.get(f"{{{_W}}}val")
