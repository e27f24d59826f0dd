import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPeer } from '../../../bench/lib/peer-loader.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const installed = existsSync(new URL('../../../bench/peer/node_modules/@langchain/community', import.meta.url));

// The LangChain peer has its own install (npm install --prefix bench/peer); without it there is nothing to test.
(installed ? describe : describe.skip)('LangChain peer pipeline', () => {
  it('builds an HNSWLib store from passages with a local model and returns passage ids', async () => {
    const { buildPeerPipeline } = await loadPeer(ROOT);
    const passages = [
      { id: 'a#0', text: 'Albania cut diplomatic ties with Iran over the cyberattack.' },
      { id: 'b#0', text: 'Bake sourdough bread with a lively starter and a hot oven.' },
      { id: 'c#0', text: 'The football match ended in a draw after extra time.' },
    ];
    const peer = await buildPeerPipeline(passages, { modelsDir: `${ROOT}test/fixtures/models`, modelId: 'casefile/tiny-bert' });
    expect(peer.size).toBe(3);
    const ids = await peer.query('sourdough bread starter oven', 3);
    expect([...ids].sort()).toEqual(['a#0', 'b#0', 'c#0']);
    expect(ids[0]).toBe('b#0');
    expect(await peer.query('Albania Iran diplomatic ties', 1)).toEqual(['a#0']);
  });
});
