"""Museum kiosk mode: policy (attract, idle reset, lock, staff exit, statistics) around the desktop game."""
