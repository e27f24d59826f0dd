import { median } from './stats.js';

/** Milliseconds since process start at each point of one cold start (what cold-start-child prints). */
export interface StartMarks {
  atStart: number;
  imported: number;
  modelLoaded: number;
  ready: number;
  answered: number;
  mode: string;
  answeredQuestion: boolean;
}

/** One cold start split into phases, in milliseconds. */
export interface StartPhases {
  /** Node's boot and the TypeScript loader, up to the script's first line. */
  boot: number;
  /** Importing the engine's modules (hnswlib-node among them). */
  imports: number;
  /** Importing transformers.js and onnxruntime and loading the model (or finding there is none). */
  model: number;
  /** Reading, checking and loading the index (building it on a first start). */
  index: number;
  /** Process start to ready: boot + imports + model + index. */
  ready: number;
  /** The first question, after ready. */
  firstAnswer: number;
  /** Spawn to exit, seen from the parent (adds process creation and exit). */
  wall: number;
}

const KEYS = ['atStart', 'imported', 'modelLoaded', 'ready', 'answered'] as const;

/** Reads the child's JSON line; throws, quoting the output, when it is not one. */
export function parseMarks(stdout: string): StartMarks {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  let marks: Partial<StartMarks>;
  try {
    marks = JSON.parse(line) as Partial<StartMarks>;
  } catch {
    throw new Error(`cold-start child printed no JSON line: ${JSON.stringify(stdout.slice(-300))}`);
  }
  const ordered = KEYS.every((k, i) => typeof marks[k] === 'number' && (i === 0 || marks[k]! >= marks[KEYS[i - 1]!]!));
  if (!ordered) throw new Error(`cold-start child marks are missing or out of order: ${line}`);
  return marks as StartMarks;
}

const r1 = (ms: number) => Math.round(ms * 10) / 10;

/** Splits one start's marks into phases; `wallMs` is the parent's spawn-to-exit time. */
export function phases(marks: StartMarks, wallMs: number): StartPhases {
  return {
    boot: r1(marks.atStart),
    imports: r1(marks.imported - marks.atStart),
    model: r1(marks.modelLoaded - marks.imported),
    index: r1(marks.ready - marks.modelLoaded),
    ready: r1(marks.ready),
    firstAnswer: r1(marks.answered - marks.ready),
    wall: r1(wallMs),
  };
}

/** The median of each phase over several starts (each phase on its own, so they need not add up). */
export function medianPhases(runs: readonly StartPhases[]): StartPhases {
  if (runs.length === 0) throw new Error('medianPhases: no runs');
  const m = (k: keyof StartPhases) => r1(median(runs.map((p) => p[k])));
  return {
    boot: m('boot'),
    imports: m('imports'),
    model: m('model'),
    index: m('index'),
    ready: m('ready'),
    firstAnswer: m('firstAnswer'),
    wall: m('wall'),
  };
}
