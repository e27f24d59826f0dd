import { readFile, writeFile } from 'node:fs/promises';
import { meaningOnlyText } from '../../../src/bot/views/sources-view.js';
import { Engine } from '../../../src/engine.js';
import { OFF_TOPIC_PROBES } from '../../../src/index/calibration-probes.js';
import { OFF_TOPIC_QUANTILE, quantile, threshold } from '../../../src/index/calibration.js';
import { IndexCorruptError, manifestPath, readIndex } from '../../../src/index/index-store.js';
import type { Embedder } from '../../../src/types.js';
import { loadMeaningEmbedder } from '../../helpers/meaning-embedder.js';
import { countingEmbedder, loadTinyEmbedder } from '../../helpers/tiny-embedder.js';
import { createWorkspace, type Workspace } from '../../../harness/workspace.js';

/** The meaning-only threshold is measured per model and corpus at reindex, and can turn itself off. */

test('the threshold is a high quantile of the off-topic similarities, if on-topic probes mostly clear it', () => {
  const off = Array.from({ length: 40 }, (_, i) => 0.1 + i * 0.01); // 0.10 … 0.49
  expect(quantile(off, 0.95)).toBeCloseTo(0.47, 5);
  expect(quantile(off, OFF_TOPIC_QUANTILE)).toBeCloseTo(0.49, 5);
  expect(threshold(off, [0.4, 0.55, 0.6, 0.7])).toBeCloseTo(0.5, 5);
  expect(threshold(off, [0.3, 0.4, 0.45, 0.6])).toBeNull();
  expect(threshold(off, [0.9])).toBeNull();
  expect(threshold([], [0.9, 0.9])).toBeNull();
});

describe('calibration at reindex', () => {
  let ws: Workspace;
  let meaning: Embedder;
  let tiny: Embedder;
  beforeAll(async () => {
    [meaning, tiny] = await Promise.all([loadMeaningEmbedder(), loadTinyEmbedder()]);
  });
  beforeEach(async () => (ws = await createWorkspace()));
  afterEach(() => ws.dispose());

  test('the known-meaning model separates the probes, and the engine refuses every off-topic probe', async () => {
    const engine = await Engine.open({ config: ws.config, embedder: meaning });
    const { calibration } = (await readIndex(ws.embeddingsDir)).manifest;
    expect(calibration).toMatchObject({ quantile: OFF_TOPIC_QUANTILE });
    expect(calibration!.offTopic).toHaveLength(OFF_TOPIC_PROBES.length);
    expect(calibration!.onTopic.length).toBeGreaterThanOrEqual(2);
    expect(calibration!.threshold).not.toBeNull();
    const status = engine.status().meaningOnly!;
    expect(status.threshold).toBe(calibration!.threshold);
    expect(meaningOnlyText(status)).toMatch(/^On above similarity 0\.\d\d/);
    for (const probe of OFF_TOPIC_PROBES)
      expect({ probe, answered: (await engine.ask(probe)).answered }).toEqual({ probe, answered: false });
  });

  test('a model that does not separate them (random weights) turns meaning-only answers off, and /sources says so', async () => {
    const engine = await Engine.open({ config: ws.config, embedder: tiny });
    const status = engine.status();
    expect(status.mode).toBe('hybrid');
    expect(status.meaningOnly).toMatchObject({ threshold: null, offTopicProbes: OFF_TOPIC_PROBES.length });
    expect(meaningOnlyText(status.meaningOnly!)).toMatch(/^Off: this model does not tell/);
  });

  test('an index without a calibration is recalibrated on open without re-embedding passages; a malformed one is refused', async () => {
    await Engine.open({ config: ws.config, embedder: meaning });
    const file = manifestPath(ws.embeddingsDir);
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    delete manifest.calibration;
    await writeFile(file, JSON.stringify(manifest));
    const counting = countingEmbedder(meaning);
    await Engine.open({ config: ws.config, embedder: counting });
    expect(counting.embedded).toBe(0);
    expect((await readIndex(ws.embeddingsDir)).manifest.calibration?.threshold).not.toBeNull();

    await writeFile(file, JSON.stringify({ ...manifest, calibration: { threshold: 'high' } }));
    await expect(readIndex(ws.embeddingsDir)).rejects.toThrow(IndexCorruptError);
  });
});
