// `npm run backup [-- --out <folder>]`: one archive of the cms database, the uploads, the site's
// dream outbox and the indexer's queue (scripts/lib/backup.ts, docs/operations.md). Reads the
// same environment as the services (npm run sets it from .env; in production, the container's).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackupError, createBackup } from './lib/backup.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const usage = 'usage: npm run backup [-- --out <folder>]   (default folder: BACKUP_DIR, .data/backups)';
let outDir: string | undefined;
for (let i = 0; i < args.length; i++) {
  // npm runs scripts from the repository root; a relative path means the caller's folder.
  if (args[i] === '--out' && args[i + 1]) outDir = resolve(process.env.INIT_CWD ?? process.cwd(), args[++i]);
  else if (args[i] === '--help' || args[i] === '-h') {
    console.log(usage);
    process.exit(0);
  } else {
    console.error(`unknown argument ${args[i]}\n${usage}`);
    process.exit(2);
  }
}

const log = (line: string) => console.log(`[backup] ${line}`);
const env = Object.fromEntries(
  Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
);
try {
  const result = await createBackup(root, env, { outDir, log });
  if (!result) throw new BackupError('nothing to back up');
  const { dir, manifest, bytes } = result;
  console.log(`\nBackup written in ${(manifest.durationMs / 1000).toFixed(1)} s: ${dir}
  ${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, sha256 of each in manifest.json
  Search indexes are not in it: after a restore the indexer rebuilds them (npm run reindex).
  It holds personal data (dreams): copy it off this machine, encrypted, and delete old ones (docs/operations.md).`);
} catch (err) {
  console.error(`[backup] failed: ${(err as Error).message}`);
  process.exit(1);
}
