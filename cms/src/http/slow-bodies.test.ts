import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cmsHttpTimeouts, isUploadRequest, limitBodyTime } from './slow-bodies';

describe('cms timeouts', () => {
  it('uploads get the server’s whole-request time, other bodies the shorter one', () => {
    const t = cmsHttpTimeouts({});
    expect(t).toMatchObject({
      bodyMs: 30_000,
      uploadMs: 180_000,
      server: { headersTimeout: 10_000, requestTimeout: 180_000, keepAliveTimeout: 5_000 },
    });
    expect(
      cmsHttpTimeouts({
        HTTP_REQUEST_TIMEOUT_SECONDS: '3',
        HTTP_HEADERS_TIMEOUT_SECONDS: '2',
        CMS_UPLOAD_TIMEOUT_SECONDS: '8',
      }),
    ).toMatchObject({ bodyMs: 3000, uploadMs: 8000, server: { headersTimeout: 2000, requestTimeout: 8000 } });
    // An upload time shorter than the body time is raised to it.
    expect(cmsHttpTimeouts({ HTTP_REQUEST_TIMEOUT_SECONDS: '60', CMS_UPLOAD_TIMEOUT_SECONDS: '20' }).uploadMs).toBe(
      60_000,
    );
    expect(() => cmsHttpTimeouts({ CMS_UPLOAD_TIMEOUT_SECONDS: 'x' })).toThrow(/CMS_UPLOAD_TIMEOUT_SECONDS/);
  });

  it('knows the upload plugin’s upload routes', () => {
    expect(isUploadRequest('POST', '/upload', 'multipart/form-data; boundary=x')).toBe(true);
    expect(isUploadRequest('POST', '/api/upload', 'multipart/form-data; boundary=x')).toBe(true);
    expect(isUploadRequest('POST', '/api/upload', 'application/json')).toBe(false);
    expect(isUploadRequest('POST', '/api/uploads-of-something', 'multipart/form-data')).toBe(false);
    expect(isUploadRequest('PUT', '/upload/folders/1', 'multipart/form-data')).toBe(false);
    expect(isUploadRequest('POST', '/api/dreams', 'multipart/form-data')).toBe(false);
  });
});

describe('limitBodyTime against a real server', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  /** A server whose "body parser" reads the whole body, behind limitBodyTime. */
  async function start(limits: { bodyMs: number; uploadMs: number }): Promise<number> {
    const parse = async (ctx: { req: IncomingMessage; res: ServerResponse }) => {
      let size = 0;
      for await (const chunk of ctx.req) size += chunk.length;
      if (!ctx.res.headersSent) ctx.res.end(`got ${size}`);
    };
    const mw = limitBodyTime(async (ctx) => parse(ctx).catch(() => {}), limits);
    server = createServer(
      (req, res) =>
        void mw({ method: req.method, path: new URL(req.url, 'http://x').pathname, req, res }, async () => {}),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return (server.address() as AddressInfo).port;
  }

  /** Sends the head at once, then the body a byte every 100 ms; resolves with the first answer line and the time the socket closed. */
  function trickle(port: number, head: string, body: string): Promise<{ status: string; ms: number }> {
    return new Promise((resolve) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1', () => socket.write(head));
      let answer = '';
      let i = 0;
      const timer = setInterval(
        () => (i < body.length && !socket.destroyed ? socket.write(body[i++]) : undefined),
        100,
      );
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ status: answer.split('\r\n')[0], ms: Date.now() - started });
      });
    });
  }

  it('answers a slow JSON body 408 and closes, but lets an upload take its longer time', async () => {
    const port = await start({ bodyMs: 500, uploadMs: 5000 });
    const body = 'x'.repeat(20);
    const json = await trickle(
      port,
      `POST /api/dreams HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      body,
    );
    expect(json.status).toBe('HTTP/1.1 408 Request Timeout');
    expect(json.ms).toBeLessThan(1500);
    const upload = await trickle(
      port,
      `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      body,
    );
    expect(upload.status).toBe('HTTP/1.1 200 OK');
    expect(upload.ms).toBeGreaterThan(1800);
  });
});
