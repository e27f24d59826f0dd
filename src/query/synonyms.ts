import { lemma } from '../text/lemmas.js';
import { stem } from '../text/terms.js';

/**
 * Groups of words that news reports use interchangeably. A question says "expelled" where the
 * article says "ordered to leave"; a vector model bridges that, but keyword mode (no model) would
 * miss it. These are general news vocabulary, not phrases of the shipped articles.
 */
const GROUPS = [
  'expel expulsion evict eviction oust deport leave depart withdraw',
  'cut sever severance break terminate termination end suspend',
  'ties relations relationship',
  'attack cyberattack hack hacker breach intrusion aggression assault',
  'blame accuse accusation attribute responsible behind culprit perpetrator orchestrate sponsor',
  'deny denial reject dismiss',
  'respond response react reaction reply retaliate retaliation',
  'condemn condemnation denounce criticise criticize',
  'diplomat envoy ambassador embassy',
  'evidence proof investigation probe',
  'damage harm impact loss lose',
  'country nation',
  'government authorities cabinet administration',
  'announce declare statement',
  'support back endorse',
  'shut disrupt paralyse paralyze outage',
  'restore recover operational',
  'staff personnel employee',
  'first unprecedented precedent',
  'permanent irreversible irretrievable',
  'work run running operational function',
  'goal aim purpose intent objective',
  'decision move measure step',
  'gang group',
  'describe call label brand',
  'company firm corporation business',
  'promise vow pledge',
  'host harbor harbour shelter base',
  'warn threaten threat',
];

const related = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = group.split(' ').map((w) => stem(lemma(w)));
  for (const s of stems) {
    const set = related.get(s) ?? new Set<string>();
    for (const other of stems) if (other !== s) set.add(other);
    related.set(s, set);
  }
}

/** Stems that mean roughly the same as `term` (itself excluded). */
export function synonymsOf(term: string): ReadonlySet<string> {
  return related.get(term) ?? new Set();
}
