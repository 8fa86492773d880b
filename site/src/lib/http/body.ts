// Reading a posted body: at most a given number of bytes (chunked bodies too), then as a form.
// Used by the letterbox and the workspace forms.

/** The body as bytes, or null when it is larger than `max` (then it is not read further). */
export async function readLimited(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The posted form. A body that is not the multipart it claims to be reads as an empty form: the
 * checks after it then refuse it kindly (no form token), never as a server error.
 */
export async function parseForm(
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
): Promise<{ get(n: string): unknown; getAll(n: string): unknown[] }> {
  if (contentType.toLowerCase().includes('multipart/form-data')) {
    try {
      // The header as sent: a multipart boundary is case-sensitive.
      return await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(new TextDecoder().decode(bytes));
}
