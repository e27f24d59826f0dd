import {
  CasefileError,
  ConfigError,
  CorpusError,
  ExpiredAnswerError,
  IndexCorruptError,
  IndexMissingError,
  IndexShrinkError,
  IndexUnwritableError,
  ModelUnavailableError,
  QuestionError,
  REFUSAL_REASONS,
  ReindexBusyError,
  StoredRowError,
  StoreUnavailableError,
  UserFacingError,
} from '../../src/errors.js';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../../src/question.js';

describe('the error model', () => {
  const cases: Array<[CasefileError, string]> = [
    [new UserFacingError('slow down', 'cooldown'), 'refused'],
    [new QuestionError('empty', 'empty'), 'refused'],
    [new ExpiredAnswerError(), 'refused'],
    [new ConfigError('DISCORD_TOKEN is missing'), 'config'],
    [new CorpusError('Articles folder not found: x', { path: 'x' }), 'corpus'],
    [new ModelUnavailableError('not downloaded'), 'model-unavailable'],
    [new IndexMissingError('no index'), 'index-missing'],
    [new IndexCorruptError('bad checksum'), 'index-corrupt'],
    [new ReindexBusyError('held'), 'reindex-busy'],
    [new IndexShrinkError('would drop every article'), 'index-shrink'],
    [new IndexUnwritableError('read-only', { code: 'EROFS' }), 'index-unwritable'],
    [new StoreUnavailableError('cannot reach postgres://bot:***@db/casefile'), 'store-unavailable'],
    [new StoredRowError('a row of answers is not in the expected shape', { table: 'answers' }), 'store-invalid'],
  ];
  it.each(cases.map(([error, identifier]) => [error.name, error, identifier] as const))(
    '%s is an expected failure with a machine identifier',
    (_name, error, identifier) => {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(CasefileError);
      expect(error.identifier).toBe(identifier);
      expect(error.name).toBe(error.constructor.name);
    },
  );

  it('makes the questions the engine refuses and stale buttons user-facing, with a typed reason', () => {
    const refusals = [new QuestionError('x', 'too-long'), new ExpiredAnswerError()];
    for (const r of refusals) expect(r).toBeInstanceOf(UserFacingError);
    expect(refusals.map((r) => r.reason)).toEqual(['too-long', 'expired']);
    expect(new ConfigError('x')).not.toBeInstanceOf(UserFacingError);
  });

  it('lists each refusal reason once', () => {
    expect(new Set(REFUSAL_REASONS).size).toBe(REFUSAL_REASONS.length);
    for (const reason of REFUSAL_REASONS) expect(reason).toMatch(/^[a-z][a-z-]*$/);
  });
});

describe('checkQuestion: the one question limit', () => {
  it('trims a question and accepts it up to the limit', () => {
    expect(checkQuestion('  Who is Edi Rama?\n')).toBe('Who is Edi Rama?');
    expect(checkQuestion('a'.repeat(MAX_QUESTION_LENGTH))).toHaveLength(MAX_QUESTION_LENGTH);
  });

  it('refuses a blank or an over-long question with its reason', () => {
    expect(() => checkQuestion(' \t\n')).toThrow(expect.objectContaining({ reason: 'empty', message: 'The question is empty.' }));
    expect(() => checkQuestion('a'.repeat(MAX_QUESTION_LENGTH + 1))).toThrow(
      expect.objectContaining({ reason: 'too-long', message: `Please keep questions under ${MAX_QUESTION_LENGTH} characters.` }),
    );
  });
});
