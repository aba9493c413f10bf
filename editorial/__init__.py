"""Editorial: pairing tools into comparisons, the panel, verdict arithmetic and wording."""
