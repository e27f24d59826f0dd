import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chatInputInteraction,
  DEFAULT_BOT_TOKEN,
  startDiscordSimulator,
  type DiscordSimulator,
} from '../../../harness/discord-simulator/index.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../../../harness/tiny-model.js';
import { sentMessage } from '../../helpers/sent-message.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ARTICLES = path.join(ROOT, 'data', 'articles');

interface Running {
  child: ChildProcess;
  output(): string;
  done: Promise<number | null>;
}

/** Starts `scripts/bot.ts` (what `npm start` runs, without the compile step) with exactly `vars` as settings. */
function startMain(vars: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bot.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...vars },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const done = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve(code);
    }),
  );
  return { child, output: () => out, done };
}

async function waitForOutput(run: Running, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pattern.test(run.output())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; output so far:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('configuration failures', () => {
  const valid = {
    DISCORD_TOKEN: DEFAULT_BOT_TOKEN,
    DISCORD_CLIENT_ID: '1150000000000000001',
    DISCORD_GUILD_ID: '',
    DISCORD_API_BASE: 'http://127.0.0.1:9/api',
  };

  test.each([
    ['DISCORD_CLIENT_ID', { DISCORD_CLIENT_ID: '' }],
    ['DISCORD_CLIENT_ID', { DISCORD_CLIENT_ID: 'my-app' }],
    ['DISCORD_API_BASE', { DISCORD_API_BASE: 'not a url' }],
    ['ASK_COOLDOWN_SECONDS', { ASK_COOLDOWN_SECONDS: 'soon' }],
    ['LOG_FORMAT', { LOG_FORMAT: 'xml' }],
  ])('a bad %s stops the bot at once, naming the key and never printing the token', async (key, bad) => {
    const run = startMain({ ...valid, ...bad });
    expect(await run.done).toBe(1);
    expect(run.output()).toContain(key);
    expect(run.output()).not.toContain(DEFAULT_BOT_TOKEN);
  });

  test('a missing or malformed token is named, and its value is not printed', async () => {
    for (const token of ['', `${DEFAULT_BOT_TOKEN.slice(0, 40)} with spaces`]) {
      const run = startMain({ ...valid, DISCORD_TOKEN: token });
      expect(await run.done).toBe(1);
      expect(run.output()).toContain('DISCORD_TOKEN');
      if (token) expect(run.output()).not.toContain(token.slice(0, 30));
    }
  });
});

describe('npm start against the simulator', () => {
  let sim: DiscordSimulator;
  let dir: string;
  beforeAll(async () => {
    sim = await startDiscordSimulator();
    dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-main-'));
    await cp(ARTICLES, path.join(dir, 'articles'), { recursive: true });
  });
  afterAll(async () => {
    await sim?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('builds the index, logs in, answers, and on SIGTERM disconnects and exits 0', async () => {
    const run = startMain({
      DISCORD_TOKEN: sim.token,
      DISCORD_CLIENT_ID: sim.applicationId,
      DISCORD_API_BASE: sim.apiBase,
      ARTICLES_DIR: path.join(dir, 'articles'),
      EMBEDDINGS_DIR: path.join(dir, 'embeddings'),
      DATA_DIR: path.join(dir, 'data'),
      MODELS_DIR: TINY_MODEL_ROOT,
      MODEL_ID: TINY_MODEL_ID,
      MODEL_DOWNLOAD: 'false',
      LOG_LEVEL: 'info',
    });
    try {
      await waitForOutput(run, /"msg":"bot ready"/);
      const handle = sim.dispatchInteraction(
        chatInputInteraction({ name: 'ask', options: { question: 'Who did Albania blame for the cyberattack?' } }),
      );
      const edit = await handle.waitForOriginalEdit({ timeoutMs: 30_000 });
      expect(sentMessage(edit).embeds).toHaveLength(1);
      await waitForOutput(run, /"msg":"interaction".*"command":"ask".*"latencyMs"/);
      expect(run.output()).toMatch(/"mode":"hybrid"/);

      run.child.kill('SIGTERM');
      expect(await run.done).toBe(0);
      expect(run.output()).toMatch(/"msg":"bot stopped"/);
      expect(run.output()).not.toContain(sim.token);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  test('LOG_FORMAT=pretty overrides the guess from the terminal (stderr here is a pipe, which would mean JSON)', async () => {
    const run = startMain({
      DISCORD_TOKEN: sim.token,
      DISCORD_CLIENT_ID: sim.applicationId,
      DISCORD_API_BASE: sim.apiBase,
      ARTICLES_DIR: path.join(dir, 'articles'),
      EMBEDDINGS_DIR: path.join(dir, 'embeddings'),
      DATA_DIR: path.join(dir, 'data'),
      MODELS_DIR: path.join(dir, 'no-models'),
      MODEL_DOWNLOAD: 'false',
      LOG_FORMAT: 'pretty',
    });
    try {
      await waitForOutput(run, /INFO {2}bot ready/);
      run.child.kill('SIGTERM');
      expect(await run.done).toBe(0);
      expect(run.output()).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}embedding model unavailable/m);
      expect(run.output()).not.toMatch(/^\{"time"/m);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
