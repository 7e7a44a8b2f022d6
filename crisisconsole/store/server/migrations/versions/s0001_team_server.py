"""The team server (issue 17): devices, the facts every laptop pushed (one envelope per row of
a fact table: its table, its stored values as canonical JSON, its hybrid logical clock), the
device audit chains that cover them, and the server's own record of admin acts.

Append-only by privilege: devices get INSERT and SELECT, never UPDATE or DELETE; the purge
goes through a SECURITY DEFINER function that records who purged what. Row-level security
hands card rows only to devices whose role may see cards (members of crisis_cards).

Revision ID: s0001
Revises:
Create Date: 2026-12-02
"""

from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

DDL = [
    # Group roles are cluster-wide: made once, reused by every crisis database of the cluster.
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crisis_device') THEN
            CREATE ROLE crisis_device NOLOGIN; END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crisis_cards') THEN
            CREATE ROLE crisis_cards NOLOGIN; END IF;
    END $$""",
    """CREATE TABLE team_device (
        name TEXT PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
        login TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('aide', 'team', 'mayor', 'viewer')),
        added_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
        added_by TEXT NOT NULL DEFAULT session_user,
        enrolled_at TIMESTAMPTZ)""",
    "CREATE SEQUENCE team_fact_seq",
    """CREATE TABLE team_fact (
        table_name TEXT NOT NULL,
        id TEXT NOT NULL,
        server_seq BIGINT NOT NULL UNIQUE DEFAULT nextval('team_fact_seq'),
        device TEXT NOT NULL DEFAULT session_user,
        device_seq BIGINT NOT NULL,
        aggregate TEXT,
        hlc TEXT NOT NULL,
        row_json TEXT NOT NULL,
        received_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (table_name, id))""",
    "CREATE INDEX team_fact_device ON team_fact (device, device_seq)",
    """CREATE TABLE team_audit (
        device TEXT NOT NULL DEFAULT session_user,
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL,
        record_json TEXT NOT NULL,
        server_seq BIGINT NOT NULL UNIQUE DEFAULT nextval('team_fact_seq'),
        PRIMARY KEY (device, seq))""",
    """CREATE TABLE team_server_audit (
        seq BIGSERIAL PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
        actor TEXT NOT NULL DEFAULT session_user,
        action TEXT NOT NULL,
        object TEXT,
        detail TEXT)""",
    # The one door around append-only: the lawful purge replaces a fact's content by a
    # tombstone and records who did it (only card-seeing devices may call it).
    """CREATE FUNCTION team_purge(fact_table TEXT, fact_id TEXT, tombstone TEXT, reason TEXT)
        RETURNS BOOLEAN
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
        IF coalesce(trim(reason), '') = '' THEN
            RAISE EXCEPTION 'purge zonder reden geweigerd';
        END IF;
        UPDATE team_fact SET row_json = tombstone WHERE table_name = fact_table AND id = fact_id;
        IF NOT FOUND THEN RETURN FALSE; END IF;
        INSERT INTO team_server_audit (actor, action, object, detail)
            VALUES (session_user, 'purge', fact_table || ' ' || fact_id, reason);
        RETURN TRUE;
    END $$""",
    # Enrolment: the device logs in once with its one-time code and replaces it by its own
    # password (sent as a SCRAM verifier: the password never leaves the laptop).
    """CREATE FUNCTION team_enrol(verifier TEXT) RETURNS TEXT
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE found_name TEXT;
    BEGIN
        IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
            RAISE EXCEPTION 'geen SCRAM-verificatie';
        END IF;
        UPDATE team_device SET enrolled_at = clock_timestamp()
            WHERE login = session_user AND enrolled_at IS NULL RETURNING name INTO found_name;
        IF found_name IS NULL THEN
            RAISE EXCEPTION 'inschrijfcode al gebruikt of apparaat onbekend';
        END IF;
        EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', session_user, verifier,
                       'infinity');
        INSERT INTO team_server_audit (actor, action, object) VALUES (session_user, 'enrol',
                                                                      found_name);
        RETURN found_name;
    END $$""",
    "REVOKE ALL ON team_device, team_fact, team_audit, team_server_audit FROM PUBLIC",
    "REVOKE ALL ON FUNCTION team_purge(TEXT, TEXT, TEXT, TEXT), team_enrol(TEXT) FROM PUBLIC",
    "GRANT SELECT ON team_device TO crisis_device",
    "GRANT SELECT, INSERT ON team_fact, team_audit TO crisis_device",
    "GRANT USAGE ON SEQUENCE team_fact_seq TO crisis_device",
    "GRANT EXECUTE ON FUNCTION team_enrol(TEXT) TO crisis_device",
    "GRANT EXECUTE ON FUNCTION team_purge(TEXT, TEXT, TEXT, TEXT) TO crisis_cards",
    # Need-to-know by the server itself: card rows reach card-seeing devices only, and a
    # device may only insert facts in its own name.
    "ALTER TABLE team_fact ENABLE ROW LEVEL SECURITY",
    """CREATE POLICY team_fact_read ON team_fact FOR SELECT USING (
        aggregate IS DISTINCT FROM 'cards' OR pg_has_role(current_user, 'crisis_cards', 'MEMBER'))""",
    """CREATE POLICY team_fact_write ON team_fact FOR INSERT WITH CHECK (
        device = session_user AND (aggregate IS DISTINCT FROM 'cards'
                                   OR pg_has_role(current_user, 'crisis_cards', 'MEMBER')))""",
    "ALTER TABLE team_audit ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY team_audit_read ON team_audit FOR SELECT USING (true)",
    "CREATE POLICY team_audit_write ON team_audit FOR INSERT WITH CHECK (device = session_user)",
]


def upgrade() -> None:
    # Straight to psycopg, without parameters: the PL/pgSQL bodies hold '%' and ':'.
    cursor = op.get_bind().connection.dbapi_connection.cursor()
    for statement in DDL:
        cursor.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the team server's chain is not downgraded")
