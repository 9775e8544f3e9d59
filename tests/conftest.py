import pytest

from core.db import connect


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    """A fresh database file, also set as DASHBOARD_DB for code that reads the env."""
    path = tmp_path / "dashboard.db"
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


@pytest.fixture
def db(db_path):
    database = connect(db_path)
    yield database
    database.close()
