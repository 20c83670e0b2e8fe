import { createContext, useContext, useEffect, type ReactNode } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Center, Loader } from "@mantine/core";
import { api, ApiError, setCsrfToken, unwrap } from "../api/client";
import { realtime } from "../api/realtime";
import type { Session } from "../api/types";
import i18n from "../i18n";

export const SESSION_KEY = ["session"] as const;

const SessionContext = createContext<Session | null>(null);

/** The signed-in person and workspace; only for components rendered inside <RequireSession>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession is used outside <RequireSession>.");
  return session;
}

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await unwrap(api.GET("/api/v1/auth/session"));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** Renders its children for a signed-in person, `fallback` (the sign-in page) for anyone else. */
export function RequireSession({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: session, isPending } = useSessionQuery();

  const userId = session?.user.id;
  const locale = session?.user.locale;

  // Keyed on the person, not the session object: saving a profile replaces the object but is the same sign-in.
  useEffect(() => {
    if (!userId) return;
    realtime.start();
    const stopWatching = realtime.onState((state) => {
      if (state === "signed-out") queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => {
      stopWatching();
      realtime.stop();
    };
  }, [userId, queryClient]);

  // The profile's language applies unless this browser was set to another one.
  useEffect(() => {
    if (locale && !localStorage.getItem("rapport.language") && locale !== i18n.language) void i18n.changeLanguage(locale);
  }, [locale]);

  if (isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={i18n.t("common:loading")} />
      </Center>
    );
  }
  if (!session) return <>{fallback}</>;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** Signs in and makes the new session current. */
export async function signIn(queryClient: ReturnType<typeof useQueryClient>, body: { email: string; password: string; workspace?: string }): Promise<void> {
  const session = await unwrap(api.POST("/api/v1/auth/login", { body }));
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(SESSION_KEY, session);
}

export async function signOut(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  await unwrap(api.POST("/api/v1/auth/logout"));
  setCsrfToken("");
  queryClient.clear();
  queryClient.setQueryData(SESSION_KEY, null);
}
