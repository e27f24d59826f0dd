/**
 * Line-level tests for web-page furniture that ends up in scraped article text. Each test looks
 * at one trimmed line on its own; deciding from context is the job of `repeated-content.ts`
 * (repeats, tweets) and `paragraphs.ts` (section labels). The phrase lists are deliberately
 * generic page furniture, not phrases of any one article, so new articles from other sites are
 * cleaned too.
 */

/** Why a line is not article body. */
export type BoilerplateKind = 'advert' | 'comment-form' | 'navigation' | 'credit' | 'symbols' | 'wire-slug';

const ADVERT = [
  /^(advertisement|advertising|advert|ad|sponsored( content)?|promoted( content)?|scroll to continue( with content)?)\.?$/i,
  /^for advert(s|isements?)? placements?\b/i,
  /^advertise (with|on) us\b/i,
];

const COMMENT_FORM = [
  /^please enter your (comment|name|e-?mail|website)/i,
  /^(leave a (reply|comment)|cancel reply|post comment|submit comment|add a comment|\d+ comments?)\b/i,
  /^save my name, e-?mail/i,
  /^you have entered an incorrect e-?mail/i,
  /^your e-?mail address will not be published/i,
  /^required fields are marked/i,
];

/** Whole-line navigation labels (an optional trailing colon or arrow is allowed). */
const NAVIGATION_LABELS =
  /^(related( articles| stories| news| posts| content)?|latest( articles| news| stories| posts)?|more (stories|news|articles)|most (read|popular|viewed)|trending( now)?|recommended( for you)?|you may also like|read (more|next|also)|also read|see also|share( this( article| story)?)?|share on \w+|tweet|print|e-?mail|comments|load more|back to top|skip to (main )?content|tags?|topics|follow us( on \w+)?|sign up( for (our|the) newsletter)?|subscribe( to (our|the) newsletter)?|newsletter)\s*[:»›>|-]?$/i;

/** "READ MORE: Other headline", "Also read | …": a link to another story. */
const NAVIGATION_PREFIX = /^(read more|read also|also read|read next|see also|related|more on this|watch|listen)\s*[:»›>|–—-]/i;

/** A line that is only a link: a bare URL or a Markdown link. */
const LINK_ONLY = /^(<?https?:\/\/\S+>?|\[[^\]]*\]\([^)]*\))$/i;

const CREDIT = [
  /^(photo|image|picture|file photo|video|credit|illustration|source: (ap|afp|reuters|getty))s?( credit)?\s*[:©|/]/i,
  /^©/,
  /^(additional )?(reporting|writing|editing|compiled|translated) by\b/i, // "Reporting by X; Editing by Y"
  /^!\[[^\]]*\]\([^)]*\)$/, // Markdown image
];

/** Wire-service revision notes ("UPDATES WITH DETAILS; ADDS REMARKS BY …", "(Adds quote)"). */
const WIRE_VERB = /^(UPDATE[SD]?|ADDS|RECASTS|REFILES?|CORRECTS?|REPEATS|WRITETHRU|CLARIFIES|ADDS?\s+DETAILS)\b/;
const WIRE_PARENTHETICAL = /^\((updates?|adds|recasts|refiles?|corrects?|repeats)\b[^)]*\)$/i;

/** "— Name (@handle) September 7, 2022": the signature under an embedded tweet. */
const TWEET_SIGNATURE = /^[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,15}\)\s*(\p{L}+\.? \d{1,2},? \d{4}|\d{1,2} \p{L}+\.? \d{4})\s*$/u;

/** True for the signature line of an embedded tweet (`repeated-content.ts` also drops the tweet text above it). */
export function isTweetSignature(line: string): boolean {
  return TWEET_SIGNATURE.test(line);
}

/** True for an all-caps wire revision note. */
export function isWireSlug(line: string): boolean {
  if (WIRE_PARENTHETICAL.test(line)) return true;
  const letters = line.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length >= 6 && letters === letters.toUpperCase();
  return allCaps && (WIRE_VERB.test(line) || /;/.test(line));
}

/** The kind of page furniture `line` (trimmed) is, or undefined if it may be article text. */
export function boilerplateKind(line: string): BoilerplateKind | undefined {
  if (!/[\p{L}\p{N}]/u.test(line)) return 'symbols';
  if (ADVERT.some((re) => re.test(line))) return 'advert';
  if (COMMENT_FORM.some((re) => re.test(line))) return 'comment-form';
  if (NAVIGATION_LABELS.test(line) || NAVIGATION_PREFIX.test(line) || LINK_ONLY.test(line)) return 'navigation';
  if (CREDIT.some((re) => re.test(line))) return 'credit';
  if (isWireSlug(line)) return 'wire-slug';
  return undefined;
}
