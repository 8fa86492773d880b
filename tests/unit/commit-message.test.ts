import { describe, expect, it } from 'vitest';
import { commitMessageProblems } from '../../scripts/lib/commit-message.mjs';

describe('commitMessageProblems', () => {
  it('accepts a short subject, a blank line and a body that says why', () => {
    expect(
      commitMessageProblems('cms: CORS only for the admin and the site\n\nAny origin could read the admin token.\n'),
    ).toEqual([]);
  });

  it('refuses a long subject, a missing body and a subject that runs on', () => {
    expect(commitMessageProblems(`${'x'.repeat(73)}\n\nWhy.`)).toEqual([
      'The subject has 73 characters; keep it to 72 at most and say one change.',
    ]);
    expect(commitMessageProblems('Fix the thing\n')).toEqual([
      'Add a body after a blank line that says why the change is made.',
    ]);
    expect(commitMessageProblems('Fix the thing\nbecause it broke\n')).toEqual([
      'Leave the second line empty: the subject is one line, the body comes after a blank line.',
    ]);
    expect(commitMessageProblems('\n# only a comment\n')).toEqual([
      'The message is empty: write a subject line that says the one change.',
    ]);
  });

  it("leaves git's own messages alone and ignores comments and the scissors part", () => {
    expect(commitMessageProblems("Merge branch 'media'\n")).toEqual([]);
    expect(commitMessageProblems('Revert "cms: CORS"\n\nThis reverts commit abc.\n')).toEqual([]);
    expect(
      commitMessageProblems(
        'Short subject\n\nWhy it matters.\n# Please enter the commit message\n# ------------------------ >8 ------------------------\ndiff --git a b\n',
      ),
    ).toEqual([]);
  });
});
