// Which code a benchmark ran: a checkout's commit, for results that compare two checkouts.
import { execFileSync } from 'node:child_process';

const git = (root: string, ...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** The short commit a checkout is at (null when it is not a git checkout). */
export function commitOf(root: string): string | null {
  try {
    return git(root, 'rev-parse', '--short', 'HEAD');
  } catch {
    return null;
  }
}

/** The commit, marked "(modified)" when tracked files differ from it: the code that ran was not that commit's. */
export function describeCheckout(root: string): string {
  const commit = commitOf(root);
  if (commit === null) return 'not a git checkout';
  return git(root, 'status', '--porcelain', '--untracked-files=no') ? `${commit} (modified)` : commit;
}
