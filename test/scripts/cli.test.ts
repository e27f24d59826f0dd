import { spawnScript } from '../../harness/spawn-script.js';

/**
 * Every script as a person meets it on the command line (through tsx, as `npm run …` starts it):
 * `--help` prints a usage and does nothing else; an unknown flag is refused with the usage and
 * exit code 2 instead of being taken for a question or ignored.
 */
const SCRIPTS: Array<[string, RegExp]> = [
  ['scripts/ask.ts', /^Usage: npm run ask/],
  ['scripts/reindex.ts', /^Usage: npm run reindex/],
  ['scripts/model-fetch.ts', /^Usage: npm run model:fetch/],
  ['scripts/deploy-commands.ts', /^Usage: npm run deploy-commands/],
  ['scripts/bot.ts', /^Usage: npm start/],
  ['scripts/audit-deps.ts', /^Usage: tsx scripts\/audit-deps.ts/],
  ['scripts/soak.ts', /^Usage: npm run soak/],
  ['scripts/eval.ts', /^Usage: npm run eval/],
  ['scripts/insights.ts', /^Usage: npm run insights/],
  ['scripts/forget.ts', /^Usage: npm run forget/],
  ['scripts/make-test-model.ts', /^Usage: make-test-model/],
  ['bench/run.ts', /^Usage: npm run bench/],
  ['scripts/healthcheck.ts', /^Usage: node dist\/scripts\/healthcheck.js/],
  ['scripts/production-check.ts', /^Usage: npm run production-check/],
];

/** No settings at all: --help must not need any, and must not start work that would. */
const NO_SETTINGS = {};

describe.each(SCRIPTS)('%s', (script, usage) => {
  it('prints its usage for --help and exits 0; refuses an unknown flag with the usage and exit 2', async () => {
    const [help, bad] = await Promise.all([
      spawnScript(script, NO_SETTINGS, { args: ['--help'] }).done,
      spawnScript(script, NO_SETTINGS, { args: ['--no-such-flag'] }).done,
    ]);
    expect(help.stdout).toMatch(usage);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(bad.stderr).toMatch(/Unknown option '--no-such-flag'/);
    expect(bad.stderr.split('\n').some((line) => usage.test(line))).toBe(true);
    expect(bad.code).toBe(2);
  });
});

describe('configuration errors, with no .env', () => {
  const count = (text: string, part: string) => text.split(part).length - 1;

  it('name each missing key once, say where to get it, and never show zod text', async () => {
    const run = await spawnScript('scripts/bot.ts', NO_SETTINGS).done;
    expect(run.code).toBe(1);
    expect(count(run.stderr, 'DISCORD_TOKEN is not set')).toBe(1);
    expect(count(run.stderr, 'DISCORD_CLIENT_ID is not set')).toBe(1);
    expect(run.stderr).toMatch(/add DISCORD_TOKEN=… to \.env with the bot token \(Discord developer portal/);
    expect(run.stderr).toMatch(/\.env\.example/);
    expect(run.stderr).not.toMatch(/Invalid input|expected string|received undefined/);
  });

  it('report an empty token once, and a bad value with what it must be', async () => {
    const run = await spawnScript('scripts/deploy-commands.ts', { DISCORD_TOKEN: '', DISCORD_CLIENT_ID: 'not-an-id', LOG_LEVEL: 'loud' })
      .done;
    expect(run.code).toBe(1);
    expect(count(run.stderr, 'DISCORD_TOKEN is')).toBe(1);
    expect(run.stderr).toContain('DISCORD_CLIENT_ID must be a Discord id (17–20 digits): fix it in .env.');
    expect(run.stderr).toContain('LOG_LEVEL must be debug, info, warn, error or silent: fix it in .env.');
    expect(run.stderr).not.toContain('loud');
  });
});
