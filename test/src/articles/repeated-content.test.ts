import { removeDuplicates, removeTweets } from '../../../src/articles/repeated-content.js';
import { splitLines } from '../../../src/text/lines.js';

function run(fn: 'tweets' | 'duplicates', lines: string[], alreadySaid: string[] = []) {
  const all = splitLines(lines.join('\n\n'));
  const dropped: string[] = [];
  const drop = (span: { start: number }, reason: string) => dropped.push(`${reason}: ${all.find((l) => l.start === span.start)!.text}`);
  const kept = fn === 'tweets' ? removeTweets(all, drop) : removeDuplicates(all, drop, alreadySaid);
  return { kept: kept.map((l) => l.text), dropped };
}

describe('removeTweets', () => {
  it('removes the signature and the repeated or handle-bearing lines above it, stopping at new text', () => {
    const { kept, dropped } = run('tweets', [
      'The minister said the attack on Albania was unacceptable.',
      'Officials met on Thursday.',
      'The attack on Albania was unacceptable.',
      'Thank you @partner',
      '— The Minister (@minister) 7 September 2022',
      'Later that day the embassy closed.',
    ]);
    expect(kept).toEqual([
      'The minister said the attack on Albania was unacceptable.',
      'Officials met on Thursday.',
      'Later that day the embassy closed.',
    ]);
    expect(dropped).toHaveLength(3);
  });

  it('leaves text alone when there is no signature', () => {
    const lines = ['Thank you @partner', 'The attack was unacceptable.', 'The attack was unacceptable.'];
    expect(run('tweets', lines)).toEqual({ kept: lines, dropped: [] });
  });
});

describe('removeDuplicates', () => {
  it('keeps the last copy of a repeated paragraph', () => {
    const { kept, dropped } = run('duplicates', [
      'No reaction came from the embassy.',
      'Photo caption credit',
      'No reaction came from the embassy.',
      'Other news.',
    ]);
    expect(kept).toEqual(['Photo caption credit', 'No reaction came from the embassy.', 'Other news.']);
    expect(dropped).toEqual(['duplicate: No reaction came from the embassy.']);
  });

  it('drops every copy when a longer paragraph already tells it, in another quote style', () => {
    const { kept } = run('duplicates', [
      'Rama said there was ‘clear evidence’.',
      'Rama said there was ‘clear evidence’.',
      'In July a hack hit Albania. Rama said there was “clear evidence”.',
    ]);
    expect(kept).toEqual(['In July a hack hit Albania. Rama said there was “clear evidence”.']);
  });

  it('drops a paragraph that repeats the headline, and keeps a paragraph seen once', () => {
    expect(run('duplicates', ['Albania Cuts Ties', 'Albania cut ties on Wednesday.'], ['Albania cuts ties']).kept).toEqual([
      'Albania cut ties on Wednesday.',
    ]);
  });
});
