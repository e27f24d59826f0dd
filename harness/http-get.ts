import { request } from 'node:http';

/** What a plain HTTP request to a local server returned. */
export interface HttpResponse {
  status: number;
  type: string;
  body: string;
}

/**
 * One request to a local HTTP server (the health endpoint), with node:http rather than fetch:
 * fetch's pooled keep-alive sockets outlive the test and keep jest from exiting cleanly.
 */
export function httpRequest(url: string, options: { method?: string; timeoutMs?: number } = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', timeout: options.timeoutMs ?? 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer in ${options.timeoutMs ?? 5000} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** The body of a GET to `url`. */
export async function httpGetText(url: string, timeoutMs?: number): Promise<string> {
  return (await httpRequest(url, timeoutMs === undefined ? {} : { timeoutMs })).body;
}
