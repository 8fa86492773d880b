import type { Core } from '@strapi/strapi';
import { activityEditView } from './activity';
import { contactPersonEditView } from './contact-person';
import { organisationEditView } from './organisation';
import { placeEditView } from './place';
import { sessionEditView } from './session';
import type { EditView } from './types';

export const EDIT_VIEWS: EditView[] = [
  activityEditView,
  placeEditView,
  organisationEditView,
  contactPersonEditView,
  sessionEditView,
];

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Stored = {
  uid?: string;
  settings?: Record<string, unknown>;
  metadatas?: Record<string, Metadata>;
  layouts?: { list?: string[]; edit?: { name: string; size: number }[][] };
};

/**
 * The stored configuration with the edit view's labels, help texts, order and hidden fields. Pure:
 * what the content-manager had for the rest (list columns, its own settings) is kept.
 */
export function applyEditView(stored: Stored, view: EditView): Stored {
  const metadatas: Record<string, Metadata> = { ...(stored.metadatas ?? {}) };
  for (const [name, { label, description }] of Object.entries(view.fields)) {
    const current = metadatas[name] ?? {};
    metadatas[name] = {
      ...current,
      edit: {
        ...(current.edit ?? {}),
        label,
        description: description ?? '',
        visible: !view.hidden.includes(name),
      },
      list: { ...(current.list ?? {}), label },
    };
  }
  const edit = view.rows.map((row) => row.map(([name, size]) => ({ name, size })));
  return { ...stored, metadatas, layouts: { ...(stored.layouts ?? {}), edit } };
}

/** Every field of the schema in the view, exactly once: in a row or hidden (checked by the unit test). */
export function uncoveredFields(view: EditView, attributes: string[]): string[] {
  const placed = [...view.rows.flat().map(([name]) => name), ...view.hidden];
  return attributes.filter((name) => placed.filter((p) => p === name).length !== 1 || !view.fields[name]);
}

/**
 * Brings the content-manager's stored edit views (core store key
 * `plugin_content_manager_configuration_<kind>::<uid>`) in line with the code. Runs after the
 * content-manager's own bootstrap has synced them with the schemas; writes only what changed, so
 * a second start changes nothing.
 */
export async function ensureEditViews(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'content_manager' });
  for (const view of EDIT_VIEWS) {
    const key = `configuration_${view.kind}::${view.uid}`;
    const stored = ((await store.get({ key })) ?? { uid: view.uid }) as Stored;
    const next = applyEditView(stored, view);
    if (JSON.stringify(next) !== JSON.stringify(stored)) await store.set({ key, value: next });
  }
}
