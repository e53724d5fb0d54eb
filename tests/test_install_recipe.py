"""The README's install recipes upgrade pip in the new venv, and CI runs the README's test command verbatim."""

from __future__ import annotations

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
UPGRADE = ".venv/bin/pip install --upgrade pip"


def _readme_recipes() -> list[str]:
    """Every one-line shell recipe in the README that creates a venv."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.startswith("python3 -m venv")]


def test_every_readme_recipe_upgrades_pip_in_the_new_venv_before_installing():
    recipes = _readme_recipes()
    assert len(recipes) >= 2
    for recipe in recipes:
        steps = [step.strip() for step in recipe.split("&&")]
        assert UPGRADE in steps, recipe
        first_install = next(i for i, s in enumerate(steps) if s.startswith(".venv/bin/pip install -e"))
        assert steps.index(UPGRADE) < first_install, recipe


def test_ci_runs_the_readme_test_command_verbatim():
    test_recipe = next(r for r in _readme_recipes() if "pytest" in r)
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line and not line.lstrip().startswith("#")]
    assert test_recipe in commands
    comment = [line for line in ci.splitlines() if line.startswith("#") and "python3 -m venv" in line]
    assert comment and comment[0].lstrip("# ").strip() == test_recipe
