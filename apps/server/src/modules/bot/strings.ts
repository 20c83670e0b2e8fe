/** What the bot says, in the languages the widget speaks; anything else gets English. */
export interface BotStrings {
  locale: string;
  didThatHelp: string;
  yes: string;
  no: string;
  person: string;
  tryAgain: string;
  thanks: string;
  handover: string;
  away: string;
  awayWithHours(hours: string): string;
}

const en: BotStrings = {
  locale: "en",
  didThatHelp: "Did that answer your question?",
  yes: "Yes, thanks",
  no: "No",
  person: "Talk to a person",
  tryAgain: "Sorry about that. These might fit better:",
  thanks: "Glad that helped! If anything else comes up, just write here.",
  handover: "I'm passing you to a person on our team; they'll reply right here.",
  away: "Nobody is online right now, so it may take a while; you can close this page and we'll answer here.",
  awayWithHours: (hours) => `Nobody is online right now; we answer during our opening hours, ${hours}. You can close this page and we'll answer here.`,
};

const es: BotStrings = {
  locale: "es",
  didThatHelp: "¿Con esto se resolvió tu pregunta?",
  yes: "Sí, gracias",
  no: "No",
  person: "Hablar con una persona",
  tryAgain: "Lo siento. Quizá esto encaje mejor:",
  thanks: "¡Me alegro de haberte ayudado! Si necesitas algo más, escribe aquí.",
  handover: "Te paso con una persona de nuestro equipo; te responderá aquí mismo.",
  away: "Ahora mismo no hay nadie conectado, así que puede tardar un poco; puedes cerrar esta página y te responderemos aquí.",
  awayWithHours: (hours) => `Ahora mismo no hay nadie conectado; respondemos en nuestro horario, ${hours}. Puedes cerrar esta página y te responderemos aquí.`,
};

const BY_LOCALE: Record<string, BotStrings> = { en, es };

/** The bot's language for a customer's `language` attribute ("es-ES" → "es"). */
export const localeOf = (language: unknown): string => {
  const base = typeof language === "string" ? language.slice(0, 2).toLowerCase() : "";
  return base in BY_LOCALE ? base : "en";
};

export const botStrings = (locale: string): BotStrings => BY_LOCALE[locale] ?? en;
