import { parseFrontMatter } from '../../../src/articles/front-matter.js';

describe('parseFrontMatter', () => {
  it('returns text without a leading --- unchanged, as the body', () => {
    const text = 'Headline\n---\nnot front matter: it is not at the top\n';
    expect(parseFrontMatter(text)).toEqual({ ok: true, fields: {}, body: text });
  });

  it('reads known keys, unquotes values, ignores comments and other keys, and returns the rest as body', () => {
    const text = '---\r\ntitle: \'It\'\'s a title\'\r\nauthor: "A \\"B\\" C"\r\n# note\r\ntags: x\r\nurl:\r\n---\r\nBody line\n';
    expect(parseFrontMatter(text)).toEqual({ ok: true, fields: { title: "It's a title", author: 'A "B" C' }, body: 'Body line\n' });
  });

  it('gives an empty body when the closing fence ends the file', () => {
    expect(parseFrontMatter('---\ntitle: T\n---')).toEqual({ ok: true, fields: { title: 'T' }, body: '' });
  });

  it.each([
    ['---\ntitle: T\n\nBody without a closing fence\n', 'malformed front matter: no closing --- line'],
    ['---\ntitle: T\njust words\n---\nBody\n', 'malformed front matter: line 3 is not "key: value" ("just words")'],
    ['---\ntitle: "open\n---\nBody\n', 'malformed front matter: line 2 has an unbalanced quote in the value of title'],
  ])('reports malformed front matter (%j)', (text, reason) => {
    expect(parseFrontMatter(text)).toEqual({ ok: false, reason });
  });
});
