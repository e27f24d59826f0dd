import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { parseArgs, USAGE } from '../../scripts/ask.js';
import { UsageError } from '../../scripts/lib/cli.js';
import { questionLines } from '../../scripts/lib/question-lines.js';
import { spawnScript } from '../../harness/spawn-script.js';
import { createWorkspace, SHIPPED_ARTICLES, type Workspace } from '../../harness/workspace.js';

const FIXTURE_MODELS = path.resolve(SHIPPED_ARTICLES, '../../test/fixtures/models');
const CITATION_KEYS = ['also', 'highlights', 'n', 'quote', 'score', 'source', 'title'];
/** Present when the article states them (front matter, byline or dateline). */
const OPTIONAL_CITATION_KEYS = ['date', 'outlet', 'url'];
const ANSWER_KEYS = ['answered', 'citations', 'message', 'mode', 'question'];

describe('ask parseArgs', () => {
  it('reads flags and joins the question words', () => {
    expect(parseArgs(['--json', '--mode', 'keyword', 'Who', 'is', 'Rama?'])).toEqual({
      json: true,
      followUp: false,
      mode: 'keyword',
      question: 'Who is Rama?',
    });
  });

  it('reads --follow-up; --help prints the usage and leaves nothing to run', () => {
    expect(parseArgs(['--follow-up'])).toMatchObject({ followUp: true });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(parseArgs(['-h'])).toBeUndefined();
    expect(write).toHaveBeenCalledWith(USAGE + '\n');
    write.mockRestore();
  });

  it('tells "no question" (read stdin) from a blank question (refuse it)', () => {
    expect(parseArgs(['--json'])!.question).toBeUndefined();
    expect(parseArgs(['--json', '   '])!.question).toBe('');
  });

  it('rejects an unknown mode or flag with the usage, instead of taking it for a question', () => {
    expect(() => parseArgs(['--mode', 'fuzzy'])).toThrow(/hybrid, keyword or vector/);
    expect(() => parseArgs(['--jsn', 'Who is Rama?'])).toThrow(UsageError);
    expect(() => parseArgs(['--jsn', 'Who is Rama?'])).toThrow(/Unknown option '--jsn'[\s\S]*Usage: npm run ask/);
  });
});

describe('questionLines: questions from stdin', () => {
  const read = async (input: PassThrough & { isTTY?: boolean }, text: string) => {
    const output = new PassThrough();
    let shown = '';
    output.on('data', (c: Buffer) => (shown += c.toString()));
    input.end(text);
    const questions: string[] = [];
    for await (const q of questionLines(input, output)) questions.push(q);
    return { questions, shown };
  };

  it('on a terminal, says what it wants and prompts for each question', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    const { questions, shown } = await read(tty, 'Who is Edi Rama?\n\n  When?  \n');
    expect(questions).toEqual(['Who is Edi Rama?', 'When?']);
    expect(shown).toMatch(/^Type a question about the articles and press Enter \(Ctrl-D to quit\)\.\n> /);
    expect(shown.split('> ').length - 1).toBeGreaterThanOrEqual(3);
  });

  it('from a pipe, reads the lines without a prompt', async () => {
    const { questions, shown } = await read(new PassThrough(), 'Who is Edi Rama?\nWhen?\n');
    expect(questions).toEqual(['Who is Edi Rama?', 'When?']);
    expect(shown).toBe('');
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
      expect(
        Object.keys(c)
          .filter((k) => !OPTIONAL_CITATION_KEYS.includes(k))
          .sort(),
      ).toEqual(CITATION_KEYS);
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

  it('--help describes --follow-up and asks nothing; an unknown flag exits 2 with the usage', async () => {
    const run = await spawnScript('scripts/ask.ts', env, { args: ['--help'] }).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--follow-up');
    const bad = await spawnScript('scripts/ask.ts', env, { args: ['--jsn', 'Who is Edi Rama?'] }).done;
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/Unknown option '--jsn'[\s\S]*Usage: npm run ask/);
  });

  it("gives each citation its article's outlet, date and url, in --json and on the terminal", async () => {
    const article = [
      '---',
      'title: Harbour bridge reopens',
      'outlet: The Tirana Courier',
      'date: 2022-09-14',
      'url: https://courier.example/bridge',
      '---',
      'The Zorblax harbour bridge reopened on Tuesday after three weeks of repairs, the city said.',
      '',
    ].join('\n');
    const dir = path.join(ws.embeddingsDir, '..', 'facts-articles');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'zz_bridge.txt'), article);
    const facts = {
      ...env,
      ARTICLES_DIR: dir,
      EMBEDDINGS_DIR: path.join(ws.embeddingsDir, '..', 'facts-index'),
      MODEL_ID: 'casefile/not-downloaded',
    };
    const question = 'When did the Zorblax harbour bridge reopen?';
    const json = await spawnScript('scripts/ask.ts', facts, { args: ['--json', question] }).done;
    expect(JSON.parse(json.stdout).citations[0]).toMatchObject({
      source: 'zz_bridge',
      outlet: 'The Tirana Courier',
      date: '2022-09-14',
      url: 'https://courier.example/bridge',
    });
    const text = await spawnScript('scripts/ask.ts', facts, { args: [question] }).done;
    expect(text.stdout).toContain('Harbour bridge reopens — The Tirana Courier, 2022-09-14, https://courier.example/bridge');
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
