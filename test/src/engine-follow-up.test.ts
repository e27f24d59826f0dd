import { Engine } from '../../src/engine.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

describe('Engine follow-ups', () => {
  let ws: Workspace;
  let engine: Engine;
  beforeAll(async () => {
    ws = await createWorkspace();
    engine = await Engine.open({ config: ws.config, embedder: null });
  });
  afterAll(() => ws.dispose());

  it('answers a follow-up without a subject from the previous question', async () => {
    expect((await engine.ask('When did that happen?')).answered).toBe(false);
    const answer = await engine.ask('When did that happen?', { previous: { question: 'Who carried out the cyberattack on Albania?' } });
    expect(answer.answered).toBe(true);
    expect(answer.citations.slice(0, 3).some((c) => /July 15|15 July/.test(c.quote))).toBe(true);
  });

  it('resolves "he" to the person the previous lead quote named', async () => {
    const first = await engine.ask("Who is the spokesperson of Iran's foreign ministry?");
    expect(first.citations[0]!.quote).toContain('Nasser Kanaani');
    const answer = await engine.ask('What did he call the allegations?', {
      previous: { question: first.question, leadQuote: first.citations[0]!.quote },
    });
    expect(answer.citations.slice(0, 3).some((c) => c.quote.includes('Kanaani'))).toBe(true);
  });

  it('answers a follow-up that names its own subject exactly as on its own', async () => {
    const q = 'How many MEK members did Albania agree to take in?';
    const alone = await engine.ask(q);
    const followUp = await engine.ask(q, { previous: { question: 'Who attacked Albania?' } });
    expect(followUp.citations.map((c) => c.quote)).toEqual(alone.citations.map((c) => c.quote));
  });
});
