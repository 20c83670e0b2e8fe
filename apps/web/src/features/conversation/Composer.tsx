import { useEffect, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Group, Mentions, SegmentedControl, Text, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconLock, IconPaperclip, IconSend } from "@tabler/icons-react";
import { api, ApiError, unwrap } from "../../api/client";
import { uploadAttachment } from "../../api/upload";
import type { Attachment, Message, NewMessage, Person } from "../../api/types";
import { useFormat } from "../../app/format";
import { keys } from "../../app/live";
import { useShortcut } from "../../app/shortcuts";
import { findCollision, parseMentions, repliesIn, type Collision } from "./collision";
import { ComposerFiles, type Upload } from "./ComposerFiles";
import { appendParagraph, useComposerInsertions } from "./composer-insert";
import { hasContent, readDraft, writeDraft, type ComposerMode, type Draft } from "./drafts";
import type { Viewer } from "./presence";
import { addSentMessage } from "./queries";

interface ComposerProps {
  conversationId: string;
  selfId: string;
  messages: Message[];
  people: Person[];
  viewers: Viewer[];
  onTyping: () => void;
}

interface Pending {
  collision: Collision;
  resolve: boolean;
}

const emptyDraft = (): Draft => ({ value: "", baseline: null, startedAt: new Date().toISOString(), attachments: [] });

/** The most a message may carry (the API's limit). */
const MAX_FILES = 20;

/** A pasted or dropped item that is a file, not text a browser offers in several forms. */
const carriesFiles = (transfer: DataTransfer) => Array.from(transfer.types).includes("Files");

export function Composer({ conversationId, selfId, messages, people, viewers, onTyping }: ComposerProps) {
  const { t } = useTranslation("conversation");
  const format = useFormat();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [draft, setDraft] = useState<Draft>(() => readDraft(conversationId, "reply") ?? emptyDraft());
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const uploadCount = useRef(0);
  const controllers = useRef(new Map<number, AbortController>());
  const shown = useRef({ conversationId, mode });
  shown.current = { conversationId, mode };
  const latestMessageId = messages.at(-1)?.id ?? null;

  // Each conversation and mode keeps its own draft; switching restores the other one.
  useEffect(() => {
    setDraft(readDraft(conversationId, mode) ?? emptyDraft());
    setError(null);
    setPending(null);
  }, [conversationId, mode]);

  useEffect(() => {
    const inFlight = controllers.current;
    return () => inFlight.forEach((controller) => controller.abort());
  }, []);

  /** A draft that begins now remembers the newest message seen, for the collision checks. */
  const begun = (current: Draft): Draft => (hasContent(current) ? current : { ...current, baseline: latestMessageId, startedAt: new Date().toISOString() });

  const focusIn = (next: ComposerMode) => {
    setMode(next);
    requestAnimationFrame(() => field.current?.focus());
  };
  useShortcut("r", "replyToConversation", "conversation", () => focusIn("reply"));
  useShortcut("n", "noteOnConversation", "conversation", () => focusIn("note"));

  const change = (value: string) => {
    const next = { ...begun(draft), value };
    setDraft(next);
    writeDraft(conversationId, mode, next);
    setError(null);
    if (mode === "reply") onTyping();
  };

  useComposerInsertions(conversationId, (text) => {
    change(appendParagraph(draft.value, text));
    requestAnimationFrame(() => field.current?.focus());
  });

  /** Adds an uploaded file to the draft it was chosen for, even if the agent has moved to another one since. */
  const attach = (target: { conversationId: string; mode: ComposerMode }, attachment: Attachment) => {
    if (shown.current.conversationId === target.conversationId && shown.current.mode === target.mode) {
      setDraft((current) => {
        const next = { ...begun(current), attachments: [...current.attachments, attachment] };
        writeDraft(target.conversationId, target.mode, next);
        return next;
      });
    } else {
      const stored = readDraft(target.conversationId, target.mode) ?? emptyDraft();
      writeDraft(target.conversationId, target.mode, { ...stored, attachments: [...stored.attachments, attachment] });
    }
  };

  const startUpload = (file: File, key = (uploadCount.current += 1)) => {
    const target = { conversationId, mode };
    const controller = new AbortController();
    controllers.current.set(key, controller);
    const patch = (change: Partial<Upload>) => setUploads((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
    setUploads((list) => [...list.filter((item) => item.key !== key), { key, file, ...target, progress: 0, error: null, detail: null }]);
    uploadAttachment(file, { signal: controller.signal, onProgress: (progress) => patch({ progress }) })
      .then(({ id, filename, contentType, size }) => {
        setUploads((list) => list.filter((item) => item.key !== key));
        attach(target, { id, filename, contentType, size });
      })
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return;
        if (failure instanceof ApiError && failure.code === "payload_too_large") patch({ error: t("upload.tooLarge"), detail: failure.message });
        else if (failure instanceof ApiError && failure.code === "network_error") patch({ error: t("upload.networkFailed"), detail: null });
        else patch({ error: failure instanceof ApiError ? failure.message : t("upload.failed"), detail: null });
      })
      .finally(() => controllers.current.delete(key));
  };

  const addFiles = (files: File[]) => {
    if (files.length === 0) return;
    const waiting = uploads.filter((item) => item.conversationId === conversationId && item.mode === mode && !item.error).length;
    const room = Math.max(0, MAX_FILES - draft.attachments.length - waiting);
    setError(files.length > room ? t("upload.tooMany", { count: MAX_FILES }) : null);
    files.slice(0, room).forEach((file) => startUpload(file));
  };

  const dropUpload = (key: number) => {
    controllers.current.get(key)?.abort();
    setUploads((list) => list.filter((item) => item.key !== key));
  };

  const removeAttachment = (id: string) => {
    const next = { ...draft, attachments: draft.attachments.filter((item) => item.id !== id) };
    setDraft(next);
    writeDraft(conversationId, mode, next);
  };

  const here = uploads.filter((item) => item.conversationId === conversationId && item.mode === mode);
  const uploading = here.some((item) => !item.error);

  const send = async (options: { resolve: boolean; confirmed?: string | null }) => {
    const { text, mentions } = parseMentions(draft.value);
    if ((!text.trim() && draft.attachments.length === 0) || sending || uploading) return;
    if (mode === "reply" && options.confirmed === undefined) {
      const collision = findCollision({ messages, viewers, selfId, baseline: draft.baseline, startedAt: draft.startedAt });
      if (collision) {
        setPending({ collision, resolve: options.resolve });
        return;
      }
    }
    setPending(null);
    setSending(true);
    setError(null);
    const body: NewMessage = { kind: mode, text };
    if (draft.attachments.length) body.attachments = draft.attachments.map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size }));
    if (mode === "note" && mentions.length) body.mentions = mentions;
    if (options.resolve) body.status = "resolved";
    // The server refuses the reply if someone else replied after what this agent last saw; once they have
    // reviewed a warning, what they saw is the newest message.
    if (mode === "reply") body.ifNoReplySince = options.confirmed ?? draft.baseline ?? draft.startedAt;
    try {
      const message = await unwrap(api.POST("/api/v1/conversations/{id}/messages", { params: { path: { id: conversationId } }, body }));
      queryClient.setQueryData(keys.messages(conversationId), (data: Parameters<typeof addSentMessage>[0]) => addSentMessage(data, message));
      void queryClient.invalidateQueries({ queryKey: keys.conversation(conversationId) });
      void queryClient.invalidateQueries({ queryKey: keys.conversations });
      writeDraft(conversationId, mode, null);
      setDraft(emptyDraft());
      // What failed to upload was not sent either; it goes with the draft it belonged to.
      setUploads((list) => list.filter((item) => item.conversationId !== conversationId || item.mode !== mode));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "conversation_changed") {
        const replies = repliesIn(failure.details);
        void queryClient.invalidateQueries({ queryKey: keys.messages(conversationId) });
        setPending({ collision: { replying: [], replies }, resolve: options.resolve });
      } else {
        setError(failure instanceof ApiError ? failure.message : t("sendFailed"));
      }
    } finally {
      setSending(false);
    }
  };

  const sendAnyway = () => {
    if (!pending) return;
    const seen = pending.collision.replies.at(-1)?.id ?? latestMessageId;
    void send({ resolve: pending.resolve, confirmed: seen });
  };

  const label = t(mode === "reply" ? "composer.reply" : "composer.note");
  const typing = viewers.filter((viewer) => viewer.state === "typing");
  const mentionable = people.filter((person) => person.active && person.id !== selfId).map((person) => ({ id: person.id, display: person.name }));
  const ready = hasContent(draft) && !uploading && pending === null;

  const dragOver = (event: DragEvent<HTMLElement>) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };

  return (
    <section
      className={`composer composer-${mode}${dragging ? " composer-dragging" : ""}`}
      aria-labelledby="composer-heading"
      onDragEnter={dragOver}
      onDragOver={dragOver}
      onDragLeave={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDragging(false);
      }}
      onDrop={(event) => {
        setDragging(false);
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        addFiles(Array.from(event.dataTransfer.files));
      }}
    >
      {dragging && (
        <div className="composer-drop" aria-hidden>
          {t("upload.drop")}
        </div>
      )}
      <VisuallyHidden>
        <h3 id="composer-heading">{t("composer.heading")}</h3>
      </VisuallyHidden>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send({ resolve: false });
        }}
      >
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(value) => focusIn(value as ComposerMode)}
            aria-label={t("composer.mode")}
            data={[
              { value: "reply", label: t("composer.reply") },
              { value: "note", label: t("composer.note") },
            ]}
          />
          <Text size="xs" c="gray.7" aria-live="polite" className="typing-indicator">
            {typing.length > 0 ? t("typing", { count: typing.length, name: typing[0]?.userName, names: typing.map((viewer) => viewer.userName).join(", ") }) : ""}
          </Text>
        </Group>
        {mode === "note" && (
          <Text size="xs" c="var(--note-ink)" mb={4} className="note-hint">
            <IconLock size={12} aria-hidden /> {t("composer.noteHint")}
          </Text>
        )}
        <Mentions
          ref={field}
          label={label}
          labelProps={{ className: "visually-hidden" }}
          placeholder={t(mode === "reply" ? "composer.replyPlaceholder" : "composer.notePlaceholder")}
          value={draft.value}
          onChange={(payload) => change(payload.value)}
          minRows={3}
          maxRows={12}
          nothingFoundMessage={mode === "note" ? t("composer.nobodyFound") : undefined}
          a11ySuggestionsListLabel={t("composer.teammates")}
          classNames={{ input: "composer-input" }}
          onPaste={(event) => {
            // A copied screenshot arrives as a file; text copied from a document may bring a picture of itself too, and stays text.
            if (event.clipboardData.files.length === 0 || event.clipboardData.types.includes("text/plain")) return;
            event.preventDefault();
            addFiles(Array.from(event.clipboardData.files));
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void send({ resolve: false });
            }
          }}
          aria-keyshortcuts={mode === "reply" ? "r" : "n"}
        >
          <Mentions.Mention trigger="@" data={mode === "note" ? mentionable : []} appendSpaceOnAdd maxSuggestions={8} />
        </Mentions>
        <ComposerFiles attachments={draft.attachments} uploads={here} onRemove={removeAttachment} onCancel={dropUpload} onRetry={(upload) => startUpload(upload.file, upload.key)} />
        {pending && (
          <Alert color="orange" mt="sm" icon={<IconAlertTriangle size={18} aria-hidden />} title={t("collision.title")} role="alert" classNames={{ title: "collision-title", icon: "collision-title" }}>
            <CollisionText collision={pending.collision} people={people} relative={format.relative} />
            <Group mt="sm" gap="xs">
              <Button size="xs" color="var(--warning-button)" onClick={sendAnyway} loading={sending}>
                {t("collision.sendAnyway")}
              </Button>
              <Button size="xs" variant="default" onClick={() => setPending(null)}>
                {t("common:cancel")}
              </Button>
            </Group>
          </Alert>
        )}
        {error && (
          <Alert color="red" mt="sm" role="alert" title={t("sendFailed")}>
            {error}
          </Alert>
        )}
        <Group justify="space-between" mt="xs" wrap="nowrap" align="center">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              data-testid="composer-file-input"
              onChange={(event) => {
                addFiles(Array.from(event.currentTarget.files ?? []));
                // The same file chosen again is a new upload, so the input must forget it.
                event.currentTarget.value = "";
              }}
            />
            <Button variant="subtle" color="gray" size="compact-sm" flex="none" leftSection={<IconPaperclip size={16} aria-hidden />} onClick={() => picker.current?.click()}>
              {t("upload.attach")}
            </Button>
            <Text size="xs" c="gray.7" aria-live="polite">
              {uploading ? t("upload.waiting") : t("composer.sendHint")}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {mode === "reply" && (
              <Button variant="default" size="xs" onClick={() => void send({ resolve: true })} disabled={sending || !ready}>
                {t("composer.sendAndResolve")}
              </Button>
            )}
            <Button type="submit" size="xs" leftSection={<IconSend size={14} aria-hidden />} loading={sending} disabled={!ready} color={mode === "note" ? "var(--note-button)" : undefined}>
              {t("composer.send")}
            </Button>
          </Group>
        </Group>
      </form>
    </section>
  );
}

function CollisionText({ collision, people, relative }: { collision: Collision; people: Person[]; relative: (iso: string) => string }) {
  const { t } = useTranslation("conversation");
  const lines: string[] = [];
  for (const viewer of collision.replying) lines.push(t("collision.alsoReplying", { name: viewer.userName }));
  const byAuthor = new Map<string, Message>();
  for (const reply of collision.replies) byAuthor.set(reply.authorId ?? "", reply);
  for (const [authorId, reply] of byAuthor) {
    const name = people.find((person) => person.id === authorId)?.name ?? t("formerTeammate");
    lines.push(t("collision.replied", { name, when: relative(reply.createdAt) }));
  }
  if (lines.length === 0) lines.push(t("collision.someoneReplied"));
  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </>
  );
}
