import { headlineText, looksLikeHeadline, titleFromLead } from '../../../src/articles/article-title.js';

describe('looksLikeHeadline', () => {
  it.each([
    'Albania Orders All Iranian Diplomats, Embassy Staff To Leave',
    "Albania severs diplomatic ties with Iran over 'cyberattack'",
    '# Albania and Iran: a timeline',
    'Is Iran behind the attack?',
  ])('accepts %j', (line) => expect(looksLikeHeadline(line)).toBe(true));

  it.each([
    'UPDATES WITH DETAILS; ADDS REMARKS BY ALBANIAN PRIME MINISTER',
    'By Busra Nur Cakmak and Fatjon Cuka',
    'ANKARA/TIRAN (AA) - Albania decided to end ties.',
    'The President, Vjosa Osmani, has condemned the cyber attack that Iran has made against government websites.',
    'AP Archive',
    'For Advert Placements, Email:',
  ])('rejects %j', (line) => expect(looksLikeHeadline(line)).toBe(false));

  it('strips Markdown heading marks', () => {
    expect(headlineText('## Albania and Iran ##')).toBe('Albania and Iran');
  });
});

describe('titleFromLead', () => {
  const span = (text: string) => ({ start: 0, end: text.length });

  it('uses a short first sentence whole, marked with an ellipsis', () => {
    const text = 'Albania cut ties with Iran. More follows here.';
    expect(titleFromLead(text, span(text))).toBe('Albania cut ties with Iran…');
  });

  it('shortens a long sentence at a word boundary without leaving a quote open', () => {
    const text =
      'Albania decided to “terminate” diplomatic relations with Iran over “intense cyber-attacks,” the Albanian Council of Ministers said.';
    expect(titleFromLead(text, span(text))).toBe('Albania decided to “terminate” diplomatic relations with Iran over…');
    const plain =
      'Albania decided on Wednesday to end its diplomatic relations with Iran after an investigation into the July cyberattack.';
    const title = titleFromLead(plain, span(plain))!;
    expect(title.length).toBeLessThanOrEqual(81);
    expect(plain.startsWith(title.slice(0, -1))).toBe(true);
    expect(plain[title.length - 1]).toBe(' ');
  });

  it('gives nothing when the lead has no sentence of three words', () => {
    expect(titleFromLead('Yes.', { start: 0, end: 4 })).toBeUndefined();
  });
});
