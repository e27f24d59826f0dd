/**
 * Words that carry no topic: function words, plus the question and request phrasing people wrap
 * around a question ("can you tell me what happened…"). Matching them would let any question
 * look covered, so they are dropped before scoring.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are aren't as at be because been
  before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
  down during each either else ever every few for from further get gets got had hadn't has hasn't have haven't
  having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've
  if in into is isn't it it's its itself just let's like me might more most much must mustn't my myself neither
  no nor not now of off on once only or other ought our ours ourselves out over own per please quite rather
  really same shall shan't she she'd she'll she's should shouldn't so some something such than that that's the
  their theirs them themselves then there there's these they they'd they'll they're they've this those though
  through thus to too under until up upon us very was wasn't we we'd we'll we're we've were weren't what what's
  whatever when when's where where's whether which while who who's whom whose why why's will with within without
  won't would wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves
  tell know explain happen happened happening actually exactly kind sort thing things way ways
  mean means said say says saying told according regarding anybody somebody someone everyone everything`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Everyday verbs and fillers that a question may use without them being its topic ("how many
 * groups did Iran *use*"). An article rarely repeats them, so at full rarity weight they would
 * make covered questions look uncovered; they count for a fraction instead.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  `use used using make made get go come take give find think want look need try call keep put seem
  become begin show hear play move live believe bring write provide sit stand lose pay meet include
  continue set learn change lead understand watch follow stop create speak read allow add spend grow
  open walk win offer remember consider appear buy wait serve die send expect build stay fall cut reach
  kill remain suggest raise pass sell require report decide pull again still already really also even
  ever much many long way time thing well back right new old big good bad first last next
  base based locate located situate situated involve involved part`
    .split(/\s+/)
    .filter(Boolean),
);
