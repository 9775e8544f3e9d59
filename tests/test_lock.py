"""The locks `make` installs from hold exactly the pins pyproject.toml declares, each with its hashes.

A pin changed in pyproject.toml without `make lock` would otherwise go unnoticed: the Makefile
re-installs only when a lock file changes.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        found = PIN.match(requirement)
        assert found, f"{requirement!r} is not pinned with =="
        pins[canonical(found[1])] = found[2]
    return pins


def locked(file_name: str) -> dict[str, str]:
    """Every `name==version` line of a lock, checking that each carries at least one hash."""
    text = (ROOT / file_name).read_text(encoding="utf-8")
    pins = {}
    for block in re.split(r"\n(?=\S)", text):
        first = block.split(" ", 1)[0].strip()
        found = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", first)
        if found:
            assert "--hash=sha256:" in block, f"{first} in {file_name} has no hash"
            pins[canonical(found[1])] = found[2]
    return pins


RUNTIME = declared(PYPROJECT["project"]["dependencies"])
DEV = declared(PYPROJECT["dependency-groups"]["dev"])


@pytest.mark.parametrize(
    ("lock", "wanted"),
    [("requirements.lock", RUNTIME), ("requirements-dev.lock", RUNTIME | DEV)],
    ids=["runtime", "dev"],
)
def test_the_lock_holds_every_declared_pin(lock: str, wanted: dict[str, str]):
    pins = locked(lock)
    assert {name: pins.get(name) for name in wanted} == wanted


def test_the_dev_lock_agrees_with_the_runtime_lock():
    runtime, dev = locked("requirements.lock"), locked("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime
