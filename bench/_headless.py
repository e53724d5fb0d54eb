"""Imported first by the benchmarks that open the game: dummy video and audio, the project importable.

The drivers must be chosen before pygame is imported, so this module does it on import.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# BENCH_VIDEODRIVER=x11 (with DISPLAY set, e.g. under Xvfb) measures through a real X server instead.
os.environ["SDL_VIDEODRIVER"] = os.environ.get("BENCH_VIDEODRIVER", "dummy")
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
