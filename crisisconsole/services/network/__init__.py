"""The aide's network (issue 16): the partner and escalation directory, information requests
tracked to their answer, the crisis team's roster, the timeline and the evaluation of the
information position."""
