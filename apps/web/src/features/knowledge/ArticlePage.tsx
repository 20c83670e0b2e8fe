import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "wouter";
import { useQuery } from "@tanstack/react-query";
import { Anchor, Group, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { LoadError } from "../settings/shared";
import { ArticleEditor } from "./ArticleEditor";
import { ArticleHistory } from "./ArticleHistory";
import { ArticleTranslations } from "./ArticleTranslations";
import { articleQuery } from "./queries";
import { ArticleHtml, ArticleMarks, StatusBadge, useCanWrite } from "./shared";
import type { Article } from "./types";

function BackLink() {
  const { t } = useTranslation("knowledge");
  return (
    <Anchor component={Link} href="/" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden className="flip" />
        {t("articles.back")}
      </Group>
    </Anchor>
  );
}

/** What an agent sees: the article as the help center shows it. */
function ArticleReader({ article }: { article: Article }) {
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Title order={2}>{article.title}</Title>
        <StatusBadge status={article.status} />
        <ArticleMarks article={article} />
      </Group>
      <ArticleHtml html={article.bodyHtml} />
    </Stack>
  );
}

function ExistingArticle({ id }: { id: string }) {
  const { t } = useTranslation("knowledge");
  const canWrite = useCanWrite();
  const article = useQuery(articleQuery(id));
  if (article.isPending) return <Loader aria-label={t("common:loading")} />;
  if (article.isError) return <LoadError error={article.error} onRetry={() => void article.refetch()} />;
  if (!canWrite) return <ArticleReader article={article.data} />;
  return (
    <Tabs defaultValue="edit" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="edit">{t("tabs.edit")}</Tabs.Tab>
        <Tabs.Tab value="history">{t("tabs.history")}</Tabs.Tab>
        <Tabs.Tab value="translations">{article.data.sourceArticleId ? t("tabs.otherLanguages") : t("tabs.translations")}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="edit">
        <ArticleEditor key={`${article.data.id}:${article.data.version}`} article={article.data} />
      </Tabs.Panel>
      <Tabs.Panel value="history">
        <ArticleHistory article={article.data} />
      </Tabs.Panel>
      <Tabs.Panel value="translations">
        <ArticleTranslations article={article.data} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** One article: its editor with history and translations for leads, the article itself for agents. */
export function ArticlePage() {
  const { t } = useTranslation("knowledge");
  const { id } = useParams<{ id?: string }>();
  const [search] = useSearchParams();
  const canWrite = useCanWrite();
  return (
    <Stack gap="md">
      <BackLink />
      {id ? (
        <ExistingArticle id={id} />
      ) : canWrite ? (
        <ArticleEditor translationOf={search.get("translationOf") ?? undefined} locale={search.get("locale") ?? undefined} />
      ) : (
        <Text c="dimmed">{t("readOnly")}</Text>
      )}
    </Stack>
  );
}
