import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Group, Modal, Radio, ScrollArea, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { api, ApiError, unwrap } from "../../api/client";
import type { Conversation } from "../../api/types";
import { keys } from "../../app/live";
import { useCustomerConversations } from "../customer/queries";

interface MergeDialogProps {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
  onMerge: (into: Conversation) => Promise<unknown>;
}

/**
 * Finds the conversation to merge into: the customer's own first (the usual duplicate), then by subject among
 * recent ones and the search index, or exactly by its number when the agent types "#123" or "123".
 */
export function MergeDialog({ conversation, opened, onClose, onMerge }: MergeDialogProps) {
  const { t } = useTranslation("conversation");
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [chosen, setChosen] = useState<Conversation | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const customerId = conversation.customer.id;
  const theirs = useCustomerConversations(customerId, opened);
  const recent = useQuery({
    queryKey: keys.conversationList({ limit: 100, sort: "-last_activity", purpose: "merge" }),
    queryFn: () => unwrap(api.GET("/api/v1/conversations", { params: { query: { limit: 100, sort: "-last_activity" } } })),
    enabled: opened,
  });
  const typed = /^#?(\d{1,9})$/.exec(debounced)?.[1];
  const number = typed && Number(typed) >= 1 ? Number(typed) : undefined;
  const numbered = useQuery({
    queryKey: keys.conversationList({ number, purpose: "merge" }),
    queryFn: () => unwrap(api.GET("/api/v1/conversations", { params: { query: { number, limit: 1 } } })),
    enabled: opened && number !== undefined,
  });
  const searched = useQuery({
    queryKey: ["search", "merge", debounced],
    queryFn: () => unwrap(api.GET("/api/v1/search", { params: { query: { q: debounced, type: ["conversations"], limit: 20 } } })),
    enabled: opened && debounced.length > 1 && number === undefined,
  });

  const candidates = useMemo(() => {
    const seen = new Map<string, Conversation>();
    const add = (item: Conversation) => {
      if (item.id !== conversation.id && !item.mergedIntoId && !seen.has(item.id)) seen.set(item.id, item);
    };
    if (number !== undefined) {
      for (const item of numbered.data?.items ?? []) add(item);
      return [...seen.values()];
    }
    const needle = debounced.toLowerCase();
    const matches = (item: Conversation) => !needle || item.subject.toLowerCase().includes(needle);
    for (const item of theirs.data?.items ?? []) if (matches(item)) add(item);
    for (const hit of searched.data?.conversations ?? []) add(hit.conversation);
    if (needle) for (const item of recent.data?.items ?? []) if (matches(item)) add(item);
    return [...seen.values()].slice(0, 30);
  }, [theirs.data, recent.data, searched.data, numbered.data, debounced, number, conversation.id]);

  const close = () => {
    setQuery("");
    setChosen(null);
    setConfirming(false);
    setError(null);
    onClose();
  };

  const merge = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await onMerge(chosen);
      close();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t("common:error"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t("mergeTitle", { number: conversation.number })} size="lg">
      {confirming && chosen ? (
        <Stack>
          <Text>{t("mergeConfirm", { from: conversation.number, into: chosen.number, subject: chosen.subject })}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("back")}
            </Button>
            <Button color="red" loading={busy} onClick={() => void merge()}>
              {t("mergeAction", { number: chosen.number })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <TextInput label={t("mergeSearch")} placeholder={t("mergeSearchPlaceholder")} value={query} onChange={(event) => setQuery(event.currentTarget.value)} data-autofocus />
          <Radio.Group value={chosen?.id ?? null} onChange={(id) => setChosen(candidates.find((item) => item.id === id) ?? null)} label={t("mergeCandidates")}>
            <ScrollArea.Autosize mah={320} mt="xs">
              <Stack gap="xs">
                {candidates.map((item) => (
                  <Radio
                    key={item.id}
                    value={item.id}
                    label={`#${item.number} · ${item.subject || t("noSubject")}`}
                    description={`${item.customer.name ?? item.customer.email ?? ""} · ${t(`common:status.${item.status}`)}`}
                  />
                ))}
                {candidates.length === 0 && !numbered.isFetching && (
                  <Text size="sm" c="gray.7">
                    {t("mergeNothing")}
                  </Text>
                )}
              </Stack>
            </ScrollArea.Autosize>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common:cancel")}
            </Button>
            <Button disabled={!chosen} onClick={() => setConfirming(true)}>
              {t("mergeNext")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
