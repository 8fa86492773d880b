import { describe, expect, it } from 'vitest';
import { WorkspaceApiError } from '../api.ts';
import { problemOf, thanksFrom } from './page.ts';

describe('the family page', () => {
  it('tells the family why a link does not work, never as a server error', () => {
    expect(problemOf(new WorkspaceApiError(410, 'workspace.error.familyLink.expired'))).toEqual({
      problem: 'expired',
      status: 410,
    });
    expect(problemOf(new WorkspaceApiError(410, 'workspace.error.familyLink.revoked'))).toEqual({
      problem: 'revoked',
      status: 410,
    });
    expect(problemOf(new WorkspaceApiError(404, 'workspace.error.familyLink.invalid')).problem).toBe('invalid');
    expect(problemOf(new WorkspaceApiError(404, 'workspace.error.notFound')).problem).toBe('invalid');
    expect(problemOf(new WorkspaceApiError(503, 'workspace.ui.error.unavailable'))).toEqual({
      problem: 'unavailable',
      status: 503,
    });
    expect(problemOf(new Error('boom')).problem).toBe('unavailable');
  });

  it('thanks only for an answer that is one', () => {
    expect(thanksFrom(new URLSearchParams('antwoord=begonnen'))).toBe('begonnen');
    expect(thanksFrom(new URLSearchParams('antwoord=<script>'))).toBeNull();
    expect(thanksFrom(new URLSearchParams(''))).toBeNull();
  });
});
