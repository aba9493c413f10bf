"""Verdicts: the settings and the command line every stage shares."""
