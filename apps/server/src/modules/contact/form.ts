import Type, { type Static } from "typebox";
import { formatBytes } from "../../platform/files.ts";
import type { FormField } from "../widget/schema.ts";
import type { ContactMessages } from "./messages.ts";

// Generous outer bounds for the request itself; the form's own limits below answer with a message per field.
export const ContactBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 10_000 })),
    email: Type.Optional(Type.String({ maxLength: 10_000 })),
    subject: Type.Optional(Type.String({ maxLength: 10_000 })),
    message: Type.Optional(Type.String({ maxLength: 200_000 })),
    fields: Type.Optional(Type.Record(Type.String({ pattern: "^[a-z][a-z0-9_]*$", maxLength: 100 }), Type.String({ maxLength: 20_000 }), { maxProperties: 50 })),
    /** The honeypot: hidden from people, filled in by bots that fill in everything. */
    website: Type.Optional(Type.String({ maxLength: 10_000 })),
    /** Written into the page when it is shown: a second press of "Send" names the same submission. */
    submissionId: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9-]{8,64}$" })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type ContactSubmission = Static<typeof ContactBody>;

/** How a custom field's answer arrives from an HTML form: `field_<key>`, as the page names its inputs. */
export const CUSTOM_FIELD_PREFIX = "field_";

/** A flat form post (multipart or urlencoded) as the body the schema checks; unknown names are left for it to refuse. */
export function submissionFromForm(entries: Iterable<[string, string]>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (name.startsWith(CUSTOM_FIELD_PREFIX)) fields[name.slice(CUSTOM_FIELD_PREFIX.length)] = value;
    else body[name] = value;
  }
  if (Object.keys(fields).length > 0) body.fields = fields;
  return body;
}

export const LIMITS = { name: 200, email: 320, subject: 200, message: 20_000, text: 1_000, textarea: 5_000, files: 5, fileBytes: 10 * 1024 * 1024 };

/** The files the form takes, by extension, with the type they are stored as: nothing that runs when opened. */
export const ACCEPTED_FILES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".heic": "image/heic",
  ".pdf": "application/pdf",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xls": "application/vnd.ms-excel",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
};

export interface ReceivedUpload {
  filename: string;
  content: Buffer;
  /** Cut off at the size limit: refused, never stored in part. */
  truncated: boolean;
}

export interface AcceptedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What to tell the person, by the field it concerns: `name`, `email`, `subject`, `message`, `attachments` or `fields.<key>`. */
export type FieldErrors = Map<string, string>;

export interface CheckedSubmission {
  name: string;
  email: string;
  subject: string;
  message: string;
  /** The custom questions' answers in the form's order, empty ones left out. */
  answers: { field: FormField; value: string }[];
  files: AcceptedFile[];
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export const customFieldName = (key: string) => `fields.${key}`;
/** The id of the input a field is written with on the page. */
export const inputId = (name: string) => `contact-${name.replace(/[._]/g, "-")}`;

/** Checks a submission against the form's rules; every problem is reported at once, keyed by the input it concerns. */
export function checkSubmission(
  submission: ContactSubmission,
  uploads: ReceivedUpload[],
  contactFields: FormField[],
  t: ContactMessages,
  fileLimit: number,
): { errors: FieldErrors; checked: CheckedSubmission } {
  const errors: FieldErrors = new Map();
  const text = (name: "name" | "email" | "subject" | "message", label: string) => {
    const value = (submission[name] ?? "").trim();
    if (!value) errors.set(name, t.missing[name]);
    else if (value.length > LIMITS[name]) errors.set(name, t.tooLong(label, LIMITS[name]));
    return value;
  };
  const name = text("name", t.name);
  const email = text("email", t.email);
  if (email && !errors.has("email") && !EMAIL.test(email)) errors.set("email", t.invalidEmail);
  const subject = text("subject", t.subject);
  const message = text("message", t.message);

  const answers: CheckedSubmission["answers"] = [];
  for (const field of contactFields) {
    const id = customFieldName(field.key);
    const value = (submission.fields?.[field.key] ?? "").trim();
    const max = field.type === "textarea" ? LIMITS.textarea : LIMITS.text;
    if (!value) {
      if (field.required) errors.set(id, t.required(field.label));
    } else if (value.length > max) errors.set(id, t.tooLong(field.label, max));
    else if (field.type === "select" && !(field.options ?? []).includes(value)) errors.set(id, t.invalidChoice(field.label));
    else if (field.type === "email" && !EMAIL.test(value)) errors.set(id, t.invalidEmail);
    else answers.push({ field, value });
  }

  const files: AcceptedFile[] = [];
  const fileProblems: string[] = [];
  if (uploads.length > LIMITS.files) fileProblems.push(t.tooManyFiles(LIMITS.files));
  for (const upload of uploads.slice(0, LIMITS.files)) {
    const extension = /\.[^.]+$/.exec(upload.filename.toLowerCase())?.[0] ?? "";
    const contentType = ACCEPTED_FILES[extension];
    if (upload.truncated) fileProblems.push(t.fileTooLarge(upload.filename, formatBytes(fileLimit)));
    else if (!contentType) fileProblems.push(t.fileType(upload.filename));
    else files.push({ filename: upload.filename, contentType, content: upload.content });
  }
  if (fileProblems.length > 0) errors.set("attachments", fileProblems.join(" "));
  return { errors, checked: { name, email, subject, message, answers, files } };
}
