import { boilerplateKind, isTweetSignature, isWireSlug } from '../../../src/articles/boilerplate.js';

describe('boilerplateKind', () => {
  it.each([
    ['Advertisement', 'advert'],
    ['For Advert Placements, Email:', 'advert'],
    ['Please enter your name here', 'comment-form'],
    ['Your email address will not be published.', 'comment-form'],
    ['Latest Articles', 'navigation'],
    ["READ MORE:\u00a0Cyberattack shuts down Albania's online public services", 'navigation'],
    ['[Another story](https://example.com/x)', 'navigation'],
    ['Photo credit: Example Agency', 'credit'],
    ['© Example 2022', 'credit'],
    ['Reporting by Ana Smith; Editing by Ben Jones', 'credit'],
    ['Additional reporting by Ben Jones in Tirana.', 'credit'],
    ['🇽🇰🇦🇱', 'symbols'],
    ['* * *', 'symbols'],
    ['UPDATES WITH DETAILS; ADDS REMARKS BY ALBANIAN PRIME MINISTER', 'wire-slug'],
    ['(Adds quote from minister in paragraph 4)', 'wire-slug'],
  ])('classifies %j as %s', (line, kind) => expect(boilerplateKind(line)).toBe(kind));

  it.each([
    'Albania cut ties with Iran.',
    'Related to the attack, officials said more would follow.',
    'Read more about the attack in the report, the minister said.',
    'NATO SAID ALBANIA WAS ATTACKED',
    'Reporting on the attack by local media was limited.',
  ])('leaves article text alone: %j', (line) => expect(boilerplateKind(line)).toBeUndefined());
});

describe('tweet signatures and wire slugs', () => {
  it('recognises tweet signature lines in both date orders', () => {
    expect(isTweetSignature('— Vjosa Osmani (@VjosaOsmaniPRKS) September 7, 2022')).toBe(true);
    expect(isTweetSignature('- Edi Rama (@ediramaal) 7 September 2022')).toBe(true);
    expect(isTweetSignature('— Edi Rama, speaking on Wednesday')).toBe(false);
  });

  it('needs an all-caps line with a revision verb or a semicolon', () => {
    expect(isWireSlug('RECASTS, ADDS DETAILS')).toBe(true);
    expect(isWireSlug('Updates with details; adds remarks')).toBe(false);
  });
});
