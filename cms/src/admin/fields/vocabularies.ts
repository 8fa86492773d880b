// The choices of the cms's choice fields, with their Dutch names from the site's own i18n resources:
// one concept, one name, in the admin as on the site.
import { accessibilityFeatures, spokenLanguages } from '../../../../shared/src/taxonomy/vocabularies';
import nl from '../../../../shared/src/i18n/locales/nl.json';

const names = nl as Record<string, string>;

export const VOCABULARIES: Record<string, { value: string; label: string }[]> = {
  spokenLanguages: spokenLanguages.map((v) => ({ value: v, label: names[`catalogue.spokenLanguage.${v}`] ?? v })),
  accessibilityFeatures: accessibilityFeatures.map((v) => ({ value: v, label: names[`accessibility.${v}`] ?? v })),
};
