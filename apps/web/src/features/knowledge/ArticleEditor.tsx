import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useQuery } from "@tanstack/react-query";
import { Button, Group, Loader, SegmentedControl, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconArchive, IconDeviceFloppy, IconEyeOff, IconWorldUpload } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import { FormError, useAction, useSavedToast } from "../settings/shared";
import { articleQuery, useCategories, usePreview, useRefreshKnowledge } from "./queries";
import { ArticleHtml, ArticleMarks, StatusBadge, useLocaleName } from "./shared";
import { ARTICLE_LOCALES, type Article } from "./types";
import classes from "./knowledge.module.css";

interface Fields {
  title: string;
  slug: string;
  locale: string;
  categoryId: string | null;
  tags: string[];
  internal: boolean;
  bodyMarkdown: string;
}

const fieldsOf = (article: Article): Fields => ({
  title: article.title,
  slug: article.slug,
  locale: article.locale,
  categoryId: article.categoryId,
  tags: article.tags,
  internal: article.internal,
  bodyMarkdown: article.bodyMarkdown,
});

const sameFields = (a: Fields, b: Fields) => JSON.stringify(a) === JSON.stringify(b);

/** Asks before leaving with unsaved changes: closing the tab, or following a link inside the app. */
function useLeaveGuard(dirty: boolean, question: string) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    // Captured on the document, so it runs before the router's own handler and can stop it.
    const click = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || link.getAttribute("target") === "_blank") return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty, question]);
}

function Preview({ markdown }: { markdown: string }) {
  const { t } = useTranslation("knowledge");
  const [debounced] = useDebouncedValue(markdown, 300);
  const preview = usePreview(debounced);
  return (
    <section aria-labelledby="preview-title" className={classes.pane} aria-busy={preview.isFetching}>
      <Text id="preview-title" component="h3" size="xs" fw={700} tt="uppercase" c="dimmed" mb="xs">
        {t("editor.preview")}
      </Text>
      {preview.isError ? <FormError error={preview.error} /> : preview.data === undefined ? <Loader size="xs" aria-label={t("common:loading")} /> : <ArticleHtml html={preview.data} />}
    </section>
  );
}

function SourcePane({ source }: { source: Article }) {
  const { t } = useTranslation("knowledge");
  return (
    <section aria-labelledby="source-title" className={classes.pane}>
      <Text id="source-title" component="h3" size="xs" fw={700} tt="uppercase" c="dimmed" mb="xs">
        {t("editor.sourceIn", { locale: source.locale })}
      </Text>
      <Title order={4} mb="xs" lang={source.locale}>
        {source.title}
      </Title>
      <pre className={classes.editorInput} style={{ whiteSpace: "pre-wrap", margin: 0 }} lang={source.locale}>
        {source.bodyMarkdown}
      </pre>
    </section>
  );
}

interface EditorProps {
  /** The article being edited; none for a new one. */
  article?: Article;
  /** For a new translation: the article it translates. */
  translationOf?: string | undefined;
  locale?: string | undefined;
}

/** Waits for the source of a translation, whose text a new translation starts from. */
export function ArticleEditor(props: EditorProps) {
  const { t } = useTranslation("knowledge");
  const sourceId = props.article?.sourceArticleId ?? props.translationOf;
  const source = useQuery({ ...articleQuery(sourceId ?? ""), enabled: sourceId !== undefined });
  if (sourceId && source.isPending) return <Loader aria-label={t("common:loading")} />;
  if (sourceId && source.isError) return <FormError error={source.error} />;
  return <EditorForm {...props} source={source.data} />;
}

function EditorForm({ article, translationOf, locale, source }: EditorProps & { source: Article | undefined }) {
  const { t } = useTranslation("knowledge");
  const [, navigate] = useLocation();
  const localeName = useLocaleName();
  const refresh = useRefreshKnowledge();
  const savedToast = useSavedToast();
  const categories = useCategories();
  const { run, busy, error } = useAction();
  const [saved, setSaved] = useState<Fields>(() =>
    article
      ? fieldsOf(article)
      : {
          title: source?.title ?? "",
          slug: "",
          locale: locale ?? (source ? "" : "en"),
          categoryId: source?.categoryId ?? null,
          tags: source?.tags ?? [],
          internal: source?.internal ?? false,
          bodyMarkdown: source?.bodyMarkdown ?? "",
        },
  );
  const [fields, setFields] = useState<Fields>(saved);
  const [beside, setBeside] = useState<"preview" | "source">(source ? "source" : "preview");
  const [titleError, setTitleError] = useState<string | null>(null);
  const dirty = !article || !sameFields(fields, saved);
  useLeaveGuard(article !== undefined && dirty, t("editor.leave"));
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((current) => ({ ...current, [key]: value }));

  /** Saves what changed; the article as it now stands. */
  const save = async (): Promise<Article | null> => {
    if (!fields.title.trim()) {
      setTitleError(t("editor.titleRequired"));
      return null;
    }
    setTitleError(null);
    const slug = fields.slug.trim() || undefined;
    const common = { title: fields.title, bodyMarkdown: fields.bodyMarkdown, categoryId: fields.categoryId, internal: fields.internal, tags: fields.tags, ...(slug && { slug }) };
    if (!article) {
      const created = translationOf
        ? await unwrap(api.POST("/api/v1/knowledge/articles/{id}/translations", { params: { path: { id: translationOf } }, body: { ...common, locale: fields.locale } }))
        : await unwrap(api.POST("/api/v1/knowledge/articles", { body: { ...common, locale: fields.locale } }));
      await refresh();
      savedToast(t("editor.created"));
      navigate(`/articles/${created.id}`, { replace: true });
      return created;
    }
    if (!dirty) return article;
    const changes = Object.fromEntries(
      (Object.keys(common) as (keyof typeof common)[]).filter((key) => JSON.stringify(common[key]) !== JSON.stringify(saved[key as keyof Fields])).map((key) => [key, common[key]]),
    );
    const updated = await unwrap(api.PATCH("/api/v1/knowledge/articles/{id}", { params: { path: { id: article.id } }, body: changes }));
    setSaved(fieldsOf(updated));
    setFields(fieldsOf(updated));
    await refresh();
    savedToast();
    return updated;
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void run(save);
  };

  const changeStatus = (action: "publish" | "unpublish" | "archive") =>
    run(async () => {
      const current = await save();
      if (!current) return;
      await unwrap(api.POST(`/api/v1/knowledge/articles/{id}/${action}`, { params: { path: { id: current.id } } }));
      await refresh();
      savedToast(t(`editor.done.${action}`));
    });

  // Ctrl+S or Cmd+S saves from anywhere on the page, as in any editor, instead of saving the web page.
  const latestSubmit = useRef(submit);
  latestSubmit.current = submit;
  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "s" && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        latestSubmit.current();
      }
    };
    window.addEventListener("keydown", keydown);
    return () => window.removeEventListener("keydown", keydown);
  }, []);

  const heading = article ? t("editor.editTitle") : translationOf ? t("editor.translateTitle") : t("editor.newTitle");
  return (
    <form onSubmit={submit} noValidate aria-labelledby="editor-title">
      <Stack gap="md">
        <Group justify="space-between" align="center" wrap="wrap">
          <Group gap="xs">
            <Title order={2} size="h3" id="editor-title">
              {heading}
            </Title>
            {article && <StatusBadge status={article.status} />}
            {article && <ArticleMarks article={article} />}
            <Text size="xs" c="dimmed" role="status">
              {article && (dirty ? t("editor.unsaved") : t("editor.allSaved", { version: article.version }))}
            </Text>
          </Group>
          <Group gap="xs">
            {article && article.status !== "published" && (
              <Button variant="light" color="teal" leftSection={<IconWorldUpload size={16} aria-hidden />} onClick={() => void changeStatus("publish")} disabled={busy}>
                {t("editor.publish")}
              </Button>
            )}
            {article?.status === "published" && (
              <Button variant="default" leftSection={<IconEyeOff size={16} aria-hidden />} onClick={() => void changeStatus("unpublish")} disabled={busy}>
                {t("editor.unpublish")}
              </Button>
            )}
            {article && article.status !== "archived" && (
              <Button variant="default" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => void changeStatus("archive")} disabled={busy}>
                {t("editor.archive")}
              </Button>
            )}
            <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={16} aria-hidden />} aria-keyshortcuts="Control+S Meta+S" disabled={article !== undefined && !dirty}>
              {t("editor.save")}
            </Button>
          </Group>
        </Group>
        <FormError error={error} />
        {article?.outdated && (
          <Text size="sm" c="orange.9" role="note">
            {t("editor.outdatedNote")}
          </Text>
        )}
        <TextInput label={t("editor.title")} required value={fields.title} error={titleError} onChange={(event) => set("title", event.currentTarget.value)} maxLength={200} lang={fields.locale || undefined} />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t("editor.slug")}
            description={t("editor.slugHelp")}
            value={fields.slug}
            onChange={(event) => set("slug", event.currentTarget.value.toLowerCase())}
            maxLength={100}
            miw={200}
          />
          <Select
            label={t("articles.locale")}
            required
            disabled={article !== undefined}
            data={[...new Set([...ARTICLE_LOCALES, ...(fields.locale ? [fields.locale] : [])])].filter((value) => value !== source?.locale).map((value) => ({ value, label: localeName(value) }))}
            value={fields.locale || null}
            onChange={(value) => set("locale", value ?? "")}
            miw={160}
          />
          <Select
            label={t("articles.category")}
            placeholder={t("uncategorized")}
            clearable
            data={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
            value={fields.categoryId}
            onChange={(value) => set("categoryId", value)}
            miw={180}
          />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <TagsInput label={t("editor.tags")} value={fields.tags} onChange={(value) => set("tags", value)} maxTags={20} clearable style={{ flex: 1 }} miw={240} />
          <Switch label={t("editor.internal")} description={t("editor.internalHelp")} checked={fields.internal} onChange={(event) => set("internal", event.currentTarget.checked)} />
        </Group>
        {source && (
          <SegmentedControl
            aria-label={t("editor.beside")}
            value={beside}
            onChange={(value) => setBeside(value as "preview" | "source")}
            data={[
              { value: "preview", label: t("editor.preview") },
              { value: "source", label: t("editor.sourceIn", { locale: source.locale }) },
            ]}
            w="fit-content"
          />
        )}
        <div className={classes.split}>
          <Textarea
            label={t("editor.body")}
            description={t("editor.bodyHelp")}
            value={fields.bodyMarkdown}
            onChange={(event) => set("bodyMarkdown", event.currentTarget.value)}
            autosize
            minRows={14}
            maxRows={30}
            classNames={{ input: classes.editorInput }}
            lang={fields.locale || undefined}
          />
          {beside === "source" && source ? <SourcePane source={source} /> : <Preview markdown={fields.bodyMarkdown} />}
        </div>
      </Stack>
    </form>
  );
}
