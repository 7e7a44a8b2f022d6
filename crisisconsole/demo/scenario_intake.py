"""Demo part: CAP alerts from the safety region arrive during the unrest (a smoke warning, its
Update, and an alert from the region's exercise feed that the real crisis refuses), so the log
shows imported, graded entries next to the typed ones."""

from __future__ import annotations

from crisisconsole.demo.world import DemoWorld
from crisisconsole.interchange.cap_export import cap_time
from crisisconsole.services.intake.cap import import_cap_bytes

SENDER = "meldkamer@vrgz.example.nl"


def _circle() -> str:
    """The alert's circle over the binnenstad of the demo's map (CAP: "lat,lon radius_km")."""
    from crisisconsole.demo.waalbergen_map import cap_circle

    circle = cap_circle()
    return f"{circle.centre.lat:.5f},{circle.centre.lon:.5f} {circle.radius_m / 1000:g}"


def _alert(world: DemoWorld, identifier: str, minute: float, msg_type: str, headline: str,
           certainty: str, references: str = "", status: str = "Actual") -> bytes:
    refs = f"<references>{references}</references>" if references else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>{identifier}</identifier><sender>{SENDER}</sender>
  <sent>{cap_time(world.at(minute))}</sent><status>{status}</status>
  <msgType>{msg_type}</msgType><scope>Public</scope>{refs}
  <info>
    <language>nl-NL</language><category>Fire</category><event>Rookontwikkeling</event>
    <urgency>Immediate</urgency><severity>Moderate</severity><certainty>{certainty}</certainty>
    <senderName>Veiligheidsregio Gelderland-Zuid</senderName>
    <headline>{headline}</headline>
    <description>Rook van brandende containers en een scooter trekt over de binnenstad.</description>
    <instruction>Sluit ramen en deuren en zet de ventilatie uit.</instruction>
    <area><areaDesc>Binnenstad Waalbergen</areaDesc><circle>{_circle()}</circle></area>
  </info>
</alert>""".encode()


def fill(world: DemoWorld) -> None:
    first = _alert(world, "VRGZ-ROOK-1", 165, "Alert",
                   "Rookontwikkeling binnenstad door branden", "Likely")
    import_cap_bytes(world.ctx, world.crisis_id, first, "vrgz-rook-1.cap")
    reference = f"{SENDER},VRGZ-ROOK-1,{cap_time(world.at(165))}"
    update = _alert(world, "VRGZ-ROOK-2", 185, "Update",
                    "Rookontwikkeling binnenstad: branden geblust, rook trekt weg", "Observed",
                    reference)
    import_cap_bytes(world.ctx, world.crisis_id, update, "vrgz-rook-2.cap")
    drill = _alert(world, "VRGZ-OEF-9", 190, "Alert", "Oefenbericht", "Possible",
                   status="Exercise")
    item = import_cap_bytes(world.ctx, world.crisis_id, drill, "vrgz-oefening.cap")
    world.extra["intake_refused"] = item.reason
