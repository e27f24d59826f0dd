import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../scripts/deploy-commands.js';
import { MAX_QUESTION_LENGTH } from '../../src/question.js';
import { startDiscordSimulator, type DiscordSimulator } from '../../harness/discord-simulator/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let sim: DiscordSimulator;
beforeAll(async () => {
  sim = await startDiscordSimulator();
});
afterAll(() => sim?.close());
beforeEach(() => sim.clearRecords());

function env(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: sim.token,
    DISCORD_CLIENT_ID: sim.applicationId,
    DISCORD_GUILD_ID: sim.guild.id,
    DISCORD_API_BASE: sim.apiBase,
    ...overrides,
  };
}

type CommandBody = {
  name: string;
  type?: number;
  description?: string;
  default_member_permissions?: string | null;
  options?: Array<{ name: string; type: number; required?: boolean; max_length?: number }>;
};

describe('deploy-commands', () => {
  test('registers every command in the guild when DISCORD_GUILD_ID is set, and prints what it registered', async () => {
    const printed: string[] = [];
    const result = await main(env(), (line) => printed.push(line));

    const [put] = sim.requestsTo(/\/commands$/, 'PUT');
    expect(put!.path).toBe(`/applications/${sim.applicationId}/guilds/${sim.guild.id}/commands`);
    expect(put!.status).toBe(200);
    expect(put!.headers.authorization).toBe(`Bot ${sim.token}`);
    const body = put!.body as CommandBody[];
    const byName = Object.fromEntries(body.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['Check against sources', 'ask', 'help', 'insights', 'sources']);

    expect(byName.ask).toMatchObject({ type: 1 });
    expect(byName.ask!.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, max_length: MAX_QUESTION_LENGTH, autocomplete: true }),
      expect.objectContaining({ name: 'private', type: 5 }),
    ]);
    expect(byName.ask!.options![1]!.required ?? false).toBe(false);
    expect(byName.sources).toMatchObject({ type: 1, default_member_permissions: '8192' });
    expect(byName.sources!.options).toEqual([expect.objectContaining({ name: 'query', type: 3 })]);
    expect(byName.insights).toMatchObject({ type: 1, default_member_permissions: '8192', contexts: [0] });
    expect(byName.insights!.options).toEqual([
      expect.objectContaining({ name: 'days', type: 4, min_value: 1, max_value: 365 }),
      expect.objectContaining({ name: 'hide', type: 3, max_length: 100, autocomplete: true }),
      expect.objectContaining({ name: 'unhide', type: 3, max_length: 100, autocomplete: true }),
    ]);
    expect(byName.help).toMatchObject({ type: 1 });
    expect(byName['Check against sources']).toMatchObject({ type: 3 });
    expect(byName['Check against sources']!.description ?? '').toBe('');
    for (const c of body) if (c.type !== 3) expect(c.description!.length).toBeLessThanOrEqual(100);

    expect(
      sim.commands
        .guild(sim.guild.id)
        .map((c) => c.name)
        .sort(),
    ).toEqual(Object.keys(byName).sort());
    expect(result).toMatchObject({ scope: 'guild', guildId: sim.guild.id });
    expect(printed.join('\n')).toContain(sim.guild.id);
    for (const name of ['/ask', '/sources', '/insights', '/help', 'Check against sources']) expect(printed.join('\n')).toContain(name);
    expect(printed.join('\n')).not.toContain(sim.token);
  });

  test('registers globally when DISCORD_GUILD_ID is empty', async () => {
    const result = await main(env({ DISCORD_GUILD_ID: '' }), () => undefined);
    const [put] = sim.requestsTo(/\/commands$/, 'PUT');
    expect(put!.path).toBe(`/applications/${sim.applicationId}/commands`);
    expect(result.scope).toBe('global');
    expect(sim.commands.global.map((c) => c.name)).toContain('ask');
  });

  test('as a script: prints what it registered, and on a bad setting exits 1 naming the key without printing the token', async () => {
    const ok = await runScript(env());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Registered 5 commands');
    expect(ok.stdout + ok.stderr).not.toContain(sim.token);

    const bad = await runScript(env({ DISCORD_CLIENT_ID: 'not-an-id' }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('DISCORD_CLIENT_ID');
    expect(bad.stdout + bad.stderr).not.toContain(sim.token);

    const rejected = await runScript(env({ DISCORD_TOKEN: sim.token.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')) }));
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/deploy-commands failed/);
  });
});

/** Runs the script as `npm run deploy-commands` would (through tsx), with exactly `vars` as settings. */
function runScript(vars: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/deploy-commands.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...vars },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}
