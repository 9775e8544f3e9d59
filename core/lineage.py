"""How commitments carry on from one agreement to its successor.

An agreement may succeed another: a new period, or a new county after a reorganisation
(Viken's agreement with Indre Østfold 2022–2023 is continued by Østfold's 2024–2027). Each
commitment of the predecessor is then *continued* by one of the successor's, *split* into
several, *merged* with others into one, or *ended*. The links are kept in
``commitment_lineage``; a commitment's story follows them across agreements.

Functions that write expect the caller to hold :func:`core.db.write_transaction`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from core.organisation import COUNTY_SUFFIX
from core.vocabulary import natural_code_key

LINEAGE_KINDS: tuple[str, ...] = ("continued", "split", "merged", "ended")


@dataclass(frozen=True)
class LineageSummary:
    """What :func:`continue_agreement` recorded, by kind: number of predecessor commitments."""

    continued: int = 0
    split: int = 0
    merged: int = 0
    ended: int = 0


def _commitment_ids(db: Database, agreement_id: int) -> dict[str, int]:
    return dict(db.execute("SELECT code, id FROM commitments WHERE agreement_id = ?", (agreement_id,)).fetchall())


def continue_agreement(
    db: Database,
    predecessor_id: int,
    successor_id: int,
    successors_by_code: Mapping[str, Sequence[str]] | None = None,
) -> LineageSummary:
    """Record that agreement ``successor_id`` continues ``predecessor_id``, and how each commitment carries on.

    ``successors_by_code`` maps a predecessor's code to the successor's codes that carry it on
    (``{"2.1": ["2.1", "2.2"]}`` is a split); a code not in it carries on under the same code
    when the successor has it, and is ended otherwise. Several predecessors naming the same
    successor code are merged into it. Replaces what was recorded between the two before.

    Raises KeyError for a successor code the successor agreement does not have.
    """
    mapping = dict(successors_by_code or {})
    before = _commitment_ids(db, predecessor_id)
    after = _commitment_ids(db, successor_id)
    db.conn.execute("UPDATE agreements SET succeeds_id = ? WHERE id = ?", (predecessor_id, successor_id))
    db.conn.execute(
        "DELETE FROM commitment_lineage WHERE predecessor_id IN (SELECT id FROM commitments WHERE agreement_id = ?)",
        (predecessor_id,),
    )
    targets = {
        code: list(mapping[code]) if code in mapping else ([code] if code in after else [])
        for code in sorted(before, key=natural_code_key)
    }
    sources: dict[str, int] = {}
    for codes in targets.values():
        for code in codes:
            sources[code] = sources.get(code, 0) + 1
    counts = dict.fromkeys(LINEAGE_KINDS, 0)
    for code, codes in targets.items():
        if not codes:
            kind = "ended"
        elif len(codes) > 1:
            kind = "split"
        elif sources[codes[0]] > 1:
            kind = "merged"
        else:
            kind = "continued"
        counts[kind] += 1
        link(db, before[code], [after[target] for target in codes], kind)
    return LineageSummary(**counts)


def link(db: Database, predecessor: int, successors: Sequence[int], kind: str) -> None:
    """Record how commitment ``predecessor`` carries on: in ``successors`` (none when ``kind`` is "ended")."""
    if kind not in LINEAGE_KINDS:
        raise ValueError(f"not a lineage kind: {kind!r}")
    if kind == "ended":
        db.conn.execute(
            "INSERT OR IGNORE INTO commitment_lineage (predecessor_id, successor_id, kind) VALUES (?, NULL, 'ended')",
            (predecessor,),
        )
        return
    db.conn.executemany(
        "INSERT OR IGNORE INTO commitment_lineage (predecessor_id, successor_id, kind) VALUES (?, ?, ?)",
        [(predecessor, successor, kind) for successor in successors],
    )


# Reading a commitment's story.


def agreement_label(county: str | None, period: str) -> str:
    """An agreement as people name it: "Viken 2022–2023" (the period's span with an en dash)."""
    shown = period.replace("-", "–")
    return f"{county} {shown}" if county else shown


def active_codes(db: Database, agreement_id: int) -> tuple[str, ...]:
    """The agreement's active commitments' codes, in natural code order."""
    codes = [
        code
        for (code,) in db.execute("SELECT code FROM commitments WHERE agreement_id = ? AND active = 1", (agreement_id,))
    ]
    return tuple(sorted(codes, key=natural_code_key))


def agreement_name(db: Database, agreement_id: int) -> str:
    """A stored agreement as people name it: "Viken 2022–2023" (see :func:`agreement_label`)."""
    county, period = db.execute(
        "SELECT co.name, a.period FROM agreements a LEFT JOIN counties co ON co.id = a.county_id WHERE a.id = ?",
        (agreement_id,),
    ).fetchone()
    return agreement_label(county.removesuffix(COUNTY_SUFFIX) if county else None, period)


@dataclass(frozen=True)
class Place:
    """A commitment and its agreement: ``county`` without " fylkeskommune" ("Viken"), None for
    an agreement saved without one; ``period`` as stored ("2022-2023")."""

    commitment_id: int
    code: str
    county: str | None
    period: str

    @property
    def agreement(self) -> str:
        """ "Viken 2022–2023"."""
        return agreement_label(self.county, self.period)

    @property
    def label(self) -> str:
        """ "Viken 2022–2023 · 2.1"."""
        return f"{self.agreement} · {self.code}"


@dataclass(frozen=True)
class Step:
    """The commitment at the other end of a lineage link, and the link's kind (LINEAGE_KINDS)."""

    kind: str
    place: Place


@dataclass(frozen=True)
class Ending:
    """A commitment recorded as ended, and the agreement that succeeded its own without it
    ("Østfold 2024–2027"; None when no agreement succeeds it)."""

    place: Place
    successor: str | None


_PLACE_COLUMNS = "c.id, c.code, replace(co.name, ' fylkeskommune', ''), a.period, coalesce(a.start_year, 0), a.id"
_PLACE_JOINS = (
    "JOIN agreements a ON a.id = c.agreement_id LEFT JOIN counties co ON co.id = a.county_id"  # a county may be unset
)


def _in_order(rows: list[tuple]) -> list[tuple]:
    """Rows that start with _PLACE_COLUMNS, oldest agreement first, then in code order."""
    return sorted(rows, key=lambda row: (row[4], row[5], natural_code_key(row[1])))


def _steps(db: Database, commitment_id: int, *, back: bool) -> tuple[Step, ...]:
    near, far = ("successor_id", "predecessor_id") if back else ("predecessor_id", "successor_id")
    rows = db.execute(
        f"SELECT {_PLACE_COLUMNS}, l.kind FROM commitment_lineage l JOIN commitments c ON c.id = l.{far} "
        f"{_PLACE_JOINS} WHERE l.{near} = ?",
        (commitment_id,),
    ).fetchall()
    return tuple(Step(row[6], Place(*row[:4])) for row in _in_order(rows))


def carried_from(db: Database, commitment_id: int) -> tuple[Step, ...]:
    """The commitments ``commitment_id`` carries on (continued, split off or merged from), oldest
    agreement first, then in code order; empty for a commitment new in its agreement."""
    return _steps(db, commitment_id, back=True)


def carried_into(db: Database, commitment_id: int) -> tuple[Step, ...]:
    """The commitments that carry ``commitment_id`` on, in code order; empty when it was ended
    (:func:`ending`) or its agreement has no successor yet."""
    return _steps(db, commitment_id, back=False)


def ending(db: Database, commitment_id: int) -> Ending | None:
    """Where ``commitment_id`` ended; None unless it was recorded as ended."""
    row = db.execute(
        f"SELECT {_PLACE_COLUMNS} FROM commitment_lineage l JOIN commitments c ON c.id = l.predecessor_id "
        f"{_PLACE_JOINS} WHERE l.predecessor_id = ? AND l.kind = 'ended'",
        (commitment_id,),
    ).fetchone()
    if row is None:
        return None
    successor = db.execute("SELECT id FROM agreements WHERE succeeds_id = ? ORDER BY id LIMIT 1", (row[5],)).fetchone()
    return Ending(Place(*row[:4]), agreement_name(db, successor[0]) if successor else None)


def newest(db: Database, commitment_id: int) -> int:
    """The newest commitment of ``commitment_id``'s story: followed forward while exactly one
    commitment carries it on (continued, or merged into one). A split ends the story there:
    which part carries it on is for the reader to choose (:func:`carried_into`)."""
    seen = {commitment_id}
    current = commitment_id
    while True:
        ahead = [step.place.commitment_id for step in carried_into(db, current)]
        if len(ahead) != 1 or ahead[0] in seen:
            return current
        current = ahead[0]
        seen.add(current)


def lineage_ids(db: Database, commitment_id: int) -> tuple[int, ...]:
    """Every commitment of ``commitment_id``'s story: its :func:`newest` and all that one carries
    on, back through every agreement; oldest agreement first, then in code order.

    ``(commitment_id,)`` for a commitment in no lineage; the same tuple for every id along one
    story. Another part of a split (a sibling) is no part of the story.
    """
    head = newest(db, commitment_id)
    found = {head}
    frontier = [head]
    while frontier:
        rows = db.execute(
            f"SELECT predecessor_id FROM commitment_lineage WHERE successor_id IN ({','.join('?' * len(frontier))})",
            frontier,
        ).fetchall()
        frontier = [row[0] for row in rows if row[0] not in found]
        found.update(frontier)
    rows = db.execute(
        f"SELECT {_PLACE_COLUMNS} FROM commitments c {_PLACE_JOINS} WHERE c.id IN ({','.join('?' * len(found))})",
        sorted(found),
    ).fetchall()
    return tuple(row[0] for row in _in_order(rows))
