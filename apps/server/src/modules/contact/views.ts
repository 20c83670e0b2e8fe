import { randomUUID } from "node:crypto";
import type { FastifyReply } from "fastify";
import { formatBytes } from "../../platform/files.ts";
import { html, type Markup } from "../../platform/public-pages/markup.ts";
import { PUBLIC_LANGUAGES, sendPublicPage, type PublicLanguage } from "../../platform/public-pages/page.ts";
import type { FormField } from "../widget/schema.ts";
import { ACCEPTED_FILES, CUSTOM_FIELD_PREFIX, customFieldName, inputId, LIMITS, type ContactSubmission, type FieldErrors } from "./form.ts";
import { CONTACT_MESSAGES, type ContactMessages } from "./messages.ts";
import type { ContactFormSettings } from "./settings.ts";

export const contactPath = (slug: string) => `/support/${encodeURIComponent(slug)}/contact`;

interface FormState {
  values: ContactSubmission;
  errors: FieldErrors;
  /** Files came with a refused post; a browser cannot put them back, so the person is asked to choose them again. */
  filesDropped: boolean;
}

const EMPTY: FormState = { values: {}, errors: new Map(), filesDropped: false };

interface Control {
  id: string;
  name: string;
  label: string;
  required: boolean;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A labelled control with its hint and error tied to it, so a screen reader reads them with the field. */
function field(control: Control, t: ContactMessages, input: (describedBy: string | undefined, invalid: boolean) => Markup): Markup {
  const hintId = control.hint ? `${control.id}-hint` : undefined;
  const errorId = control.error ? `${control.id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return html`<div class="field">
<label for="${control.id}">${control.label}${!control.required && html` <span class="optional">${t.optional}</span>`}</label>
${hintId && html`<p class="hint" id="${hintId}">${control.hint}</p>`}
${errorId && html`<p class="error" id="${errorId}"><span class="visually-hidden">Error: </span>${control.error}</p>`}
${input(describedBy, Boolean(errorId))}
</div>`;
}

function customField(spec: FormField, state: FormState, t: ContactMessages): Markup {
  const name = customFieldName(spec.key);
  const control = { id: inputId(name), name: `${CUSTOM_FIELD_PREFIX}${spec.key}`, label: spec.label, required: spec.required, error: state.errors.get(name) };
  const value = state.values.fields?.[spec.key] ?? "";
  return field(control, t, (describedBy, invalid) => {
    const common = html`id="${control.id}" name="${control.name}" ${spec.required && "required"} ${describedBy && html`aria-describedby="${describedBy}"`} ${invalid && html`aria-invalid="true"`}`;
    if (spec.type === "textarea") return html`<textarea ${common} maxlength="${LIMITS.textarea}" rows="4">${value}</textarea>`;
    if (spec.type === "select") {
      return html`<select ${common}><option value="">${t.choose}</option>${(spec.options ?? []).map(
        (option) => html`<option value="${option}" ${option === value && "selected"}>${option}</option>`,
      )}</select>`;
    }
    const type = spec.type === "email" ? "email" : "text";
    return html`<input type="${type}" ${common} value="${value}" maxlength="${LIMITS.text}" ${type === "email" && html`autocomplete="email"`}>`;
  });
}

function errorSummary(state: FormState, t: ContactMessages): Markup | "" {
  if (state.errors.size === 0) return "";
  // Focus starts on the list of problems (no script needed), whose links lead to each field.
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${t.errorsTitle}</h2>
<ul>${[...state.errors].map(([name, message]) => html`<li><a href="#${inputId(name)}">${message}</a></li>`)}</ul>
</div>`;
}

function languageLinks(path: string, current: PublicLanguage) {
  return PUBLIC_LANGUAGES.filter((lang) => lang !== current).map((lang) => ({ lang, label: CONTACT_MESSAGES[lang].languageName, href: `${path}?lang=${lang}` }));
}

function send(reply: FastifyReply, settings: ContactFormSettings, lang: PublicLanguage, title: string, body: Markup, path: string, status = 200) {
  return sendPublicPage(
    reply,
    { lang, title, brand: settings.workspaceName, body, accent: settings.accent, frameAncestors: settings.allowedOrigins, languageLinks: languageLinks(path, lang) },
    status,
  );
}

/** The form, empty or as it was sent with what needs fixing. */
export function sendContactForm(reply: FastifyReply, settings: ContactFormSettings, lang: PublicLanguage, fileLimit: number, state: FormState = EMPTY, status = 200) {
  const t = CONTACT_MESSAGES[lang];
  const path = contactPath(settings.slug);
  const text = (name: "name" | "email" | "subject", extra: Markup) =>
    field({ id: inputId(name), name, label: t[name], required: true, hint: name === "email" ? t.emailHint : undefined, error: state.errors.get(name) }, t, (describedBy, invalid) =>
      html`<input type="${name === "email" ? "email" : "text"}" id="${inputId(name)}" name="${name}" value="${state.values[name] ?? ""}" maxlength="${LIMITS[name]}" required ${describedBy && html`aria-describedby="${describedBy}"`} ${invalid && html`aria-invalid="true"`} ${extra}>`,
    );
  const attachmentsError = [state.errors.get("attachments"), state.filesDropped && state.errors.size > 0 ? t.chooseFilesAgain : undefined].filter(Boolean).join(" ");
  const body = html`<div class="card">
<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
${errorSummary(state, t)}
<form method="post" action="${path}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="submissionId" value="${state.values.submissionId ?? randomUUID()}">
${text("name", html`autocomplete="name"`)}
${text("email", html`autocomplete="email" spellcheck="false"`)}
${text("subject", html``)}
${field({ id: inputId("message"), name: "message", label: t.message, required: true, error: state.errors.get("message") }, t, (describedBy, invalid) =>
  html`<textarea id="${inputId("message")}" name="message" rows="8" maxlength="${LIMITS.message}" required ${describedBy && html`aria-describedby="${describedBy}"`} ${invalid && html`aria-invalid="true"`}>${state.values.message ?? ""}</textarea>`,
)}
${settings.contactFields.map((spec) => customField(spec, state, t))}
${field(
  { id: inputId("attachments"), name: "attachments", label: t.attachments, required: false, hint: t.attachmentsHint(LIMITS.files, formatBytes(fileLimit)), error: attachmentsError || undefined },
  t,
  (describedBy, invalid) =>
    html`<input type="file" id="${inputId("attachments")}" name="attachments" multiple accept="${Object.keys(ACCEPTED_FILES).join(",")}" ${describedBy && html`aria-describedby="${describedBy}"`} ${invalid && html`aria-invalid="true"`}>`,
)}
<div class="hp" aria-hidden="true">
<label for="${inputId("website")}">${t.honeypot}</label>
<input type="text" id="${inputId("website")}" name="website" tabindex="-1" autocomplete="off">
</div>
<button type="submit" class="button">${t.send}</button>
</form>
</div>`;
  return send(reply, settings, lang, state.errors.size ? `${t.errorsTitle}: ${t.title}` : t.title, body, path, status);
}

/** After a post, the page the browser is sent on to: a reload shows it again rather than sending the form twice. */
export function sendThanks(reply: FastifyReply, settings: ContactFormSettings, lang: PublicLanguage, number: number | undefined) {
  const t = CONTACT_MESSAGES[lang];
  const path = contactPath(settings.slug);
  const body = html`<div class="card">
<h1>${t.sentTitle}</h1>
<p class="lead">${t.sentLead}</p>
${number !== undefined && html`<p class="reference-label">${t.referenceIs}</p><p class="reference" data-testid="reference">#${number}</p><p>${t.sentNext}</p>`}
<p><a href="${path}?lang=${lang}">${t.sendAnother}</a></p>
</div>`;
  return send(reply, settings, lang, t.sentTitle, body, `${path}/sent`);
}

/** A page that explains why nothing was sent, for the cases a form cannot show next to a field. */
export function sendProblem(reply: FastifyReply, lang: PublicLanguage, problem: "notFound" | "tooMany" | "refused", status: number, settings?: ContactFormSettings) {
  const t = CONTACT_MESSAGES[lang];
  const texts: Record<typeof problem, { title: string; lead: string }> = {
    notFound: { title: t.notFoundTitle, lead: t.notFoundLead },
    tooMany: { title: t.tooManyTitle, lead: t.tooManyLead },
    refused: { title: t.refusedTitle, lead: t.refusedLead },
  };
  const { title, lead } = texts[problem];
  const body = html`<div class="card"><h1>${title}</h1><p class="lead">${lead}</p>${settings && problem !== "notFound" && html`<p><a href="${contactPath(settings.slug)}?lang=${lang}">${t.title}</a></p>`}</div>`;
  return sendPublicPage(reply, { lang, title, brand: settings?.workspaceName ?? "Rapport", body, accent: settings?.accent }, status);
}
