import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText, cleanText } from '../../../src/articles/cleaning.js';
import { isArticleFile } from '../../../src/articles/corpus.js';
import { blockTexts, expectCleanSlices, isKept, occurrences } from '../../helpers/spans.js';

const SHIPPED = fileURLToPath(new URL('../../../data/articles/', import.meta.url));
const shipped = readdirSync(SHIPPED)
  .filter((f) => f.endsWith('.txt') && isArticleFile(f))
  .sort()
  .map((file) => ({ file, text: readFileSync(SHIPPED + file, 'utf8') }));
const article = (prefix: string): string => shipped.find((a) => a.file.startsWith(prefix))!.text;

/** Cleans `text` and returns the kept paragraphs' text. */
function kept(text: string): string[] {
  const blocks = cleanText(text);
  expectCleanSlices(text, blocks);
  return blockTexts(text, blocks);
}

describe('cleanText on the shipped corpus', () => {
  it('has the five articles to test against', () => {
    expect(shipped.map((a) => a.file.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  it.each(shipped)('keeps exact, ordered slices of $file', ({ text }) => {
    const blocks = cleanText(text);
    expect(blocks.length).toBeGreaterThan(5);
    expectCleanSlices(text, blocks);
  });

  it.each(shipped)('keeps every "24 hours" sentence of $file', ({ text }) => {
    const blocks = cleanText(text);
    const at = occurrences(text, '24 hours');
    expect(at.length).toBeGreaterThan(0);
    for (const offset of at) expect(blocks.some((b) => b.start <= offset && offset < b.end)).toBe(true);
  });

  it('drops the section label, related/latest links, comment form and advert line of 000, keeps its lead', () => {
    const text = article('000');
    const blocks = cleanText(text);
    for (const line of [
      'Rama addresses the situation on Twitter',
      'Related Articles',
      'Please enter your comment!',
      'Please enter your name here',
      'For Advert Placements, Email:',
      'Latest Articles',
    ]) {
      expect(isKept(text, blocks, line)).toBe(false);
    }
    expect(isKept(text, blocks, 'Albania Orders All Iranian Diplomats')).toBe(false); // the headline
    expect(blockTexts(text, blocks)[0]).toMatch(/^Albania is ending its diplomatic relations with Iran .* said on Wednesday\.$/);
  });

  it('keeps the repeated caption line of 001 once, as body, and drops its credit, label and links', () => {
    const text = article('001');
    const blocks = cleanText(text);
    const caption = 'There was no immediate reaction from the Iranian embassy in Tirana.';
    const [first, second] = occurrences(text, caption);
    expect(blockTexts(text, blocks).filter((t) => t === caption)).toHaveLength(1);
    expect(isKept(text, blocks, caption, first)).toBe(false);
    expect(isKept(text, blocks, caption, second)).toBe(true);
    for (const line of [
      'AP Archive',
      "Iran's response",
      "READ MORE:\u00a0Cyberattack shuts down Albania's online public services",
      'Route 6',
    ]) {
      expect(isKept(text, blocks, line)).toBe(false);
    }
    expect(isKept(text, blocks, 'The MEK backed Ayatollah Ruhollah Khomeini')).toBe(true);
  });

  it('drops the wire slug, byline and dateline of 002 but keeps the lead from its first word', () => {
    const text = article('002');
    const result = analyzeText(text);
    const texts = blockTexts(text, result.blocks);
    expect(texts[0]).toMatch(/^Albania decided to “terminate” diplomatic relations/);
    expect(texts.some((t) => t.includes('UPDATES WITH DETAILS') || t.includes('Busra Nur Cakmak') || t.includes('(AA)'))).toBe(false);
    expect(result.author).toBe('Busra Nur Cakmak and Fatjon Cuka');
    expect(result.dateline?.outlet).toBe('AA');
    expect(texts).toHaveLength(10);
  });

  it('drops the caption under the headline of 003 (both copies: the body tells it) and the glued credit', () => {
    const text = article('003');
    const blocks = cleanText(text);
    const caption = 'Prime Minister Eddie Rama said on 7 September that there was ‘incredible evidence’';
    for (const at of occurrences(text, caption)) expect(isKept(text, blocks, caption, at)).toBe(false);
    expect(isKept(text, blocks, 'Prime Minister Eddie Rama said on 7 September that there was “incredible evidence”')).toBe(true);
    expect(isKept(text, blocks, 'iranian state tv,')).toBe(false);
    expect(blockTexts(text, blocks)).toContain(
      'Iran condemned the expulsion of the diplomats, calling the action “disgusting” and “short-sighted”.',
    );
  });

  it('drops the adverts and the embedded tweet of 004 but keeps the quoted statement', () => {
    const text = article('004');
    const blocks = cleanText(text);
    const texts = blockTexts(text, blocks);
    expect(texts.some((t) => /Advertisement|@\w|Vjosa Osmani \(|🇦/u.test(t))).toBe(false);
    expect(isKept(text, blocks, '"We strongly condemn the malicious cyber attack')).toBe(true);
    const tweetLine = "We strongly condemn the malicious cyberattack against Albania's critical infrastructure.";
    expect(isKept(text, blocks, tweetLine)).toBe(false);
    expect(texts[texts.length - 1]).toMatch(/^Even earlier, Albania declared undesirable members/);
  });
});

describe('cleanText rules on new text', () => {
  const lead = 'Albania cut diplomatic ties with Iran on Wednesday over a cyberattack.';
  const body = 'Iranian diplomats were given 24 hours to leave the country.';
  const withLine = (line: string): string => `Albania cuts ties with Iran\n\n${lead}\n\n${line}\n\n${body}\n`;

  it.each([
    ['advert', 'Advertisement'],
    ['sponsored label', 'Sponsored content'],
    ['advert contact', 'For Advert Placements, Email: ads@example.com'],
    ['comment form', 'Please enter your comment!'],
    ['comment form', 'Leave a Reply'],
    ['navigation label', 'Related Articles'],
    ['navigation label', 'Latest News'],
    ['read-more link', 'READ MORE: Cyberattack hits Albanian services'],
    ['also-read link', 'Also read | Tirana hosts summit'],
    ['bare link', 'https://example.com/another-story'],
    ['photo credit', 'Photo: John Smith/Example Agency.'],
    ['markdown image', '![Embassy gate](https://example.com/gate.jpg)'],
    ['section label', 'What happens next'],
    ['stray link text', 'Route 6'],
    ['emoji flags', '🇦🇱🇮🇷'],
    ['wire slug', 'RECASTS WITH NEW LEAD; ADDS QUOTES'],
    ['markdown section heading', '## Background and context.'],
  ])('drops the %s line %j', (_kind, line) => {
    expect(kept(withLine(line))).toEqual([lead, body]);
  });

  it('keeps short body sentences and a sentence that starts with "By"', () => {
    const text = withLine('By Thursday, the embassy was empty.\n\nIt was.');
    expect(kept(text)).toEqual([lead, 'By Thursday, the embassy was empty.', 'It was.', body]);
  });

  it('keeps an unpunctuated line of reported speech', () => {
    expect(kept(withLine('"We will respond", the ministry said'))).toEqual([lead, '"We will respond", the ministry said', body]);
  });

  it('drops a paragraph that repeats the headline', () => {
    expect(kept(`## Why did Albania cut ties with Iran?\n\nWhy did Albania cut ties with Iran?\n\n${lead}`)).toEqual([lead]);
  });

  it('takes the headline out of the body, with or without a blank line after it', () => {
    expect(kept(`Albania cuts ties with Iran\n${lead}\n${body}`)).toEqual([lead, body]);
  });

  it('keeps a lead sentence that opens the text instead of taking it as a headline', () => {
    const opening = 'The President condemned the cyber attack that Iran carried out against Albanian government websites on July 15.';
    expect(kept(`${opening}\n\n${body}`)).toEqual([opening, body]);
  });

  it('keeps a one-line article as its body rather than taking its only line as a headline', () => {
    const only = 'The Durres harbour handled a record number of ferries in August.';
    expect(kept(`${only}\n`)).toEqual([only]);
  });

  it('with a title from front matter, keeps a short opening sentence as body but drops a line repeating the title', () => {
    const opening = 'Iran denied any part in the attack.';
    expect(blockTexts(`${opening}\n\n${body}`, cleanText(`${opening}\n\n${body}`, { knownTitle: 'Tehran responds' }))).toEqual([
      opening,
      body,
    ]);
    const repeated = `Tehran responds\n\n${body}`;
    expect(blockTexts(repeated, cleanText(repeated, { knownTitle: 'Tehran Responds' }))).toEqual([body]);
  });

  it('keeps a hard-wrapped paragraph as one block spanning its lines', () => {
    const text =
      'Headline about the ties\n\nAlbania cut diplomatic relations with Iran on\nWednesday after a cyberattack in July.\n\nShort line\n';
    expect(kept(text)).toEqual(['Albania cut diplomatic relations with Iran on\nWednesday after a cyberattack in July.']);
  });

  it('keeps offsets exact with Windows line ends, tabs and non-breaking spaces', () => {
    const text = `Albania cuts ties with Iran\r\n\r\n\t${lead}\u00a0\r\nAdvertisement\r\n  ${body}  \r\n`;
    expect(kept(text)).toEqual([lead, body]);
  });

  it('drops tweet text above a signature line only when it repeats the article or names a handle', () => {
    const quote = 'The minister wrote that the cyberattack on Albania was unacceptable.';
    const text = [
      'Minister reacts to the attack',
      '',
      quote,
      '',
      'Officials met later in the day to discuss a response.',
      '',
      'The cyberattack on Albania was unacceptable.',
      '',
      'Thanks to @AlbanianGov for the briefing',
      '',
      '— A Minister (@minister) September 7, 2022',
    ].join('\n');
    expect(kept(text)).toEqual([quote, 'Officials met later in the day to discuss a response.']);
  });

  it('drops a dangling fragment glued after the last sentence of a paragraph', () => {
    const text = `Headline about the ties\n\n${lead} state media,\n`;
    expect(kept(text)).toEqual([lead]);
  });

  it('returns no blocks for text that is only page furniture', () => {
    expect(cleanText('Albania cuts ties with Iran\n\nAdvertisement\n\nRelated Articles\n\nPlease enter your comment!\n')).toEqual([]);
    expect(cleanText('')).toEqual([]);
  });

  it('reports metadata lines it dropped: byline, date, source link, dateline', () => {
    const text =
      'Headline about the ties\nBy Ana Smith\nPublished: 8 September 2022\nSource: https://example.com/story\n\nTIRANA, Sept. 7 (XW) - Albania cut ties with Iran.\n';
    const result = analyzeText(text);
    expect(result).toMatchObject({
      author: 'Ana Smith',
      date: '8 September 2022',
      url: 'https://example.com/story',
      dateline: { outlet: 'XW', date: 'Sept. 7' },
    });
    expect(blockTexts(text, result.blocks)).toEqual(['Albania cut ties with Iran.']);
    expect(text.slice(result.headline!.start, result.headline!.end)).toBe('Headline about the ties');
  });
});
