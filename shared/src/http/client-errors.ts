// What every HTTP server (site, cms, search-indexer) answers a request Node's parser refuses before
// any handler runs: headers too large (431), a request not complete in time (408), anything else
// unreadable (400). Node's own answer writes the status and then destroys the socket; when the
// client is still sending (40 KB of headers arriving in pieces on a busy machine) that close is a
// TCP reset, which throws away the answer the client has not read yet: it sees "connection reset"
// instead of 431. Here the answer is written, the connection half-closed and whatever the client
// still sends is read and dropped, so it gets a clean close and the status. Whatever it does, the
// connection is destroyed CLIENT_ERROR_DRAIN_MS later (a fixed time, not an idle time: a client
// trickling a byte a second holds nothing).

/** The part of a net.Socket this needs (no Node import: `shared` also runs in browsers). */
export interface ClientErrorSocket {
  readonly writable: boolean;
  readonly destroyed: boolean;
  end(answer: string): unknown;
  resume(): unknown;
  destroy(): unknown;
  once(event: 'close', listener: () => void): unknown;
}

/** How long a refused client may go on sending before its connection is destroyed (ms). */
export const CLIENT_ERROR_DRAIN_MS = 5000;

/** Pure: the bare HTTP answer to a parser error (`err.code` as Node names it). */
export function clientErrorAnswer(code: string | undefined): string {
  const status =
    code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : '400 Bad Request';
  return `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
}

/** A `clientError` listener for Node's HTTP server: `server.on('clientError', answerClientError)`. */
export function answerClientError(
  err: { code?: string },
  socket: ClientErrorSocket,
  drainMs: number = CLIENT_ERROR_DRAIN_MS,
): void {
  // A reset or aborted connection has nobody left to answer.
  if (!socket.writable || socket.destroyed || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  socket.end(clientErrorAnswer(err.code));
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), drainMs);
  (timer as { unref?: () => void }).unref?.();
  socket.once('close', () => clearTimeout(timer));
}
