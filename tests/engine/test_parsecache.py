"""The parse cache: an unchanged file is not parsed again, a changed or damaged one is."""

from __future__ import annotations

import os
import shutil
import time

from game.engine import ParseCache, load_story
from game.engine import yamlfile

from ..conftest import STORIES


def test_a_cached_load_gives_the_same_story_and_locations(tmp_path):
    cache = ParseCache(tmp_path / "cache")
    first = load_story(STORIES / "sample", cache)
    second = load_story(STORIES / "sample", cache)
    assert first.story.model_dump() == second.story.model_dump()
    where = ("pilot", "scenes", "breakaway", "choices", 0, "goto")
    assert first.locate(*where) == second.locate(*where)
    assert len(list((tmp_path / "cache").glob("*.pack"))) == 1  # one pack for the story's four files


def test_an_unchanged_file_is_not_parsed_again(tmp_path, monkeypatch):
    cache = ParseCache(tmp_path / "cache")
    load_story(STORIES / "sample", cache)
    calls = []
    monkeypatch.setattr(yamlfile, "parse_yaml", lambda *a: calls.append(a) or (None, []))
    load_story(STORIES / "sample", cache)
    assert calls == []


def test_a_changed_file_is_parsed_again(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(STORIES / "sample", story)
    cache = ParseCache(tmp_path / "cache")
    load_story(story, cache)
    scene_file = story / "roles" / "pilot" / "01_flight.yaml"
    scene_file.write_text(scene_file.read_text().replace("title: Full tanks", "title: Tanks full"))
    assert load_story(story, cache).roles["pilot"].scenes["full_tanks"].title == "Tanks full"


def test_a_damaged_cache_entry_counts_as_a_miss(tmp_path):
    cache = ParseCache(tmp_path / "cache")
    load_story(STORIES / "sample", cache)
    for entry in (tmp_path / "cache").glob("*.pack"):
        entry.write_bytes(b"\x00garbage")
    assert "pilot" in load_story(STORIES / "sample", cache).roles


def test_an_unwritable_cache_folder_does_not_stop_a_load(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    assert "pilot" in load_story(STORIES / "sample", ParseCache(blocker)).roles


def test_a_pack_holds_only_the_files_of_the_last_load(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(STORIES / "sample", story)
    cache = ParseCache(tmp_path / "cache")
    load_story(story, cache)
    (pack,) = (tmp_path / "cache").glob("*.pack")
    first_size = pack.stat().st_size
    scene_file = story / "roles" / "pilot" / "01_flight.yaml"
    for title in ("Tanks full", "Full tanks again", "Tanks brimming"):
        scene_file.write_text(scene_file.read_text().replace("title: Full tanks", f"title: {title}", 1))
        load_story(story, cache)
    (pack,) = (tmp_path / "cache").glob("*.pack")
    assert abs(pack.stat().st_size - first_size) < 64  # the current files, not every version ever edited


def test_packs_unused_for_a_month_are_removed_when_the_cache_is_next_written(tmp_path):
    old_story, new_story = tmp_path / "old", tmp_path / "new"
    shutil.copytree(STORIES / "sample", old_story)
    shutil.copytree(STORIES / "sample", new_story)
    load_story(old_story, ParseCache(tmp_path / "cache"))
    (old_pack,) = (tmp_path / "cache").glob("*.pack")
    long_ago = time.time() - ParseCache.MAX_AGE_S - 60
    os.utime(old_pack, (long_ago, long_ago))
    load_story(new_story, ParseCache(tmp_path / "cache"))  # the next start, with another story
    packs = list((tmp_path / "cache").glob("*.pack"))
    assert old_pack not in packs and len(packs) == 1


def test_a_lint_findings_pack_left_unused_for_longer_than_the_limit_is_pruned_too(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    stale, fresh = folder / "old.flow", folder / "new.flow"
    for pack in (stale, fresh):
        pack.write_bytes(b"findings")
    long_ago = time.time() - ParseCache.MAX_AGE_S - 60
    os.utime(stale, (long_ago, long_ago))
    assert ParseCache(folder).prune() == 1
    assert not stale.exists() and fresh.exists()


def test_entries_in_the_old_one_file_per_story_file_layout_are_cleared_away(tmp_path):
    old = tmp_path / "cache" / "ab" / "abcdef.parsed"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old format")
    load_story(STORIES / "sample", ParseCache(tmp_path / "cache"))
    assert not old.exists() and not old.parent.exists()
    assert len(list((tmp_path / "cache").glob("*.pack"))) == 1


def test_a_pack_that_is_a_named_pipe_is_ignored_instead_of_waited_on(tmp_path):
    import threading

    import pytest

    cache = ParseCache(tmp_path / "cache")
    cache.folder.mkdir(parents=True)
    outcome: list = []
    pipe = tmp_path / "cache" / "pack"
    os.mkfifo(pipe)
    reader = threading.Thread(target=lambda: outcome.append(cache._load_pack(pipe)), daemon=True)
    reader.start()
    reader.join(60)  # a guard against a regression hanging the suite, not a time limit
    if reader.is_alive():
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
        pytest.fail("reading a named pipe waited for a writer")
    assert outcome == [{}]


def _japanese(tmp_path):
    """A story folder with a Japanese translation file of two entries."""
    root = tmp_path / "story"
    shutil.copytree(STORIES / "sample", root)
    folder = root / "i18n" / "ja"
    folder.mkdir(parents=True)
    (folder / "pilot.yaml").write_text(
        "language: ja\nname: 日本語\nentries:\n  pilot.full_tanks.title:\n    hash: a1\n    text: 満タン\n"
        "  pilot.breakaway.title:\n    hash: b2\n    text: 離脱\n", encoding="utf-8")
    return root


def test_a_translation_read_through_the_cache_is_not_parsed_again_and_keeps_its_places(tmp_path, monkeypatch):
    from game.engine import load_catalog

    root = _japanese(tmp_path)
    cache = ParseCache(tmp_path / "cache")
    first, _ = load_catalog(root, "ja", cache)
    calls = []
    monkeypatch.setattr(yamlfile, "parse_yaml", lambda *a: calls.append(a) or (None, []))
    second, problems = load_catalog(root, "ja", ParseCache(tmp_path / "cache"))  # as a new process would
    assert calls == [] and problems == []
    assert {k: e.text for k, e in second.entries.items()} == {"pilot.full_tanks.title": "満タン",
                                                              "pilot.breakaway.title": "離脱"}
    assert second.name == first.name == "日本語"
    assert second.defined_at.get("pilot.breakaway.title").line == first.defined_at.get("pilot.breakaway.title").line == 7


def test_a_translation_read_inside_a_story_block_leaves_the_story_pack_whole(tmp_path, monkeypatch):
    from game.engine import load_catalog
    from game.engine.yamlfile import read_yaml

    root = _japanese(tmp_path)
    cache = ParseCache(tmp_path / "cache")
    with cache.story(root):
        read_yaml(root / "story.yaml", cache)
        load_catalog(root, "ja", cache)  # its own pack, opened and saved inside the story's block
        read_yaml(root / "sources.yaml", cache)
    calls = []
    monkeypatch.setattr(yamlfile, "parse_yaml", lambda *a: calls.append(a) or (None, []))
    again = ParseCache(tmp_path / "cache")
    with again.story(root):
        assert read_yaml(root / "story.yaml", again)[0] is not None
        assert read_yaml(root / "sources.yaml", again)[0] is not None  # read after the inner block, kept all the same
    assert load_catalog(root, "ja", again)[0].entries and calls == []
