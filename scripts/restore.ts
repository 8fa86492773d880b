// `npm run restore -- <archive> [--force] [--no-safety-backup] [--check]`: puts a backup made by
// `npm run backup` back (scripts/lib/backup.ts, docs/operations.md). Refuses a damaged archive and,
// unless --force, running services; keeps the current state in a backup of its own first.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackupError, restoreBackup, verifyArchive } from './lib/backup.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage = `usage: npm run restore -- <archive folder> [--force] [--no-safety-backup] [--check]
  --check             only verify the archive (every checksum), change nothing
  --force             restore even while services answer, or from a newer Strapi
  --no-safety-backup  do not back up the current state first`;
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('-')));
const positional = args.filter((a) => !a.startsWith('-'));
const known = new Set(['--force', '--no-safety-backup', '--check', '--help', '-h']);
if (flags.has('--help') || flags.has('-h')) {
  console.log(usage);
  process.exit(0);
}
const unknown = [...flags].filter((f) => !known.has(f));
if (positional.length !== 1 || unknown.length > 0) {
  console.error(`${unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n` : ''}${usage}`);
  process.exit(2);
}
// npm runs scripts from the repository root; a relative path means the caller's folder.
const archive = resolve(process.env.INIT_CWD ?? process.cwd(), positional[0]);
const log = (line: string) => console.log(`[restore] ${line}`);
const env = Object.fromEntries(
  Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
);

try {
  if (flags.has('--check')) {
    const { manifest, problems } = await verifyArchive(archive);
    if (!manifest || problems.length > 0)
      throw new BackupError(
        `the archive ${archive} is damaged or incomplete:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    const db = manifest.parts.database;
    console.log(`[restore] ${archive}: whole. Made ${manifest.createdAt} on ${manifest.host} (${manifest.reason}); Strapi ${manifest.versions.strapi}, droomkaart ${manifest.versions.droomkaart ?? 'unknown'}
  database: ${db ? (db.kind === 'sqlite' ? `SQLite, ${Object.keys(db.tables).length} tables${db.tables.dreams !== undefined ? `, ${db.tables.dreams} dream rows` : ''}` : `PostgreSQL dump of ${db.server} (server ${db.serverVersion ?? '?'})`) : 'none'}
  uploads: ${manifest.parts.uploads.files} files; dream outbox: ${manifest.parts.dreamOutbox ? `${manifest.parts.dreamOutbox.pending} pending, ${manifest.parts.dreamOutbox.rejected} rejected` : 'none'}; indexer queue: ${manifest.parts.indexerQueue ? `${manifest.parts.indexerQueue.waiting} waiting` : 'none'}`);
    process.exit(0);
  }
  const result = await restoreBackup(root, env, archive, {
    force: flags.has('--force'),
    safetyBackup: !flags.has('--no-safety-backup'),
    log,
  });
  const next =
    result.reindex === 'started'
      ? 'The indexer answered: it rebuilt every search index from the restored cms. Restart the cms, indexer and site if they were running during the restore (they held the old files).'
      : result.reindex === 'failed'
        ? `The indexer answered but the reindex failed (${JSON.stringify(result.reindexReport)}): run npm run reindex once everything runs.`
        : 'Next: start the services (npm start, or docker compose up -d), then rebuild the search indexes: npm run reindex.';
  console.log(`\nRestored ${result.restored.length} part(s) from ${archive} (made ${result.manifest.createdAt}).
${result.safetyBackup ? `The state before the restore is kept in ${result.safetyBackup}.\n` : ''}${next}
Dreams deleted on a family's request since ${result.manifest.createdAt} are back: delete them again (docs/operations.md).`);
} catch (err) {
  console.error(`[restore] stopped: ${(err as Error).message}`);
  process.exit(1);
}
