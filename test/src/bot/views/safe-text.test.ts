import { neutraliseMentions, oneLine, safeText } from '../../../../src/bot/views/safe-text.js';

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
