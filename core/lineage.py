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

from core.queries import natural_code_key

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
