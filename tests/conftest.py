"""Shared test set-up: headless SDL before pygame is imported, fixture stories, a private data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any test imports pygame: no window, no audio probing.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

TESTS = Path(__file__).parent
PROJECT = TESTS.parent
STORIES = TESTS / "stories"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch):
    """Saves and settings go to a fresh folder, never the developer's own."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FOXBAT_DATA_DIR", str(folder))
    monkeypatch.setenv("FOXBAT_CACHE_DIR", str(folder / "cache"))
    return folder


@pytest.fixture(scope="session")
def sample_story():
    """The small sample story every engine test can rely on."""
    from game.engine import load_story

    return load_story(STORIES / "sample")


@pytest.fixture(scope="session")
def shipped_story():
    """The story the game ships."""
    from game.engine import load_story

    return load_story(PROJECT / "story")
