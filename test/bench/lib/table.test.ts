import { cell, renderTable } from '../../../bench/lib/table.js';

describe('renderTable', () => {
  it('aligns text left and numbers right under a rule', () => {
    const out = renderTable({
      title: 'Latency',
      columns: ['pipeline', 'p50 ms'],
      rows: [
        ['ours', 1.5],
        ['langchain', 12.25],
      ],
    });
    expect(out.split('\n')).toEqual(['Latency', 'pipeline   p50 ms', '─────────  ──────', 'ours          1.5', 'langchain   12.25']);
  });
});

describe('cell', () => {
  it('formats numbers with separators and limited decimals, and blanks as a dash', () => {
    expect(cell(1_000_000)).toBe('1,000,000');
    expect(cell(0.123456)).toBe('0.123');
    expect(cell(null)).toBe('–');
    expect(cell(undefined)).toBe('–');
    expect(cell('x')).toBe('x');
  });
});
