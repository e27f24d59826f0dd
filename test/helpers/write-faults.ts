import * as real from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * node:fs/promises with writes under one folder failing as the operating system would fail them, for
 * `jest.unstable_mockModule('node:fs/promises', fsWithWriteFaults)`. Tests run as root, for whom a
 * folder's mode 0555 is no obstacle, so a read-only or full file system is simulated at this
 * boundary; reads, and writes anywhere else, are the real calls.
 * - `EROFS` (read-only mount): every call that would change the folder fails before doing anything.
 * - `ENOSPC` (nearly full disk): writes up to `roomBytes` succeed; a larger one creates its file,
 *   writes what fits and then fails, as a write that runs out of blocks does.
 */

export type WriteFault = 'EROFS' | 'ENOSPC';

/** Where writes fail, how, and for ENOSPC how many bytes one write may still take (default 512: a lock file fits). */
export interface FaultSpec {
  dir: string;
  code: WriteFault;
  roomBytes?: number;
}

let fault: FaultSpec | null = null;

/** Starts (or with null, stops) failing writes under `dir`. */
export function failWritesUnder(next: FaultSpec | null): void {
  fault = next;
}

const room = () => fault?.roomBytes ?? 512;

function errno(code: WriteFault, syscall: string, file: string): NodeJS.ErrnoException {
  const message = code === 'EROFS' ? 'read-only file system' : 'no space left on device';
  return Object.assign(new Error(`${code}: ${message}, ${syscall} '${file}'`), { code, syscall, path: file });
}

function under(file: unknown): string | null {
  if (!fault || typeof file !== 'string') return null;
  const relative = path.relative(fault.dir, path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : file;
}

const size = (data: unknown) => (typeof data === 'string' ? Buffer.byteLength(data) : ((data as Uint8Array | undefined)?.byteLength ?? 0));

/** Wraps a handle opened for writing so that a write past the room left fails after writing part of it. */
function fullDiskHandle(handle: FileHandle, file: string): FileHandle {
  const writeFile = async (data: string | Uint8Array) => {
    if (size(data) <= room()) return handle.writeFile(data);
    await handle.writeFile(Buffer.from(typeof data === 'string' ? data : data).subarray(0, room()));
    throw errno('ENOSPC', 'write', file);
  };
  return new Proxy(handle, { get: (target, key) => (key === 'writeFile' ? writeFile : Reflect.get(target, key, target)) });
}

/** The module to hand to `jest.unstable_mockModule`. */
export function fsWithWriteFaults(): typeof real {
  const changing = <F extends (file: never, ...rest: never[]) => Promise<unknown>>(name: string, fn: F): F =>
    (async (file: never, ...rest: never[]) => {
      const hit = under(file);
      if (hit && fault!.code === 'EROFS') throw errno('EROFS', name, hit);
      return fn(file, ...rest);
    }) as F;
  const mocked = {
    ...real,
    // mkdir -p of a folder that exists succeeds on a read-only mount too.
    mkdir: (async (file: string, options?: { recursive?: boolean }) => {
      const exists = await real.stat(file).catch(() => null);
      if (under(file) && fault!.code === 'EROFS' && !(exists && options?.recursive)) throw errno('EROFS', 'mkdir', file);
      return real.mkdir(file, options);
    }) as typeof real.mkdir,
    link: changing('link', real.link),
    rename: changing('rename', real.rename),
    rm: changing('rm', real.rm),
    unlink: changing('unlink', real.unlink),
    writeFile: (async (file: string, data: string | Uint8Array, options?: never) => {
      const hit = under(file);
      if (hit && fault!.code === 'EROFS') throw errno('EROFS', 'open', hit);
      if (hit && size(data) > room()) {
        await real.writeFile(file, '');
        throw errno('ENOSPC', 'write', hit);
      }
      return real.writeFile(file, data, options);
    }) as typeof real.writeFile,
    open: (async (file: string, flags?: string, mode?: number) => {
      const hit = flags && flags !== 'r' ? under(file) : null;
      if (hit && fault!.code === 'EROFS') throw errno('EROFS', 'open', hit);
      const handle = await real.open(file, flags, mode);
      return hit ? fullDiskHandle(handle, hit) : handle;
    }) as typeof real.open,
  };
  return { ...mocked, default: mocked } as typeof real;
}
