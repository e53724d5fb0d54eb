"""The YAML reader: the fast plain path and the careful marking path read every file the same way."""

from __future__ import annotations

import gc
import shutil
import unicodedata
import weakref

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import StoryMachine, load_story, parse_yaml
from game.engine import gcpause, yamlfile

from ..conftest import STORIES


def _careful(text: str):
    """The data and problems of the marking reader alone."""
    return yamlfile._read_marked(text, "x.yaml")


# Scalars that YAML 1.1 resolves to something other than text, or that need normalising.
_tricky = st.sampled_from([
    "yes", "No", "on", "OFF", "~", "null", "true", "1e3", "0x1F", "0o17", "017", "1_000", "-.inf", ".NaN",
    "1976-09-06", "1976-09-06T13:50+09:00", "12:30", "<<", "=", "", " lead", "trail ", "a: b", "- x", "#",
    unicodedata.normalize("NFD", "Tiếng Việt"), "函館", "e\u0301", "'quoted'", '"double"', "multi\nline",
])
_scalars = st.one_of(_tricky, st.text(max_size=20), st.integers(), st.booleans(), st.none(),
                     st.floats(allow_nan=False))
_keys = st.one_of(_tricky, st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True))
_data = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(_keys, inner, max_size=4)), max_leaves=20)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _data, min_size=1, max_size=5), st.sampled_from([False, True, None]), st.booleans())
def test_the_plain_path_reads_dumped_data_exactly_as_the_careful_one(data, flow, unicode):
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode)
    document, problems = parse_yaml(text, "x.yaml")
    careful, careful_problems = _careful(text)
    assert problems == careful_problems == []
    assert document.data == careful.data
    assert yamlfile._read_plain(text) == careful.data  # no file like this needs the careful path


_bits = st.sampled_from([
    "scenes:", "  a:", "    text: x", "    when: 1976-09-06", "      - id: b", "- yes", "- 0x1F", "k: ~",
    "&x [1]", "*x", "!!str 3", "!!python/object:os.system", "- ", ": ", "{", "}", "[", "]", "'", '"', "\t",
    "#", "key: value", "key: other", "<<: {a: 1}", "? [a]", "---", "...", "é", "e\u0301", "%YAML 1.1",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=120), st.lists(_bits, max_size=25).map("\n".join)))
def test_any_text_reads_the_same_whichever_path_it_takes(text):
    document, problems = parse_yaml(text, "x.yaml")
    careful, careful_problems = _careful(text)
    assert problems == careful_problems
    assert (document is None) == (careful is None)
    if document is not None:
        assert document.data == careful.data
        assert document.values == careful.values and document.keys == careful.keys


@pytest.mark.parametrize("text, code", [
    ("a: 1\na: 2\n", "E004"),
    ("a: !!python/object:os.system x\n", "E005"),
    ("a: &x [*x]\n", "E006"),
    ("<<: {a: 1}\n", "E003"),
    ("a: 1\n---\nb: 2\n", "E003"),
    ("# only a comment\n", "E002"),
])
def test_what_the_plain_path_leaves_alone_is_reported_with_its_place(text, code):
    with pytest.raises(yamlfile._Unusual):
        yamlfile._read_plain(text)
    document, problems = parse_yaml(text, "x.yaml")
    assert document is None and [p.code for p in problems] == [code]
    assert problems[0].location.line >= 1


def test_anchors_and_aliases_still_load_through_the_careful_path():
    document, problems = parse_yaml("base: &b {fuel: 1}\ncopy: *b\n", "x.yaml")
    assert problems == [] and document.data == {"base": {"fuel": 1}, "copy": {"fuel": 1}}
    assert document.locate(("copy",)).line == 2


def test_places_come_from_the_text_that_was_loaded_even_after_the_file_changes(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(STORIES / "sample", story)
    loaded = load_story(story)
    scene_file = story / "roles" / "pilot" / "01_flight.yaml"
    scene_file.write_text("# a new first line\n" + scene_file.read_text())
    where = loaded.locate("pilot", "scenes", "breakaway", "choices", 0, "goto")
    lines = (STORIES / "sample" / "roles" / "pilot" / "01_flight.yaml").read_text().splitlines()
    assert lines[where.line - 1][where.column - 1:].startswith("over_the_sea")


def test_a_big_story_is_set_aside_from_the_collector_and_given_back_on_reload(monkeypatch):
    monkeypatch.setattr(gcpause, "FREEZE_ABOVE", 0)  # as if the sample story were thousands of scenes
    old_story = load_story(STORIES / "sample")
    old_machine = StoryMachine(old_story.story, old_story.rules)
    gone = weakref.ref(old_machine._machine)
    assert gc.get_freeze_count() > 0
    del old_story, old_machine
    load_story(STORIES / "sample")  # a reload
    gc.collect()
    assert gone() is None  # the replaced machine's cycles were collected


def test_a_small_story_leaves_the_collector_alone():
    gc.unfreeze()
    small = load_story(STORIES / "sample")
    StoryMachine(small.story, small.rules)
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("text, line, column, mark", [
    ('scenes:\n  a:\n    title: "An open quote\n    when: "1976-09-06"\n    where: x\n', 3, 12, '"'),
    ("scenes:\n  a:\n    title: 'It''s open\n    when: x\n", 3, 12, "'"),
    ('scenes:\n  a:\n    choices:\n      - "open\n      - b\n    when: x\n', 4, 9, '"'),
])
def test_an_unclosed_quote_is_named_at_the_line_where_it_opens(text, line, column, mark):
    document, [problem] = parse_yaml(text, "scenes.yaml")
    assert document is None and problem.code == "E003"
    assert problem.message == f"this quote ({mark}) is never closed"
    assert (problem.location.line, problem.location.column) == (line, column)


def test_a_quoted_value_that_runs_over_two_lines_is_not_called_unclosed():
    document, problems = parse_yaml('a:\n  title: "A quote that\n    runs on"\n  when: x\n', "f.yaml")
    assert problems == [] and document.data["a"]["title"] == "A quote that runs on"
