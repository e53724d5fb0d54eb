"""The install commands in the documentation install the game the one way it runs: editable."""

from __future__ import annotations

import re

from .conftest import PROJECT


def test_every_documented_install_of_this_repository_is_editable():
    # story/ and assets/ are found beside the game package, so a plain `pip install .` would
    # put the package in site-packages without them; the install commands must use -e.
    installs = []
    for page in [PROJECT / "README.md", *sorted((PROJECT / "docs").glob("*.md"))]:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for command in re.findall(r"pip install [^&#`]*", line):
                installs.append((page.name, number, command.strip()))
    assert installs, "the README's install commands should be found"
    assert [found for found in installs if " -e " not in f" {found[2]} "] == []
