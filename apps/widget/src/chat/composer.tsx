import { useRef, useState } from "preact/hooks";
import type { ChatSession } from "./session.ts";
import type { Strings } from "./strings.ts";

/** The server has the final word; checking here spares a visitor a long upload that will be refused. */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = "image/*,.pdf,.txt,.csv,.doc,.docx,.xls,.xlsx,.odt,.ods,.zip";
const ACCEPTED = /^(image\/|application\/pdf$|text\/(plain|csv)$|application\/(zip|msword|vnd\.openxmlformats-officedocument\.|vnd\.ms-excel|vnd\.oasis\.opendocument\.))/;
const EMOJI = ["😀", "😂", "😊", "😍", "🤔", "😢", "😮", "😡", "👍", "👎", "🙏", "👏", "🎉", "❤️", "✅", "🔥"];

export function Composer({ session, t }: { session: ChatSession; t: Strings }) {
  const [text, setText] = useState("");
  const [picking, setPicking] = useState(false);
  const [upload, setUpload] = useState<{ name: string; percent: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const files = useRef<HTMLInputElement>(null);

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    session.send(body);
    setText("");
  };

  const attach = async (file: File) => {
    setProblem(null);
    if (file.size > MAX_BYTES) return setProblem(t.fileTooLarge(file.name, "10 MB"));
    if (!ACCEPTED.test(file.type)) return setProblem(t.fileType(file.name));
    setUpload({ name: file.name, percent: 0 });
    try {
      const attachment = await session.upload(file, (fraction) => setUpload({ name: file.name, percent: Math.round(fraction * 100) }));
      session.send(text.trim(), [attachment]);
      setText("");
    } catch (error) {
      setProblem(t.uploadFailed(file.name, error instanceof Error ? error.message : String(error)));
    } finally {
      setUpload(null);
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {upload && (
        <p class="notice subtle" role="status">
          {t.uploading(upload.name, upload.percent)}
          <progress max={100} value={upload.percent} />
        </p>
      )}
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
      {picking && (
        <div class="emoji" role="group" aria-label={t.emoji}>
          {EMOJI.map((emoji) => (
            <button
              type="button"
              key={emoji}
              onClick={() => {
                setText((current) => current + emoji);
                setPicking(false);
                input.current?.focus();
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
      <div class="row">
        <label for="rapport-composer" class="visually-hidden">
          {t.composerLabel}
        </label>
        <textarea
          id="rapport-composer"
          ref={input}
          rows={1}
          dir="auto"
          value={text}
          placeholder={t.composerPlaceholder}
          onInput={(event) => {
            setText(event.currentTarget.value);
            session.setTyping(event.currentTarget.value.length > 0);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <button type="button" class="icon-button" aria-label={t.emoji} aria-expanded={picking} onClick={() => setPicking(!picking)}>
          <span aria-hidden="true">☺</span>
        </button>
        <button type="button" class="icon-button" aria-label={t.attach} onClick={() => files.current?.click()} disabled={upload !== null}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M21 11l-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7" />
          </svg>
        </button>
        <input
          ref={files}
          type="file"
          accept={ACCEPT}
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) void attach(file);
          }}
        />
        <button type="submit" class="send" aria-label={t.send}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M4 12l16-8-6 16-2-7z" />
          </svg>
        </button>
      </div>
    </form>
  );
}
