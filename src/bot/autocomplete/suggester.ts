import type { Logger } from '../../logger.js';
import type { QuestionLog } from '../stores/store.js';
import { rankSuggestions, type Choice } from './rank.js';

/** Different members who must have asked a question (or a close variant) before anyone is offered it. */
export const MIN_MEMBERS = 3;
/** Log questions ranked per key press: the most asked ones, of which what was typed picks. */
const CANDIDATES = 500;

/** Where curated questions come from (a {@link CuratedQuestions}, or a fixed list in tests). */
export interface CuratedSource {
  current(): Promise<readonly string[]>;
}

export interface SuggesterOptions {
  /** Default {@link MIN_MEMBERS}. */
  minMembers?: number;
}

/**
 * The questions `/ask` suggests as a member types. Privacy first: a logged question is offered
 * only once {@link MIN_MEMBERS} different members asked it or a close variant, and never while a
 * moderator has it hidden (the store applies both); curated questions from `questions.txt` are
 * offered alongside, which is all there is before the log has any. It reads only the store's
 * suggestion query (indexed, and cached until the database changes), never the engine, so a
 * reply takes a few milliseconds.
 */
export class QuestionSuggester {
  private readonly minMembers: number;

  constructor(
    private readonly questions: QuestionLog,
    private readonly curated: CuratedSource,
    private readonly logger: Logger,
    options: SuggesterOptions = {},
  ) {
    this.minMembers = options.minMembers ?? MIN_MEMBERS;
  }

  /**
   * At most 25 choices for `typed`. Never rejects: input that is not text gets none, and so does a
   * store that fails (logged), since a curated list alone would hide that the log is broken.
   */
  async suggest(typed: unknown): Promise<Choice[]> {
    if (typeof typed !== 'string') return [];
    try {
      const [log, curated, hidden] = await Promise.all([
        this.questions.suggestions(this.minMembers, CANDIDATES),
        this.curated.current(),
        this.questions.hidden(),
      ]);
      return rankSuggestions(typed, log, curated, new Set(hidden.map((h) => h.key)));
    } catch (error) {
      this.logger.error('autocomplete: could not read the suggestions', { error });
      return [];
    }
  }
}
