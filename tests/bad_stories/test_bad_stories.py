"""Every malformed story in the corpus is refused with exactly the expected message."""

from __future__ import annotations

import pytest

from . import corpus


@pytest.mark.parametrize("case", corpus.cases())
def test_a_malformed_story_reports_exactly_the_expected_problem(case, tmp_path, monkeypatch):
    story = corpus.build(case, tmp_path)
    monkeypatch.chdir(tmp_path)  # paths in messages are shown relative to the working folder
    expected = (corpus.CORPUS / case / "expected.txt").read_text(encoding="utf-8")
    story = story.relative_to(tmp_path)
    report = corpus.guarded("report", story) if corpus.special(case) else corpus.report(story)
    assert report == expected


@pytest.mark.parametrize("case", corpus.cases())
def test_a_malformed_story_raises_story_error_from_load_story(case, tmp_path):
    from game.engine import StoryError, load_story

    story = corpus.build(case, tmp_path)
    if corpus.special(case):  # pipes and devices are read only in a bounded child process
        count, _, last = corpus.guarded("load_summary", story).partition(" errors|")
        assert int(count) > 0 and last.startswith(f"{count} error")
        return
    with pytest.raises(StoryError) as raised:
        load_story(story)
    assert raised.value.errors, "a refused story names at least one error"
    assert str(raised.value).splitlines()[-1].startswith(f"{len(raised.value.errors)} error")


def test_the_base_story_of_the_corpus_is_itself_valid(tmp_path):
    from game.engine import check_story

    story, problems = check_story(corpus.BASE)
    assert story is not None and not [p for p in problems if p.is_error]


def test_every_case_has_an_expected_message():
    missing = [case for case in corpus.cases() if not (corpus.CORPUS / case / "expected.txt").is_file()]
    assert not missing
    assert len(corpus.cases()) >= 20
