"""python -m game.frontends.gui: open the desktop game directly (imports less than the CLI before the first frame)."""

import os
import sys
from pathlib import Path


def main() -> int:
    """Play the shipped story in a window."""
    from .app import run_desktop

    from game.shipped import story_folder

    story = Path(os.environ.get("FOXBAT_STORY", story_folder()))
    data = os.environ.get("FOXBAT_DATA_DIR")
    if data is None:
        import platformdirs

        data = platformdirs.user_data_dir("foxbat", appauthor=False)
    status = run_desktop(story, Path(data), role=(sys.argv[1] if len(sys.argv) > 1 else None))
    return 0 if status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
