"""The team server: a PostgreSQL database that is the meeting point of a team's laptops."""
