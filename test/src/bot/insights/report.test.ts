import { reportCsv } from '../../../../src/bot/insights/csv.js';
import { groupQuestions } from '../../../../src/bot/insights/group-questions.js';
import { buildReport } from '../../../../src/bot/insights/report.js';

describe('groupQuestions', () => {
  test('counts wordings of one question together on their key terms, most asked first, with the last time asked', () => {
    const groups = groupQuestions([
      { question: 'When did Albania cut ties with Iran?', lastAsked: 1 },
      { question: 'when did albania cut its ties with iran', lastAsked: 5 },
      { question: 'When did Albania cut ties with Iran?', lastAsked: 3 },
      { question: 'Who leads Hezbollah?', lastAsked: 4 },
      { question: '???', lastAsked: 2 },
    ]);
    expect(groups.map((g) => [g.example, g.count, g.lastAsked])).toEqual([
      ['When did Albania cut ties with Iran?', 3, 5],
      ['Who leads Hezbollah?', 1, 4],
      ['???', 1, 2],
    ]);
    expect(groups[0]!.variants).toEqual(['when did albania cut its ties with iran']);
    expect(groups[0]!.terms).toEqual(['albania', 'cut', 'iran', 'tie']);
  });

  test('questions sharing less than half their key terms stay apart', () => {
    const groups = groupQuestions([
      { question: 'What did Microsoft find about the attackers?', lastAsked: 1 },
      { question: 'What did NATO say about the attackers?', lastAsked: 2 },
    ]);
    expect(groups).toHaveLength(2);
  });
});

describe('reportCsv', () => {
  test('quotes commas, quotes and newlines, and defuses cells a spreadsheet would run as formulas', () => {
    const data = {
      outcomes: { answered: 0, 'not-covered': 2, refused: 0, error: 0 },
      notCovered: [
        { question: '=HYPERLINK("http://x","click")', count: 1, lastAsked: 0, reason: null, term: null },
        { question: 'Why, "exactly"?\nReally', count: 1, lastAsked: 0, reason: null, term: null },
      ],
      downVotes: [],
      citedArticleIds: [],
    };
    const csv = reportCsv(buildReport(data, [{ id: 'a1', title: 'Title, with comma' }], { days: 7, now: 0, logEnabled: true }));
    const lines = csv.split('\r\n');
    expect(lines).toContain('never-cited,a1,0,,"Title, with comma"');
    expect(csv).toContain(`unanswered,"'=HYPERLINK(""http://x"",""click"")",1,`);
    expect(csv).toContain('unanswered,"Why, ""exactly""?\nReally",1,');
  });
});
