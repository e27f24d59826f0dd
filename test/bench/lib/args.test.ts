import { jest } from '@jest/globals';
import path from 'node:path';
import { DEFAULTS, parseBenchArgs, QUICK, USAGE } from '../../../bench/lib/args.js';
import { UsageError } from '../../../scripts/lib/cli.js';

const ROOT = '/project';
const parse = (argv: string[]) => parseBenchArgs(argv, ROOT)!;

describe('parseBenchArgs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('defaults to the full run, reporting to bench/results/latest.json', () => {
    const o = parse([]);
    expect(o.quick).toBe(false);
    expect(o.sizes).toEqual(DEFAULTS.sizes);
    expect(o.out).toBe(path.join(ROOT, 'bench', 'results', 'latest.json'));
    expect(o.distribution).toBe('clustered');
  });

  it('--quick shrinks the run and reports to the ignored quick.json, and explicit flags still win', () => {
    expect(parse(['--quick']).sizes).toEqual(QUICK.sizes);
    expect(parse(['--quick']).out).toBe(path.join(ROOT, 'bench', 'results', 'quick.json'));
    expect(parse(['--quick', '--sizes', '20000']).sizes).toEqual([20_000]);
    expect(parse(['--quick', '--out', 'x.json']).out).toBe(path.resolve('x.json'));
  });

  it('reads lists with k/m suffixes and both flag spellings', () => {
    const o = parse(['--sizes=10k,1m', '--ef', '80,10', '--queries', '50', '--only', 'scale']);
    expect(o.sizes).toEqual([10_000, 1_000_000]);
    expect(o.efs).toEqual([10, 80]);
    expect(o.queries).toBe(50);
    expect(o.only).toEqual(['scale']);
  });

  it('rejects unknown flags, stray words, missing values and bad numbers with the usage', () => {
    expect(() => parse(['--fast'])).toThrow(UsageError);
    expect(() => parse(['--fast'])).toThrow(/Unknown option '--fast'[\s\S]*Usage: npm run bench/);
    expect(() => parse(['quick'])).toThrow(UsageError);
    expect(() => parse(['--sizes'])).toThrow(/argument missing/);
    expect(() => parse(['--sizes', '10,abc'])).toThrow(/"abc"/);
    expect(() => parse(['--queries', '0'])).toThrow(UsageError);
    expect(() => parse(['--distribution', 'normal'])).toThrow(/clustered or uniform/);
  });

  it('prints the usage for --help and returns nothing to run', () => {
    const out: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    expect(parseBenchArgs(['--help'], ROOT)).toBeUndefined();
    expect(parseBenchArgs(['-h'], ROOT)).toBeUndefined();
    expect(out).toEqual([`${USAGE}\n`, `${USAGE}\n`]);
  });
});
