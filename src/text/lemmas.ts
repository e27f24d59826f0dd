/**
 * Irregular English verb forms mapped to their base form. A stemmer leaves "left" and "leave"
 * apart; questions and articles freely mix tenses, so keyword matching needs these joined.
 */
// A Map, not an object: a question word like "constructor" must not find Object's prototype.
const FORMS = new Map<string, string>(
  `arose:arise arisen:arise awoke:awake began:begin begun:begin bent:bend bound:bind bit:bite bitten:bite
  blew:blow blown:blow broke:break broken:break brought:bring built:build burnt:burn bought:buy caught:catch
  chose:choose chosen:choose came:come dealt:deal dug:dig drew:draw drawn:draw drove:drive driven:drive
  ate:eat eaten:eat fell:fall fallen:fall fed:feed felt:feel fought:fight found:find fled:flee flew:fly
  flown:fly forbade:forbid forbidden:forbid forgot:forget forgotten:forget froze:freeze frozen:freeze
  gave:give given:give went:go gone:go grew:grow grown:grow hung:hang heard:hear hid:hide hidden:hide
  held:hold kept:keep knew:know known:know laid:lay led:lead left:leave lent:lend lost:lose made:make
  meant:mean met:meet paid:pay rode:ride ridden:ride rang:ring rung:ring rose:rise risen:rise ran:run
  sought:seek sold:sell sent:send shook:shake shaken:shake shot:shoot shut:shut sang:sing sung:sing sank:sink
  sat:sit slept:sleep spoke:speak spoken:speak spent:spend spun:spin stood:stand stole:steal stolen:steal
  struck:strike swore:swear sworn:swear swept:sweep took:take taken:take taught:teach tore:tear torn:tear
  thought:think threw:throw thrown:throw understood:understand woke:wake wore:wear worn:wear won:win
  withdrew:withdraw withdrawn:withdraw wrote:write written:write`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

/** The base form of an irregular verb form, or the word itself. */
export function lemma(word: string): string {
  // Porter turns "ties" into "ti" but "tie" into "tie"; short -ies plurals just drop the s.
  if (/^\p{L}{1,2}ies$/u.test(word)) return word.slice(0, -1);
  return FORMS.get(word) ?? word;
}
