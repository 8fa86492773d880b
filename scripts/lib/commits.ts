// Commit habits, kept by the repository (CONTRIBUTING.md, "Commits"): the set-up installs the
// commit-msg hook, and `npm test` checks every commit since the rule came in, so a commit made
// with --no-verify or on another machine is caught too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { commitMessageProblems } from './commit-message.mjs';

/** The last commit before the rule: the earlier history has long, many-change subjects. */
export const RULE_SINCE = '7edd0b2a8afdb70947384d2ea176461bbcaced82';

function git(root: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return { ok: r.status === 0, out: r.stdout ?? '' };
}

/** Points git at .githooks (once, in a git checkout); leaves a hooks path someone set alone. */
export function installGitHooks(root: string, log: (line: string) => void): void {
  if (!existsSync(join(root, '.git'))) return;
  const current = git(root, ['config', '--get', 'core.hooksPath']).out.trim();
  if (current === '.githooks') return;
  if (current) {
    log(`git hooks: core.hooksPath is ${current}; the commit-msg rule of .githooks is not installed`);
    return;
  }
  git(root, ['config', 'core.hooksPath', '.githooks']);
  log('git hooks: commit-msg installed (.githooks)');
}

export type CommitCheck =
  | { kind: 'checked'; count: number; bad: { sha: string; subject: string; problems: string[] }[] }
  | { kind: 'unavailable'; reason: string };

/** Every non-merge commit after RULE_SINCE up to HEAD, against the rule. */
export function checkCommits(root: string): CommitCheck {
  if (!git(root, ['rev-parse', '--git-dir']).ok) return { kind: 'unavailable', reason: 'not a git checkout' };
  if (!git(root, ['cat-file', '-e', `${RULE_SINCE}^{commit}`]).ok)
    return { kind: 'unavailable', reason: `commit ${RULE_SINCE.slice(0, 7)} is not in this clone (shallow?)` };
  const list = git(root, ['log', '--no-merges', '--format=%H%x00%B%x01', `${RULE_SINCE}..HEAD`]);
  if (!list.ok) return { kind: 'unavailable', reason: 'git log failed' };
  const commits = list.out
    .split('\x01')
    .map((c) => c.replace(/^\n/, ''))
    .filter((c) => c.includes('\x00'));
  const bad = commits
    .map((c) => {
      const [sha, message] = c.split('\x00');
      return { sha: sha.slice(0, 7), subject: message.split('\n')[0], problems: commitMessageProblems(message) };
    })
    .filter((c) => c.problems.length > 0);
  return { kind: 'checked', count: commits.length, bad };
}
