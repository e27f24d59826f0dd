import fc from 'fast-check';
import { slip, slippedVariants, SLIP_KINDS } from '../../../scripts/eval/slips.js';
import { editDistance } from '../../../src/text/vocabulary.js';

const word = fc.stringMatching(/^[a-z]{5,12}$/);
const question = fc
  .array(fc.oneof(word, fc.constantFrom('the', 'did', 'of', 'Iran?', '2022', 'a')), { minLength: 1, maxLength: 10 })
  .map((w) => w.join(' '));

describe('typing slips for the evaluation', () => {
  it('makes each kind of slip one edit away', () => {
    expect(slip('attack', 'swap', 2)).toBe('atatck');
    expect(slip('attack', 'drop', 3)).toBe('attck');
    expect(slip('attack', 'double', 3)).toBe('attaack');
    expect(slip('attack', 'vowel', 3)).not.toBe('attack');
    fc.assert(
      fc.property(word, fc.constantFrom(...SLIP_KINDS), fc.nat(), (w, kind, n) => {
        const slipped = slip(w, kind, 1 + (n % (w.length - 2)));
        return slipped === w || editDistance(w, slipped) === 1;
      }),
    );
  });

  it('changes one eligible word of the question by one edit, the same way every time', () => {
    fc.assert(
      fc.property(question, fc.string(), (q, seed) => {
        const variants = slippedVariants(q, seed);
        expect(slippedVariants(q, seed)).toEqual(variants);
        expect(new Set(variants).size).toBe(variants.length);
        const tokens = q.split(' ');
        for (const v of variants) {
          const changed = v.split(' ').flatMap((t, i) => (t === tokens[i] ? [] : [[tokens[i]!, t] as const]));
          expect(changed).toHaveLength(1);
          const [before, after] = changed[0]!;
          expect(before).toMatch(/^[a-z]{5,}$/);
          expect(editDistance(before, after)).toBe(1);
        }
      }),
    );
  });

  it('leaves a question without a word of five letters or more alone', () => {
    expect(slippedVariants('Who did it?', 'q1')).toEqual([]);
    expect(slippedVariants('When did Albania cut ties with Iran?', 'q2').length).toBeGreaterThan(0);
  });
});
