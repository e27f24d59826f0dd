import { buildCustomId, parseCustomId } from '../../../../src/bot/views/custom-id.js';
import { Limits } from '../../../../src/bot/views/limits.js';

describe('custom ids', () => {
  test('round-trip through build and parse', () => {
    const id = buildCustomId('ask', 'vote', 'up', 'abc123');
    expect(parseCustomId(id)).toEqual({ command: 'ask', action: 'vote', args: ['up', 'abc123'] });
  });

  test('refuse ids longer than Discord allows', () => {
    expect(() => buildCustomId('ask', 'passages', 'x'.repeat(Limits.customId))).toThrow(/100/);
  });

  test('refuse parts that would break parsing', () => {
    expect(() => buildCustomId('ask', 'a:b')).toThrow();
    expect(() => buildCustomId('ask', '')).toThrow();
  });

  test('foreign ids do not parse', () => {
    expect(parseCustomId('something')).toBeUndefined();
  });
});
