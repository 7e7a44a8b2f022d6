"""Team mode: the laptop's side of sync (outbox, push, pull, enrolment) over the server."""
