"""Measures (noodbevel, noodverordening) and their lifecycle, the council calendar, letters,
reminders and Wvr art. 39."""
