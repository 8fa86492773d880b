import { createServer, request } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientError, clientErrorAnswer } from './client-errors.js';

describe('clientErrorAnswer', () => {
  it('names the status Node would send for each parser error', () => {
    expect(clientErrorAnswer('HPE_HEADER_OVERFLOW')).toMatch(/^HTTP\/1\.1 431 /);
    expect(clientErrorAnswer('ERR_HTTP_REQUEST_TIMEOUT')).toMatch(/^HTTP\/1\.1 408 /);
    expect(clientErrorAnswer('HPE_INVALID_METHOD')).toMatch(/^HTTP\/1\.1 400 /);
    expect(clientErrorAnswer(undefined)).toMatch(/\r\nConnection: close\r\nContent-Length: 0\r\n\r\n$/);
  });
});

describe('answerClientError on a real server', () => {
  const server = createServer((_req, res) => res.end('ok'));
  let port: number;
  beforeAll(async () => {
    server.on('clientError', answerClientError);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 431 to headers that are too large and reads on while the client still sends', async () => {
    const head = `GET / HTTP/1.1\r\nHost: x\r\nx-long: ${'a'.repeat(40_000)}\r\n`;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
      let got = '';
      socket.on('error', reject);
      socket.on('data', (d: Buffer) => {
        got += d.toString();
        if (!got.includes('\r\n\r\n')) return;
        // The answer is in; a client that has not noticed yet goes on sending. Node's own handler
        // has destroyed the socket by now, so these writes meet a reset (EPIPE or ECONNRESET).
        let more = 0;
        const timer = setInterval(() => {
          if (more++ < 5) socket.write('x-more: ' + 'b'.repeat(8000) + '\r\n');
          else {
            clearInterval(timer);
            socket.end(() => resolve(got));
          }
        }, 20);
      });
      socket.write(head);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
  });

  it('lets an ordinary client read the 431 without a connection reset', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, headers: { 'x-long': 'a'.repeat(40_000) }, agent: false },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(431);
  });

  it('destroys a refused connection a fixed time later, however the client goes on trickling', async () => {
    const quick = createServer((_req, res) => res.end('ok'));
    quick.on('clientError', (err: Error & { code?: string }, socket: Socket) => answerClientError(err, socket, 300));
    await new Promise<void>((resolve) => quick.listen(0, '127.0.0.1', resolve));
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = connect({ port: (quick.address() as AddressInfo).port, host: '127.0.0.1', allowHalfOpen: true });
      socket.on('error', () => {});
      socket.on('close', () => resolve(Date.now() - started));
      socket.write(`GET / HTTP/1.1\r\nHost: x\r\nx-long: ${'a'.repeat(20_000)}\r\n`);
      const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write('b')), 50);
    });
    await new Promise<void>((resolve) => quick.close(() => resolve()));
    expect(closedAfter).toBeGreaterThanOrEqual(250);
    expect(closedAfter).toBeLessThan(3000);
  });

  it('still serves requests that are fine', async () => {
    const body = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    expect(body).toBe('ok');
  });
});
