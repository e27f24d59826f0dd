import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { silentLogger, type Logger } from '../logger.js';
import type { BotEngine } from './bot-engine.js';

export interface EngineHolderOptions<E> {
  /** Opens a fresh engine from the index on disk (called on every reload). */
  open: () => Promise<E>;
  /** The file a finished reindex replaces atomically (the manifest). */
  manifest: string;
  logger?: Logger;
  /** Quiet time after the last file event before reloading: a reindex writes several files. */
  debounceMs?: number;
  /** Polling period for the manifest, a fallback for file systems where `fs.watch` misses events. 0 disables. */
  pollMs?: number;
}

/**
 * Holds the engine in use and swaps in a new one when a reindex finishes, without a restart.
 * Callers take `current()` once per request and keep that engine to the end, so answers in
 * progress finish on the engine they started with while new ones get the new index.
 *
 * Emits `swap` (new engine) after a reload and `reloadFailed` (error) when one fails; a failed
 * reload leaves the current engine in place.
 */
export class EngineHolder<E extends BotEngine = BotEngine> extends EventEmitter {
  private engine: E;
  private loadedSignature: string | undefined;
  private watcher: FSWatcher | undefined;
  private poller: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private reloading: Promise<void> | undefined;
  private again = false;
  private readonly logger: Logger;

  private constructor(
    initial: E,
    signature: string | undefined,
    private readonly options: EngineHolderOptions<E>,
  ) {
    super();
    this.engine = initial;
    this.loadedSignature = signature;
    this.logger = options.logger ?? silentLogger;
  }

  /** Opens the first engine. Call `watch()` to start following reindexes. */
  static async open<E extends BotEngine>(options: EngineHolderOptions<E>): Promise<EngineHolder<E>> {
    // Read before opening: if a reindex lands while we open, the next check sees a newer signature.
    const signature = await signatureOf(options.manifest);
    const engine = await options.open();
    return new EngineHolder(engine, signature ?? (await signatureOf(options.manifest)), options);
  }

  /** The engine to use for one request. */
  current(): E {
    return this.engine;
  }

  /** Starts watching the index folder (and polling the manifest) for finished reindexes. */
  watch(): void {
    if (this.watcher || this.poller) return;
    const dir = path.dirname(this.options.manifest);
    try {
      this.watcher = watch(dir, { persistent: false }, () => this.schedule());
      this.watcher.on('error', (error) => {
        this.logger.warn('index folder watch failed; relying on polling', { dir, error });
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch (error) {
      this.logger.warn('cannot watch the index folder; relying on polling', { dir, error });
    }
    const pollMs = this.options.pollMs ?? 5000;
    if (pollMs > 0) {
      this.poller = setInterval(() => void this.checkNow(), pollMs);
      this.poller.unref();
    }
  }

  /** Stops watching. The current engine stays usable. */
  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    clearInterval(this.poller);
    clearTimeout(this.debounce);
    this.poller = undefined;
  }

  /** Reloads if the manifest changed since the engine in use was opened. Resolves when any reload is done. */
  async checkNow(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    const signature = await signatureOf(this.options.manifest);
    if (!signature || signature === this.loadedSignature) return;
    this.reloading = this.reload(signature).finally(() => {
      this.reloading = undefined;
      if (this.again) {
        this.again = false;
        void this.checkNow();
      }
    });
    return this.reloading;
  }

  private schedule(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.checkNow(), this.options.debounceMs ?? 300);
    this.debounce.unref();
  }

  private async reload(signature: string): Promise<void> {
    const started = Date.now();
    // Remembered even if the open fails, so a broken index is not retried until it changes again.
    this.loadedSignature = signature;
    try {
      const engine = await this.options.open();
      this.engine = engine;
      this.logger.info('index reloaded; new questions use it', {
        ms: Date.now() - started,
        passages: engine.status().passages,
        builtAt: engine.status().builtAt,
      });
      this.emit('swap', engine);
    } catch (error) {
      this.logger.error('index reload failed; still answering from the previous index', { error });
      this.emit('reloadFailed', error);
    }
  }
}

/** Identifies one version of the manifest; undefined when it does not exist (yet). */
async function signatureOf(file: string): Promise<string | undefined> {
  try {
    const s = await stat(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}
