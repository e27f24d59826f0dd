import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../../scripts/ask.js';
import { spawnScript } from '../../harness/spawn-script.js';
import { createWorkspace, SHIPPED_ARTICLES, type Workspace } from '../../harness/workspace.js';

const FIXTURE_MODELS = path.resolve(SHIPPED_ARTICLES, '../../test/fixtures/models');
const CITATION_KEYS = ['also', 'highlights', 'n', 'quote', 'score', 'source', 'title'];
const ANSWER_KEYS = ['answered', 'citations', 'message', 'mode', 'question'];

describe('ask parseArgs', () => {
  it('reads flags and joins the question words', () => {
    expect(parseArgs(['--json', '--mode', 'keyword', 'Who', 'is', 'Rama?'])).toEqual({
      json: true,
      followUp: false,
      help: false,
      mode: 'keyword',
      question: 'Who is Rama?',
    });
  });

  it('reads --follow-up and --help', () => {
    expect(parseArgs(['--follow-up'])).toMatchObject({ followUp: true, help: false });
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it('tells "no question" (read stdin) from a blank question (refuse it)', () => {
    expect(parseArgs(['--json']).question).toBeUndefined();
    expect(parseArgs(['--json', '   ']).question).toBe('');
  });

  it('rejects an unknown mode, naming the choices', () => {
    expect(() => parseArgs(['--mode', 'fuzzy'])).toThrow(/hybrid, keyword or vector/);
  });
});

describe('npm run ask (the script as a process)', () => {
  let ws: Workspace;
  let env: Record<string, string>;
  beforeAll(async () => {
    ws = await createWorkspace();
    env = {
      ARTICLES_DIR: ws.articlesDir,
      EMBEDDINGS_DIR: ws.embeddingsDir,
      MODELS_DIR: FIXTURE_MODELS,
      MODEL_ID: 'casefile/tiny-bert',
      MODEL_DOWNLOAD: 'false',
    };
  });
  afterAll(() => ws.dispose());
  const articleText = (id: string) => readFileSync(path.join(ws.articlesDir, `${id}.txt`), 'utf8');

  it('--json prints exactly one object with the contract fields, quotes verbatim from the cited article', async () => {
    const run = await spawnScript('scripts/ask.ts', env, { args: ['--json', 'How long did the Iranian diplomats have to leave?'] }).done;
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(Object.keys(answer).sort()).toEqual(ANSWER_KEYS);
    expect(answer).toMatchObject({ answered: true, mode: 'hybrid', message: '' });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.length).toBeLessThanOrEqual(5);
    expect(answer.citations.some((c: { quote: string }) => c.quote.includes('24 hours'))).toBe(true);
    answer.citations.forEach((c: Record<string, unknown>, i: number) => {
      expect(Object.keys(c).sort()).toEqual(CITATION_KEYS);
      expect(c.n).toBe(i + 1);
      expect(articleText(c.source as string)).toContain(c.quote);
      // Highlights are sorted, non-overlapping offsets into the quote.
      let at = 0;
      for (const h of c.highlights as Array<{ start: number; end: number }>) {
        expect(Object.keys(h).sort()).toEqual(['end', 'start']);
        expect(h.start).toBeGreaterThanOrEqual(at);
        expect(h.end).toBeGreaterThan(h.start);
        expect(h.end).toBeLessThanOrEqual((c.quote as string).length);
        at = h.end;
      }
    });
    // "How long" is answered by a duration, and the duration is what is highlighted.
    const bolded = answer.citations.flatMap((c: { quote: string; highlights: Array<{ start: number; end: number }> }) =>
      c.highlights.map((h) => c.quote.slice(h.start, h.end)),
    );
    expect(bolded).toContain('24 hours');
  });

  it('with questions on stdin prints one object per non-blank line, refusing what the articles do not cover', async () => {
    const input = 'Who is Edi Rama?\n\nWhat is the capital of France?\n';
    const run = await spawnScript('scripts/ask.ts', env, { args: ['--json'], input }).done;
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      ['Who is Edi Rama?', true],
      ['What is the capital of France?', false],
    ]);
    expect(answers[1].citations).toEqual([]);
    expect(answers[1].message.length).toBeGreaterThan(0);
  });

  it('--follow-up answers stdin as one conversation, a blank line starting a new one', async () => {
    const input = 'Who carried out the cyberattack on Albania?\nWhen did that happen?\n\nWhen did that happen?\n';
    const keyword = { ...env, MODEL_ID: 'casefile/not-downloaded' };
    const run = await spawnScript('scripts/ask.ts', keyword, { args: ['--json', '--follow-up'], input }).done;
    expect(run.code).toBe(0);
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      ['Who carried out the cyberattack on Albania?', true],
      ['When did that happen?', true],
      ['When did that happen?', false],
    ]);
    expect(answers[1].citations.slice(0, 3).some((c: { quote: string }) => /July 15|15 July/.test(c.quote))).toBe(true);
  });

  it('--help describes --follow-up and asks nothing', async () => {
    const run = await spawnScript('scripts/ask.ts', env, { args: ['--help'] }).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--follow-up');
  });

  it('refuses a blank question with a message instead of waiting for stdin', async () => {
    const run = await spawnScript('scripts/ask.ts', env, { args: ['--json', '  '] }).done;
    expect(JSON.parse(run.stdout)).toMatchObject({ question: '', answered: false, message: 'The question is empty.', citations: [] });
  });

  it('prints quotes then numbered sources for a person, and says when it runs in keyword mode', async () => {
    const run = await spawnScript('scripts/ask.ts', { ...env, MODEL_ID: 'casefile/not-downloaded' }, { args: ['Who is Edi Rama?'] }).done;
    expect(run.code).toBe(0);
    const sources = run.stdout.indexOf('Sources');
    expect(run.stdout.indexOf('“')).toBeGreaterThan(-1);
    expect(run.stdout.indexOf('“')).toBeLessThan(sources);
    expect(run.stdout.slice(sources)).toMatch(/\[1\] /);
    expect(run.stdout).toMatch(/keyword mode — .*casefile\/not-downloaded/);
  });
});
