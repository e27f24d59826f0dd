import { medianPhases, parseMarks, phases } from '../../../bench/lib/cold-start-measure.js';

const MARKS = { atStart: 100, imported: 250, modelLoaded: 600, ready: 650, answered: 660, mode: 'hybrid', answeredQuestion: true };

describe('cold-start measurement', () => {
  it('reads the last JSON line and splits it into phases', () => {
    const marks = parseMarks(`some warning\n${JSON.stringify(MARKS)}\n`);
    expect(phases(marks, 700)).toEqual({ boot: 100, imports: 150, model: 350, index: 50, ready: 650, firstAnswer: 10, wall: 700 });
  });

  it('names output that is not a JSON line, or marks out of order', () => {
    expect(() => parseMarks('Error: boom')).toThrow(/no JSON line.*boom/);
    expect(() => parseMarks(JSON.stringify({ ...MARKS, ready: 500 }))).toThrow(/out of order/);
    expect(() => parseMarks(JSON.stringify({ atStart: 1 }))).toThrow(/missing or out of order/);
  });

  it('takes the median of each phase on its own', () => {
    const p = (ready: number, index: number) => ({ boot: 1, imports: 1, model: 1, index, ready, firstAnswer: 1, wall: ready + 5 });
    expect(medianPhases([p(10, 3), p(30, 1), p(20, 2)])).toEqual({
      boot: 1,
      imports: 1,
      model: 1,
      index: 2,
      ready: 20,
      firstAnswer: 1,
      wall: 25,
    });
    expect(() => medianPhases([])).toThrow(/no runs/);
  });
});
