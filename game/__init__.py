"""Foxbat: Hakodate, 1976 - a narrative history game."""

__version__ = "0.1.0"
