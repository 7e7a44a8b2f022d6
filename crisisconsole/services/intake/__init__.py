"""Intake: CAP alerts, spreadsheets and the inbox folder into the one log, corroboration
suggestions, CAP export of an entry, intake preferences."""
