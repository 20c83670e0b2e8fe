import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { Anchor, Badge, Button, Group, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconLink, IconQuote, IconSearch } from "@tabler/icons-react";
import { useArticleSuggestions } from "../knowledge/queries";
import type { ArticleSuggestion } from "../knowledge/types";
import { insertIntoComposer } from "./composer-insert";
import { sanitizeMessageHtml } from "./sanitize";

function Suggestion({ article, conversationId }: { article: ArticleSuggestion; conversationId: string }) {
  const { t } = useTranslation("conversation");
  const insert = (text: string) => {
    insertIntoComposer(conversationId, text);
    notifications.show({ color: "teal", message: t("articles.inserted") });
  };
  return (
    <li className="article-suggestion">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Anchor component={Link} href={`/knowledge/articles/${article.id}`} size="sm" fw={600} aria-label={t("articles.open", { title: article.title })}>
          {article.title}
        </Anchor>
        <Badge miw="max-content" size="xs" variant="light" color="gray" tt="none">
          {article.locale}
        </Badge>
        {article.internal && (
          <Badge miw="max-content" size="xs" variant="outline" color="violet" tt="none" title={t("articles.internalHint")}>
            {t("articles.internal")}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={2} lineClamp={3} dangerouslySetInnerHTML={{ __html: sanitizeMessageHtml(article.snippet, { allowRemoteImages: false }).html }} />
      <Group gap={4} mt={4}>
        {article.url && (
          <Button size="compact-xs" variant="light" leftSection={<IconLink size={12} aria-hidden />} onClick={() => insert(`${article.title}: ${article.url}`)} aria-label={t("articles.insertLinkLabel", { title: article.title })}>
            {t("articles.insertLink")}
          </Button>
        )}
        {article.excerpt && (
          <Button size="compact-xs" variant="default" leftSection={<IconQuote size={12} aria-hidden />} onClick={() => insert(article.excerpt)} aria-label={t("articles.insertExcerptLabel", { title: article.title })}>
            {t("articles.insertExcerpt")}
          </Button>
        )}
      </Group>
    </li>
  );
}

/** Knowledge base articles that may answer the customer, found from their messages or the agent's own search. */
export function ArticleSuggestions({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation("conversation");
  const titleId = useId();
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search.trim(), 300);
  const suggestions = useArticleSuggestions(conversationId, query);

  return (
    <section aria-labelledby={titleId} className="article-suggestions">
      <Group justify="space-between" mb={6}>
        <Title order={2} size="h5" id={titleId}>
          {t("articles.title")}
        </Title>
        {suggestions.isFetching && <Loader size="xs" aria-label={t("common:loading")} />}
      </Group>
      <TextInput
        size="xs"
        label={t("articles.search")}
        labelProps={{ className: "visually-hidden" }}
        placeholder={t("articles.searchPlaceholder")}
        leftSection={<IconSearch size={14} aria-hidden />}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        mb="xs"
      />
      {suggestions.isError ? (
        <Text size="xs" c="red.8" role="alert">
          {suggestions.error.message}
        </Text>
      ) : suggestions.data && suggestions.data.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t(query ? "articles.noMatch" : "articles.none")}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-live="polite">
          {suggestions.data?.map((article) => (
            <Suggestion key={article.id} article={article} conversationId={conversationId} />
          ))}
        </Stack>
      )}
    </section>
  );
}
