import pytest
from django.db import connection
from django.test import Client

from tests.servers import free_port


class Database:
    """The default database, which a test can make unreachable as when PostgreSQL stops: its
    connection is pointed at a closed port (on SQLite, at a file in a missing folder)."""

    def __init__(self, missing_folder):
        self.saved = dict(connection.settings_dict)
        self.missing_folder = missing_folder

    def stop(self):
        connection.close()
        if connection.vendor == "postgresql":
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()))
        else:
            connection.settings_dict["NAME"] = str(self.missing_folder / "db.sqlite3")

    def start(self):
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(self.saved)


@pytest.fixture
def database(transactional_db, tmp_path):
    database = Database(tmp_path / "missing")
    yield database
    database.start()


@pytest.fixture
def browser():
    """A visitor's client that gets the page a server error gives, as a browser would."""
    return Client(raise_request_exception=False)
