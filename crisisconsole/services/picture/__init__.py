"""The situational picture: gathering and building it, snapshots, decisions, actions and notes,
exports."""
