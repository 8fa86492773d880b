/**
 * The content-manager's edit view of one content type (or component), kept as code: Dutch labels
 * and help texts, the order of the fields, and the fields nobody edits by hand (hidden). Applied to
 * the content-manager's stored configuration at every start (apply.ts).
 */
export type EditView = {
  /** `content_types` for a content type, `components` for a component. */
  kind: 'content_types' | 'components';
  uid: string;
  /** Every field of the schema: its Dutch label and help text for a volunteer. */
  fields: Record<string, { label: string; description?: string }>;
  /** Rows of [field, width of 12]; the order the form shows them in. */
  rows: [string, number][][];
  /** Set by the platform, never typed in: not in the form (and not in a partner's permissions). */
  hidden: string[];
};
