import { lazy } from "react";
import { Redirect, Route, Switch } from "wouter";
import { Shell } from "./app/Shell";
import { RequireSession } from "./app/session";
import { LoginPage } from "./features/auth/LoginPage";
import { InboxPage } from "./features/inbox/InboxPage";

// Pages away from the inbox load on demand, keeping the first load to what an agent sees first.
const ConversationPage = lazy(() => import("./features/conversation/ConversationPage"));
const SearchPage = lazy(() => import("./features/search/SearchPage"));
const SettingsPage = lazy(() => import("./features/settings/SettingsPage"));
const AcceptInvitePage = lazy(() => import("./features/settings/AcceptInvitePage"));
const KnowledgePage = lazy(() => import("./features/knowledge/KnowledgePage"));

/** Paths are relative to /app (the router's base). */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/accept-invite" component={AcceptInvitePage} />
      <Route>
        <RequireSession fallback={<LoginPage />}>
          <Shell>
            <Switch>
              <Route path="/inbox/:view/:conversationId?" component={InboxPage} />
              <Route path="/conversations/:conversationId" component={ConversationPage} />
              <Route path="/search" component={SearchPage} />
              <Route path="/settings" nest component={SettingsPage} />
              <Route path="/knowledge" nest component={KnowledgePage} />
              <Route>
                <Redirect to="/inbox/mine" replace />
              </Route>
            </Switch>
          </Shell>
        </RequireSession>
      </Route>
    </Switch>
  );
}
