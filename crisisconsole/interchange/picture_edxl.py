"""A snapshot of the situational picture as an EDXL-SitRep 1.0 report (DOMAIN.md §5).

Root ``SitRep`` in ``urn:oasis:names:tc:emergency:EDXL:SitRep:1.0`` with the report header
elements in schema order and a ``ManagementReportSummary`` body. Persons are given with the
OASIS CIQ name elements (xpil/xnl). The picture's sections, which the SitRep vocabulary has no
element for, travel in the body as an extension in crisisconsole's own namespace, so a
receiver that only knows SitRep still reads a valid summary. Built with xml.etree: no DTD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from crisisconsole.domain.picture_input import JUDGEMENT_KINDS

NS = "urn:oasis:names:tc:emergency:EDXL:SitRep:1.0"
XPIL = "urn:oasis:names:tc:ciq:xpil:3"
XNL = "urn:oasis:names:tc:ciq:xnl:3"
EXT = "urn:crisisconsole:picture:1"
ET.register_namespace("", NS)
ET.register_namespace("xpil", XPIL)
ET.register_namespace("xnl", XNL)
ET.register_namespace("cc", EXT)

SEVERITY_BY_GRIP = {None: "Minor", "0": "Minor", "1": "Minor", "2": "Moderate", "3": "Severe",
                    "4": "Extreme", "5": "Extreme", "rijk": "Extreme"}


def _el(parent: ET.Element, tag: str, text: str | None = None, ns: str = NS,
        **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ns}}}{tag}", {k: v for k, v in attrs.items() if v})
    if text is not None:
        element.text = text
    return element


def _person(parent: ET.Element, tag: str, name: str, when: str | None) -> None:
    holder = _el(parent, tag)
    details = _el(holder, "PersonDetails", ns=XPIL)
    person_name = _el(details, "PersonName", ns=XNL)
    _el(person_name, "NameElement", name, ns=XNL)
    if when:
        _el(holder, "TimeValue", when)


def _confidence(p: dict[str, Any]) -> str:
    counts = p["summary"]["counts"]
    if counts["contradictions"]:
        return "NotConfident"
    return "HighlyConfident" if counts["hearsay"] == 0 else "SomewhatConfident"


def _extension(body: ET.Element, p: dict[str, Any]) -> None:
    ext = _el(body, "SituationPicture", ns=EXT)
    for d in p["disciplines"]:
        disc = _el(ext, "Discipline", ns=EXT, key=d["key"], label=d["label"])
        for tag, item in _items(d):
            if "title" in item:  # a topic (picture format 2)
                topic = _el(disc, "Topic", item.get("statement") or "", ns=EXT,
                            title=item["title"], reliability=item["reliability"],
                            reports=str(item["reports"]), firstAt=item.get("first_at") or "",
                            lastAt=item.get("last_at") or "",
                            lastConfirmedAt=item.get("last_confirmed_at") or "",
                            sources=",".join(item["sources"]),
                            entries=",".join(item["entry_ids"]))
                topic.set("contradicted", "true" if item.get("open_contradictions")
                          else "false")
                continue
            fact = _el(disc, "Item", item["text"], ns=EXT, reliability=tag,
                       grade=item.get("grade") or "", occurredAt=item["occurred_at"],
                       lastConfirmedAt=item.get("last_confirmed_at") or "",
                       sources=",".join(item["sources"]),
                       entries=",".join(item["entry_ids"]))
            fact.set("contradicted", "true" if item["contradicted"] else "false")
    contra = _el(ext, "OpenContradictions", ns=EXT)
    for c in p["contradictions"]:
        pair = _el(contra, "Contradiction", ns=EXT)
        for side in (c["a"], c["b"]):
            _el(pair, "Item", side["text"], ns=EXT, reliability=side["reliability"],
                source=side["source"], entry=side["entry_id"])
    judgement = _el(ext, "Judgement", ns=EXT)
    for kind, _label in JUDGEMENT_KINDS:
        for note in p["judgement"][kind]:
            _el(judgement, "Note", note["text"], ns=EXT, kind=kind, at=note["at"])
    decisions = _el(ext, "Decisions", ns=EXT)
    for d in p["decisions"]:
        dec = _el(decisions, "Decision", ns=EXT, decidedBy=d["decided_by"],
                  decidedAt=d["decided_at"], entries=",".join(d["entry_ids"]))
        _el(dec, "Text", d["text"], ns=EXT)
        _el(dec, "Rationale", d["rationale"], ns=EXT)
    actions = _el(ext, "Actions", ns=EXT)
    for a in p["actions"]:
        _el(actions, "Action", a["text"], ns=EXT, owner=a["owner"], due=a.get("due") or "",
            status=a["status"], overdue="true" if a["overdue"] else "false")
    powers = _el(ext, "PowersInUse", ns=EXT)
    for m in p["powers"]:
        nxt = m.get("next_due") or {}
        _el(powers, "Measure", m["title"], ns=EXT, kind=m["kind"], state=m["state"],
            nextDue=nxt.get("due") or "", nextDueKind=nxt.get("kind") or "",
            overdue="true" if nxt.get("overdue") else "false")
    persons = _el(ext, "PersonsOfInterest", ns=EXT, masked="true")
    for person in p["persons"]["items"]:
        _el(persons, "Person", person["masked"], ns=EXT, kind=person["kind"])
    contacts = _el(ext, "Contacts", ns=EXT)
    for note in p["contacts"]:
        _el(contacts, "Contact", note["text"], ns=EXT)


def _items(d: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """A discipline's shown items: topics (format 2: confirmed, unconfirmed) or, in an older
    snapshot, entries (confirmed, hearsay)."""
    return [(tag, item) for tag in ("confirmed", "unconfirmed", "hearsay")
            for item in d.get(tag, [])]


def _earliest(p: dict[str, Any]) -> str:
    times = [i.get("first_at") or i.get("occurred_at") for d in p["disciplines"]
             for _tag, i in _items(d)]
    times = [t for t in times if t]
    return min([*times, p["header"]["as_of"]])


def sitrep_xml(p: dict[str, Any], message_id: str) -> bytes:
    """The EDXL-SitRep document (UTF-8, with XML declaration)."""
    h = p["header"]
    version = h.get("version") or 0
    root = ET.Element(f"{{{NS}}}SitRep")
    _el(root, "MessageID", message_id)
    _person(root, "PreparedBy", h["prepared_by"], h["as_of"])
    _person(root, "AuthorizedBy", h.get("authorized_by") or h["prepared_by"], h["as_of"])
    _el(root, "ReportPurpose", "Situatiebeeld voor de burgemeester en het beleidsteam (BOB)")
    _el(root, "ReportNumber", str(version))
    _el(root, "ReportVersion", "Initial" if version <= 1 else "Update")
    period = _el(root, "ForTimePeriod")
    _el(period, "FromDateTime", _earliest(p))
    _el(period, "ToDateTime", h["as_of"])
    title = f"Situatiebeeld {h['crisis_name']} ({h['municipality']}), versie {version}"
    _el(root, "ReportTitle", ("OEFENING — " if h.get("exercise") else "") + title)
    _el(root, "IncidentID", h["crisis_id"])
    _el(root, "IncidentLifecyclePhase", "Response")
    _el(root, "Urgency", "Immediate")
    _el(root, "ReportConfidence", _confidence(p))
    _el(root, "Severity", SEVERITY_BY_GRIP.get(h.get("grip"), "Unknown"))
    open_actions = [a for a in p["actions"] if a["status"] == "open"]
    _el(root, "ActionPlan", "; ".join(f"{a['text']} ({a['owner']}"
                                      + (f", {a['due']}" if a.get("due") else "") + ")"
                                      for a in open_actions) or "Geen open acties.")
    _el(root, "NextContact", h.get("next_update") or h["as_of"])
    body = _el(root, "ManagementReportSummary")
    summary = [n["text"] for n in p["summary"]["notes"]] + p["summary"]["lines"]
    _el(body, "SituationSummary", " ".join(summary))
    _extension(body, p)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
