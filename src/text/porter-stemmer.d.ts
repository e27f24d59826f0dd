declare module 'porter-stemmer' {
  /** Martin Porter's stemmer: expects one lower-cased word. */
  export function stemmer(word: string): string;
  const porter: { stemmer(word: string): string };
  export default porter;
}
