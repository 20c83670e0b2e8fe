import type { PublicLanguage } from "../../platform/public-pages/page.ts";

/** The help center's own words; articles come in whatever locales their authors wrote. */
export const HELP_MESSAGES = {
  en: {
    helpCenter: "Help center",
    heroTitle: "How can we help?",
    searchLabel: "Search the help center",
    searchPlaceholder: "Search articles",
    searchButton: "Search",
    categories: "Categories",
    popular: "Popular articles",
    articleCount: (n: number) => (n === 1 ? "1 article" : `${n} articles`),
    noArticles: "There are no articles here yet.",
    home: "Home",
    contents: "On this page",
    updated: "Updated",
    related: "Related articles",
    otherLanguages: "Also in",
    language: "Language",
    helpful: "Was this article helpful?",
    yes: "Yes",
    no: "No",
    thanks: "Thank you for your feedback.",
    commentLabel: "Anything we could add or explain better? (optional)",
    sendComment: "Send",
    commentThanks: "Thank you, your comment will help us improve this article.",
    stillNeedHelp: "Still need help?",
    chat: "Chat with us",
    chatHint: "Use the chat button at the bottom of the page.",
    contactForm: "Send us a message",
    emailUs: (address: string) => `Email ${address}`,
    searchTitle: (q: string) => `Results for “${q}”`,
    searchEmpty: "Type a few words to search the articles.",
    resultCount: (n: number) => (n === 1 ? "1 article found" : `${n} articles found`),
    noResults: "No articles match those words. Try fewer or different words, or contact us below.",
    similarResults: "No exact matches; these titles look close to what you typed.",
    notFoundTitle: "We couldn't find that page",
    notFoundLead: "The article may have moved or been taken down. Try searching, or start from the home page.",
    unavailableTitle: "This help center is not available",
    unavailableLead: "There is no help center at this address.",
    suggestionsLabel: "Suggested articles",
  },
  es: {
    helpCenter: "Centro de ayuda",
    heroTitle: "¿En qué podemos ayudarte?",
    searchLabel: "Buscar en el centro de ayuda",
    searchPlaceholder: "Buscar artículos",
    searchButton: "Buscar",
    categories: "Categorías",
    popular: "Artículos populares",
    articleCount: (n: number) => (n === 1 ? "1 artículo" : `${n} artículos`),
    noArticles: "Aún no hay artículos aquí.",
    home: "Inicio",
    contents: "En esta página",
    updated: "Actualizado",
    related: "Artículos relacionados",
    otherLanguages: "También en",
    language: "Idioma",
    helpful: "¿Te ha resultado útil este artículo?",
    yes: "Sí",
    no: "No",
    thanks: "Gracias por tu opinión.",
    commentLabel: "¿Qué podríamos añadir o explicar mejor? (opcional)",
    sendComment: "Enviar",
    commentThanks: "Gracias, tu comentario nos ayudará a mejorar este artículo.",
    stillNeedHelp: "¿Sigues necesitando ayuda?",
    chat: "Chatea con nosotros",
    chatHint: "Usa el botón de chat en la parte inferior de la página.",
    contactForm: "Envíanos un mensaje",
    emailUs: (address: string) => `Escribe a ${address}`,
    searchTitle: (q: string) => `Resultados para «${q}»`,
    searchEmpty: "Escribe unas palabras para buscar en los artículos.",
    resultCount: (n: number) => (n === 1 ? "1 artículo encontrado" : `${n} artículos encontrados`),
    noResults: "Ningún artículo coincide. Prueba con menos palabras o con otras, o contáctanos.",
    similarResults: "No hay coincidencias exactas; estos títulos se parecen a lo que escribiste.",
    notFoundTitle: "No encontramos esa página",
    notFoundLead: "Puede que el artículo se haya movido o retirado. Prueba a buscar o empieza desde el inicio.",
    unavailableTitle: "Este centro de ayuda no está disponible",
    unavailableLead: "No hay ningún centro de ayuda en esta dirección.",
    suggestionsLabel: "Artículos sugeridos",
  },
} satisfies Record<PublicLanguage, Record<string, unknown>>;

export type HelpMessages = (typeof HELP_MESSAGES)["en"];

/** The interface speaks the article's language when we have it, English otherwise. */
export const uiLanguage = (locale: string): PublicLanguage => (locale.split("-")[0] === "es" ? "es" : "en");

// Intl objects are slow to make, and a page names every locale of its help center.
const localeNames = new Map<string, string>();

/** A locale's name in its own language, for the switcher (`es-MX` → Español (México)). */
export function localeName(locale: string): string {
  let name = localeNames.get(locale);
  if (name === undefined) {
    try {
      const own = new Intl.DisplayNames([locale], { type: "language" }).of(locale);
      name = own ? own.charAt(0).toLocaleUpperCase(locale) + own.slice(1) : locale;
    } catch {
      name = locale;
    }
    localeNames.set(locale, name);
  }
  return name;
}
