import { DreamSubmissionSchema, dreamErrors, resources } from '@droomkaart/shared';
import { UID } from '../../content-types';

export const DREAM = UID.dream;

/** The fields a family fills in (the letterbox, or a coordinator typing in a paper dream); the rest (status, notes, consent, …) belong to coordinators. */
export const SUBMITTED = [
  'edition',
  'firstName',
  'age',
  'dream',
  'need',
  'needPicks',
  'wijk',
  'phone',
  'parentName',
  'email',
  'preferredLanguage',
] as const;

export type DreamProblem = { field: string; message: string };

/**
 * Pure: checks the submitted fields of a dream (a new one entirely; on an update only the fields
 * it changes) with the letterbox's own schema, and returns them normalised (the phone as E.164).
 * Messages are in easy Dutch, for the admin panel.
 */
export function checkDream(
  data: Record<string, unknown>,
  options: { partial: boolean },
): { problems: DreamProblem[]; normalised: Record<string, unknown> } {
  const given = Object.fromEntries(
    SUBMITTED.filter((k) => k in data).map((k) => [k, data[k] === null ? undefined : data[k]]),
  );
  const schema = options.partial ? DreamSubmissionSchema.partial() : DreamSubmissionSchema;
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const nl = resources.nl;
    return {
      problems: Object.entries(dreamErrors(parsed.error)).map(([field, key]) => ({
        field,
        message: nl[key] ?? nl['dream.error.form'] ?? key,
      })),
      normalised: {},
    };
  }
  // Only the fields that were given, so an update never blanks others.
  const normalised = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => k in given));
  return { problems: [], normalised };
}
