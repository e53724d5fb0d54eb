"""Story checks beyond loading: graph, history and writing rules. Each check_<thing> returns problems."""

from __future__ import annotations

from game.engine import Problem, Story


def run_checks(story: Story) -> list[Problem]:
    """Every writer-tooling check over a loaded story."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(story))
    return problems


CHECKS: list = []
