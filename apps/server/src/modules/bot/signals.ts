import type { HandoverSignals } from "./types.ts";

/**
 * Phrases are written lower-case and without accents, the way `foldText` leaves a message, so "Enfadado",
 * "enfadádo" and "ENFADADO" all match one entry. Each entry is a regular expression source matched on
 * whole words only: "agent" never fires inside "agenda", "no" never inside "now".
 */
type Lexicon = Record<"en" | "es" | "de" | "fr", string[]>;

const HUMAN: Lexicon = {
  en: [
    "(talk|speak|chat) (to|with) (a |an |some )?(human|person|real person|actual person|live person|agent|someone|somebody|manager|supervisor|representative)",
    "real (person|human)",
    "actual (person|human)",
    "live (agent|person|chat with a person)",
    "human (being|agent|please)",
    "a human",
    "agent",
    "operator",
    "representative",
    "customer service rep",
    "call me( back)?",
  ],
  es: ["hablar con (una persona|alguien|un humano|un agente|un asesor|un operador)", "persona real", "agente", "operador(a)?", "humano", "asesor(a)?", "que me llamen", "llamadme"],
  de: ["mitarbeiter(in)?", "mensch(en)?", "echte(n)? person", "berater(in)?", "jemanden sprechen", "mit jemandem sprechen", "ruckruf", "rufen sie mich an"],
  fr: ["conseiller(e)?", "parler a (quelqu'un|une personne|un humain|un agent|un conseiller)", "vraie personne", "(un|une) humain(e)?", "operateur", "operatrice", "rappelez-moi"],
};

const NEGATIVE: Lexicon = {
  en: [
    "ridiculous",
    "worst",
    "unacceptable",
    "terrible",
    "awful",
    "horrible",
    "disgusting",
    "disgraceful",
    "pathetic",
    "useless",
    "scam",
    "angry",
    "furious",
    "livid",
    "fed up",
    "sick (of|and tired)",
    "(very |really |so )?disappointed",
    "frustrat(ed|ing)",
    "annoyed",
    "a joke",
    "rubbish",
    "crap(py)?",
    "damn",
    "wtf",
    "shit(ty)?",
    "bloody",
    "hate",
    "never again",
    "still (waiting|not)",
    "(third|fourth|fifth) time",
    "complain(t)?",
    "rip ?off",
    "incompetent",
    "(you )?lied",
    "liars?",
  ],
  es: [
    "(estoy )?hart[oa]s?",
    "enfadad[oa]s?",
    "enojad[oa]s?",
    "cabread[oa]s?",
    "inaceptable",
    "verguenza",
    "pesim[oa]",
    "horrible",
    "indignad[oa]",
    "estafa",
    "ridicul[oa]",
    "queja",
    "reclamacion",
    "mierda",
    "decepcionad[oa]",
    "inutiles?",
    "una broma",
    "todavia no",
  ],
  de: [
    "unverschamt",
    "frechheit",
    "inakzeptabel",
    "katastrophe",
    "katastrophal",
    "schlechteste(r|s)?",
    "verargert",
    "sauer",
    "enttauscht",
    "betrug",
    "beschwerde",
    "mist",
    "schei(ss|se)",
    "unmoglich",
    "lacherlich",
    "immer noch nicht",
  ],
  fr: ["inadmissible", "inacceptable", "scandaleu(x|se)", "honteu(x|se)", "nul(le)?", "en colere", "furieu(x|se)", "decu(e)?", "arnaque", "ras le bol", "(j'en ai )?marre", "plainte", "ridicule", "pire", "toujours pas"],
};

const URGENT: Lexicon = {
  en: [
    "urgent(ly)?",
    "asap",
    "emergency",
    "immediately",
    "right now",
    "(need|needed|needs) (it|them|this) (by )?(today|tonight|tomorrow morning)",
    "by (today|tonight)",
    "deadline",
    "chest pain",
    "allergic reaction",
    "anaphyla(xis|ctic)",
    "(can'?t|cannot) breathe",
    "injur(ed|y|ies)",
    "burn(ed|t|s)?",
    "caught fire",
    "on fire",
    "explod(ed|ing)",
    "gas leak",
    "carbon monoxide",
    "poison(ed|ing)?",
    "hospital",
    "bleeding",
    "unsafe",
    "dangerous",
    "charged (me )?(twice|two times|double)",
    "double charged",
    "fraud(ulent)?",
    "unauthori[sz]ed",
    "stolen",
    "identity theft",
    "lawyer",
    "solicitor",
    "legal action",
    "court",
    "sue",
    "chargeback",
  ],
  es: [
    "urgente(mente)?",
    "urgencia",
    "emergencia",
    "dolor (en el|de) pecho",
    "reaccion alergica",
    "herid[oa]",
    "quemadura",
    "incendio",
    "fuego",
    "hospital",
    "cobrado dos veces",
    "(me )?cobraron dos veces",
    "cobro doble",
    "doble cargo",
    "fraude",
    "abogado",
    "denuncia",
    "hoy mismo",
    "peligro(so|sa)?",
  ],
  de: ["dringend", "notfall", "sofort", "brustschmerzen", "allergische reaktion", "verletzt", "brand", "feuer", "(doppelt|zweimal) (abgebucht|belastet|berechnet)", "betrug", "anwalt", "heute noch", "gefahrlich"],
  fr: ["urgent(e)?", "urgence", "douleur(s)? (thoracique|a la poitrine)", "reaction allergique", "blesse(e)?", "brulure", "incendie", "feu", "(debite|preleve|facture)(e)? deux fois", "fraude", "avocat", "aujourd'hui meme", "dangereu(x|se)"],
};

/** Whole short replies only: "no" inside a longer question is not an answer to "Did that answer your question?". */
const UNHELPFUL = [
  "no",
  "nope",
  "nah",
  "not really",
  "not quite",
  "not at all",
  "(it |that )?(didn'?t|doesn'?t|did not|does not) help",
  "(that'?s |it'?s )?not what i (asked|meant|need)",
  "nein",
  "nicht wirklich",
  "leider nicht",
  "non",
  "pas vraiment",
  "pas du tout",
  "no realmente",
  "para nada",
  "no me (sirve|ayuda|ha ayudado)",
  "👎",
];
const HELPFUL = [
  "yes",
  "yep",
  "yeah",
  "yup",
  "ok(ay)?",
  "thanks?",
  "thank you",
  "cheers",
  "perfect",
  "great",
  "brilliant",
  "(that )?(helps|helped)",
  "got it",
  "si",
  "gracias",
  "perfecto",
  "vale",
  "genial",
  "ja",
  "danke",
  "super",
  "genau",
  "prima",
  "oui",
  "merci",
  "parfait",
  "👍",
];
/** A feedback reply is a few words at most; anything longer is a new message. */
const FEEDBACK_MAX_WORDS = 8;

const WORD_EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
const WORD_EDGE_AFTER = "(?![\\p{L}\\p{N}])";

/** Lower-case, accents dropped, curly apostrophes straightened: the form every lexicon entry is written in. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replaceAll("ß", "ss")
    .replace(/[’‘`´]/g, "'");
}

const compile = (entries: readonly string[]) => new RegExp(`${WORD_EDGE_BEFORE}(?:${entries.join("|")})${WORD_EDGE_AFTER}`, "u");
const compileLexicon = (lexicon: Lexicon) => compile(Object.values(lexicon).flat());
const HUMAN_PATTERN = compileLexicon(HUMAN);
const NEGATIVE_PATTERN = compileLexicon(NEGATIVE);
const URGENT_PATTERN = compileLexicon(URGENT);
// A reply is feedback when its opening words say so ("yes thanks!", "no, not really"); unhelpful wins ties,
// so "no thanks" counts as a no.
const UNHELPFUL_PATTERN = new RegExp(`^\\W*(?:${UNHELPFUL.join("|")})${WORD_EDGE_AFTER}`, "u");
const HELPFUL_PATTERN = new RegExp(`^\\W*(?:${HELPFUL.join("|")})${WORD_EDGE_AFTER}`, "u");
const REPEATED_PUNCTUATION = /[!?]*![!?]*![!?]*!|\?!\?|!\?!/;

/** Most letters in capitals, over enough of them to be a sentence rather than "DHL" or "OK". */
function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 12) return false;
  const upper = letters.filter((letter) => letter !== letter.toLowerCase()).length;
  return upper / letters.length > 0.7;
}

/**
 * Reads a customer's message for what should bring a person in: an explicit ask, anger, urgency, and the
 * customer's yes/no to "Did that answer your question?". Lexicons cover English, Spanish, German and French
 * whatever `locales` says, because customers mix languages and the locale is often a browser's guess; the
 * parameter lets a caller state what the customer speaks without changing what is recognised.
 */
export function detectSignals(text: string, _locales?: readonly string[]): HandoverSignals {
  const folded = foldText(text);
  const reasons: string[] = [];
  const flag = (name: string, pattern: RegExp): boolean => {
    const found = pattern.exec(folded);
    if (found) reasons.push(`${name}: '${found[0]}'`);
    return found !== null;
  };
  const humanRequested = flag("human", HUMAN_PATTERN);
  let negative = flag("negative", NEGATIVE_PATTERN);
  if (isShouting(text)) {
    reasons.push("negative: shouting");
    negative = true;
  }
  const exclamations = REPEATED_PUNCTUATION.exec(text);
  if (exclamations) {
    reasons.push(`negative: '${exclamations[0]}'`);
    negative = true;
  }
  const urgent = flag("urgent", URGENT_PATTERN);
  let feedback: HandoverSignals["feedback"] = null;
  if (folded.split(/\s+/).filter(Boolean).length <= FEEDBACK_MAX_WORDS) {
    const no = UNHELPFUL_PATTERN.exec(folded);
    const yes = no ? null : HELPFUL_PATTERN.exec(folded);
    if (no) reasons.push(`unhelpful: '${no[0].replace(/^\W+/u, "")}'`);
    if (yes) reasons.push(`helpful: '${yes[0].replace(/^\W+/u, "")}'`);
    feedback = no ? "unhelpful" : yes ? "helpful" : null;
  }
  return { humanRequested, negative, urgent, feedback, reasons };
}
