"""Paths and settings read from the environment."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
DEMO_DIR = DATA_DIR / "demo"
DEFAULT_DB_PATH = DATA_DIR / "loftet.sqlite"

FIRST_YEAR = 2020
LAST_YEAR = 2026
TARGET_YEAR = 2025
"""The year the programme reached its permanent level."""
FIRST_GRANT_YEAR = 2021
"""The grant scheme pays from 2021; 2020 is the start-up year without grants."""
LAST_YEAR_OF_2020_STRUCTURE = 2023
"""Data up to this year was reported in the 2020–2023 municipality structure."""


def database_url() -> str:
    """The SQLAlchemy URL: `DATABASE_URL` or the default SQLite file."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_DB_PATH}"


def cache_dir() -> Path:
    """Where workers share cached query results and background jobs: `LOFTET_CACHE_DIR`, else
    `data/cache` (the same for every worker of one installation)."""
    return Path(os.environ.get("LOFTET_CACHE_DIR") or DATA_DIR / "cache")


def redis_url() -> str | None:
    """`REDIS_URL` when set: the query cache and background jobs then use Redis (and Celery)."""
    return os.environ.get("REDIS_URL") or None
