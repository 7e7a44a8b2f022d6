"""The map of a crisis (issue 18): its layers from the store, measure areas, headless render."""
