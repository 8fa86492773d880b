#!/usr/bin/env node
// The commit-msg hook (.githooks/commit-msg, installed by the set-up): refuses a message that
// breaks the rule of CONTRIBUTING.md, saying what to change. `git commit --no-verify` skips it,
// but `npm test` checks every commit since the rule came in all the same.
import { readFileSync } from 'node:fs';
import { commitMessageProblems } from './lib/commit-message.mjs';

const problems = commitMessageProblems(readFileSync(process.argv[2], 'utf8'));
if (problems.length > 0) {
  console.error(`commit message refused (CONTRIBUTING.md, "Commits"):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
