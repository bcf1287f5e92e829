// Checks that each catalog is written in its own language, by its own conventions: its function
// words (so a catalog copied from another language, or a text left in one, is caught), its letters
// (wrong diacritics, Romanian cedillas, a Latin letter inside a Cyrillic or Greek word), its
// quotation marks, the words its data-protection authority uses for cookies and consent, and the
// few typographic rules a native reader notices at once.
import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';
import { LANGUAGES, type Language } from './languages';

const entries = (language: Language): Array<[string, string]> => [
  ...Object.entries(catalogs[language].texts),
  ...Object.entries(catalogs[language].purposes).flatMap(
    ([id, p]): Array<[string, string]> => [
      [`${id}.title`, p.title],
      [`${id}.description`, p.description],
    ],
  ),
];
const words = (text: string): string[] =>
  text
    .replace(/\{[^}]*\}/g, ' ')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];

// The short, frequent words of each language (articles, prepositions, conjunctions, pronouns). Many
// are shared by neighbours (Czech and Slovak "na", Danish and Swedish "som"); those count for each
// and cancel out, and the ones they do not share (Czech "nebo", Slovak "alebo") decide.
const FUNCTION_WORDS: Record<Language, string> = {
  bg: 'и на за от се да не по с в които или може ви как това ако без си е са ще ги го преди към',
  cs: 'a na v k z o i je se to do ho vaše váš vás vaši vaší vašem jako pro ve nebo bez které který kterých při jak jen až po od aby abychom mohli tento tohoto vašich jiných můžete pokud proto zde',
  da: 'og at er af ikke dit din dine til for som der det den de med på kan du hvis også om så en et her',
  de: 'und der die das den dem des sie ihre ihr ist für mit von zu nicht oder wird werden können auch wie ein eine einer eines auf bei über zum zur es',
  el: 'και το τα τη την της του των σας να για με που δεν ή από στην στον στα μας ο η οι τον ένα μια αν αυτό θα',
  en: 'the and you your to of is for with not or can it be will at this that if on in we us our by how',
  es: 'y el la los las de del un una su sus es para con no o que se lo le al sin en por puede también si como cómo nos',
  et: 'ja on ei või et saate selle kui ka enne teie see mida seda need ning kuidas siiski võib ilma meie',
  fi: 'ja on ei tai että voit se sen kun jos myös ennen ovat kuin eivät joita jotka jotta ne miten silti sekä tämän voi saa',
  fr: 'et le la les de des du un une vous vos votre est pour avec pas ou sur qui que ne à au aux ce ces en leur nous nos par y',
  ga: 'agus an na is ar do le go atá féidir leat chun nó ní níl sé í a gan i ó linn sula mar seo faoi tú é sin ag',
  hr: 'i u na za od do s se je su da ili ako bez koji koje kojih kako što ga te pa može možete vaš vaša vašu vaše vaših vašim ovaj ovdje svoj koja nam bismo',
  hu: 'a az és hogy nem is vagy ön öntől meg egy amelyek ezért mint mielőtt ha ki be el ez ezek itt mégis más van nincs',
  it: 'e il lo la i gli le di del della dei delle da un una è per con non o che si ti tuo tuoi tua tue puoi anche in al su ad come ci',
  lt: 'ir kad yra ar su jūsų jums galite jei prie be kaip taip pat nuo savo bei ją jį iš ne į kuri kurių mums',
  lv: 'un ka ir ar vai jūsu jums varat ja pie bez kā arī no lai kas to savu tiek tām šeit uz par mums mēs',
  mt: 'u il l is ta tal li biex jew huwa tiegħek ma minn għal fuq tista tiegħu tagħna qabel anke id mill bil hawn għalhekk din dan f fil mal jekk',
  nl: 'en de het van een u uw is voor met niet of om te kan ook op die dat wordt zodat uit er hoe we ons bij aan',
  pl: 'i w z na do od o się nie jest lub oraz jak które których może możesz twoje twoja twój twojej twoim twoich cię ci abyśmy jeśli także przed po te tym',
  pt: 'e o a os as de do da dos das um uma seu seus sua suas é para com não ou que se na no ao em por pelo pode também lhe nos como',
  ro: 'și de la în pe cu nu sau care este a al ale un o vă pentru puteți fi ca dacă îl fără înainte dumneavoastră se să',
  sk: 'a na v k z o aj je sa to do ho vaše váš vás vašu vašom vašich ako pre vo alebo bez ktoré ktorý ktorých pri len po od aby sme tento tohto môžete iných ak preto',
  sl: 'in v na za od do s z se je so da ali če brez ki kako kar ga jo lahko vaš vaša vašo vaše vaših zato tudi tukaj ta to svojo nam',
  sv: 'och att är av inte ditt din dina till för som det den de med på kan du om även så en ett här sedan',
};
const FUNCTION_SETS = Object.fromEntries(
  LANGUAGES.map((language) => [language, new Set(FUNCTION_WORDS[language].split(' '))]),
) as Record<Language, Set<string>>;

/** The language whose function words a text uses most, with the runner-up's count (a tie is no answer). */
function identify(text: string): { language: Language | undefined; score: number; runnerUp: number } {
  const tokens = words(text);
  const scores = LANGUAGES.map((language) => ({
    language,
    score: tokens.filter((token) => FUNCTION_SETS[language].has(token)).length,
  })).sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  return {
    language: first.score > second.score ? first.language : undefined,
    score: first.score,
    runnerUp: second.score,
  };
}
/** Sentences long enough to carry their language's function words. */
const sentences = (language: Language) => entries(language).filter(([, text]) => words(text).length >= 8);

// The letters each language writes besides a-z (a-z stay allowed everywhere: brand names, "IP",
// "Global Privacy Control"). Greek and Bulgarian write their own script and may quote Latin words.
const LETTERS: Record<Language, string> = {
  bg: 'абвгдежзийклмнопрстуфхцчшщъьюяѝ',
  cs: 'áčďéěíňóřšťúůýž',
  da: 'æøåé',
  de: 'äöüß',
  el: 'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς',
  en: '',
  es: 'áéíóúüñ',
  et: 'äöõüšž',
  fi: 'äöå',
  fr: 'àâæçéèêëîïôœùûüÿ',
  ga: 'áéíóú',
  hr: 'čćđšž',
  hu: 'áéíóöőúüű',
  it: 'àèéìíòóù',
  lt: 'ąčęėįšųūž',
  lv: 'āčēģīķļņšūž',
  mt: 'àċèġħìòùż',
  nl: 'éèëïöü',
  pl: 'ąćęłńóśźż',
  pt: 'áâãàçéêíóôõú',
  ro: 'ăâîșț',
  sk: 'áäčďéíĺľňóôŕšťúýž',
  sl: 'čšž',
  sv: 'åäöé',
};

// Opening and closing quotation marks, as each language prints them.
const QUOTES: Record<Language, [string, string]> = {
  bg: ['„', '“'],
  cs: ['„', '“'],
  da: ['»', '«'],
  de: ['„', '“'],
  el: ['«', '»'],
  en: ['“', '”'],
  es: ['«', '»'],
  et: ['„', '“'],
  fi: ['”', '”'],
  fr: ['«\u00a0', '\u00a0»'],
  ga: ['“', '”'],
  hr: ['„', '“'],
  hu: ['„', '”'],
  it: ['«', '»'],
  lt: ['„', '“'],
  lv: ['„', '”'],
  mt: ['“', '”'],
  nl: ['‘', '’'],
  pl: ['„', '”'],
  pt: ['«', '»'],
  ro: ['„', '”'],
  sk: ['„', '“'],
  sl: ['»', '«'],
  sv: ['”', '”'],
};
// Every quotation mark but the apostrophe (’), which all languages also use inside words.
const QUOTE_MARKS = /[“”„‟«»‹›‘‚]/g;

// The words the data-protection authorities use: for cookies, then for consent (checked in the
// banner text and the dialog's introduction, where a visitor meets them first).
const TERMS: Record<Language, [RegExp, RegExp]> = {
  bg: [/бисквитки/, /съгласие/],
  cs: [/cookies/, /souhlas/],
  da: [/cookies/, /samtykke/],
  de: [/Cookies/, /Einwilligung/],
  el: [/cookies/, /συγκατάθεσ/],
  en: [/cookies/, /consent/],
  es: [/cookies/, /consentimiento/],
  et: [/küpsiseid/, /nõusolek/],
  fi: [/evästeitä/, /suostumu/],
  fr: [/cookies/, /consentement/],
  ga: [/fianáin/, /t(h)?oiliú/], // lenited after "do": do thoiliú
  hr: [/kolačiće/, /privol/],
  hu: [/sütiket/, /hozzájárulás/],
  it: [/cookie/, /consenso/],
  lt: [/slapukus/, /sutikim/],
  lv: [/sīkdatnes/, /piekrišan/],
  mt: [/cookies/, /kunsens/],
  nl: [/cookies/, /toestemming/],
  pl: [/plików cookie/, /zgod/],
  pt: [/cookies/, /consentimento/],
  ro: [/cookie-uri/, /consimțământ/],
  sk: [/súbory cookie/, /súhlas/],
  sl: [/piškotke/, /privolit/],
  sv: [/kakor/, /samtyck/],
};
/** Languages whose authority has a word of its own for cookies: the English one must not slip in. */
const NATIVE_COOKIE_WORD: Language[] = ['bg', 'et', 'fi', 'ga', 'hr', 'hu', 'lt', 'lv', 'sl', 'sv'];

describe('catalog conventions', () => {
  for (const language of LANGUAGES) {
    describe(language, () => {
      it(`reads as ${language}: every sentence is told apart by its function words`, () => {
        const long = sentences(language);
        expect(long.length).toBeGreaterThan(8);
        for (const [key, text] of long) expect(identify(text).language, `${key}: ${text}`).toBe(language);
      });

      it('writes only its own letters, and no word mixes scripts', () => {
        for (const [key, text] of entries(language)) {
          for (const letter of text
            .replace(/\{[^}]*\}/g, '')
            .toLowerCase()
            .match(/\p{L}/gu) ?? [])
            expect(/[a-z]/.test(letter) || LETTERS[language].includes(letter), `${key}: "${letter}" in ${text}`).toBe(
              true,
            );
          for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? [])
            expect(
              /\p{Script=Latin}/u.test(word) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(word),
              `${key}: ${word}`,
            ).toBe(false);
        }
      });

      it('quotes with its own quotation marks', () => {
        const [open, close] = QUOTES[language];
        const allowed = new Set([open.trim(), close.trim()]);
        for (const [key, text] of entries(language))
          for (const mark of text.match(QUOTE_MARKS) ?? [])
            expect(allowed.has(mark), `${key}: ${mark} in ${text}`).toBe(true);
        const { texts } = catalogs[language];
        expect(texts['banner.text']).toContain(`${open}${texts['banner.customize']}${close}`);
        for (const key of ['placeholder.text', 'placeholder.alwaysAllow', 'withdraw.confirm'] as const)
          expect(texts[key], key).toContain(`${open}{purpose}${close}`);
      });

      it('uses the authority’s words for cookies and consent', () => {
        const { texts } = catalogs[language];
        const [cookies, consent] = TERMS[language];
        const firstMet = `${texts['banner.text']} ${texts['dialog.intro']}`;
        expect(firstMet).toMatch(cookies);
        expect(firstMet).toMatch(consent);
        if (NATIVE_COOKIE_WORD.includes(language))
          for (const [key, text] of entries(language)) expect(text, key).not.toMatch(/cookie/i);
      });
    });
  }

  it('the language detector tells English from every other catalog, and needs enough words', () => {
    for (const [key, text] of sentences('en')) expect(identify(text).language, key).toBe('en');
    expect(identify('Marketing').language).toBeUndefined();
  });

  it('French: a no-break space before : ; ! ? » and after «', () => {
    for (const [key, text] of entries('fr')) expect(text, key).not.toMatch(/ [:;!?»]|« |[^\u00a0][:;!?»]|«[^\u00a0]/);
  });

  it('Greek: no question mark or semicolon, since ";" is the Greek question mark', () => {
    for (const [key, text] of entries('el')) expect(text, key).not.toMatch(/[?;]/);
  });

  it('Finnish: a no-break space before the hyphen joining a multi-word name to its noun', () => {
    expect(catalogs.fi.texts['dialog.gpc']).toContain('Global Privacy Control\u00a0-signaalin');
  });
});
