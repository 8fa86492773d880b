import { field } from '../forms.ts';
import type { DreamPatch } from '../api.ts';

// The family box on the dream page (issue 18 point 6): a coordinator takes a dream out of its
// family ("hoort niet bij dit gezin") or puts it in the family of another dream, picked from the
// suggested brothers and sisters or given as that dream's link or number. Pure.

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/**
 * Pure: the documentId in what a coordinator pasted: the dream's number itself, or a link to it
 * (`…/werkplek/dromen/<id>`, with or without the site, a query or an anchor). Null when there is none.
 */
export function dreamIdFrom(input: string): string | null {
  const text = input.trim();
  if (DOCUMENT_ID.test(text)) return text;
  const match = /\/werkplek\/dromen\/([a-z0-9]{1,64})(?:[/?#]|$)/.exec(text);
  return match ? match[1] : null;
}

/**
 * Pure: the patch a family form asks for. `family-none`: a family of its own. `family-join`: the
 * chosen suggestion (`family`), else the typed link or number (`familyOther`). An error key when
 * nothing usable was given.
 */
export function readFamilyChange(
  action: string,
  form: URLSearchParams,
): { patch: Required<Pick<DreamPatch, 'family'>> } | { error: string } {
  if (action === 'family-none') return { patch: { family: 'none' } };
  const typed = field(form, 'familyOther', 300);
  const chosen = field(form, 'family', 64);
  if (typed) {
    const id = dreamIdFrom(typed);
    return id ? { patch: { family: id } } : { error: 'workspace.ui.family.error.link' };
  }
  if (DOCUMENT_ID.test(chosen)) return { patch: { family: chosen } };
  return { error: 'workspace.ui.family.error.choose' };
}
