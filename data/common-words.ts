/**
 * Words too common to stand alone as an alias: an alias equal to one of these would mark
 * ordinary prose. Lower case, as aliases are compared case-folded (see check.ts).
 * English, German and Russian function words and frequent nouns, including the ones a pack
 * about politics is tempted to use ("union", "council", "west", "army").
 */
const EN = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up us very was we were what when where which while who whom why
will with would you your yours yourself yourselves
one two three new old first last state states union council party government president minister
army troops forces police people country nation world west east north south europe city capital
war peace power leader leaders talks alliance bloc security treaty organization organisation
agreement unrest protests protest crisis republic federation kingdom empire region border
president's mission house court office general secretary ministry
western eastern afghan march may june august`;

const DE = `der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine
ist sind war waren wird werden hat haben mit von zu zum zur im in am an auf aus bei für gegen nach
über unter vor durch als wie so auch noch nur schon sehr es er sie wir ihr ich du man sich
staat staaten union rat partei regierung präsident minister armee truppen polizei volk land welt
westen osten norden süden europa stadt hauptstadt krieg frieden macht führer gespräche bündnis
sicherheit vertrag organisation abkommen unruhen proteste krise republik föderation reich grenze`;

const RU = `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до
вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их
чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой
совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при
наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три
эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно
всю между
государство союз совет партия правительство президент министр армия войска полиция народ страна
мир запад восток север юг европа город столица война власть лидер переговоры альянс блок
безопасность договор организация соглашение беспорядки протесты кризис республика федерация
империя граница`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(
  [EN, DE, RU].flatMap((list) => list.split(/\s+/u).filter(Boolean)),
);
