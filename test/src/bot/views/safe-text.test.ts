import { neutraliseMentions, oneLine, safeText, safeTruncate } from '../../../../src/bot/views/safe-text.js';

describe('safeText', () => {
  test('escapes markdown so it renders literally', () => {
    const out = safeText('**bold** _it_ `code` ~~x~~ ||spoiler||');
    expect(out).not.toContain('**bold**');
    expect(out.replace(/\\/g, '')).toBe('**bold** _it_ `code` ~~x~~ ||spoiler||');
  });

  test('breaks @everyone, @here and user mentions without changing what they read as', () => {
    for (const text of ['@everyone', '@here', '<@123456789012345678>', '<@&123456789012345678>']) {
      const out = neutraliseMentions(text);
      expect(out).not.toBe(text);
      expect(out).not.toMatch(/@(everyone|here)|<@&?\d+>/);
      expect(out.replace(/\u200b/g, '')).toBe(text);
    }
  });
});

describe('stripControls via safeText', () => {
  test('drops bidi overrides and control characters but keeps right-to-left script', () => {
    const hostile = 'who \u202egnikcah\u202c did\u0007 it? מי תקף';
    expect(safeText(hostile)).toBe('who gnikcah did it? מי תקף');
  });
});

describe('oneLine', () => {
  test('collapses whitespace and newlines', () => {
    expect(oneLine('  a\n\n b\tc  ')).toBe('a b c');
  });
});

describe('safeTruncate', () => {
  test('cuts before escaping: the result fits, and a huge input costs no more than its shown part', () => {
    const huge = '*a '.repeat(200_000);
    const out = safeTruncate(huge, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
    expect(huge.startsWith(out.replace(/\\/g, '').slice(0, -1).trimEnd())).toBe(true);
  });

  test('fits even when nearly every character needs escaping, and leaves short text as safeText does', () => {
    for (const max of [0, 1, 5, 50, 999]) expect(safeTruncate('_*`|~>'.repeat(500), max).length).toBeLessThanOrEqual(max);
    expect(safeTruncate('**hi** @everyone', 100)).toBe(safeText('**hi** @everyone'));
  });
});
