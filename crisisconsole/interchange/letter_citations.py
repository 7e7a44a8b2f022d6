"""Every article and paragraph the letters cite, in one table (DOMAIN.md §2).

Gemeentewet art. 176 as published by the Nederlands Genootschap van Burgemeesters has seven
paragraphs (leden): 1 the power and its announcement; 2 informing the raad, the commissaris van
de Koning and the hoofdofficier van justitie; 3 lapse without ratification by the first next
meeting; 4 appeal to the CdK within 24 hours, decision within two days; 5 Awb chapter 6 and
afdeling 7.3 do not apply to that appeal; 6 suspension by the CdK; 7 withdrawal, with lid 2
applying again. Where a newer consolidated text numbers differently, the law wins: change this
table, and every letter follows.
"""

from __future__ import annotations

from dataclasses import dataclass

ORDINALS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde",
            7: "zevende"}


@dataclass(frozen=True)
class Citation:
    article: str
    paragraph: int | None
    law: str = "Gemeentewet"

    def text(self) -> str:
        """As a sentence says it: "artikel 176, tweede lid, van de Gemeentewet"."""
        lid = f", {ORDINALS[self.paragraph]} lid," if self.paragraph else ""
        return f"artikel {self.article}{lid} van de {self.law}"


CITATIONS: dict[str, Citation] = {
    "noodbevel": Citation("175", 1),
    "noodverordening": Citation("176", 1),  # the power and its announcement
    "inform": Citation("176", 2),  # raad, CdK, hoofdofficier van justitie
    "ratification": Citation("176", 3),  # lapses without ratification
    "appeal": Citation("176", 4),
    "suspension": Citation("176", 6),
    "withdrawal": Citation("176", 7),  # withdrawal; lid 2 applies again
    "voorzitter_vr": Citation("39", None, "Wet veiligheidsregio's"),
    "gebiedsverbod": Citation("172a", None),
}


def cite(key: str) -> str:
    return CITATIONS[key].text()
