import type { AstroGlobal } from 'astro';
import { isLocale } from '@droomkaart/shared';
import { workspaceSettings } from '../config.ts';
import {
  MANUAL_FIELDS,
  emptyManualDream,
  readManualDream,
  readWorkspaceForm,
  todayInAmsterdam,
  validateManualDream,
  type ManualDreamErrors,
  type ManualDreamValues,
} from '../forms.ts';
import { asApiError, clearSessionCookie, errorText, signedIn } from '../page.ts';
import { WorkspaceApiError, type WorkspaceApi, type WorkspaceUser } from '../api.ts';

// The work of /<locale>/werkplek/nieuw, a dream that came in on paper or by message, typed in by a
// coordinator. Checked like the letterbox (the shared schema; the cms checks again): messages at
// the fields and in a summary, every value kept.

export type NewDreamForm = { values: ManualDreamValues; errors: ManualDreamErrors; notice: WorkspaceApiError | null };

/**
 * What a post of the form does (the form as read; null: over the size limit). `created`: the new
 * dream's documentId; `signedOut`: the cms no longer knows the session; else the form again.
 */
export async function handleNewDream(
  form: URLSearchParams | null,
  api: Pick<WorkspaceApi, 'createDream'>,
  now = new Date(),
): Promise<{ created: string } | { signedOut: true } | NewDreamForm> {
  if (!form)
    return {
      values: emptyManualDream(),
      errors: {},
      notice: new WorkspaceApiError(413, 'workspace.ui.error.tooLarge'),
    };
  const values = readManualDream(form);
  const checked = validateManualDream(values, now);
  if (!checked.ok) return { values, errors: checked.errors, notice: null };
  try {
    const dream = await api.createDream(checked.data);
    return { created: dream.documentId };
  } catch (err) {
    const error = asApiError(err);
    if (error.status === 401) return { signedOut: true };
    // A field the cms refused goes to that field; anything else to the top.
    if (error.status === 400 && error.field && (MANUAL_FIELDS as readonly string[]).includes(error.field))
      return { values, errors: { [error.field]: error.key }, notice: null };
    return { values, errors: {}, notice: error };
  }
}

/** The status of the page that shows the form again. */
export const newDreamStatus = ({ errors, notice }: NewDreamForm) =>
  notice?.status ?? (Object.keys(errors).length > 0 ? 400 : 200);

export type NewDreamPage = NewDreamForm & {
  user: WorkspaceUser | null;
  /** The message of each refused field, and those fields in the form's order (the summary). */
  messages: Record<string, string>;
  listed: string[];
  today: string;
  title: string;
};

/** The page's work: sign-in, the post, the status. A Response means: send that. */
export async function newDreamPage(Astro: AstroGlobal): Promise<Response | NewDreamPage> {
  const { locale, t } = Astro.locals;
  if (!isLocale(Astro.params.locale)) return new Response(null, { status: 404 });
  const who = await signedIn(Astro, 'dreams');
  if (who instanceof Response) return who;

  let shown: NewDreamForm = { values: emptyManualDream(), errors: {}, notice: 'error' in who ? who.error : null };
  if (Astro.request.method === 'POST' && !('error' in who)) {
    const outcome = await handleNewDream(
      await readWorkspaceForm(Astro.request, workspaceSettings.maxBodyBytes),
      who.api,
    );
    if ('created' in outcome)
      return Astro.redirect(`/${locale}/werkplek/dromen/${encodeURIComponent(outcome.created)}?ok=created`, 303);
    if ('signedOut' in outcome) {
      clearSessionCookie(Astro);
      return Astro.redirect(`/${locale}/werkplek`, 303);
    }
    shown = outcome;
    Astro.response.status = newDreamStatus(shown);
  } else if (shown.notice) Astro.response.status = shown.notice.status;

  const messages = Object.fromEntries(Object.entries(shown.errors).map(([f, key]) => [f, errorText(t, key)])) as Record<
    string,
    string
  >;
  const listed = MANUAL_FIELDS.filter((f) => messages[f]);
  return {
    ...shown,
    user: 'error' in who ? null : who.user,
    messages,
    listed,
    today: todayInAmsterdam(),
    title: listed.length > 0 ? t('workspace.ui.new.titleError') : t('workspace.ui.new.title'),
  };
}
