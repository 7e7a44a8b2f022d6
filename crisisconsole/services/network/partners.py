"""The partner and escalation directory: organisations and persons, what they contribute and
on which numbers they (and their director, for escalation) are reached. Kept across crises,
per municipality ("" for a partner of every municipality). A change is a new version, written
through Store.write, so every change is audited; only an aide changes the directory (a
refusal is audited too)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from crisisconsole import safe_files
from crisisconsole.clock import format_utc
from crisisconsole.domain.partner_rules import PartnerFields, PartnerRefused, check_partner, e164
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.interchange.partners_files import partners_csv, partners_vcf, read_partners
from crisisconsole.services.foundation.access import require_aide
from crisisconsole.services.foundation.audit import audit_export
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.network import partner, partner_version

MAX_IMPORT_FILE = 2_000_000

_CURRENT_SQL = """
    SELECT p.id, p.municipality, p.kind, v.name, v.function, v.organisation, v.contributes,
           v.phone, v.phone_e164, v.escalation_phone, v.escalation_e164, v.email, v.discipline,
           v.retired, v.recorded_at
    FROM partner p
    JOIN partner_version v ON v.rowid = (SELECT max(rowid) FROM partner_version
                                         WHERE partner_id = p.id)
"""


@dataclass(frozen=True)
class Partner:
    id: str
    municipality: str
    kind: str
    name: str
    function: str | None
    organisation: str | None
    contributes: str | None
    phone: str | None
    phone_e164: str | None
    escalation_phone: str | None
    escalation_e164: str | None
    email: str | None
    discipline: str | None
    retired: bool
    changed_at: datetime

    def fields(self) -> PartnerFields:
        return PartnerFields(self.name, self.kind, self.function, self.organisation,
                             self.contributes, self.phone, self.escalation_phone, self.email,
                             self.discipline)

    def label(self) -> str:
        """'J. de Vries (GGD, directeur publieke gezondheid)' for lists and letters."""
        extra = ", ".join(x for x in (self.organisation, self.function) if x)
        return f"{self.name} ({extra})" if extra else self.name

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["changed_at"] = format_utc(self.changed_at)
        data["tel_links"] = {k: f"tel:{v}" for k, v in (("phone", self.phone_e164),
                             ("escalation_phone", self.escalation_e164)) if v}
        return data


def _partner(row: Any) -> Partner:
    from crisisconsole.clock import parse_stored

    return Partner(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                   row[9], row[10], row[11], row[12], bool(row[13]), parse_stored(row[14]))


def current_partners(conn: Connection, municipality: str | None = None,
                     include_retired: bool = False) -> list[Partner]:
    """The directory now; for a municipality, its own partners and the general ones."""
    sql = _CURRENT_SQL
    params: dict[str, Any] = {}
    if municipality is not None:
        sql += " WHERE p.municipality IN ('', :m)"
        params["m"] = municipality
    found = [_partner(r) for r in conn.execute(text(sql), params).all()]
    return sorted((p for p in found if include_retired or not p.retired),
                  key=lambda p: (p.name.casefold(), p.id))


def list_partners(store: Store, municipality: str | None = None,
                  include_retired: bool = False) -> list[Partner]:
    with store.read() as conn:
        return current_partners(conn, municipality, include_retired)


def get_partner(store: Store, partner_id: str) -> Partner:
    with store.read() as conn:
        row = conn.execute(text(_CURRENT_SQL + " WHERE p.id = :i"), {"i": partner_id}).first()
    if row is None:
        raise NotFoundError(tr(f"onbekende partner: {partner_id}", f"unknown partner: {partner_id}"))
    return _partner(row)


def resolve_partner(conn: Connection, ref: str, municipality: str) -> Partner:
    """A partner by its id or its exact name (the crisis's municipality before the general
    directory); an unknown or ambiguous one is refused, never guessed."""
    cleaned = " ".join((ref or "").split())
    partners = current_partners(conn, municipality)
    for item in partners:
        if item.id == cleaned:
            return item
    named = [p for p in partners if p.name == cleaned]
    own = [p for p in named if p.municipality == municipality]
    chosen = own or named
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        raise NotFoundError(tr(
            f"onbekende partner: {cleaned!r} (geef het id of de exacte naam uit `partner list`)",
            f"unknown partner: {cleaned!r} (give the id or the exact name from `partner list`)"))
    raise ValidationError(tr(f"meer partners heten {cleaned!r}: geef het id",
                             f"several partners are called {cleaned!r}: give the id"))


def _version_row(tx: Any, ctx: ServiceContext, partner_id: str, fields: PartnerFields,
                 retired: bool = False) -> dict[str, Any]:
    return {"id": new_id(), "partner_id": partner_id, "name": fields.name,
            "function": fields.function, "organisation": fields.organisation,
            "contributes": fields.contributes, "phone": fields.phone,
            "phone_e164": e164(fields.phone), "escalation_phone": fields.escalation_phone,
            "escalation_e164": e164(fields.escalation_phone), "email": fields.email,
            "discipline": fields.discipline, "retired": retired, "recorded_at": tx.now,
            "actor": ctx.actor.id}


def _insert_new(tx: Any, ctx: ServiceContext, fields: PartnerFields, municipality: str) -> str:
    partner_id = new_id()
    tx.insert(partner, {"id": partner_id, "municipality": municipality, "kind": fields.kind,
                        "created_at": tx.now, "actor": ctx.actor.id}, "partner.add")
    tx.insert(partner_version, _version_row(tx, ctx, partner_id, fields), "partner.version")
    return partner_id


def _municipality(value: str | None) -> str:
    cleaned = " ".join((value or "").split())
    if len(cleaned) > 200:
        raise PartnerRefused(tr("de gemeente is te lang", "the municipality is too long"))
    return cleaned


def add_partner(ctx: ServiceContext, fields: PartnerFields, municipality: str | None = None,
                ) -> Partner:
    """A new partner in the directory (aide only)."""
    require_aide(ctx, "partner.add", "partner")
    checked = check_partner(fields)
    where = _municipality(municipality)
    with ctx.store.write(ctx.actor.id) as tx:
        partner_id = _insert_new(tx, ctx, checked, where)
    return get_partner(ctx.store, partner_id)


def update_partner(ctx: ServiceContext, partner_id: str, *, retired: bool = False,
                   **changes: str | None) -> Partner:
    """A new version of a partner: the given fields changed, the others as they were."""
    require_aide(ctx, "partner.update", "partner", partner_id)
    old = get_partner(ctx.store, partner_id)
    checked = check_partner(replace(old.fields(), **changes))
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(partner_version, _version_row(tx, ctx, partner_id, checked, retired),
                  "partner.retire" if retired else "partner.version")
    return get_partner(ctx.store, partner_id)


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int

    def as_json(self) -> dict[str, int]:
        return asdict(self)


def import_partners(ctx: ServiceContext, path: str | Path,
                    municipality: str | None = None) -> ImportReport:
    """A CSV or vCard file into the directory, as a whole or not at all: a partner whose exact
    name is already there (in this municipality) gets a new version when something differs."""
    require_aide(ctx, "partner.import", "partner")
    where = _municipality(municipality)
    file = Path(path).expanduser()
    try:
        if file.stat().st_size > MAX_IMPORT_FILE:
            raise PartnerRefused(tr("het bestand is te groot (max. 2 MB)",
                                    "the file is too large (max. 2 MB)"))
        with open(file, "rb") as handle:
            data = handle.read(MAX_IMPORT_FILE + 1)
    except OSError as error:
        raise ValidationError(tr(f"kan {file.name} niet lezen ({error.strerror})",
                                 f"cannot read {file.name} ({error.strerror})")) from None
    found = read_partners(data)
    seen: set[str] = set()
    for fields in found:
        if fields.name in seen:
            raise PartnerRefused(tr(f"de partner {fields.name!r} staat twee keer in het bestand",
                                    f"the partner {fields.name!r} is in the file twice"))
        seen.add(fields.name)
    added = updated = unchanged = 0
    with ctx.store.write(ctx.actor.id) as tx:
        existing = {p.name: p for p in current_partners(tx.conn, where)
                    if p.municipality == where}
        for fields in found:
            old = existing.get(fields.name)
            if old is None:
                _insert_new(tx, ctx, fields, where)
                added += 1
            elif old.fields().content() != fields.content():
                tx.insert(partner_version, _version_row(tx, ctx, old.id, fields),
                          "partner.version")
                updated += 1
            else:
                unchanged += 1
        tx.audit("partner.import", "partner", file.name)
    return ImportReport(added, updated, unchanged)


def export_partners(ctx: ServiceContext, fmt: str, out: str | Path,
                    municipality: str | None = None) -> Path:
    """The directory as CSV or vCard, written through safe_files (never over a file), audited
    ("partner.export.<fmt>")."""
    rows = [p.as_json() for p in list_partners(ctx.store, municipality)]
    if fmt == "csv":
        content = partners_csv(rows)
    elif fmt == "vcf":
        content = partners_vcf(rows)
    else:
        raise ValidationError(tr(f"onbekend formaat {fmt!r} (csv of vcf)",
                                 f"unknown format {fmt!r} (csv or vcf)"))
    safe_files.refuse_existing(out)
    audit_export(ctx, f"partner.export.{fmt}", "partner", municipality or "*")
    return safe_files.write_text(out, content, overwrite=False)


def addressees(store: Store, municipality: str) -> list[str]:
    """The directory's partners as addressee lines for letters (name, organisation, e-mail)."""
    return [p.label() + (f" <{p.email}>" if p.email else "")
            for p in list_partners(store, municipality)]


def contacts_lines(partners: Iterable[Partner]) -> list[str]:
    """The picture's contacts section from the directory: who, what they contribute, and the
    numbers (24/7 and escalation)."""
    lines = []
    for p in partners:
        numbers = "; ".join(x for x in (
            f"24/7 {p.phone}" if p.phone else "",
            tr(f"escalatie {p.escalation_phone}", f"escalation {p.escalation_phone}")
            if p.escalation_phone else "") if x)
        lines.append(" — ".join(x for x in (p.label(), p.contributes or "", numbers) if x))
    return lines


# Which directory function addresses a letter to each party of art. 176 lid 2.
_PARTY_FUNCTIONS = {"raad": ("griffier",), "cdk": ("commissaris van de koning",),
                    "ovj": ("hoofdofficier", "officier van justitie")}


def addressee_for(store: Store, municipality: str, party: str) -> str | None:
    """The named addressee of a letter to ``party`` (raad, cdk, ovj) from the directory: the
    first partner of the municipality (or a general one) whose function names it."""
    wanted = _PARTY_FUNCTIONS.get(party, ())
    for item in list_partners(store, municipality):
        function = (item.function or "").casefold()
        if any(word in function for word in wanted):
            return item.name + (f" ({item.function})" if item.function else "")
    return None


def picture_contacts(store: Store, municipality: str) -> list[tuple[str, str, datetime]]:
    """(partner id, line, changed at) of the directory for the picture's contacts section."""
    found = list_partners(store, municipality)
    return [(p.id, line, p.changed_at) for p, line in zip(found, contacts_lines(found),
                                                          strict=True)]
