import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env as transformersEnv } from '@xenova/transformers';
import type { APIEmbed } from 'discord.js';
import { citationProblems } from '../helpers/citations.js';
import { startConfiguredBot, type ConfiguredBot } from '../helpers/configured-bot.js';
import { ALL_PERMISSIONS } from '../../harness/discord-simulator/index.js';
import { TINY_MODEL_DIR, TINY_MODEL_ID } from '../../harness/tiny-model.js';

/**
 * When the configured model is missing, incomplete, damaged or cannot be downloaded, the bot still
 * starts and answers — in keyword mode — and says so in `/sources` and in its logs. The bot here is
 * composed like `npm start` and loads the model from its config, not from the test.
 */

const QUESTION = 'How long did the Iranian diplomats have to leave?';
const ONNX = path.join('onnx', 'model_quantized.onnx');

const modelDir = (root: string) => path.join(root, 'models', ...TINY_MODEL_ID.split('/'));

async function copyModel(root: string): Promise<string> {
  const dir = modelDir(root);
  await mkdir(path.dirname(dir), { recursive: true });
  await cp(TINY_MODEL_DIR, dir, { recursive: true });
  return dir;
}

/** A stand-in for the Hugging Face hub on 127.0.0.1 serving the tiny model, optionally broken. */
async function startHub(behaviour: 'unavailable' | 'truncated-onnx'): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (behaviour === 'unavailable') return void res.writeHead(503).end('maintenance');
    const prefix = `/${TINY_MODEL_ID}/resolve/main/`;
    const file = decodeURIComponent((req.url ?? '').split('?')[0]!);
    if (!file.startsWith(prefix) || file.includes('..')) return void res.writeHead(404).end();
    readFile(path.join(TINY_MODEL_DIR, file.slice(prefix.length))).then(
      (data) => {
        const body = file.endsWith('.onnx') ? data.subarray(0, Math.floor(data.length / 3)) : data;
        res.writeHead(200, { 'content-length': body.length }).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Case {
  name: string;
  prepare: (root: string) => Promise<void>;
  download?: 'unavailable' | 'truncated-onnx';
  reason: RegExp;
}

const cases: Case[] = [
  { name: 'no model folder at all', prepare: async () => undefined, reason: /not in .* downloads are off/ },
  {
    name: 'a partial copy without the ONNX weights',
    prepare: async (root) => rm(path.join(await copyModel(root), ONNX)),
    reason: /not in .* downloads are off/,
  },
  {
    name: 'a partial copy without config.json',
    prepare: async (root) => rm(path.join(await copyModel(root), 'config.json')),
    reason: /not in .* downloads are off/,
  },
  {
    name: 'truncated ONNX weights',
    prepare: async (root) => truncate(path.join(await copyModel(root), ONNX), 1000),
    reason: /could not be loaded/,
  },
  {
    name: 'ONNX weights overwritten with junk',
    prepare: async (root) => writeFile(path.join(await copyModel(root), ONNX), 'not a model '.repeat(500)),
    reason: /could not be loaded/,
  },
  {
    name: 'a corrupted tokenizer.json',
    prepare: async (root) => writeFile(path.join(await copyModel(root), 'tokenizer.json'), '{"model": {"vocab": '),
    reason: /could not be loaded/,
  },
  {
    name: 'a failed download (hub answers 503)',
    prepare: async () => undefined,
    download: 'unavailable',
    reason: /could not be downloaded/,
  },
  { name: 'a download cut short (truncated weights)', prepare: async () => undefined, download: 'truncated-onnx', reason: /could not be/ },
];

describe.each(cases)('with $name', ({ prepare, download, reason }) => {
  let bot: ConfiguredBot;
  let hub: Awaited<ReturnType<typeof startHub>> | undefined;
  const remoteHost = transformersEnv.remoteHost;

  beforeAll(async () => {
    if (download) {
      hub = await startHub(download);
      // All traffic stays on loopback: the "hub" is the local stand-in above.
      transformersEnv.remoteHost = hub.url;
    }
    bot = await startConfiguredBot({ prepare, env: { MODEL_ID: TINY_MODEL_ID, MODEL_DOWNLOAD: download ? 'true' : 'false' } });
  });

  afterAll(async () => {
    await bot?.close();
    await hub?.close();
    transformersEnv.remoteHost = remoteHost;
  });

  it('logs that it answers in keyword mode, and why', () => {
    const warnings = bot.logs('embedding model unavailable: answering in keyword mode');
    // Once: the bot looks for the model at start and on reloads, but says so once per change of state.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', reason: expect.stringMatching(reason) });
    expect(bot.logs('engine ready')[0]).toMatchObject({ mode: 'keyword', model: null });
    if (download) expect(hub!.requests.length).toBeGreaterThan(0);
  });

  it('answers /ask with verbatim quotes in keyword mode', async () => {
    const handle = bot.ask(QUESTION);
    const edit = await handle.waitForOriginalEdit({ timeoutMs: 15_000 });
    const embed = (edit.body as { embeds: APIEmbed[] }).embeds[0]!;
    expect(embed.footer?.text).toMatch(/keyword search/);
    const answer = await bot.engines.current().ask(QUESTION);
    expect(answer).toMatchObject({ answered: true, mode: 'keyword' });
    expect(await citationProblems(answer, path.join(bot.root, 'articles'))).toEqual([]);
  });

  it('says so in /sources', async () => {
    const handle = bot.slash('sources', { memberPermissions: ALL_PERMISSIONS });
    const edit = await handle.waitForOriginalEdit({ timeoutMs: 15_000 });
    const fields = (edit.body as { embeds: APIEmbed[] }).embeds[0]!.fields!;
    const field = (name: string) => fields.find((f) => f.name === name)?.value;
    expect(field('Model')).toMatch(/none/);
    expect(field('Mode')).toMatch(/^keyword \(.+\)$/);
  });
});
