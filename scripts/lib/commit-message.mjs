// The commit message rule (CONTRIBUTING.md): a subject of at most 72 characters that says one
// change, a blank line, and a body that says why. Plain JavaScript, so the commit-msg hook runs it
// with any Node the machine has; `npm test` checks every commit since the rule came in.

export const SUBJECT_MAX = 72;

/** Git's own messages, which the rule leaves alone. */
const GENERATED = /^(Merge (branch|pull request|remote-tracking branch|commit|tag) |Revert ")/;

/**
 * Pure: what is wrong with a commit message, as sentences; [] when it keeps the rule. Comment lines
 * (#…) and a trailing scissors section are left out, as git does.
 */
export function commitMessageProblems(message) {
  const scissors = message.indexOf('# ------------------------ >8 ------------------------');
  const text = scissors >= 0 ? message.slice(0, scissors) : message;
  const lines = text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const [subject = '', second, ...rest] = lines;
  if (GENERATED.test(subject)) return [];
  const problems = [];
  if (!subject) return ['The message is empty: write a subject line that says the one change.'];
  if (subject.length > SUBJECT_MAX)
    problems.push(
      `The subject has ${subject.length} characters; keep it to ${SUBJECT_MAX} at most and say one change.`,
    );
  if (second !== undefined && second !== '')
    problems.push('Leave the second line empty: the subject is one line, the body comes after a blank line.');
  if (!rest.some((l) => l.trim() !== '') && (second === undefined || second === ''))
    problems.push('Add a body after a blank line that says why the change is made.');
  return problems;
}
