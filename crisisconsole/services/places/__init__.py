"""The gazetteer of each municipality, kept across crises (issue 18)."""
