"""The log's words on paper, in both languages: the reliability tags and the kinds of link."""

RELIABILITY_NL = {"hearsay": "Van horen zeggen", "confirmed": "Bevestigd", "refuted": "Ontkracht"}
RELIABILITY_EN = {"hearsay": "Hearsay", "confirmed": "Confirmed", "refuted": "Refuted"}
LINK_NL = {"corroborates": "ondersteunt", "contradicts": "spreekt tegen",
           "follows_up": "is vervolg op"}
LINK_EN = {"corroborates": "supports", "contradicts": "contradicts", "follows_up": "follows up"}
