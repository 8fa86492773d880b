import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from '../utils/stack.ts';
import { stackInfo } from './stack-info.ts';

// Editions by host name (EDITION_HOSTS): a second site process on the same stack, with two host
// names mapped to the two editions. Requests carry the Host header a proxy would forward.
let site: ChildProcess | null = null;
let port = 0;

test.beforeAll(async () => {
  const { env } = stackInfo();
  site = spawn(process.execPath, [join(repoRoot, 'site', 'dist', 'server', 'entry.mjs')], {
    cwd: join(repoRoot, 'site'),
    env: { ...env, HOST: '127.0.0.1', PORT: '0', EDITION_HOSTS: 'kind.droomkaart.test=kind,jong.droomkaart.test=jong' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('site did not start')), 30_000);
    site!.stdout!.on('data', (chunk: Buffer) => {
      const m = /listening on http:\/\/[^:]+:(\d+)/i.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    site!.on('exit', (code) => reject(new Error(`site exited with ${code}`)));
  });
});

test.afterAll(() => {
  site?.kill();
});

function get(host: string, path: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('each host serves its own edition at the locale root and links to the other host', async () => {
  const jong = await get('jong.droomkaart.test', '/nl/');
  expect(jong.status).toBe(200);
  expect(jong.body).toContain('data-edition="jong"');
  expect(jong.body).toMatch(/<h1>Dare to dream in 036<\/h1>/);
  expect(jong.body).toContain('href="http://kind.droomkaart.test/nl/"');

  const kind = await get('kind.droomkaart.test', '/en/');
  expect(kind.body).toContain('data-edition="kind"');
  expect(kind.body).toContain('href="http://jong.droomkaart.test/en/"');

  // Every page on the 036 host wears the 036 edition; old /036 links go to its host.
  expect((await get('jong.droomkaart.test', '/nl/regelingen')).body).toContain('data-edition="jong"');
  const old = await get('kind.droomkaart.test', '/nl/036');
  expect(old.status).toBe(301);
  expect(old.location).toBe('http://jong.droomkaart.test/nl/');
});
