"""Latvian text layer: normalising, sentence splitting, dates, stemming and the search analyser."""
