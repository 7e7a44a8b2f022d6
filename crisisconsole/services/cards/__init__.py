"""Person-level briefing cards: need to know, reading with an audited purpose, the lawful purge,
exports."""
