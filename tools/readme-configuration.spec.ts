// Every environment variable the platform reads is in the README's configuration table, so the table cannot
// fall behind the code again (issue 12: a README a newcomer can follow to the end).
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const SOURCES = ['libs/common/src/config/app-config.ts', 'libs/common/src/config/secrets.ts', 'libs/common/src/logging/logger.ts'];
const NOT_VARIABLES = new Set(['APP_CONFIG', 'PLATFORM_SECRETS']);

function variablesRead(): string[] {
  const names = new Set<string>();
  for (const file of SOURCES) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(/'([A-Z][A-Z0-9_]{2,})'|\benv\.([A-Z][A-Z0-9_]{2,})\b/g)) names.add(match[1] ?? match[2]);
  }
  return [...names].filter((name) => !NOT_VARIABLES.has(name)).sort();
}

describe('README configuration table', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));

  it('names every environment variable the configuration reads', () => {
    const read = variablesRead();
    expect(read.length).toBeGreaterThan(30);
    expect(read.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });
});
