import { createHmac, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The salt's file name inside DATA_DIR. */
export const SALT_FILE = 'member-salt';

/** What this code writes as a salt: 32 random bytes in hex. */
const SALT_HEX = /^[0-9a-f]{64}$/;

/**
 * Turns Discord user ids into the only member identity the store keeps: an HMAC of the id under a
 * secret salt that lives in DATA_DIR. Without the salt a hash cannot be traced back to a member by
 * hashing every id; with it, `npm run forget` can find one member's rows. The salt is never logged.
 */
export class MemberHasher {
  private constructor(private readonly salt: Buffer) {}

  /** A hasher whose salt lives only in memory, for a bot that could not open its data folder. */
  static ephemeral(): MemberHasher {
    return new MemberHasher(randomBytes(32));
  }

  /** A hasher on a salt kept elsewhere (the shared database's, with several machines), as 64 hex digits. */
  static fromHex(hex: string, where = ''): MemberHasher {
    // A salt that is not what this code writes must not silently become a weak salt.
    if (!SALT_HEX.test(hex)) throw new Error(`the member salt${where} is not 64 hex digits; refusing to use it`);
    return new MemberHasher(Buffer.from(hex, 'hex'));
  }

  /** The salt as 64 hex digits, to move it with the rows it hashed (`npm run store:copy`). Secret: never log it. */
  saltHex(): string {
    return this.salt.toString('hex');
  }

  /** The hash of one user id (hex, 64 characters). */
  of(userId: string): string {
    return createHmac('sha256', this.salt).update(userId).digest('hex');
  }

  /**
   * Reads the salt in `dataDir`, creating it on first use. Created under a temporary name and then
   * hard-linked into place, which fails if it exists: two processes starting together cannot end
   * up with different salts, nor read a half-written one.
   */
  static async open(dataDir: string): Promise<MemberHasher> {
    const file = path.join(dataDir, SALT_FILE);
    const existing = await MemberHasher.read(file);
    if (existing) return existing;
    await mkdir(dataDir, { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flush: true });
    try {
      await link(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(tmp, { force: true });
    }
    const created = await MemberHasher.read(file);
    if (!created) throw new Error(`the member salt in ${file} is unreadable`);
    return created;
  }

  /** The hasher of an existing salt, or undefined when there is none (nothing was ever stored). */
  static async read(file: string): Promise<MemberHasher | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return MemberHasher.fromHex(text.trim(), ` in ${file}`);
  }
}
