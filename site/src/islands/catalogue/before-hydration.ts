// The catalogue island hydrates on the visitor's first interaction (client:interaction, see
// lib/hydration/interaction.ts). Whatever they typed or ticked in the meantime is in the form's
// fields, not yet in InstantSearch: read the form as the server reads its GET submission and, when
// it asks for another search than the one shown, that search is the island's first. Pure.
import { parseState, stateHref, type CatalogueState, type Vocabulary } from '../../lib/catalogue/state.ts';

/** The search the form's fields ask for, or null when it is the one shown (`state`). */
export function changedBeforeHydration(
  fields: URLSearchParams,
  state: CatalogueState,
  vocab: Vocabulary,
): CatalogueState | null {
  // The form has no page and no "search everywhere": compare what it can change.
  const read = { ...parseState(fields, vocab), page: 1, everywhere: false };
  const shown = { ...state, page: 1, everywhere: false };
  return stateHref('', read) === stateHref('', shown) ? null : read;
}
