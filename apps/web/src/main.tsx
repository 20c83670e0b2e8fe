import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/app.css";
import "./i18n";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Router } from "wouter";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { DirectionProvider, MantineProvider } from "@mantine/core";
import { ApiError } from "./api/client";
import { PreferencesProvider } from "./app/preferences";
import { ShortcutProvider } from "./app/shortcuts";
import { theme } from "./app/theme";
import { Toasts } from "./app/toasts";
import { AppRoutes } from "./routes";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // The realtime socket refreshes what changes; refetching on every focus would only add load.
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element.");

createRoot(root).render(
  <StrictMode>
    <DirectionProvider detectDirection={false}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <PreferencesProvider>
            <Router base="/app">
              <ShortcutProvider>
                <Toasts />
                <AppRoutes />
              </ShortcutProvider>
            </Router>
          </PreferencesProvider>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
