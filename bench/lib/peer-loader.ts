import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The surface of bench/peer/pipeline.ts (declared here so the root build never reads LangChain's types). */
export interface PeerPipeline {
  readonly size: number;
  query(text: string, k: number): Promise<string[]>;
}

export interface PeerModule {
  buildPeerPipeline(
    passages: ReadonlyArray<{ id: string; text: string }>,
    options: { modelsDir: string; modelId: string },
  ): Promise<PeerPipeline>;
}

/** Why the peer can't run, or null when its packages are installed. */
export function peerMissing(root: string): string | null {
  const modules = path.join(root, 'bench', 'peer', 'node_modules', '@langchain', 'community');
  return existsSync(modules) ? null : 'LangChain peer not installed: run `npm install --prefix bench/peer`';
}

/**
 * Loads the LangChain pipeline. The specifier is computed so TypeScript doesn't follow it into a
 * package whose dependencies may not be installed.
 */
export async function loadPeer(root: string): Promise<PeerModule> {
  const file = path.join(root, 'bench', 'peer', 'pipeline.ts');
  return (await import(pathToFileURL(file).href)) as PeerModule;
}
