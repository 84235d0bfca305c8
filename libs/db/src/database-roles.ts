// The two-role setup (docs/OPERATING-DATABASE.md): an owner role owns the schema and runs the migrations; the
// application role only reads and writes rows. The audit trail is append-only for the application: INSERT and
// SELECT, never UPDATE, DELETE or TRUNCATE, and (not being the owner) it cannot disable the trigger either.
import type { Client } from 'pg';

export const OWNER_ROLE = 'credit_owner';
export const APP_ROLE = 'credit_app';

/** Tables the application may append to and read, nothing more. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_checkpoints'];
/** Written by the migrator (the owner) only. */
const OWNER_ONLY_TABLES = ['mikro_orm_migrations'];

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Creates (or re-passwords) a login role without any administrative attribute. Run as a superuser; roles are
 * cluster-wide, so two processes may race here: a duplicate is as good as a success.
 */
export async function ensureLoginRole(superuser: Client, role: string, password: string, options: { resetExisting?: boolean } = {}): Promise<void> {
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`;
  const [exists] = (await superuser.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rows;
  if (!exists) {
    try {
      await superuser.query(`CREATE ROLE ${ident(role)} ${attributes}`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw error; // duplicate_object / unique_violation: created meanwhile
    }
  }
  if (options.resetExisting === false) return;
  await superuser.query(`ALTER ROLE ${ident(role)} ${attributes}`);
}

/**
 * Makes `owner` the owner of the database and of everything in its public schema that the connected superuser
 * owns: clusters created before the two roles existed were migrated as the superuser. UNLOGGED tables are the
 * application's working tables (tier recomputation's stage, left behind by a crash; no migration makes one):
 * they go to `app`, which drops and re-creates them.
 */
export async function transferOwnership(superuser: Client, database: string, owner: string, app: string): Promise<void> {
  await superuser.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner)}`);
  const mine = `(SELECT oid FROM pg_roles WHERE rolname = current_user)`;
  const working = await superuser.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relowner = ${mine} AND c.relkind = 'r' AND c.relpersistence = 'u'`,
  );
  for (const { name } of working.rows) await superuser.query(`ALTER TABLE public.${ident(name)} OWNER TO ${ident(app)}`);
  // Tables first: their serial sequences follow them (altering such a sequence alone is refused).
  const relations = await superuser.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relowner = ${mine} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relkind, c.relname`,
  );
  const keyword: Record<string, string> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', f: 'FOREIGN TABLE' };
  for (const { name, kind } of relations.rows) await superuser.query(`ALTER ${keyword[kind]} public.${ident(name)} OWNER TO ${ident(owner)}`);
  const sequences = await superuser.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relowner = ${mine} AND c.relkind = 'S'`,
  );
  for (const { name } of sequences.rows) await superuser.query(`ALTER SEQUENCE public.${ident(name)} OWNER TO ${ident(owner)}`);
  const functions = await superuser.query<{ signature: string }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proowner = ${mine}`,
  );
  for (const { signature } of functions.rows) await superuser.query(`ALTER ROUTINE ${signature} OWNER TO ${ident(owner)}`);
}

/**
 * Grants the application role what the running platform needs, after every migration run and as the role that
 * ran it (the owner): rows of every table, the sequences, CREATE in the schema (tier recomputation builds its
 * UNLOGGED working tables there, which the application then owns), and the same on tables created later
 * (default privileges). Then takes back everything but INSERT and SELECT on the append-only tables.
 * Idempotent; the privileges live inside the database, so a clone made from a template keeps them.
 */
export async function grantApplicationRole(owner: Client, appRole: string): Promise<void> {
  const app = ident(appRole);
  const [{ database, version }] = (await owner.query<{ database: string; version: number }>(`SELECT current_database() AS database, current_setting('server_version_num')::int AS version`)).rows;
  const statements = [
    `GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${app}`,
    `GRANT USAGE, CREATE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
  ];
  // PostgreSQL 17 lets a non-owner VACUUM/ANALYZE a table it is granted MAINTAIN on (tier recomputation does).
  if (version >= 170_000) statements.push(`GRANT MAINTAIN ON ALL TABLES IN SCHEMA public TO ${app}`);
  for (const table of [...APPEND_ONLY_TABLES, ...OWNER_ONLY_TABLES]) {
    const [found] = (await owner.query('SELECT to_regclass($1) IS NOT NULL AS found', [`public.${table}`])).rows;
    if (!found?.found) continue;
    statements.push(`REVOKE ALL ON TABLE public.${ident(table)} FROM ${app}`);
    statements.push(`GRANT SELECT${APPEND_ONLY_TABLES.includes(table) ? ', INSERT' : ''} ON TABLE public.${ident(table)} TO ${app}`);
  }
  for (const statement of statements) await owner.query(statement);
}
