// The V8 flags the API runs with in production: those of `npm run start:prod` (package.json), which the Docker
// image sets as NODE_OPTIONS (tools/docker-files.spec.ts holds the two together). Benchmarks that run the API,
// in their own process or in a child, start it with them, so they measure what is deployed.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The flags of `root`'s start:prod, or of another npm script of it (default this checkout; the search bench also
 * starts a baseline checkout's API).
 */
export function apiNodeFlags(root = path.join(__dirname, '..', '..'), script = 'start:prod'): string[] {
  const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
  return scripts[script].split(/\s+/).slice(1).filter((word) => word.startsWith('--'));
}
