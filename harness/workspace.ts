import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngineConfig, type EngineConfig } from '../src/config.js';

/** The shipped corpus. */
export const SHIPPED_ARTICLES = fileURLToPath(new URL('../data/articles/', import.meta.url));

/** A throwaway project folder with its own articles and embeddings, and the config pointing at it. */
export interface Workspace {
  root: string;
  articlesDir: string;
  embeddingsDir: string;
  config: EngineConfig;
  dispose(): Promise<void>;
}

/** Creates a workspace, by default holding a copy of the shipped articles. */
export async function createWorkspace(options: { copyArticles?: boolean; env?: Record<string, string> } = {}): Promise<Workspace> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'casefile-ws-'));
  const articlesDir = path.join(root, 'articles');
  if (options.copyArticles !== false) await cp(SHIPPED_ARTICLES, articlesDir, { recursive: true });
  const config = loadEngineConfig(
    {
      ARTICLES_DIR: 'articles',
      EMBEDDINGS_DIR: 'embeddings',
      MODELS_DIR: 'models',
      DATA_DIR: 'data',
      MODEL_DOWNLOAD: 'false',
      ...options.env,
    },
    root,
  );
  return {
    root,
    articlesDir,
    embeddingsDir: path.join(root, 'embeddings'),
    config,
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
