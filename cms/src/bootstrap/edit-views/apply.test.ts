import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDIT_VIEWS, applyEditView, uncoveredFields } from './apply';

const schemaPath = (kind: string, uid: string) => {
  if (kind === 'components') {
    const [category, name] = uid.split('.');
    return join(__dirname, '../../components', category, `${name}.json`);
  }
  const name = uid.slice(uid.lastIndexOf('.') + 1);
  return join(__dirname, '../../api', name, 'content-types', name, 'schema.json');
};

describe('edit views as code', () => {
  for (const view of EDIT_VIEWS)
    it(`${view.uid}: every field has a Dutch label and a place (or is hidden), rows fit 12 columns`, () => {
      const schema = JSON.parse(readFileSync(schemaPath(view.kind, view.uid), 'utf8'));
      expect(uncoveredFields(view, Object.keys(schema.attributes))).toEqual([]);
      for (const row of view.rows) expect(row.reduce((sum, [, size]) => sum + size, 0)).toBeLessThanOrEqual(12);
    });

  it('keeps the content-manager’s other settings, hides internal fields, and is idempotent', () => {
    const view = EDIT_VIEWS[0];
    const stored = {
      uid: view.uid,
      settings: { pageSize: 10 },
      metadatas: { stale: { edit: { label: 'stale', visible: true, editable: true } } },
      layouts: { list: ['id', 'title'], edit: [[{ name: 'stale', size: 4 }]] },
    };
    const once = applyEditView(stored, view);
    expect(once.settings).toEqual({ pageSize: 10 });
    expect(once.layouts?.list).toEqual(['id', 'title']);
    expect(once.metadatas?.stale.edit).toMatchObject({ visible: false, editable: true });
    expect(once.metadatas?.title.edit).toMatchObject({ label: 'Naam van het aanbod', visible: true });
    expect(once.layouts?.edit?.flat().map((f) => f.name)).not.toContain('freshnessNotice');
    expect(applyEditView(once, view)).toEqual(once);
  });
});
