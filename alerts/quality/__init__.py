"""Measuring the shipped rules: precision and recall on labelled items."""
