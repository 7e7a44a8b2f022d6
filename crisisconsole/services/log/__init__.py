"""The incident log: recording entries and acts on them, reading and searching, the source
organisations, the export data."""
