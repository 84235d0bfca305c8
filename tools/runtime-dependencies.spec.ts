// What the production image installs (docker/Dockerfile: npm ci --omit=dev) must hold every package the running
// code loads: a package that apps/ or libs/ import at run time but that package.json lists as a devDependency
// passes every test here and fails only in the image (pg-copy-streams did, for the inspections' list hash and then
// for the ingest's COPY). Type-only imports are erased by the compiler and need nothing at run time.
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(relative);
    return /\.(ts|js)$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [relative] : [];
  });
}

/** Bare specifiers of value imports and requires: `import x from 'p'`, `import 'p'`, `export … from 'p'`, `require('p')`. */
function runtimeImports(text: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*import\s+(?!type\b)[^'";]*?from\s+'([^'.][^']*)'/gm, /^\s*import\s+'([^'.][^']*)'/gm, /^\s*export\s+(?!type\b)[^'";]*?from\s+'([^'.][^']*)'/gm, /\brequire\('([^'.][^']*)'\)/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
const builtins = new Set(builtinModules);

describe('runtime dependencies', () => {
  it('lists every package that apps/ and libs/ load at run time under dependencies, not devDependencies', () => {
    const missing = new Map<string, string>();
    for (const file of [...sources('apps'), ...sources('libs')]) {
      for (const specifier of runtimeImports(fs.readFileSync(path.join(root, file), 'utf8'))) {
        const name = packageOf(specifier);
        if (name.startsWith('node:') || builtins.has(name) || name.startsWith('@credit/') || name in manifest.dependencies) continue;
        missing.set(name, file);
      }
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });
});
