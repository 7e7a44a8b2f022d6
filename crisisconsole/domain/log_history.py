"""The current state of one log entry, derived from its append-only facts (DESIGN.md §1).

Nothing about an entry is ever updated in place: corrections are new versions, re-grades are new
assessments, relations are links. This module folds those facts into what the log shows and
checks a new fact before it is written.

Decisions (documented here because the UI and exports depend on them):

- The latest assessment (by ``at``, ties by ``id``) sets the tag. Its grade sets the grade; an
  assessment without a grade keeps the earlier grade (confirming rarely re-judges the source).
- ``last_confirmed_at`` is the time of the latest confirming assessment, even if a later
  assessment changed the tag: it answers "when did someone last vouch for this".
- A ``contradicts`` link (either direction) makes an entry contradicted while it is open: once
  either side is refuted the contradiction is settled (the refuted side shows as refuted, the
  other stands) and neither is flagged any more.
- ``corroborates`` and ``follows_up`` are directed (from -> to); ``contradicts`` is symmetric.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from crisisconsole.domain.log_rules import (
    EntryInvalid,
    check_grade,
    check_reliability,
    check_text,
)
from crisisconsole.domain.reliability import Reliability
from crisisconsole.i18n import tr


class LinkKind(StrEnum):
    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"
    FOLLOWS_UP = "follows_up"


@dataclass(frozen=True)
class EntryVersion:
    id: str
    entry_id: str
    version: int
    text: str
    location: str | None
    recorded_at: datetime
    author: str
    reason: str | None = None
    corrects_version: int | None = None


@dataclass(frozen=True)
class Assessment:
    id: str
    entry_id: str
    reliability: str
    grade: str | None
    at: datetime
    actor: str
    reason: str | None = None
    confirming_source: str | None = None
    corroborating_entry_id: str | None = None


@dataclass(frozen=True)
class Link:
    id: str
    from_id: str
    to_id: str
    kind: str
    at: datetime
    actor: str


@dataclass(frozen=True)
class HistoryItem:
    at: datetime
    kind: str  # 'version' | 'assessment' | 'link'
    record_id: str
    actor: str
    summary: str
    reason: str | None = None
    text: str | None = None  # versions only
    superseded: bool = False  # an older version: show struck through
    version: int | None = None
    other_entry_id: str | None = None  # links and corroborating entries


@dataclass(frozen=True)
class EntryState:
    entry_id: str
    text: str
    location: str | None
    version: int
    reliability: Reliability
    grade: str | None
    last_confirmed_at: datetime | None
    contradicted: bool
    contradicted_by: tuple[str, ...]
    corroborated_by: tuple[str, ...]
    history: tuple[HistoryItem, ...]


@dataclass(frozen=True)
class ValidCorrection:
    text: str
    location: str | None
    reason: str
    version: int
    corrects_version: int


@dataclass(frozen=True)
class ValidAssessment:
    reliability: Reliability
    grade: str | None
    reason: str | None
    confirming_source: str | None
    corroborating_entry_id: str | None


class HistoryInconsistent(ValueError):
    """The facts handed in do not belong together: a bug or a damaged database, not user input."""


def short_id(entry_id: str) -> str:
    """The tail of a UUIDv7: its head is a timestamp, shared by entries made close together."""
    return f"#{entry_id[-8:]}"


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


# ---------------------------------------------------------------- checks before writing a fact


def check_correction(
    versions: Sequence[EntryVersion],
    new_text: str | None,
    reason: str | None,
    new_location: str | None = None,
    *,
    settles: bool = False,
) -> ValidCorrection:
    """A correction always says why, and must change something, unless it ``settles``
    concurrent corrections: keeping the version this laptop shows is still a new fact, the
    one that settles the conflict on every laptop.

    ``new_location`` None keeps the current location; an empty string clears it.
    """
    if not versions:
        raise HistoryInconsistent("een melding zonder versie kan niet gecorrigeerd worden")
    current = max(versions, key=lambda v: v.version)
    text = check_text(new_text)
    clean_reason = _clean(reason)
    if clean_reason is None:
        raise EntryInvalid(
            tr("Reden van de correctie ontbreekt", "Reason for the correction is missing"), "reason"
        )
    location = current.location if new_location is None else _clean(new_location)
    if not settles and text == current.text.strip() and location == current.location:
        raise EntryInvalid(tr("De correctie verandert niets", "The correction changes nothing"), "text")
    return ValidCorrection(
        text=text,
        location=location,
        reason=clean_reason,
        version=current.version + 1,
        corrects_version=current.version,
    )


def check_assessment(
    entry_id: str,
    reliability: str | Reliability | None,
    grade: str | None = None,
    confirming_source: str | None = None,
    corroborating_entry_id: str | None = None,
    reason: str | None = None,
) -> ValidAssessment:
    """Confirming names a source or a corroborating entry; refuting names a source (DOMAIN.md §1).

    For a refute, ``confirming_source`` holds the refuting source. A corroborating entry only
    supports a confirmation, and an entry cannot corroborate itself.
    """
    tag = check_reliability(reliability)
    clean_grade = check_grade(grade)
    source = _clean(confirming_source)
    corroborating = _clean(corroborating_entry_id)
    if corroborating is not None and corroborating == entry_id:
        raise EntryInvalid(
            tr("Een melding kan zichzelf niet bevestigen", "An entry cannot corroborate itself"),
            "corroborating_entry_id",
        )
    if tag is Reliability.CONFIRMED and source is None and corroborating is None:
        raise EntryInvalid(
            tr("Bevestigen vraagt een bevestigende bron of een ondersteunende melding", "Confirming needs a named source or a corroborating entry"),
            "confirming_source",
        )
    if tag is Reliability.REFUTED and source is None:
        raise EntryInvalid(
            tr("Ontkrachten vraagt een bron", "Refuting needs a named source"), "confirming_source"
        )
    if tag is not Reliability.CONFIRMED and corroborating is not None:
        raise EntryInvalid(
            tr("Een ondersteunende melding hoort alleen bij bevestigen", "A corroborating entry only goes with confirming"),
            "corroborating_entry_id",
        )
    return ValidAssessment(tag, clean_grade, _clean(reason), source, corroborating)


def check_link(
    from_id: str, to_id: str, kind: str, existing_links: Iterable[Link]
) -> LinkKind:
    """No self-links, no duplicates, and no pair that both corroborates and contradicts."""
    try:
        link_kind = LinkKind((kind or "").strip().lower())
    except ValueError:
        raise EntryInvalid(
            tr("Onbekende koppeling: kies corroborates, contradicts of follows_up", "Unknown link: choose corroborates, contradicts or follows_up"),
            "kind",
        ) from None
    if not _clean(from_id) or not _clean(to_id):
        raise EntryInvalid(tr("Koppeling zonder melding", "Link without an entry"), "to_id")
    if from_id == to_id:
        raise EntryInvalid(
            tr("Een melding kan niet aan zichzelf gekoppeld worden", "An entry cannot link to itself"),
            "to_id",
        )
    pair = {from_id, to_id}
    opposing = {LinkKind.CORROBORATES, LinkKind.CONTRADICTS}
    for link in existing_links:
        if {link.from_id, link.to_id} != pair:
            continue
        existing_kind = LinkKind(link.kind)
        same_direction = link.from_id == from_id
        if existing_kind is link_kind and (same_direction or link_kind is LinkKind.CONTRADICTS):
            raise EntryInvalid(tr("Deze koppeling bestaat al", "This link already exists"), "to_id")
        if {existing_kind, link_kind} == opposing:
            raise EntryInvalid(
                tr("Deze meldingen zijn al tegengesteld gekoppeld (bevestigt en spreekt tegen)", "These entries already have the opposite link"),
                "kind",
            )
        if existing_kind is link_kind is LinkKind.FOLLOWS_UP:
            raise EntryInvalid(
                tr("Twee meldingen kunnen niet elkaars vervolg zijn", "Two entries cannot follow up each other"),
                "kind",
            )
    return link_kind


# ---------------------------------------------------------------- the fold


_KIND_RANK = {"version": 0, "assessment": 1, "link": 2}


def _assessment_summary(a: Assessment, tag: Reliability) -> str:
    text = tr(f"{tag.label_nl} door {a.actor}", f"{tag.label} by {a.actor}")
    if a.grade:
        text += tr(f", beoordeling {a.grade}", f", grade {a.grade}")
    if a.confirming_source:
        text += tr(f"; bron: {a.confirming_source}", f"; source: {a.confirming_source}")
    if a.corroborating_entry_id:
        short = short_id(a.corroborating_entry_id)
        text += tr(f"; ondersteund door melding {short}", f"; supported by report {short}")
    return text


def _link_summary(link: Link, entry_id: str) -> tuple[str, str]:
    outgoing = link.from_id == entry_id
    other = link.to_id if outgoing else link.from_id
    templates = {
        (LinkKind.CORROBORATES, True): ("Ondersteunt melding {other}", "Supports report {other}"),
        (LinkKind.CORROBORATES, False): ("Ondersteund door melding {other}",
                                         "Supported by report {other}"),
        (LinkKind.CONTRADICTS, True): ("Spreekt melding {other} tegen",
                                       "Contradicts report {other}"),
        (LinkKind.CONTRADICTS, False): ("Tegengesproken door melding {other}",
                                        "Contradicted by report {other}"),
        (LinkKind.FOLLOWS_UP, True): ("Vervolg op melding {other}", "Follows up report {other}"),
        (LinkKind.FOLLOWS_UP, False): ("Gevolgd door melding {other}",
                                       "Followed up by report {other}"),
    }
    phrase = tr(*templates[(LinkKind(link.kind), outgoing)]).format(other=short_id(other))
    return tr(f"{phrase} (door {link.actor})", f"{phrase} (by {link.actor})"), other


def _check_facts(
    entry_id: str,
    versions: Sequence[EntryVersion],
    assessments: Sequence[Assessment],
    links: Sequence[Link],
) -> None:
    if any(v.entry_id != entry_id for v in versions):
        raise HistoryInconsistent("versies van verschillende meldingen")
    if any(a.entry_id != entry_id for a in assessments):
        raise HistoryInconsistent("beoordeling hoort bij een andere melding")
    if any(entry_id not in (link.from_id, link.to_id) for link in links):
        raise HistoryInconsistent("koppeling hoort bij een andere melding")
    numbers = sorted(v.version for v in versions)
    if numbers != list(range(1, len(numbers) + 1)):
        raise HistoryInconsistent("versienummers niet aaneengesloten vanaf 1")


def current_state(
    versions: Sequence[EntryVersion],
    assessments: Sequence[Assessment] = (),
    links: Sequence[Link] = (),
    linked_reliability: Mapping[str, str] | None = None,
) -> EntryState:
    """Fold the facts of one entry; the order in which they are handed in does not matter.

    ``links`` are all links that touch this entry. ``linked_reliability`` maps the other entries
    of ``contradicts`` links to their current tag, to settle contradictions where the other side
    was refuted; an id missing from it counts as not refuted.
    """
    if not versions:
        raise HistoryInconsistent("een melding heeft minstens één versie")
    entry_id = versions[0].entry_id
    _check_facts(entry_id, versions, assessments, links)
    others = linked_reliability or {}

    ordered_versions = sorted(versions, key=lambda v: v.version)
    latest = ordered_versions[-1]
    items: list[tuple[tuple[datetime, int, int, str], HistoryItem]] = []
    for v in ordered_versions:
        if v.version == 1:
            summary = tr(f"Vastgelegd door {v.author}", f"Recorded by {v.author}")
        else:
            summary = tr(f"Correctie naar versie {v.version} door {v.author}",
                         f"Corrected to version {v.version} by {v.author}")
        if v.reason:
            summary += f": {v.reason}"
        item = HistoryItem(
            at=v.recorded_at, kind="version", record_id=v.id, actor=v.author, summary=summary,
            reason=v.reason, text=v.text, superseded=v.version < latest.version, version=v.version,
        )
        items.append(((v.recorded_at, _KIND_RANK["version"], v.version, v.id), item))

    reliability = Reliability.HEARSAY
    grade: str | None = None
    last_confirmed_at: datetime | None = None
    support: list[tuple[datetime, str, str]] = []
    for a in sorted(assessments, key=lambda a: (a.at, a.id)):
        tag = Reliability(a.reliability)
        reliability = tag
        grade = a.grade or grade
        if tag is Reliability.CONFIRMED:
            last_confirmed_at = a.at
        if a.corroborating_entry_id:
            support.append((a.at, a.id, a.corroborating_entry_id))
        item = HistoryItem(
            at=a.at, kind="assessment", record_id=a.id, actor=a.actor,
            summary=_assessment_summary(a, tag), reason=a.reason,
            other_entry_id=a.corroborating_entry_id,
        )
        items.append(((a.at, _KIND_RANK["assessment"], 0, a.id), item))

    contradicted_by: list[tuple[datetime, str, str]] = []
    for link in links:
        summary, other = _link_summary(link, entry_id)
        kind = LinkKind(link.kind)
        if kind is LinkKind.CORROBORATES and link.to_id == entry_id:
            support.append((link.at, link.id, other))
        if kind is LinkKind.CONTRADICTS:
            settled = reliability is Reliability.REFUTED or others.get(other) == Reliability.REFUTED
            if not settled:
                contradicted_by.append((link.at, link.id, other))
        item = HistoryItem(
            at=link.at, kind="link", record_id=link.id, actor=link.actor, summary=summary,
            other_entry_id=other,
        )
        items.append(((link.at, _KIND_RANK["link"], 0, link.id), item))

    return EntryState(
        entry_id=entry_id,
        text=latest.text,
        location=latest.location,
        version=latest.version,
        reliability=reliability,
        grade=grade,
        last_confirmed_at=last_confirmed_at,
        contradicted=bool(contradicted_by),
        contradicted_by=_unique_in_order(contradicted_by),
        corroborated_by=_unique_in_order(support),
        history=tuple(item for _, item in sorted(items, key=lambda pair: pair[0])),
    )


def _unique_in_order(facts: list[tuple[datetime, str, str]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for _, _, other in sorted(facts):
        seen.setdefault(other, None)
    return tuple(seen)


def is_open_contradiction(link: Link, reliability_by_id: Mapping[str, str]) -> bool:
    """For the picture's "open contradictions" section: neither side refuted yet."""
    if LinkKind(link.kind) is not LinkKind.CONTRADICTS:
        return False
    return Reliability.REFUTED not in (
        reliability_by_id.get(link.from_id),
        reliability_by_id.get(link.to_id),
    )
