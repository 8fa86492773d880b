import type { UID as StrapiUID } from '@strapi/strapi';

/**
 * Every content type's UID, written once (the schemas' JSON `target` fields still name them as
 * strings). Ours are `api::<type>.<type>`, the folder names of src/api; the plugins' are the
 * upload library's files and folders and the users-permissions plugin's roles and permissions.
 */
export const UID = {
  activity: 'api::activity.activity',
  auditEntry: 'api::audit-entry.audit-entry',
  contactPerson: 'api::contact-person.contact-person',
  dream: 'api::dream.dream',
  family: 'api::family.family',
  letterbox: 'api::letterbox.letterbox',
  offerFeedback: 'api::offer-feedback.offer-feedback',
  organisation: 'api::organisation.organisation',
  place: 'api::place.place',
  referral: 'api::referral.referral',
  theme: 'api::theme.theme',
  wijk: 'api::wijk.wijk',
  workspaceSession: 'api::workspace-session.workspace-session',
  file: 'plugin::upload.file',
  folder: 'plugin::upload.folder',
  usersPermissionsRole: 'plugin::users-permissions.role',
  usersPermissionsPermission: 'plugin::users-permissions.permission',
} as const satisfies Record<string, StrapiUID.ContentType>;
