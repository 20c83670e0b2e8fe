import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { Alert, Button, Center, Drawer, Loader, Stack, Text } from "@mantine/core";
import { useLocalStorage, useMediaQuery } from "@mantine/hooks";
import { IconLayoutSidebarRight, IconLayoutSidebarRightCollapse } from "@tabler/icons-react";
import { ApiError } from "../../api/client";
import type { Person } from "../../api/types";
import { useTeams, useUsers } from "../../app/directory";
import { useSession } from "../../app/session";
import { useShortcut } from "../../app/shortcuts";
import { CustomerPanel } from "../customer/CustomerPanel";
import { ArticleSuggestions } from "./ArticleSuggestions";
import { Composer } from "./Composer";
import { ConversationHeader } from "./ConversationHeader";
import { usePresence } from "./presence";
import { useConversation, useEvents, useMessages } from "./queries";
import { Timeline } from "./Timeline";
import { VisitorTyping } from "./VisitorTyping";
import "./conversation.css";

export interface ConversationPaneProps {
  conversationId: string;
  /** Leaves the conversation (Escape), e.g. back to the list. */
  onClose?: () => void;
}

export default function ConversationPane({ conversationId, onClose }: ConversationPaneProps) {
  const { t } = useTranslation("conversation");
  const { user } = useSession();
  const [, navigate] = useLocation();
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const events = useEvents(conversationId);
  const users = useUsers();
  const teams = useTeams();
  const { viewers, noteTyping } = usePresence(conversationId, user.id);
  // Beside the timeline only where the list, the conversation and the panel all keep a readable width.
  const wide = useMediaQuery("(min-width: 90em)", true);
  const [panelOpen, setPanelOpen] = useLocalStorage({ key: "rapport.customerPanel", defaultValue: true });
  const [drawerOpen, setDrawerOpen] = useState(false);

  const people = useMemo(() => new Map<string, Person>((users.data?.items ?? []).map((person) => [person.id, person])), [users.data]);
  const teamNames = useMemo(() => new Map((teams.data?.items ?? []).map((team) => [team.id, team.name])), [teams.data]);

  useShortcut("Escape", "closeConversation", "conversation", (event) => {
    // Escape inside a dialog or a dropdown closes that, not the conversation.
    if (document.querySelector("[role=dialog][aria-modal=true]") || (event.target instanceof Element && event.target.closest("[role=menu],[role=listbox]"))) return;
    onClose?.();
  }, { enabled: Boolean(onClose) });

  if (conversation.isPending) {
    return (
      <Center h="100%" py="xl">
        <Loader aria-label={t("common:loading")} />
      </Center>
    );
  }
  if (conversation.isError) {
    const missing = conversation.error instanceof ApiError && conversation.error.status === 404;
    return (
      <Stack p="lg" role="alert">
        <Text fw={600}>{t(missing ? "notFound" : "loadFailed")}</Text>
        {!missing && <Text size="sm">{conversation.error.message}</Text>}
        <Button variant="default" w="fit-content" onClick={() => void conversation.refetch()}>
          {t("common:retry")}
        </Button>
      </Stack>
    );
  }
  const data = conversation.data;
  const togglePanel = () => (wide ? setPanelOpen((open) => !open) : setDrawerOpen(true));
  const panelShown = wide && panelOpen;

  return (
    <div className="conversation-pane">
      <article className="conversation-main" aria-label={t("conversationLabel", { number: data.number, subject: data.subject })}>
        <ConversationHeader
          conversation={data}
          people={users.data?.items ?? []}
          teams={teams.data?.items ?? []}
          viewers={viewers}
          onClose={onClose}
          onMerged={(into) => navigate(`/conversations/${into.id}`)}
        />
        {data.mergedIntoId && (
          <Alert color="blue" mx="md" mt="sm">
            {t("mergedNotice")}{" "}
            <Button variant="subtle" size="compact-sm" onClick={() => navigate(`/conversations/${data.mergedIntoId}`)}>
              {t("event.openMerged")}
            </Button>
          </Alert>
        )}
        <div className="conversation-toolbar">
          <Button
            variant="subtle"
            size="compact-xs"
            color="gray"
            onClick={togglePanel}
            aria-expanded={wide ? panelOpen : drawerOpen}
            aria-controls="customer-panel"
            leftSection={panelShown ? <IconLayoutSidebarRightCollapse size={16} aria-hidden /> : <IconLayoutSidebarRight size={16} aria-hidden />}
          >
            {t(panelShown ? "hideCustomer" : "showCustomer")}
          </Button>
        </div>
        {(messages.isError && !messages.data) || events.isError ? (
          <Alert color="red" m="md" role="alert" title={t("loadFailed")}>
            {(messages.error ?? events.error)?.message}
          </Alert>
        ) : messages.isPending ? (
          <Center py="xl" className="timeline-scroll">
            <Loader size="sm" aria-label={t("common:loading")} />
          </Center>
        ) : (
          <Timeline
            key={conversationId}
            conversation={data}
            messages={messages.data}
            events={events.data ?? []}
            people={people}
            teams={teamNames}
            hasEarlier={messages.hasNextPage}
            loadingEarlier={messages.isFetchingNextPage}
            earlierFailed={messages.isFetchNextPageError}
            onLoadEarlier={() => void messages.fetchNextPage()}
          />
        )}
        {data.channel === "chat" && <VisitorTyping conversationId={conversationId} customerName={data.customer.name} />}
        <Composer conversationId={conversationId} selfId={user.id} messages={messages.data ?? []} people={users.data?.items ?? []} viewers={viewers} onTyping={noteTyping} />
      </article>
      {panelShown && (
        <aside id="customer-panel" className="conversation-aside" aria-label={t("customerPanel")}>
          <CustomerPanel customerId={data.customer.id} conversationId={data.id} channel={data.channel} />
          <ArticleSuggestions conversationId={data.id} />
        </aside>
      )}
      {!wide && (
        <Drawer opened={drawerOpen} onClose={() => setDrawerOpen(false)} position="right" title={t("customerPanel")} id="customer-panel">
          <CustomerPanel customerId={data.customer.id} conversationId={data.id} channel={data.channel} />
          <ArticleSuggestions conversationId={data.id} />
        </Drawer>
      )}
    </div>
  );
}
