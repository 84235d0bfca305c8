// The layering the style guide asks for, checked on the source text so it cannot erode quietly: repositories
// own the SQL, resolvers reach data through services, and INVALID_USCC is built in one place.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(relative);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [relative] : [];
  });
}

const LIB_SOURCES = sources('libs');

/**
 * Files outside a repository that may speak SQL, and why: platform plumbing (the pool, migrations, roles), hot
 * paths whose SQL is the point of the file, transaction control, and test-data builders.
 */
const SQL_OUTSIDE_REPOSITORIES = [
  /^libs\/db\/src\//, // the pool, migrations, roles and the embedded server
  /^libs\/search\/src\/postgres\//, // the PostgreSQL search backend is itself the data access
  /^libs\/[a-z-]+\/src\/testing\//, // test-data builders
  /^libs\/audit\/src\/audit\.service\.ts$/, // the hash-chained batch append, in the writer's transaction
  /^libs\/credit-tiers\/src\/tier-recompute\.service\.ts$/, // staging-session control of the full recomputation
  /^libs\/disclosure\/src\/search-reindex\.service\.ts$/, // BEGIN REPEATABLE READ … COMMIT around a rebuild
];

describe('layering', () => {
  it('keeps db.query in repositories (and the listed exceptions)', () => {
    const offenders = LIB_SOURCES.filter((file) => !/\.repository\.ts$/.test(file) && !SQL_OUTSIDE_REPOSITORIES.some((allowed) => allowed.test(file))).filter((file) =>
      /\.query(<|\()/.test(fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('has resolvers call services, never repositories', () => {
    const resolvers = LIB_SOURCES.filter((file) => file.endsWith('.resolver.ts'));
    expect(resolvers.length).toBeGreaterThan(5);
    expect(resolvers.filter((file) => /Repository\b/.test(fs.readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
  });

  it('builds the INVALID_USCC error only in requireUscc', () => {
    const builders = [...LIB_SOURCES, ...sources('apps')].filter((file) => /new DomainError\(\s*'INVALID_USCC'/.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(builders).toEqual(['libs/common/src/errors/identifier-errors.ts']);
  });
});
