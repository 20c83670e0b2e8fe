import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Anchor, Avatar, Badge, Group, Loader, Stack, Text, Textarea, Title } from "@mantine/core";
import { api, ApiError, unwrap } from "../../api/client";
import { useFormat } from "../../app/format";
import { keys } from "../../app/live";
import type { Channel } from "../../api/types";
import { useCustomer, useCustomerConversations } from "./queries";
import { VisitorCard } from "./VisitorCard";

interface CustomerPanelProps {
  customerId: string;
  /** The conversation on screen, left out of "other conversations". */
  conversationId: string;
  /** A chat's visitor (their page, browser, identity) is shown first. */
  channel: Channel;
}

/** Who the customer is, what else they asked, and the team's notes on them: so nobody has to ask twice. */
export function CustomerPanel({ customerId, conversationId, channel }: CustomerPanelProps) {
  const { t } = useTranslation("customer");
  const customer = useCustomer(customerId);
  const conversations = useCustomerConversations(customerId);
  const format = useFormat();

  if (customer.isPending) return <Loader size="sm" aria-label={t("common:loading")} />;
  if (customer.isError) return <Text c="red.8">{customer.error instanceof ApiError ? customer.error.message : t("common:error")}</Text>;
  const data = customer.data;
  const name = data.name || data.email || data.phone || t("unnamed");
  const attributes = Object.entries(data.attributes);
  const others = (conversations.data?.items ?? []).filter((item) => item.id !== conversationId);
  const identities = data.identities.filter((identity) => !(identity.kind === "email" && identity.value === data.email) && !(identity.kind === "phone" && identity.value === data.phone));

  return (
    <Stack gap="md" className="customer-panel">
      <Group gap="sm" wrap="nowrap">
        <Avatar name={name} color="initials" />
        <div>
          <Title order={2} size="h5">
            {name}
          </Title>
          <Text size="xs" c="gray.7">
            {t("since", { when: format.dateTime(data.createdAt) })}
          </Text>
        </div>
      </Group>

      {channel === "chat" && <VisitorCard conversationId={conversationId} />}

      <section aria-labelledby="customer-contact">
        <Title order={3} size="h6" id="customer-contact" mb={4}>
          {t("contact")}
        </Title>
        <dl className="facts">
          {data.email && (
            <div className="fact">
              <dt>{t("email")}</dt>
              <dd>
                <Anchor href={`mailto:${data.email}`} size="sm">
                  {data.email}
                </Anchor>
              </dd>
            </div>
          )}
          {data.phone && (
            <div className="fact">
              <dt>{t("phone")}</dt>
              <dd>
                <Anchor href={`tel:${data.phone}`} size="sm">
                  {data.phone}
                </Anchor>
              </dd>
            </div>
          )}
          {data.externalId && (
            <div className="fact">
              <dt>{t("externalId")}</dt>
              <dd>{data.externalId}</dd>
            </div>
          )}
          {identities.map((identity) => (
            <div key={`${identity.kind}:${identity.value}`} className="fact">
              <dt>{t(`identity.${identity.kind}`, { defaultValue: identity.kind })}</dt>
              <dd>{identity.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {attributes.length > 0 && (
        <section aria-labelledby="customer-attributes">
          <Title order={3} size="h6" id="customer-attributes" mb={4}>
            {t("attributes")}
          </Title>
          <dl className="facts">
            {attributes.map(([key, value]) => (
              <div key={key} className="fact">
                <dt>{key}</dt>
                <dd>{typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section aria-labelledby="customer-conversations">
        <Title order={3} size="h6" id="customer-conversations" mb={4}>
          {t("otherConversations")}
        </Title>
        {conversations.isPending ? (
          <Loader size="xs" aria-label={t("common:loading")} />
        ) : others.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t("noOtherConversations")}
          </Text>
        ) : (
          <ul className="customer-conversations">
            {others.map((item) => (
              <li key={item.id}>
                <Anchor component={Link} href={`/conversations/${item.id}`} size="sm" lineClamp={1}>
                  #{item.number} · {item.subject || t("noSubject")}
                </Anchor>
                <Group gap={6}>
                  <Badge size="xs" variant="light" color={item.status === "resolved" || item.status === "closed" ? "gray" : "teal"} c={item.status === "resolved" || item.status === "closed" ? "gray.9" : "teal.9"}>
                    {t(`common:status.${item.status}`)}
                  </Badge>
                  <Text size="xs" c="gray.7">
                    {format.when(item.lastActivityAt)}
                  </Text>
                </Group>
              </li>
            ))}
          </ul>
        )}
      </section>

      <CustomerNotes customerId={customerId} notes={data.notes} />
    </Stack>
  );
}

type SaveState = "idle" | "saving" | "saved" | "failed";

function CustomerNotes({ customerId, notes }: { customerId: string; notes: string }) {
  const { t } = useTranslation("customer");
  const queryClient = useQueryClient();
  const [value, setValue] = useState(notes);
  // Unsaved text stays put, even when a save fails or someone else's edit arrives.
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>("idle");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) setValue(notes);
  }, [notes, dirty]);

  const save = useMutation({
    mutationFn: (next: string) => unwrap(api.PATCH("/api/v1/customers/{id}", { params: { path: { id: customerId } }, body: { notes: next } })),
    onMutate: () => setState("saving"),
    onSuccess: (customer) => {
      queryClient.setQueryData(keys.customer(customerId), customer);
      setState("saved");
      setDirty(false);
      setError(null);
    },
    onError: (failure) => {
      setState("failed");
      setError(failure instanceof ApiError ? failure.message : t("common:error"));
    },
  });

  return (
    <section aria-labelledby="customer-notes">
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h6" id="customer-notes">
          {t("notes")}
        </Title>
        <Text size="xs" c={state === "failed" ? "red.8" : "gray.7"} role="status">
          {state === "saving" ? t("saving") : state === "saved" ? t("common:saved") : ""}
        </Text>
      </Group>
      <Textarea
        label={t("notes")}
        labelProps={{ className: "visually-hidden" }}
        description={t("notesHint")}
        value={value}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          setDirty(true);
          setState("idle");
        }}
        onBlur={() => {
          if (dirty && value !== notes) save.mutate(value);
          else setDirty(false);
        }}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={20_000}
        error={error}
      />
    </section>
  );
}
