import type { PublicLanguage } from "../../platform/public-pages/page.ts";

/** The contact form's words, in every language the public pages speak. */
export interface ContactMessages {
  languageName: string;
  title: string;
  lead: string;
  name: string;
  email: string;
  emailHint: string;
  subject: string;
  message: string;
  attachments: string;
  attachmentsHint: (count: number, size: string) => string;
  optional: string;
  choose: string;
  send: string;
  honeypot: string;
  errorsTitle: string;
  /** What each of the form's own fields asks for when left empty. */
  missing: { name: string; email: string; subject: string; message: string };
  required: (label: string) => string;
  tooLong: (label: string, max: number) => string;
  invalidEmail: string;
  invalidChoice: (label: string) => string;
  fileTooLarge: (filename: string, size: string) => string;
  fileType: (filename: string) => string;
  tooManyFiles: (count: number) => string;
  chooseFilesAgain: string;
  sentTitle: string;
  sentLead: string;
  referenceIs: string;
  sentNext: string;
  sendAnother: string;
  notFoundTitle: string;
  notFoundLead: string;
  tooManyTitle: string;
  tooManyLead: string;
  refusedTitle: string;
  refusedLead: string;
}

const en: ContactMessages = {
  languageName: "English",
  title: "Contact us",
  lead: "Tell us what you need and we'll answer by email.",
  name: "Your name",
  email: "Email",
  emailHint: "We'll send our answer here.",
  subject: "Subject",
  message: "Message",
  attachments: "Attachments",
  attachmentsHint: (count, size) => `Up to ${count} files, ${size} each: images, PDF, text or office documents.`,
  optional: "(optional)",
  choose: "Choose…",
  send: "Send message",
  honeypot: "Leave this field empty",
  errorsTitle: "Please check the form",
  missing: { name: "Enter your name.", email: "Enter your email address.", subject: "Enter a subject.", message: "Write your message." },
  required: (label) => `Answer "${label}".`,
  tooLong: (label, max) => `${label} can be at most ${max} characters.`,
  invalidEmail: "Enter an email address like name@example.com.",
  invalidChoice: (label) => `Choose one of the options for ${label.toLowerCase()}.`,
  fileTooLarge: (filename, size) => `"${filename}" is larger than ${size}.`,
  fileType: (filename) => `"${filename}" is not a file type we accept: send images, PDF, text or office documents.`,
  tooManyFiles: (count) => `Attach at most ${count} files.`,
  chooseFilesAgain: "Your files were not kept: choose them again before sending.",
  sentTitle: "Thank you, we've got your message",
  sentLead: "We'll answer by email as soon as we can.",
  referenceIs: "Your reference",
  sentNext: "Mention it if you write to us about this again.",
  sendAnother: "Send another message",
  notFoundTitle: "There is no contact form here",
  notFoundLead: "Check the address you were given.",
  tooManyTitle: "Too many messages",
  tooManyLead: "You've sent several messages in a short time. Please wait a few minutes and try again.",
  refusedTitle: "This form can't be sent from here",
  refusedLead: "Open the contact form on its own page and send it from there.",
};

const es: ContactMessages = {
  languageName: "Español",
  title: "Contacto",
  lead: "Cuéntanos qué necesitas y te responderemos por correo electrónico.",
  name: "Tu nombre",
  email: "Correo electrónico",
  emailHint: "Te enviaremos la respuesta aquí.",
  subject: "Asunto",
  message: "Mensaje",
  attachments: "Archivos adjuntos",
  attachmentsHint: (count, size) => `Hasta ${count} archivos de ${size} cada uno: imágenes, PDF, texto o documentos de oficina.`,
  optional: "(opcional)",
  choose: "Elige…",
  send: "Enviar mensaje",
  honeypot: "Deja este campo vacío",
  errorsTitle: "Revisa el formulario",
  missing: { name: "Escribe tu nombre.", email: "Escribe tu correo electrónico.", subject: "Escribe un asunto.", message: "Escribe tu mensaje." },
  required: (label) => `Responde a «${label}».`,
  tooLong: (label, max) => `«${label}» admite como máximo ${max} caracteres.`,
  invalidEmail: "Escribe una dirección como nombre@ejemplo.com.",
  invalidChoice: (label) => `Elige una de las opciones de «${label}».`,
  fileTooLarge: (filename, size) => `«${filename}» ocupa más de ${size}.`,
  fileType: (filename) => `«${filename}» no es un tipo de archivo admitido: envía imágenes, PDF, texto o documentos de oficina.`,
  tooManyFiles: (count) => `Adjunta como máximo ${count} archivos.`,
  chooseFilesAgain: "Tus archivos no se guardaron: vuelve a elegirlos antes de enviar.",
  sentTitle: "Gracias, hemos recibido tu mensaje",
  sentLead: "Te responderemos por correo electrónico lo antes posible.",
  referenceIs: "Tu referencia",
  sentNext: "Menciónala si vuelves a escribirnos sobre este asunto.",
  sendAnother: "Enviar otro mensaje",
  notFoundTitle: "Aquí no hay ningún formulario de contacto",
  notFoundLead: "Revisa la dirección que te dieron.",
  tooManyTitle: "Demasiados mensajes",
  tooManyLead: "Has enviado varios mensajes en poco tiempo. Espera unos minutos y vuelve a intentarlo.",
  refusedTitle: "Este formulario no se puede enviar desde aquí",
  refusedLead: "Abre el formulario de contacto en su propia página y envíalo desde allí.",
};

export const CONTACT_MESSAGES: Record<PublicLanguage, ContactMessages> = { en, es };
