// Operator's tool for the letterbox outbox, for the dreams the cms refused (counted as `rejected`
// in the site's /health). Run on the site's machine, with the site's environment:
//
//   node src/lib/dream/outbox-cli.ts stats
//   node src/lib/dream/outbox-cli.ts rejected            ids, times and the cms' reason (no content)
//   node src/lib/dream/outbox-cli.ts show <id>           the dream itself: personal data, handle with care
//   node src/lib/dream/outbox-cli.ts retry <id>          back in the queue, after the cause was fixed
//   node src/lib/dream/outbox-cli.ts discard <id>        erase it, after it was entered by hand
//
// The running site picks a retried dream up within a minute.
import { resolve } from 'node:path';
import { DreamOutbox } from './outbox.ts';

const file = resolve(process.env.DREAM_OUTBOX_FILE || '.data/site/dream-outbox.db');
const [command, id] = process.argv.slice(2);
if (!['stats', 'rejected', 'show', 'retry', 'discard'].includes(command ?? '')) {
  console.error('usage: outbox-cli.ts stats | rejected | show <id> | retry <id> | discard <id>');
  process.exit(2);
}
const outbox = new DreamOutbox(file);
const when = (ms: number | null) => (ms ? new Date(ms).toISOString() : '-');
try {
  switch (command) {
    case 'stats':
      console.log(JSON.stringify(outbox.stats()));
      break;
    case 'rejected':
      for (const row of outbox.list('rejected', 1000))
        console.log(`${row.id}  received ${when(row.createdAt)}  tries ${row.attempts}  ${row.lastError ?? ''}`);
      break;
    case 'show': {
      const row = id ? outbox.get(id) : null;
      if (!row) throw new Error(`no dream ${id ?? ''} in ${file}`);
      console.log(
        JSON.stringify({ ...row, payload: row.payload ? (JSON.parse(row.payload) as unknown) : null }, null, 2),
      );
      break;
    }
    case 'retry':
      if (!id || !outbox.retry(id)) throw new Error(`no rejected dream ${id ?? ''}`);
      console.log(`dream ${id} is queued again`);
      break;
    case 'discard':
      if (!id || !outbox.discard(id)) throw new Error(`no rejected dream ${id ?? ''}`);
      console.log(`dream ${id} is erased from the outbox`);
      break;
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  outbox.close();
}
