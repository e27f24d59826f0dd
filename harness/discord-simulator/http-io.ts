import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file discord.js uploaded in a multipart request (`files[n]`). */
export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
  text: string;
}

/** A request body as the bot meant it: JSON, or the `payload_json` part of a multipart upload. */
export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

/** Reads the whole request body. */
export async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Decodes JSON and multipart bodies. Multipart goes through the platform's own form-data parser
 * (undici's `Response#formData`) rather than a hand-rolled one.
 */
export async function parseRequestBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = contentType ?? '';
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  const text = raw.toString('utf8');
  if (type.startsWith('application/json')) return { body: JSON.parse(text) as unknown, files: [] };
  return { body: text, files: [] };
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let body: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value) as unknown;
      continue;
    }
    const text = await value.text();
    files.push({ field, name: value.name, contentType: value.type, size: value.size, text });
  }
  return { body, files };
}

/** Sends a JSON response (or an empty one for 204). */
export function sendJson(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || data === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const payload = JSON.stringify(data);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...headers });
  res.end(payload);
}

/** Lower-cased header map with repeated headers joined, for recording. */
export function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
