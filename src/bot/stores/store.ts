import type { Answer, NotCoveredReason, RetrievalMode } from '../../types.js';

/**
 * The bot's one store: the answers its buttons refer to, the votes on them, and the question log.
 * Every method is async so that a server database (PostgreSQL, for several shards) can implement
 * the same interface as the embedded SQLite one. Members appear only as `member`: a salted hash
 * of their Discord id (see member-hash.ts), never the id itself.
 */
export interface Store {
  answers: AnswerRepository;
  /** What follow-up questions follow; expires (and is forgotten) with the answers. */
  conversations: ConversationRepository;
  votes: VoteRepository;
  questions: QuestionLog;
  /** Deletes everything stored about one member; returns how many rows of each kind went. */
  forget(member: string): Promise<ForgetCounts>;
  /** Deletes what has outlived its retention; returns how many rows of each kind went. */
  prune(now: number): Promise<ForgetCounts>;
  close(): Promise<void>;
}

/** What a button needs to act on an answer later: the question and where each quote came from. */
export interface AnswerRecord {
  id: string;
  question: string;
  member: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  mode: RetrievalMode;
  citations: Array<{ n: number; source: string; title: string; passageId: string; quote: string }>;
}

export interface AnswerRepository {
  /** Saves an answer under a new short id. Rejects when it could not be written. */
  add(answer: Answer, member: string): Promise<AnswerRecord>;
  /** The answer with this id, or undefined when it is unknown or has expired. */
  get(id: string): Promise<AnswerRecord | undefined>;
}

/** One question of a conversation, as a follow-up needs it: its text and the person its lead quote named. */
export interface Turn {
  question: string;
  person?: string;
}

/** A reply a member can follow up on: the questions that led to it, oldest first, its own last. */
export interface ConversationRecord {
  /** The answer's id when it has one, else a new id ("not covered" replies can be followed up too). */
  id: string;
  member: string;
  chain: Turn[];
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface ConversationRepository {
  /** Saves the conversation that led to a reply, under `id` or a new one. Rejects when it could not be written. */
  add(chain: Turn[], member: string, id?: string): Promise<ConversationRecord>;
  /** The conversation with this id, or undefined when it is unknown or has expired. */
  get(id: string): Promise<ConversationRecord | undefined>;
}

export type Vote = 'up' | 'down';

/** One vote, with the question and quotes it judged (kept even after the answer expires). */
export interface VoteRecord {
  answerId: string;
  member: string;
  /** Milliseconds since the epoch. */
  at: number;
  guildId: string | null;
  vote: Vote;
  question: string;
  mode: string;
  citations: Array<{ n: number; source: string; passageId: string; quote?: string }>;
}

export type VoteResult = { recorded: true } | { recorded: false; existing: Vote };

export interface VoteRepository {
  /** Records the vote unless this member already voted on this answer. Rejects when it could not be written. */
  record(vote: VoteRecord): Promise<VoteResult>;
}

/** How a question ended: quoted, not covered by the articles, refused before the engine, or failed. */
export type QuestionOutcome = 'answered' | 'not-covered' | 'refused' | 'error';

/** Which command asked: `/ask`, or the "Check against sources" message menu. */
export type QuestionCommand = 'ask' | 'check';

/** One line of the question log. */
export interface QuestionEntry {
  /** Milliseconds since the epoch. */
  at: number;
  member: string;
  command: QuestionCommand;
  outcome: QuestionOutcome;
  /** The not-covered reason, or the refusal's reason slug (cooldown, too-long…). */
  reason?: NotCoveredReason | string;
  /** The name or word the engine could not find. */
  term?: string;
  mode?: RetrievalMode;
  /** Articles quoted in the answer, in citation order without repeats. */
  articleIds: string[];
  latencyMs: number;
  question: string;
  answerId?: string;
  /** A follow-up, asked in the context of an earlier answer: never suggested on its own (it may lack its subject). */
  followUp?: boolean;
}

export interface QuestionLog {
  /** False when QUESTION_LOG_DAYS is 0: `add` then keeps nothing. */
  readonly enabled: boolean;
  add(entry: QuestionEntry): Promise<void>;
  /** What the insights report is built from, for questions and votes since `since` (ms). */
  period(since: number): Promise<PeriodData>;
  /**
   * What `/ask` may suggest: answered `/ask` questions, close variants together (the same
   * key, see question-key.ts), that at least `minMembers` different members asked and no moderator hid.
   * At most `limit`, most asked and best voted first. Called as members type, so it must be cheap.
   */
  suggestions(minMembers: number, limit: number): Promise<QuestionSuggestion[]>;
  /** Hides a question and its close variants from suggestions; false when already hidden or it has no key terms. */
  hide(question: string, at: number): Promise<boolean>;
  /** Lets a hidden question (or a close variant of it) be suggested again; false when it was not hidden. */
  unhide(question: string): Promise<boolean>;
  /** The questions moderators hid, most recently hidden first. */
  hidden(): Promise<HiddenQuestion[]>;
}

/** A question members may be offered as they type `/ask`, with the numbers that rank it. */
export interface QuestionSuggestion {
  /** The wording most of its members used (the latest on a tie). */
  question: string;
  /** Its close-variant key (question-key.ts). */
  key: string;
  /** Different members who asked it or a close variant. */
  members: number;
  asks: number;
  upVotes: number;
  downVotes: number;
  /** Milliseconds since the epoch. */
  lastAsked: number;
}

/** A question a moderator took out of the suggestions, with its close variants. */
export interface HiddenQuestion {
  question: string;
  key: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** The raw material of the insights report (see src/bot/insights/report.ts). */
export interface PeriodData {
  outcomes: Record<QuestionOutcome, number>;
  /** Not-covered questions, one row per distinct text (and reason, term), with how often and when last asked. */
  notCovered: Array<{ question: string; count: number; lastAsked: number; reason: string | null; term: string | null }>;
  downVotes: Array<{ answerId: string; question: string; at: number; citations: VoteRecord['citations'] }>;
  citedArticleIds: string[];
}

export interface ForgetCounts {
  questions: number;
  votes: number;
  answers: number;
}
