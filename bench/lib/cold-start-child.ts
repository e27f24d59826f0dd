/**
 * One cold start, run as its own process by the cold-start section: what `npm start` and
 * `npm run ask` do before the first answer (imports, model load, index load or build, first
 * answer), timed from process start. Settings come from the environment, as in the product.
 * Prints one JSON line of milliseconds since process start (`performance.now()`'s origin).
 */
const atStart = performance.now();
// Dynamic imports, so loading the engine's modules (hnswlib-node among them) is timed rather than
// hoisted before the first line. transformers.js and onnxruntime load with the model, lazily.
const { loadEngineConfig } = await import('../../src/config.js');
const { Engine } = await import('../../src/engine.js');
const { resolveEmbedder } = await import('../../src/index/resolve-embedder.js');
const imported = performance.now();
const config = loadEngineConfig();
const { embedder } = await resolveEmbedder(config);
const modelLoaded = performance.now();
const engine = await Engine.open({ config, embedder: embedder ?? null, refresh: 'auto' });
const ready = performance.now();
const answer = await engine.ask(process.argv[2] ?? 'When did the cyberattack happen?');
const answered = performance.now();
process.stdout.write(
  `${JSON.stringify({ atStart, imported, modelLoaded, ready, answered, mode: engine.mode, answeredQuestion: answer.answered })}\n`,
);
