import { STOPWORDS } from '../../src/text/stopwords.js';
import { basicTokenize } from './basic-tokenize.js';
import { morphy } from '../../src/text/wordnet/morphy.js';
import type { Synset, WordNet } from './wordnet.js';
import { uniformWeights } from './weights.js';

/**
 * Word vectors whose geometry follows WordNet ("random indexing" over the lexical graph): every
 * word has a random identity vector, and a word's vector adds, over its senses (frequent senses
 * weigh more), the identities of the words it shares a synset with, of the content words of the
 * sense's definition, and of its broader (hypernym) and derived senses. Words that share senses
 * or definitions ("expel": "force to leave") therefore share components and sit close together;
 * unrelated words are near-orthogonal random vectors.
 */

/** Relative weights of the parts of a word's vector. */
export interface MeaningWeights {
  /** The sum over senses, against the word's own identity (1). */
  senses: number;
  /** Within one sense: the synset's words count 1, then these. */
  gloss: number;
  hypernyms: number;
  related: number;
  /** Senses considered per lemma, most frequent first. */
  maxSenses: number;
  /**
   * Weight of the second step: the mean of the first-step vectors of the words the first step
   * drew on. Two words then also meet through a word that both relate to ("expel" and "order"
   * through "leave", "command"), as in latent semantic analysis.
   */
  secondOrder: number;
}

/** Computes (and caches) meaning vectors of `dimensions` components. */
export class WordVectors {
  private readonly identities = new Map<string, Float32Array>();
  private readonly lemmaCache = new Map<string, string>();
  private readonly firstCache = new Map<string, Float32Array>();

  constructor(
    private readonly wordnet: WordNet,
    private readonly dimensions: number,
    private readonly seed: number,
    private readonly weights: MeaningWeights,
  ) {}

  /** The lemma a word is identified by: its first WordNet base form, or the word itself. */
  lemmaOf(word: string): string {
    let lemma = this.lemmaCache.get(word);
    if (lemma === undefined) {
      lemma = morphy((key) => this.wordnet.senses.has(key), word)[0]?.split(':')[1] ?? word;
      this.lemmaCache.set(word, lemma);
    }
    return lemma;
  }

  /** Centred, unit-variance vector of a word; stopwords are left to the caller. */
  wordVector(word: string): Float32Array {
    const out = new Float32Array(this.dimensions);
    addScaled(out, this.firstOrder(word), 1);
    const drawnOn = this.senses(word).flatMap(({ synset }) => [...synset.words, ...this.glossWords(synset)]);
    addMean(
      out,
      drawnOn.map((w) => this.firstOrder(w)),
      this.weights.secondOrder,
    );
    return standardised(out);
  }

  /** The word's identity plus, over its senses, the identities of the words related by each. */
  private firstOrder(word: string): Float32Array {
    const lemma = this.lemmaOf(word);
    let out = this.firstCache.get(lemma);
    if (out) return out;
    out = new Float32Array(this.dimensions);
    addScaled(out, this.identity(lemma), 1);
    const senses = this.senses(word);
    const total = senses.reduce((sum, s) => sum + s.weight, 0);
    for (const { synset, weight } of senses) addScaled(out, this.senseVector(synset), (this.weights.senses * weight) / total);
    out = standardised(out);
    this.firstCache.set(lemma, out);
    return out;
  }

  private senses(word: string): Array<{ synset: Synset; weight: number }> {
    return morphy((key) => this.wordnet.senses.has(key), word).flatMap((key) =>
      (this.wordnet.senses.get(key) ?? []).slice(0, this.weights.maxSenses).flatMap((id, rank) => {
        const synset = this.wordnet.synsets.get(id);
        return synset ? [{ synset, weight: 1 / (rank + 1) }] : [];
      }),
    );
  }

  private glossWords(synset: Synset): string[] {
    return basicTokenize(synset.gloss).filter((t) => /^\p{L}{2,}$/u.test(t) && !STOPWORDS.has(t));
  }

  /** A random vector that stands for one token or lemma (also used for character pieces). */
  identity(key: string): Float32Array {
    let v = this.identities.get(key);
    if (!v) {
      v = uniformWeights(this.seed, `word:${key}`, this.dimensions, 1);
      this.identities.set(key, v);
    }
    return v;
  }

  private senseVector(synset: Synset): Float32Array {
    const w = this.weights;
    const out = new Float32Array(this.dimensions);
    addMean(
      out,
      synset.words.map((word) => this.identity(word)),
      1,
    );
    addMean(
      out,
      this.glossWords(synset).map((t) => this.identity(this.lemmaOf(t))),
      w.gloss,
    );
    const linked = (ids: string[]) => ids.flatMap((id) => this.wordnet.synsets.get(id)?.words ?? []).map((word) => this.identity(word));
    addMean(out, linked(synset.hypernyms), w.hypernyms);
    addMean(out, linked(synset.related), w.related);
    return out;
  }
}

function addScaled(out: Float32Array, v: Float32Array, scale: number): void {
  for (let i = 0; i < out.length; i++) out[i]! += (v[i] as number) * scale;
}

function addMean(out: Float32Array, vectors: Float32Array[], weight: number): void {
  for (const v of vectors) addScaled(out, v, weight / vectors.length);
}

/** Zero mean and unit variance, so that LayerNorm keeps the direction and only rescales. */
export function standardised(v: Float32Array): Float32Array {
  const n = v.length;
  const mean = v.reduce((s, x) => s + x, 0) / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((v[i] as number) - mean) ** 2;
  const std = Math.sqrt(variance / n) || 1;
  return v.map((x) => (x - mean) / std);
}
