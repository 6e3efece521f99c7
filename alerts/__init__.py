"""Streaming alerts for diplomatic developments."""

__version__ = "0.1.0"
