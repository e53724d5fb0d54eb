"""Lint's cache of play-search findings: reused only while what the search reads is unchanged."""

from __future__ import annotations

from game.engine import ParseCache
from game.tools import checks, checks_flow
from game.tools.lint import lint_story

from .stories import codes, copy, edit, with_code


def _count_searches(monkeypatch) -> list[str]:
    """Each time lint works a role's play findings out: 'role' for the full search, 'role?' for the sweep alone."""
    searched: list[str] = []
    real_search, real_sweep = checks.explore_projected, checks.finds_nothing

    def searching(story, role_id, *args, **kwargs):
        searched[-1] = role_id  # the sweep that came first was not enough
        return real_search(story, role_id, *args, **kwargs)

    def sweeping(story, role_id):
        searched.append(role_id + "?")
        return real_sweep(story, role_id)

    monkeypatch.setattr(checks, "explore_projected", searching)
    monkeypatch.setattr(checks, "finds_nothing", sweeping)
    return searched


def test_a_text_edit_reuses_the_search_and_a_choice_edit_searches_again(tmp_path, monkeypatch):
    root = copy("dead_end", tmp_path)
    cache = ParseCache(tmp_path / "cache")
    searched = _count_searches(monkeypatch)
    first = lint_story(root, check_sources=False, cache=cache)
    assert searched == ["agent"] and "E304" in codes(first)
    assert lint_story(root, check_sources=False, cache=cache) == first
    assert searched == ["agent"]  # unchanged: no search
    scenes = root / "roles/agent/01_scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    scenes.write_text("# a comment moves every line down\n" + text, encoding="utf-8")
    moved = lint_story(root, check_sources=False, cache=cache)
    assert searched == ["agent"]  # only lines moved: the findings are placed again, not searched
    [before], [after] = with_code(first, "E304"), with_code(moved, "E304")
    assert after.message == before.message and after.location.line == before.location.line + 1
    edit(scenes, "        goto: landed\n",
         "        goto: landed\n      - id: glide\n        text: Glide down\n        goto: landed\n")
    assert with_code(lint_story(root, check_sources=False, cache=cache), "E304") == []
    assert searched == ["agent", "agent?"]  # worked out again: now clean, so the sweep was enough


def test_a_damaged_cache_is_a_miss_and_no_cache_means_no_files(tmp_path, monkeypatch):
    root = copy("loop", tmp_path)
    folder = tmp_path / "cache"
    expected = lint_story(root, check_sources=False)
    assert lint_story(root, check_sources=False, cache=ParseCache(folder)) == expected
    [pack] = folder.glob("*.flow")
    pack.write_bytes(b"\x00not marshal")
    searched = _count_searches(monkeypatch)
    assert lint_story(root, check_sources=False, cache=ParseCache(folder)) == expected
    assert searched == ["agent"]
    assert "E305" in codes(expected)
    assert checks_flow.ROLE_FINDERS  # every play check is in the cached set


def test_a_role_the_sweep_shows_clean_is_remembered_too(tmp_path, monkeypatch):
    root = copy("clean", tmp_path)
    cache = ParseCache(tmp_path / "cache")
    searched = _count_searches(monkeypatch)
    assert lint_story(root, check_sources=False, cache=cache) == []
    assert searched == ["agent?"]  # the sweep was enough
    assert lint_story(root, check_sources=False, cache=cache) == []
    assert searched == ["agent?"]  # and the next lint asks neither
