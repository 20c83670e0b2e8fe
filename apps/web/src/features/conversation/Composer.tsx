import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Group, Mentions, SegmentedControl, Text, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconLock, IconSend } from "@tabler/icons-react";
import { api, ApiError, unwrap } from "../../api/client";
import type { Message, NewMessage, Person } from "../../api/types";
import { useFormat } from "../../app/format";
import { keys } from "../../app/live";
import { useShortcut } from "../../app/shortcuts";
import { findCollision, parseMentions, repliesIn, type Collision } from "./collision";
import { readDraft, writeDraft, type ComposerMode, type Draft } from "./drafts";
import type { Viewer } from "./presence";

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

const emptyDraft = (): Draft => ({ value: "", baseline: null, startedAt: new Date().toISOString() });

export function Composer({ conversationId, selfId, messages, people, viewers, onTyping }: ComposerProps) {
  const { t } = useTranslation("conversation");
  const format = useFormat();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [draft, setDraft] = useState<Draft>(() => readDraft(conversationId, "reply") ?? emptyDraft());
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const latestMessageId = messages.at(-1)?.id ?? null;

  // Each conversation and mode keeps its own draft; switching restores the other one.
  useEffect(() => {
    setDraft(readDraft(conversationId, mode) ?? emptyDraft());
    setError(null);
    setPending(null);
  }, [conversationId, mode]);

  const focusIn = (next: ComposerMode) => {
    setMode(next);
    requestAnimationFrame(() => field.current?.focus());
  };
  useShortcut("r", "replyToConversation", "conversation", () => focusIn("reply"));
  useShortcut("n", "noteOnConversation", "conversation", () => focusIn("note"));

  const change = (value: string) => {
    const next = draft.value.trim() ? { ...draft, value } : { value, baseline: latestMessageId, startedAt: new Date().toISOString() };
    setDraft(next);
    writeDraft(conversationId, mode, next);
    setError(null);
    if (mode === "reply") onTyping();
  };

  const send = async (options: { resolve: boolean; confirmed?: string | null }) => {
    const { text, mentions } = parseMentions(draft.value);
    if (!text.trim() || sending) return;
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
    if (mode === "note" && mentions.length) body.mentions = mentions;
    if (options.resolve) body.status = "resolved";
    // The server refuses the reply if someone else replied after what this agent last saw; once they have
    // reviewed a warning, what they saw is the newest message.
    if (mode === "reply") body.ifNoReplySince = options.confirmed ?? draft.baseline ?? draft.startedAt;
    try {
      const message = await unwrap(api.POST("/api/v1/conversations/{id}/messages", { params: { path: { id: conversationId } }, body }));
      queryClient.setQueryData<Message[]>(keys.messages(conversationId), (list) => (list && !list.some((item) => item.id === message.id) ? [...list, message] : list));
      void queryClient.invalidateQueries({ queryKey: keys.conversation(conversationId) });
      void queryClient.invalidateQueries({ queryKey: keys.conversations });
      writeDraft(conversationId, mode, null);
      setDraft(emptyDraft());
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

  return (
    <section className={`composer composer-${mode}`} aria-labelledby="composer-heading">
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
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="gray.7">
            {t("composer.sendHint")}
          </Text>
          <Group gap="xs">
            {mode === "reply" && (
              <Button variant="default" size="xs" onClick={() => void send({ resolve: true })} disabled={sending || !draft.value.trim() || pending !== null}>
                {t("composer.sendAndResolve")}
              </Button>
            )}
            <Button type="submit" size="xs" leftSection={<IconSend size={14} aria-hidden />} loading={sending} disabled={!draft.value.trim() || pending !== null} color={mode === "note" ? "var(--note-button)" : undefined}>
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
