"""Which lifecycle events the aide may record now: the same refusals as ``check_event``, asked in
advance, so the UI offers only what the law allows and says why the rest is not possible.

Each action is probed with ``check_event`` at ``now``; nothing is decided twice. One exception:
an appeal lodged within the 24 hours but typed in after they closed is still valid (the record
carries the moment it was lodged), so after the window the appeal stays offered with the
deadline, and a record timed after it is refused by the same rule as always.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from crisisconsole.clock import as_utc
from crisisconsole.domain.council import Meeting, MeetingOutcome
from crisisconsole.domain.measures import needs_ratification
from crisisconsole.domain.ordinance_checks import check_event
from crisisconsole.domain.ordinance_records import (
    Measure,
    MeasureEvent,
    MeasureEventKind,
    MeasureState,
)
from crisisconsole.domain.ordinance_timeline import replay
from crisisconsole.domain.violations import RuleViolation
from crisisconsole.i18n import tr

_E = MeasureEventKind

# The events the measure detail offers (notifications have their own checklist).
ACTIONS: tuple[MeasureEventKind, ...] = (
    _E.PUBLISHED, _E.AGENDA_PLACED, _E.ACCOUNT_GIVEN, _E.APPEAL_LODGED, _E.CDK_DECISION,
    _E.SUSPENDED, _E.WITHDRAWN, _E.KEPT_IN_FORCE,
)
def no_prompt() -> str:
    return (tr("er staat geen vraag om in te trekken open: van kracht houden is een antwoord op het afschalen of sluiten van de crisis", "no withdrawal prompt is open"))
# Only a mayor's noodverordening knows ratification, appeal, suspension and the account.
_RATIFICATION_TRACK = frozenset(
    {_E.AGENDA_PLACED, _E.ACCOUNT_GIVEN, _E.APPEAL_LODGED, _E.CDK_DECISION, _E.SUSPENDED}
)


@dataclass(frozen=True)
class ActionCheck:
    kind: MeasureEventKind
    applies: bool  # the action exists for this kind of measure and issuer at all
    allowed: bool  # it may be recorded at ``now``
    reason: str | None  # the one-line refusal when not allowed now
    until: datetime | None = None  # appeal only: it may still be recorded if lodged by then

    @property
    def offered(self) -> bool:
        """Worth a live control: allowed now, or an appeal that may have been lodged in time."""
        return self.allowed or self.until is not None


def available_actions(
    measure: Measure,
    events: Iterable[MeasureEvent],
    meetings: Iterable[Meeting],
    outcomes: Iterable[MeetingOutcome],
    now: datetime,
    actor: str = "aide",
    withdraw_prompt: bool = False,
) -> dict[MeasureEventKind, ActionCheck]:
    """``withdraw_prompt``: whether the crisis's scale-down or closure asks for withdrawal now
    (the lifecycle's obligation); keeping the measure in force answers only that."""
    now = as_utc(now)
    events, meetings, outcomes = list(events), list(meetings), list(outcomes)
    out: dict[MeasureEventKind, ActionCheck] = {}
    for kind in ACTIONS:
        applies = kind not in _RATIFICATION_TRACK or needs_ratification(measure.kind,
                                                                         measure.issuer)
        if kind is _E.KEPT_IN_FORCE and not withdraw_prompt:
            # Only an answer to the prompt: not offered (nor shown) while none is open.
            out[kind] = ActionCheck(kind, False, False, no_prompt())
            continue
        probe = MeasureEvent(kind, now, actor, upheld=True if kind is _E.CDK_DECISION
                             else None,
                             note="-" if kind in (_E.PUBLISHED, _E.KEPT_IN_FORCE) else None)
        try:
            check_event(measure, events, meetings, outcomes, probe, now)
        except RuleViolation as refusal:
            until = None
            if kind is _E.APPEAL_LODGED and applies:
                tl = replay(measure, events, meetings, outcomes, now)
                if tl.state is MeasureState.LAPSED and tl.cdk_at is None and tl.appeal_deadline:
                    until = tl.appeal_deadline
            out[kind] = ActionCheck(kind, applies, False, str(refusal), until)
        else:
            out[kind] = ActionCheck(kind, applies, True, None)
    return out
