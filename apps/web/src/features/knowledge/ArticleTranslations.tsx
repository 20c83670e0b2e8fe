import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { useQuery } from "@tanstack/react-query";
import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { IconLanguage } from "@tabler/icons-react";
import { ListState } from "../settings/shared";
import { articleQuery, useTranslations } from "./queries";
import { ArticleMarks, StatusBadge, useLocaleName } from "./shared";
import { ARTICLE_LOCALES, type Article } from "./types";

/** Languages a writer may translate into; more than the app speaks, since the help center serves any. */
const TRANSLATABLE = [...ARTICLE_LOCALES, "fr", "de", "it", "pt", "pt-BR", "nl"];

/** An original's translations, each flagged when the original has changed since; and a new one, started from the original's text. */
export function ArticleTranslations({ article }: { article: Article }) {
  const { t } = useTranslation("knowledge");
  const [, navigate] = useLocation();
  const localeName = useLocaleName();
  // A translation's siblings are the original's translations.
  const originalId = article.sourceArticleId ?? article.id;
  const original = useQuery({ ...articleQuery(originalId), enabled: article.sourceArticleId !== null });
  const translations = useTranslations(originalId);
  const [locale, setLocale] = useState<string | null>(null);
  const taken = new Set([original.data?.locale ?? article.locale, ...(translations.data ?? []).map((translation) => translation.locale)]);
  const available = TRANSLATABLE.filter((value) => !taken.has(value));

  return (
    <Stack gap="lg">
      {article.sourceArticleId && original.data && (
        <Text size="sm">
          {t("translations.translates")}{" "}
          <Anchor component={Link} href={`/articles/${original.data.id}`}>
            {original.data.title}
          </Anchor>{" "}
          ({original.data.locale})
        </Text>
      )}
      <ListState query={translations} empty={t("translations.none")}>
        {(items) => (
          <Table verticalSpacing="xs" aria-label={t("tabs.translations")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("articles.locale")}</Table.Th>
                <Table.Th scope="col">{t("articles.article")}</Table.Th>
                <Table.Th scope="col">{t("articles.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((translation) => (
                <Table.Tr key={translation.id}>
                  <Table.Td>{localeName(translation.locale)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} href={`/articles/${translation.id}`}>
                        {translation.title}
                      </Anchor>
                      <ArticleMarks article={translation} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={translation.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListState>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t("translations.newTitle")}
        </Title>
        <Group align="flex-end">
          <Select
            label={t("translations.into")}
            data={available.map((value) => ({ value, label: localeName(value) }))}
            value={locale}
            onChange={setLocale}
            searchable
            w={240}
          />
          <Button
            leftSection={<IconLanguage size={16} aria-hidden />}
            disabled={!locale}
            onClick={() => locale && navigate(`/articles/new?translationOf=${originalId}&locale=${encodeURIComponent(locale)}`)}
          >
            {t("translations.start")}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t("translations.help")}
        </Text>
      </Paper>
    </Stack>
  );
}
