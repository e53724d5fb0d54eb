"""Build hook: a wheel carries the story and the assets inside the package (see game/shipped.py).

Everything else about the package is in pyproject.toml. An editable install (the README's) reads
story/ and assets/ from the repository instead, so it copies nothing.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithShippedData(build_py):
    """build_py, plus story/ and assets/ copied to game/_shipped/ in the build."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "game" / "_shipped"
        shutil.rmtree(target, ignore_errors=True)  # a file deleted since the last build must not linger
        for name in ("story", "assets"):
            shutil.copytree(Path(__file__).parent / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "make_*.py"))


setup(cmdclass={"build_py": BuildWithShippedData})
