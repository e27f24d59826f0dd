import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether a name in the articles folder may be read. A symlink is followed only when it resolves to
 * a file inside the folder: `leak.txt → /etc/passwd` would otherwise be indexed and quoted.
 */
export type FolderEntry = { ok: true; path: string; size: number } | { ok: false; reason: string } | { ok: false; ignore: true };

/** A file name of the articles folder: one path segment, any script, never `.`/`..` or a separator. */
export function isArticleFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[\\/]/.test(name) &&
    !name.includes('\0') &&
    path.basename(name) === name
  );
}

/** Resolves `name` in `dir`, refusing symlinks that leave it. Folders and other non-files are ignored. */
export async function entryInside(dir: string, name: string): Promise<FolderEntry> {
  const full = path.join(dir, name);
  const link = await lstat(full).catch(() => undefined);
  if (!link) return { ok: false, ignore: true };
  if (!link.isSymbolicLink()) return link.isFile() ? { ok: true, path: full, size: link.size } : { ok: false, ignore: true };
  let target: string;
  let root: string;
  try {
    [target, root] = await Promise.all([realpath(full), realpath(dir)]);
  } catch {
    return { ok: false, reason: 'symlink to nothing (its target is missing)' };
  }
  const rel = path.relative(root, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return { ok: false, reason: 'symlink that leaves the articles folder (not followed)' };
  }
  const info = await lstat(target).catch(() => undefined);
  return info?.isFile() ? { ok: true, path: target, size: info.size } : { ok: false, ignore: true };
}
