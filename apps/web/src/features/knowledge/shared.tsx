import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Group } from "@mantine/core";
import { useSession } from "../../app/session";
import { atLeast } from "../settings/shared";
import { sanitizeMessageHtml } from "../conversation/sanitize";
import type { Article, ArticleStatus } from "./types";
import classes from "./knowledge.module.css";

/** Leads curate the knowledge base; agents read it. The server enforces the same line. */
export function useCanWrite(): boolean {
  return atLeast(useSession().user.role, "supervisor");
}

const STATUS_COLORS: Record<ArticleStatus, string> = { draft: "gray", published: "teal", archived: "orange" };

export function StatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation("knowledge");
  return (
    <Badge miw="max-content" variant="light" color={STATUS_COLORS[status]} tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Internal and outdated-translation marks, beside a title. */
export function ArticleMarks({ article }: { article: Pick<Article, "internal" | "outdated"> }) {
  const { t } = useTranslation("knowledge");
  if (!article.internal && !article.outdated) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {article.internal && (
        <Badge miw="max-content" variant="outline" color="violet" size="sm" tt="none">
          {t("internal")}
        </Badge>
      )}
      {article.outdated && (
        <Badge miw="max-content" variant="filled" color="yellow.4" autoContrast size="sm" tt="none">
          {t("outdated")}
        </Badge>
      )}
    </Group>
  );
}

/** A language's name in the reader's language: "Spanish (es)". */
export function useLocaleName() {
  const { i18n } = useTranslation();
  const names = useMemo(() => new Intl.DisplayNames([i18n.language], { type: "language" }), [i18n.language]);
  return (locale: string) => `${names.of(locale) ?? locale} (${locale})`;
}

/** Rendered article HTML from the server, sanitized again here like every HTML the app shows. */
export function ArticleHtml({ html, label }: { html: string; label?: string }) {
  const safe = useMemo(() => sanitizeMessageHtml(html, { allowRemoteImages: true }).html, [html]);
  return <div className={classes.prose} aria-label={label} role={label ? "region" : undefined} dangerouslySetInnerHTML={{ __html: safe }} />;
}
