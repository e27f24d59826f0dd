import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readIndex } from '../../src/index/index-store.js';
import { LOCK_FILE } from '../../src/index/reindex-lock.js';
import { spawnScript, type RunningScript } from '../../harness/spawn-script.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

/**
 * One writer means one, across processes. Each round leaves a dead reindex lock (its pid is gone)
 * and starts N processes at once on it. Taking over used to be check, delete, create: two held the
 * lock at once in 11 of 15 rounds. Every round must now see exactly one holder at a time, every
 * racer must get its turn, and in the rounds that run real reindexes the index must be whole after.
 */

const RACERS = 3;
const ROUNDS = 24;
/** Rounds in which the racers run real (keyword-only) reindexes instead of holding a marker. */
const REINDEX_ROUNDS = new Set([5, 15, 23]);
const DEAD_PID = 2 ** 22 + 4242;

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await mkdir(ws.embeddingsDir, { recursive: true });
});
afterAll(() => ws.dispose());

async function roundDone(racers: RunningScript[], round: number): Promise<void> {
  while (!racers.every((r) => r.output().includes(`r${round} `))) {
    if (racers.some((r) => r.child.exitCode !== null && !r.output().includes(`r${round} `)))
      throw new Error(racers.map((r) => r.output()).join('\n'));
    await new Promise((r) => setTimeout(r, 10));
  }
}

it(`${RACERS} processes started together on a dead lock: exactly one holder at a time, for ${ROUNDS} rounds`, async () => {
  const racers = Array.from({ length: RACERS }, () =>
    spawnScript(
      'test/fixtures/scripts/lock-racer.ts',
      {},
      { args: [ws.embeddingsDir, ws.articlesDir, String(ROUNDS)], timeoutMs: 280_000 },
    ),
  );
  const dead = JSON.stringify({ pid: DEAD_PID, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', token: 'dead' });
  for (let round = 0; round < ROUNDS; round++) {
    await writeFile(path.join(ws.embeddingsDir, LOCK_FILE), dead);
    if (REINDEX_ROUNDS.has(round)) await writeFile(path.join(ws.root, `reindex-${round}`), '');
    await writeFile(path.join(ws.root, `go-${round}`), '');
    await roundDone(racers, round);
    if (REINDEX_ROUNDS.has(round)) {
      const index = await readIndex(ws.embeddingsDir);
      expect(index.articles.length).toBe(5);
    }
    // Nothing left behind: no lock, no claim, no racer's private lock file.
    expect((await readdir(ws.embeddingsDir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
  }
  const results = await Promise.all(racers.map((r) => r.done));
  for (const r of results) {
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(ROUNDS);
    expect(lines.filter((l) => !l.endsWith(' ok'))).toEqual([]);
  }
}, 300_000);
