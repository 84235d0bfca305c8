// The embedded PostgreSQL is not an open door to a local user: the superuser's password is generated (and a
// cluster still on the old fixed `postgres` gets a new one at start), the server listens on loopback TCP only,
// and the platform runs as a role that can append to the audit log but never change it or switch its trigger off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { AuditService, SYSTEM_ACTOR } from '@credit/audit';
import { ORM_ENTITIES } from '@credit/bootstrap';
import { APP_ROLE, Database, loadEmbeddedCredentials, migrateDatabase, OWNER_ROLE } from '@credit/db';
import { startEmbeddedCluster } from '@credit/testing';

const withPassword = (url: string, user: string, password: string, database = 'credit') => {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(client: Client, sql: string): Promise<string> {
  try {
    await client.query(sql);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('the embedded PostgreSQL as a local attacker finds it', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-embedded-sec-'));
  fs.chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its directory
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('has a generated superuser password, loopback TCP only, and an application role that cannot rewrite the audit log', async () => {
    const cluster = await startEmbeddedCluster(dataDir);
    try {
      const credentials = loadEmbeddedCredentials(dataDir);
      expect(credentials.superuserPassword).not.toBe('postgres');
      expect(credentials.superuserPassword.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(path.join(dataDir, 'postgres-credentials.json')).mode & 0o777).toBe(0o600);
      await expect(connect(withPassword(cluster.url, 'postgres', 'postgres', 'postgres'))).rejects.toMatchObject({ code: '28P01' });

      await migrateDatabase(cluster.ownerUrl, ORM_ENTITIES, { appRole: APP_ROLE });
      const app = await connect(cluster.url);
      try {
        expect(new URL(cluster.url).username).toBe(APP_ROLE);
        const [role] = (await app.query(`SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
                                               (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'audit_log'::regclass) AS owner`)).rows;
        expect(role).toEqual({ superuser: false, owner: OWNER_ROLE });
        const superuser = await connect(withPassword(cluster.url, 'postgres', credentials.superuserPassword));
        const [listening] = (await superuser.query(`SELECT current_setting('listen_addresses') AS tcp, current_setting('unix_socket_directories') AS sockets`)).rows;
        await superuser.end();
        expect(listening).toEqual({ tcp: '127.0.0.1', sockets: '' });

        // The platform appends and reads as this role…
        const db = new Database(cluster.url, 2);
        await db.transaction((sql) => new AuditService().append(sql, SYSTEM_ACTOR, [{ action: 'TEST_WRITE', targetType: 'THING', targetId: '1' }]));
        await db.close();
        expect((await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(1);
        // …and that is all it can do to the audit trail: 42501 is "insufficient privilege", before any trigger runs.
        expect(await outcome(app, `UPDATE audit_log SET actor_name = 'x'`)).toBe('42501');
        expect(await outcome(app, 'DELETE FROM audit_log')).toBe('42501');
        expect(await outcome(app, 'TRUNCATE audit_log')).toBe('42501');
        expect(await outcome(app, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete')).toBe('42501');
        expect(await outcome(app, 'ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe('42501');
        expect(await outcome(app, 'DROP TABLE audit_log')).toBe('42501');
        expect(await outcome(app, `UPDATE audit_checkpoints SET mac = 'x'`)).toBe('42501');
        expect(await outcome(app, `COPY (SELECT 1) TO PROGRAM 'true'`)).toBe('42501');
        // The ingest and recomputation paths still work: rows of every other table, and working tables of its own.
        expect(await outcome(app, `UPDATE penalty_records SET remarks = remarks`)).toBe('ok');
        expect(await outcome(app, 'CREATE UNLOGGED TABLE stage_probe (id bigint); DROP TABLE stage_probe')).toBe('ok');
      } finally {
        await app.end();
      }
    } finally {
      await cluster.stop();
    }
  });

  it('replaces the fixed password of a cluster made by an earlier version, and hands its tables to the owner role', async () => {
    // Make the cluster look like one from before: superuser password `postgres`, tables owned by the superuser,
    // no generated credentials.
    let cluster = await startEmbeddedCluster(dataDir);
    const superuser = await connect(withPassword(cluster.url, 'postgres', loadEmbeddedCredentials(dataDir).superuserPassword));
    await superuser.query(`ALTER ROLE postgres PASSWORD 'postgres'`);
    await superuser.query('ALTER TABLE audit_log OWNER TO postgres');
    await superuser.query('CREATE UNLOGGED TABLE tier_stage_subjects (subject_id bigint)'); // a recomputation that crashed
    await superuser.end();
    await cluster.stop();
    fs.rmSync(path.join(dataDir, 'postgres-credentials.json'));

    cluster = await startEmbeddedCluster(dataDir);
    try {
      const credentials = loadEmbeddedCredentials(dataDir);
      expect(credentials.superuserPassword).not.toBe('postgres');
      await expect(connect(withPassword(cluster.url, 'postgres', 'postgres', 'postgres'))).rejects.toMatchObject({ code: '28P01' });
      const admin = await connect(withPassword(cluster.url, 'postgres', credentials.superuserPassword));
      const [{ owner }] = (await admin.query(`SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'audit_log'::regclass`)).rows;
      await admin.end();
      expect(owner).toBe(OWNER_ROLE);
      const app = await connect(cluster.url); // the regenerated application password was set too
      expect(await outcome(app, 'ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe('42501');
      expect(await outcome(app, 'DROP TABLE tier_stage_subjects')).toBe('ok'); // the next recomputation starts clean
      await app.end();
    } finally {
      await cluster.stop();
    }
  });
});
