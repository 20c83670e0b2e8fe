import "./inbox.css";
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams, useSearch } from "wouter";
import { useMediaQuery } from "@mantine/hooks";
import { Alert, Button, Center, Checkbox, Group, Loader, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconMoodSmile } from "@tabler/icons-react";
import type { Conversation, Person } from "../../api/types";
import { useTeams, useUsers } from "../../app/directory";
import { useShortcut } from "../../app/shortcuts";
import { ConversationList, type ConversationListHandle } from "./ConversationList";
import { ROW_HEIGHT } from "./ConversationRow";
import { InboxToolbar } from "./InboxToolbar";
import { PaneBoundary } from "./PaneBoundary";
import { useConversationList, useCounts, useSavedViews } from "./queries";
import { ViewActions } from "./ViewActions";
import { applyRefinement, countFor, defineView, formatRefinement, isRefined, listQuery, parseRefinement, parseView, type ParsedView, type Refinement, type ViewDefinition } from "./views";

// Another part of the app, loaded only once an agent opens a conversation.
const ConversationPane = lazy(() => import("../conversation/ConversationPane"));
// Loaded with the first selection; most visits never select anything.
const BulkBar = lazy(() => import("./BulkBar"));

function useViewTitle(view: ParsedView): string {
  const { t } = useTranslation(["inbox", "common"]);
  const { data: teams } = useTeams();
  const { data: views } = useSavedViews();
  switch (view.kind) {
    case "builtIn":
      return t(`view.${view.name}`);
    case "team":
      return teams?.items.find((team) => team.id === view.id)?.name ?? t("view.team");
    case "channel":
      return t(`common:channel.${view.channel}`);
    case "tag":
      return t("view.tag", { tag: view.tag });
    case "saved":
      return views?.items.find((saved) => saved.id === view.id)?.name ?? t("view.saved");
    default:
      return t("view.unknown");
  }
}

function LoadingRows() {
  const { t } = useTranslation("inbox");
  return (
    <Stack gap={0} aria-busy="true" aria-label={t("loading")}>
      {Array.from({ length: 8 }, (_, index) => (
        <Group key={index} h={ROW_HEIGHT} px="md" gap="sm" wrap="nowrap" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
          <Skeleton h={16} w={16} radius="sm" />
          <Stack gap={8} style={{ flex: 1 }}>
            <Skeleton h={12} w="40%" />
            <Skeleton h={10} w="85%" />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

function EmptyState({ refined, onReset }: { refined: boolean; onReset: () => void }) {
  const { t } = useTranslation("inbox");
  return (
    <Center p="xl" style={{ flex: 1 }}>
      <Stack align="center" gap="xs" maw={320} ta="center">
        <IconMoodSmile size={40} stroke={1.4} color="var(--mantine-color-teal-7)" aria-hidden="true" />
        <Text fw={600}>{refined ? t("empty.filteredTitle") : t("empty.title")}</Text>
        <Text size="sm" c="dimmed">
          {refined ? t("empty.filteredHint") : t("empty.hint")}
        </Text>
        {refined && (
          <Button variant="light" size="xs" onClick={onReset}>
            {t("filter.reset")}
          </Button>
        )}
      </Stack>
    </Center>
  );
}

interface ListSectionProps {
  slug: string;
  view: ParsedView;
  base: ViewDefinition;
  refinement: Refinement;
  openId: string | undefined;
  search: string;
  listRef: React.Ref<ConversationListHandle>;
}

/** The list column of one view with one set of filters; remounted (selection cleared) when either changes. */
function ListSection({ slug, view, base, refinement, openId, search, listRef }: ListSectionProps) {
  const { t } = useTranslation(["inbox", "common"]);
  const [, navigate] = useLocation();
  const title = useViewTitle(view);
  const effective = useMemo(() => applyRefinement(base, refinement), [base, refinement]);
  const refined = isRefined(refinement);
  const query = useConversationList(useMemo(() => listQuery(effective), [effective]));
  const { data: counts } = useCounts();
  const { data: users } = useUsers();
  const { data: views } = useSavedViews();
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const savedView = view.kind === "saved" ? views?.items.find((saved) => saved.id === view.id) : undefined;
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<number | null>(null);

  // Pages can overlap when conversations move between fetches; a row must appear once.
  const conversations = useMemo(() => {
    const seen = new Set<string>();
    const list: Conversation[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const conversation of page.items) {
        if (seen.has(conversation.id)) continue;
        seen.add(conversation.id);
        list.push(conversation);
      }
    }
    return list;
  }, [query.data]);
  const usersById = useMemo(() => new Map<string, Person>((users?.items ?? []).map((user) => [user.id, user])), [users]);

  const searchSuffix = search ? `?${search}` : "";
  const hrefFor = useCallback((id: string) => `/inbox/${slug}/${id}${searchSuffix}`, [slug, searchSuffix]);
  const onOpen = useCallback((id: string) => navigate(hrefFor(id)), [navigate, hrefFor]);
  const refine = (next: Refinement) => navigate(`/inbox/${slug}${openId ? `/${openId}` : ""}${formatRefinement(next)}`, { replace: true });

  const onToggle = useCallback(
    (id: string, index: number, range: boolean) => {
      setSelected((current) => {
        const next = new Set(current);
        const select = !current.has(id);
        const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
        const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
        for (let i = from; i <= to; i++) {
          const rowId = i === index ? id : conversations[i]?.id;
          if (!rowId) continue;
          if (select) next.add(rowId);
          else next.delete(rowId);
        }
        return next;
      });
      anchor.current = index;
    },
    [conversations],
  );

  const allSelected = conversations.length > 0 && conversations.every((conversation) => selected.has(conversation.id));
  const total = countFor(view, counts);
  const shownTotal = !refined && total !== undefined ? total : query.hasNextPage ? undefined : conversations.length;

  let body;
  if (query.isPending) body = <LoadingRows />;
  else if (query.isError)
    body = (
      <Alert m="md" color="red" icon={<IconAlertCircle aria-hidden="true" />} title={t("error.title")}>
        <Text size="sm">{t("error.body")}</Text>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
          {t("common:retry")}
        </Button>
      </Alert>
    );
  else if (conversations.length === 0) body = <EmptyState refined={refined} onReset={() => refine({})} />;
  else
    body = (
      <ConversationList
        ref={listRef}
        conversations={conversations}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={() => void query.fetchNextPage()}
        openId={openId}
        hrefFor={hrefFor}
        onOpen={onOpen}
        selected={selected}
        onToggle={onToggle}
        users={usersById}
        label={t("list.label", { view: title })}
      />
    );

  return (
    <section className="inbox-list" aria-labelledby="inbox-title">
      <Stack gap={6} className="inbox-bar">
        <Group gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Checkbox
              size="xs"
              checked={allSelected}
              indeterminate={selected.size > 0 && !allSelected}
              disabled={conversations.length === 0}
              onChange={() => setSelected(allSelected ? new Set() : new Set(conversations.map((conversation) => conversation.id)))}
              aria-label={t("list.selectAll", { count: conversations.length })}
            />
            <Title id="inbox-title" order={2} size="h4" style={{ flex: "0 1 auto", minWidth: "4em", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
              {title}
            </Title>
            {shownTotal !== undefined && (
              // Gives way before the title does when the column is narrow.
              <Text size="sm" c="dimmed" style={{ flex: "0 100 auto", minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
                {t("list.count", { count: shownTotal })}
              </Text>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <ViewActions savedView={savedView} effective={effective} refined={refined} compact={openId !== undefined || narrow} onSavedChanges={() => refine({})} />
          </Group>
        </Group>
        {selected.size > 0 ? (
          <Suspense fallback={<Loader size="xs" />}>
            <BulkBar selected={selected} users={users?.items ?? []} onDone={() => setSelected(new Set())} />
          </Suspense>
        ) : (
          <Group gap={6} wrap="wrap">
            <InboxToolbar view={base} effective={effective} refinement={refinement} onRefine={refine} />
            {refined && (
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => refine({})}>
                {t("filter.reset")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {body}
    </section>
  );
}

/** /inbox/:view/:conversationId? — a view's conversations, and the open one beside them. */
export function InboxPage() {
  const { t } = useTranslation("inbox");
  const params = useParams<{ view: string; conversationId?: string }>();
  const search = useSearch();
  const [, navigate] = useLocation();
  const slug = params.view;
  const openId = params.conversationId;
  const view = useMemo(() => parseView(slug), [slug]);
  const { data: savedViews, isPending: savedViewsPending } = useSavedViews();
  const base = useMemo(() => defineView(view, savedViews?.items), [view, savedViews]);
  const refinement = useMemo(() => parseRefinement(search), [search]);
  const listRef = useRef<ConversationListHandle>(null);

  const close = useCallback(() => {
    navigate(`/inbox/${slug}${search ? `?${search}` : ""}`);
    // Back to the row it came from, so the keyboard carries on from there.
    if (openId) requestAnimationFrame(() => listRef.current?.focus(openId));
  }, [navigate, slug, search, openId]);
  useShortcut("Escape", "inboxClose", "inbox", close, { enabled: openId !== undefined });

  let list;
  if (base) {
    list = <ListSection key={`${slug}${search}`} slug={slug} view={view} base={base} refinement={refinement} openId={openId} search={search} listRef={listRef} />;
  } else if (view.kind === "saved" && savedViewsPending) {
    list = (
      <section className="inbox-list">
        <LoadingRows />
      </section>
    );
  } else {
    list = (
      <section className="inbox-list">
        <Center p="xl">
          <Stack align="center" gap="xs">
            <Text fw={600}>{t("view.notFound")}</Text>
            <Button component={Link} href="/inbox/mine" variant="light" size="xs">
              {t("view.backToMine")}
            </Button>
          </Stack>
        </Center>
      </section>
    );
  }

  return (
    <div className="inbox" data-open={openId ? "" : undefined}>
      {list}
      {openId && (
        <section className="inbox-pane" aria-label={t("pane.label")}>
          <PaneBoundary key={openId} onClose={close}>
            <Suspense
              fallback={
                <Center h="100%">
                  <Loader aria-label={t("loading")} />
                </Center>
              }
            >
              <ConversationPane conversationId={openId} onClose={close} />
            </Suspense>
          </PaneBoundary>
        </section>
      )}
    </div>
  );
}
