import { useTranslation } from "react-i18next";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "wouter";
import { Alert, Anchor, Badge, Box, Group, Loader, MultiSelect, Paper, ScrollArea, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { api, ApiError, unwrap } from "../../api/client";
import type { Channel, SearchResults, Status } from "../../api/types";
import { usersQuery } from "../../app/directory";
import { useFormat } from "../../app/format";
import { useSession } from "../../app/session";
import { Highlight } from "./Highlight";
import classes from "./search.module.css";

const STATUSES: Status[] = ["open", "pending", "snoozed", "resolved", "closed"];
const CHANNELS: Channel[] = ["email", "chat", "web_form", "social", "phone", "in_person", "api"];
const TYPES = ["all", "conversations", "customers"] as const;
type ResultType = (typeof TYPES)[number];
// The most the endpoint returns; channel and assignee narrow these on this side, as the endpoint has no such filters.
const LIMIT = 50;
const UNASSIGNED = "unassigned";

/** Unicode isolates keep a person's words in their own direction inside a sentence of the interface's. */
const isolate = (text: string) => `\u2068${text}\u2069`;

const listParam = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? "").split(",").filter((item): item is T => (allowed as readonly string[]).includes(item));

function ConversationHits({ hits, assigneeName }: { hits: SearchResults["conversations"]; assigneeName: (id: string | null) => string }) {
  const { t } = useTranslation("search");
  const format = useFormat();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
      {hits.map(({ conversation, highlight }) => (
        <Paper component="li" withBorder p="sm" key={conversation.id} className={classes.hit}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
            <Anchor component={Link} href={`/conversations/${conversation.id}`} fw={600} size="sm" className={classes.hitLink}>
              <Text span c="dimmed" size="sm" fw={500}>
                #{conversation.number}
              </Text>{" "}
              <span dir="auto">{conversation.subject || t("noSubject")}</span>
            </Anchor>
            <Badge variant="light" color={conversation.status === "open" ? "teal" : "gray"} style={{ flexShrink: 0 }}>
              {t(`common:status.${conversation.status}`)}
            </Badge>
          </Group>
          <Text size="sm" mt={4} className={classes.passage} dir="auto">
            <Highlight html={highlight} />
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {[
              conversation.customer.name ?? conversation.customer.email ?? t("unknownCustomer"),
              t(`common:channel.${conversation.channel}`),
              assigneeName(conversation.assigneeId),
              t("lastActivity", { when: format.relative(conversation.lastActivityAt) }),
            ].join(" · ")}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

function CustomerHits({ hits }: { hits: SearchResults["customers"] }) {
  const { t } = useTranslation("search");
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
      {hits.map(({ customer, highlight }) => (
        <Paper component="li" withBorder p="sm" key={customer.id}>
          <Text size="sm" fw={600} dir="auto">
            {customer.name ?? customer.email ?? customer.phone ?? t("unknownCustomer")}
          </Text>
          <Text size="sm" mt={4} className={classes.passage} dir="auto">
            <Highlight html={highlight} />
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

function ResultGroup({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" mb="xs" id={id}>
        {title}{" "}
        <Text span c="dimmed" size="sm" fw={400}>
          ({count})
        </Text>
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </section>
  );
}

export default function SearchPage() {
  const { t } = useTranslation("search");
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const type: ResultType = TYPES.find((value) => value === params.get("type")) ?? "all";
  const statuses = listParam(params.get("status"), STATUSES);
  const channel = CHANNELS.find((value) => value === params.get("channel")) ?? null;
  const assignee = params.get("assignee");

  const people = useQuery({ ...usersQuery, select: (answer) => answer.items });
  const results = useQuery({
    queryKey: ["search", { q, type, statuses }],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/search", {
          params: { query: { q, limit: LIMIT, ...(type !== "all" && { type: [type] }), ...(statuses.length > 0 && { status: statuses }) } },
        }),
      ),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  const setParam = (name: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const assigneeName = (id: string | null) =>
    id === null ? t("common:unassigned") : id === user.id ? t("you") : (people.data?.find((person) => person.id === id)?.name ?? t("unknownPerson"));
  const conversations = (results.data?.conversations ?? []).filter(
    ({ conversation }) =>
      (!channel || conversation.channel === channel) &&
      (!assignee || (assignee === UNASSIGNED ? conversation.assigneeId === null : conversation.assigneeId === assignee)),
  );
  const customers = results.data?.customers ?? [];
  const showConversations = type !== "customers";
  const showCustomers = type !== "conversations";

  return (
    <ScrollArea className={classes.page} type="auto">
      <Box p={{ base: "md", sm: "xl" }} maw={960}>
        <Title order={2} size="h3" mb="md">
          {q ? t("titleFor", { q: isolate(q) }) : t("title")}
        </Title>
        <Group align="flex-end" gap="md" mb="lg" wrap="wrap" role="group" aria-label={t("filters")}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="search-type-label">
              {t("show")}
            </Text>
            <SegmentedControl
              aria-labelledby="search-type-label"
              value={type}
              onChange={(value) => setParam("type", value === "all" ? null : value)}
              data={TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
            />
          </Stack>
          {showConversations && (
            <>
              <MultiSelect
                label={t("status")}
                placeholder={statuses.length ? undefined : t("anyStatus")}
                data={STATUSES.map((value) => ({ value, label: t(`common:status.${value}`) }))}
                value={statuses}
                onChange={(value) => setParam("status", value.join(",") || null)}
                clearable
                miw={200}
                maw={360}
              />
              <Select
                label={t("channel")}
                placeholder={t("anyChannel")}
                data={CHANNELS.map((value) => ({ value, label: t(`common:channel.${value}`) }))}
                value={channel}
                onChange={(value) => setParam("channel", value)}
                clearable
                w={170}
              />
              <Select
                label={t("assignee")}
                placeholder={t("anyone")}
                data={[
                  { value: user.id, label: t("you") },
                  { value: UNASSIGNED, label: t("common:unassigned") },
                  ...(people.data ?? []).filter((person) => person.id !== user.id).map((person) => ({ value: person.id, label: person.name })),
                ]}
                value={assignee}
                onChange={(value) => setParam("assignee", value)}
                clearable
                searchable
                w={180}
              />
            </>
          )}
        </Group>

        {!q ? (
          <Text c="dimmed">{t("empty")}</Text>
        ) : results.isPending ? (
          <Loader aria-label={t("common:loading")} />
        ) : results.isError ? (
          <Alert color="red" role="alert" title={t("failed")}>
            {results.error instanceof ApiError ? results.error.message : t("unreachable")}
          </Alert>
        ) : (
          <Stack gap="xl" aria-busy={results.isFetching}>
            <Text size="sm" c="dimmed" role="status">
              {[
                showConversations && t("countConversations", { count: conversations.length }),
                showCustomers && t("countCustomers", { count: customers.length }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
            {showConversations && (
              <ResultGroup id="search-conversations" title={t("types.conversations")} count={conversations.length} empty={t("noConversations")}>
                <ConversationHits hits={conversations} assigneeName={assigneeName} />
              </ResultGroup>
            )}
            {showCustomers && (
              <ResultGroup id="search-customers" title={t("types.customers")} count={customers.length} empty={t("noCustomers")}>
                <CustomerHits hits={customers} />
              </ResultGroup>
            )}
          </Stack>
        )}
      </Box>
    </ScrollArea>
  );
}
