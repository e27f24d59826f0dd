import { englishWords, loadEnglishWords } from '../../../src/text/dictionary.js';

describe('englishWords', () => {
  const english = englishWords();

  it('knows common words and their regular inflections, in American and British spelling', () => {
    for (const word of ['attack', 'attacked', 'envoys', 'characterize', 'characterise', 'behaviour', 'organisations'])
      expect({ word, known: english.has(word) }).toEqual({ word, known: true });
  });

  it('tells a proper noun typed in lower case from a common word', () => {
    expect(english.isProperNoun('iraq')).toBe(true);
    expect(english.isProperNoun('attack')).toBe(false);
  });

  it('takes an acronym only as itself, so a mistyped word is not read as one inflected', () => {
    // Hunspell lists "WP"; "wped" (for "wiped") would otherwise pass as "WP" + "ed".
    expect(english.has('wp')).toBe(true);
    expect(english.has('nato')).toBe(true);
    expect(english.has('wped')).toBe(false);
    expect(english.has('wps')).toBe(false);
    // Nor is a two-letter stem one: "lned" (for "lined") is not "Ln" + "ed".
    expect(english.has('lned')).toBe(false);
  });

  it('does not know typing slips', () => {
    for (const word of ['atack', 'goverment', 'zqxwv']) expect({ word, known: english.has(word) }).toEqual({ word, known: false });
  });

  it('reads a slip as the closest common word, once the lists are loaded up front', () => {
    loadEnglishWords();
    expect(english.closest('chagne', 2)).toBe('change');
    expect(english.closest('zqxwv', 1)).toBeUndefined();
  });
});
