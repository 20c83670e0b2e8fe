import { useState } from "preact/hooks";
import type { ChatSession } from "./session.ts";
import type { Strings } from "./strings.ts";
import type { FormField } from "../shared/host.ts";

/** The questions the workspace asks before a chat starts; the browser checks required fields and emails. */
export function PreChatForm({ fields, t, onSubmit }: { fields: FormField[]; t: Strings; onSubmit(answers: Record<string, string>): void }) {
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        onSubmit(Object.fromEntries(fields.map((field) => [field.key, String(data.get(field.key) ?? "")])));
      }}
    >
      <p>{t.preChatIntro}</p>
      {fields.map((field) => {
        const id = `rapport-field-${field.key}`;
        return (
          <div class="field" key={field.key}>
            <label for={id}>
              {field.label}
              {field.required && <span class="hint"> ({t.required})</span>}
            </label>
            {field.type === "textarea" ? (
              <textarea id={id} name={field.key} required={field.required} rows={3} dir="auto" />
            ) : field.type === "select" ? (
              <select id={id} name={field.key} required={field.required}>
                <option value="" />
                {(field.options ?? []).map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : field.type === "email" ? (
              <input id={id} name={field.key} type="email" required={field.required} autoComplete="email" />
            ) : (
              <input id={id} name={field.key} type="text" required={field.required} dir="auto" />
            )}
          </div>
        );
      })}
      <button type="submit" class="primary">
        {t.start}
      </button>
    </form>
  );
}

/** Said plainly when no one can chat, with a way to get the answer by email instead. */
export function AwayNotice({ session, t }: { session: ChatSession; t: Strings }) {
  const [outcome, setOutcome] = useState<"saved" | "failed" | null>(null);
  return (
    <section class="away" aria-labelledby="rapport-away">
      <p id="rapport-away">{t.awayBody}</p>
      {outcome === "saved" ? (
        <p role="status">{t.emailSaved}</p>
      ) : (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const email = String(new FormData(event.currentTarget).get("email") ?? "");
            void session.leaveEmail(email).then(
              (saved) => setOutcome(saved ? "saved" : "failed"),
              () => setOutcome("failed"),
            );
          }}
        >
          <label for="rapport-email" class="visually-hidden">
            {t.emailLabel}
          </label>
          <input id="rapport-email" name="email" type="email" required autoComplete="email" placeholder={t.emailLabel} />
          <button type="submit" class="primary">
            {t.emailSave}
          </button>
        </form>
      )}
      {outcome === "failed" && <p role="alert">{t.emailFailed}</p>}
    </section>
  );
}
