"""Need-to-know on the server: card rows travel and rest as ciphertext only; row-level
security hands them to card-seeing devices alone; a `team` laptop, its database and its share
of the traffic hold no card content, and its attempts to read or write card rows fail."""

import psycopg
import pytest
from sqlalchemy import text

from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.foundation.audit import verify
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.team.sync import sync_once
from crisisconsole.store import tables
from crisisconsole.store.server import credentials, wire

NAME = "Geertruida Zonnebloem"
STATEMENT = "Woont boven de bakkerij"


def _all_text(store) -> str:
    with store.read() as conn:
        return "\n".join(repr(conn.execute(text(f"SELECT * FROM {t.name}")).all())
                         for t in tables.all_tables())


@pytest.fixture
def aide_and_team(laptops):
    aide, aide_secrets, _ = laptops("laptop-a", "aide")
    team, team_secrets, device = laptops("laptop-t", "team")
    crisis = open_crisis(aide, "Onrust", "Waalbergen", grip="1")
    card = cards.add_card(aide, crisis.id, NAME, role_in_crisis="organisator")
    cards.add_fact(aide, card.id, STATEMENT, source_org="Politie", channel="wpg16",
                   legal_basis="Wpg art. 16", purpose="openbare orde")
    sync_once(aide, aide_secrets)
    sync_once(team, team_secrets)
    return aide, team, team_secrets, device


def test_a_team_laptop_receives_no_card_rows_and_still_verifies(aide_and_team, pg_dsn):
    aide, team, _secrets, _device = aide_and_team
    with team.store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM card")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM card_fact")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM crisis")).scalar() == 1
    held = _all_text(team.store)
    assert NAME not in held and STATEMENT not in held
    assert verify(team.store).ok, verify(team.store).problems()
    with psycopg.connect(pg_dsn) as admin:  # the server holds the card rows, as ciphertext
        rows = admin.execute("SELECT row_json FROM team_fact WHERE aggregate = 'cards'"
                             ).fetchall()
    assert rows and not any(NAME in r[0] or STATEMENT in r[0] for r in rows)


def test_the_server_refuses_card_rows_to_a_team_device(aide_and_team):
    _aide, team, secrets, device = aide_and_team
    found = credentials.load(team.store, secrets)
    with psycopg.connect(found.dsn + f" password={found.password}") as conn:
        assert conn.execute("SELECT count(*) FROM team_fact WHERE aggregate = 'cards'"
                            ).fetchone()[0] == 0
        records, _ = wire.pull(conn, device["login"], 0, 100_000)
        traffic = repr(records) + repr(wire.facts_of(conn, [r for _, r in records]))
        assert records and NAME not in traffic and STATEMENT not in traffic
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO team_fact (table_name, id, device_seq, aggregate, hlc, "
                         "row_json) VALUES ('card', 'x', 1, 'cards', '1', '{}')")
