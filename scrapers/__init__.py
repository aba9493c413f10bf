"""Ingest: sources, polite fetching, parsing, normalising, resolving to tools, extracting facts."""
