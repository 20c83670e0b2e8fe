import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { Anchor, Button, Group, Loader, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useFormat } from "../../app/format";
import { ListState, SectionHeader } from "../settings/shared";
import { useArticles, useArticleSearch, useCategories } from "./queries";
import { ArticleMarks, StatusBadge, useCanWrite, useLocaleName } from "./shared";
import { ARTICLE_LOCALES, ARTICLE_STATUSES, type Article, type ArticleFilters, type ArticleStatus } from "./types";

const helpfulShare = (article: Article) => {
  const votes = article.helpfulCount + article.unhelpfulCount;
  return votes === 0 ? null : Math.round((article.helpfulCount / votes) * 100);
};

/** Every article with what a writer checks at a glance; search goes through the same search as the help center. */
export function ArticleList() {
  const { t } = useTranslation("knowledge");
  const format = useFormat();
  const canWrite = useCanWrite();
  const localeName = useLocaleName();
  const [filters, setFilters] = useState<ArticleFilters>({});
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search.trim(), 250);
  const categories = useCategories();
  const articles = useArticles(filters);
  const hits = useArticleSearch(query, filters.locale);

  // Search finds published articles, best match first; the list's other filters still apply to what it finds.
  const matching = (items: Article[]) => (hits.data ?? []).flatMap((hit) => items.filter((article) => article.id === hit.id));
  const categoryName = (id: string | null) => categories.data?.find((category) => category.id === id)?.name ?? t("uncategorized");
  const setFilter = <K extends keyof ArticleFilters>(key: K, value: ArticleFilters[K] | null) =>
    setFilters((current) => {
      const next = { ...current };
      if (value === null || value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });

  return (
    <section aria-labelledby="articles-title">
      <SectionHeader
        id="articles-title"
        title={t("articles.title")}
        description={t(canWrite ? "articles.description" : "articles.readerDescription")}
        action={
          canWrite && (
            <Button component={Link} href="/articles/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t("articles.new")}
            </Button>
          )
        }
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("articles.search")}
          placeholder={t("articles.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          w={260}
        />
        <Select
          label={t("articles.status")}
          placeholder={t("articles.any")}
          clearable
          data={ARTICLE_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          value={filters.status ?? null}
          onChange={(value) => setFilter("status", value as ArticleStatus | null)}
          w={160}
        />
        <Select
          label={t("articles.locale")}
          placeholder={t("articles.any")}
          clearable
          data={ARTICLE_LOCALES.map((locale) => ({ value: locale, label: localeName(locale) }))}
          value={filters.locale ?? null}
          onChange={(value) => setFilter("locale", value)}
          w={180}
        />
        <Select
          label={t("articles.category")}
          placeholder={t("articles.any")}
          clearable
          data={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
          value={filters.categoryId ?? null}
          onChange={(value) => setFilter("categoryId", value)}
          w={200}
        />
      </Group>
      {query && (
        <Text size="sm" c="dimmed" mb="xs" role="status">
          {t("articles.searchNote")}
        </Text>
      )}
      <ListState query={articles} empty={t("articles.none")}>
        {(all) => {
          const items = query ? matching(all) : all;
          if (query && hits.isPending) return <Loader size="sm" aria-label={t("common:loading")} />;
          if (items.length === 0) {
            return (
              <Text c="dimmed" size="sm">
                {t("articles.noMatch")}
              </Text>
            );
          }
          return (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("articles.article")}</Table.Th>
                  <Table.Th scope="col">{t("articles.status")}</Table.Th>
                  <Table.Th scope="col">{t("articles.locale")}</Table.Th>
                  <Table.Th scope="col">{t("articles.category")}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t("articles.views")}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t("articles.helpful")}
                  </Table.Th>
                  <Table.Th scope="col">{t("articles.updated")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((article) => {
                  const helpful = helpfulShare(article);
                  return (
                    <Table.Tr key={article.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor component={Link} href={`/articles/${article.id}`} fw={500}>
                            {article.title}
                          </Anchor>
                          <ArticleMarks article={article} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={article.status} />
                      </Table.Td>
                      <Table.Td>{article.locale}</Table.Td>
                      <Table.Td>{categoryName(article.categoryId)}</Table.Td>
                      <Table.Td ta="end">{article.viewCount}</Table.Td>
                      <Table.Td ta="end">{helpful === null ? "—" : `${helpful}%`}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{format.relative(article.updatedAt)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          );
        }}
      </ListState>
    </section>
  );
}
