import path from 'node:path';
import { DEFAULTS, parseArgs, QUICK, UsageError } from '../../../bench/lib/args.js';

const ROOT = '/project';

describe('parseArgs', () => {
  it('defaults to the full run, reporting to bench/results/latest.json', () => {
    const o = parseArgs([], ROOT);
    expect(o.quick).toBe(false);
    expect(o.sizes).toEqual(DEFAULTS.sizes);
    expect(o.out).toBe(path.join(ROOT, 'bench', 'results', 'latest.json'));
    expect(o.distribution).toBe('clustered');
  });

  it('--quick shrinks the run, and explicit flags still win', () => {
    expect(parseArgs(['--quick'], ROOT).sizes).toEqual(QUICK.sizes);
    expect(parseArgs(['--quick', '--sizes', '20000'], ROOT).sizes).toEqual([20_000]);
  });

  it('reads lists with k/m suffixes and both flag spellings', () => {
    const o = parseArgs(['--sizes=10k,1m', '--ef', '80,10', '--queries', '50', '--only', 'scale'], ROOT);
    expect(o.sizes).toEqual([10_000, 1_000_000]);
    expect(o.efs).toEqual([10, 80]);
    expect(o.queries).toBe(50);
    expect(o.only).toEqual(['scale']);
  });

  it('rejects unknown flags, missing values and bad numbers', () => {
    expect(() => parseArgs(['--fast'], ROOT)).toThrow(UsageError);
    expect(() => parseArgs(['--sizes'], ROOT)).toThrow(/needs a value/);
    expect(() => parseArgs(['--sizes', '10,abc'], ROOT)).toThrow(/"abc"/);
    expect(() => parseArgs(['--queries', '0'], ROOT)).toThrow(UsageError);
    expect(() => parseArgs(['--distribution', 'normal'], ROOT)).toThrow(/clustered or uniform/);
  });
});
