"""Fixtures for integration tests of the app as a server."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def server():
    """The real app's Flask server (one import for the module)."""
    import app

    return app.server


@pytest.fixture
def client(server):
    return server.test_client()
