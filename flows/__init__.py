"""Prefect flows: thin wrappers, each task one call to a plain function in verdicts.stages."""
