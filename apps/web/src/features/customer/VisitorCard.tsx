import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { Anchor, Badge, Group, Loader, Text, Title, Tooltip } from "@mantine/core";
import { IconCircleFilled, IconRosetteDiscountCheck } from "@tabler/icons-react";
import { api, ApiError, unwrap } from "../../api/client";
import { useFormat } from "../../app/format";
import { keys } from "../../app/live";
import { describeBrowser } from "./browser";

/** Only web addresses become links: a page's address comes from the visitor's browser and is not to be trusted. */
const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who is on the other end of a chat: their page, browser, language and local time, and whether the host vouched for them. */
export function VisitorCard({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation("customer");
  const format = useFormat();
  const visitor = useQuery({
    queryKey: [...keys.conversation(conversationId), "visitor"],
    queryFn: () => unwrap(api.GET("/api/v1/conversations/{id}/visitor", { params: { path: { id: conversationId } } })),
    // Online and the page change as the visitor moves around the host's site.
    refetchInterval: 30_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

  if (visitor.isPending) return <Loader size="xs" aria-label={t("common:loading")} />;
  // A conversation started from a chat whose visitor is gone has nothing to show here.
  if (visitor.isError) return visitor.error instanceof ApiError && visitor.error.status === 404 ? null : <Text size="sm" c="red.8">{t("visitor.loadFailed")}</Text>;
  const { context, online, lastSeenAt, verified, verifiedUserId, email } = visitor.data;
  const page = safeUrl(context.url);
  const languageName = context.language ? new Intl.DisplayNames([i18n.language], { type: "language", languageDisplay: "standard" }).of(context.language) : undefined;
  const localTime = context.timeZone ? safeLocalTime(context.timeZone, i18n.language) : undefined;

  return (
    <section aria-labelledby="visitor-title">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={3} size="h6" id="visitor-title">
          {t("visitor.title")}
        </Title>
        {online ? (
          <Badge size="sm" variant="light" color="teal" c="teal.9" leftSection={<IconCircleFilled size={8} aria-hidden />}>
            {t("visitor.online")}
          </Badge>
        ) : (
          <Text size="xs" c="gray.7">
            {t("visitor.lastSeen", { when: format.relative(lastSeenAt) })}
          </Text>
        )}
      </Group>
      <dl className="facts">
        <Fact term={t("visitor.identity")}>
          {verified ? (
            <Group gap={6} wrap="wrap">
              <Badge size="sm" variant="light" color="blue" c="blue.9" leftSection={<IconRosetteDiscountCheck size={12} aria-hidden />}>
                {t("visitor.verified")}
              </Badge>
              {verifiedUserId && (
                <Text size="sm" ff="monospace">
                  {t("visitor.userId", { id: verifiedUserId })}
                </Text>
              )}
            </Group>
          ) : (
            <Text size="sm" c="gray.7">
              {t("visitor.unverified")}
            </Text>
          )}
        </Fact>
        {email && <Fact term={t("visitor.email")}>{email}</Fact>}
        {(context.url || context.title) && (
          <Fact term={t("visitor.page")}>
            {page ? (
              <Anchor href={page} target="_blank" rel="noopener noreferrer nofollow" size="sm" lineClamp={2} title={page}>
                {context.title || page}
              </Anchor>
            ) : (
              <Text size="sm">{context.title || context.url}</Text>
            )}
          </Fact>
        )}
        {context.userAgent && (
          <Fact term={t("visitor.browser")}>
            <Tooltip label={context.userAgent} multiline w={280} withArrow>
              <Text size="sm" tabIndex={0} aria-description={context.userAgent}>
                {describeBrowser(context.userAgent)}
              </Text>
            </Tooltip>
          </Fact>
        )}
        {languageName && <Fact term={t("visitor.language")}>{languageName}</Fact>}
        {context.timeZone && <Fact term={t("visitor.timeZone")}>{localTime ? t("visitor.localTime", { zone: context.timeZone, time: localTime }) : context.timeZone}</Fact>}
      </dl>
    </section>
  );
}

/** The visitor's clock now, or undefined for a zone this browser does not know (the name came from theirs). */
function safeLocalTime(timeZone: string, language: string): string | undefined {
  try {
    return new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone }).format(new Date());
  } catch {
    return undefined;
  }
}
