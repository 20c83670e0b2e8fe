import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { Badge, Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconFilePlus } from "@tabler/icons-react";
import { api, unwrap } from "../../api/client";
import { useFormat } from "../../app/format";
import { useSession } from "../../app/session";
import { FormError, ListState, SectionHeader, useAction, useFailureToast } from "../settings/shared";
import { dismissContentGap, useContentGaps, useRefreshKnowledge } from "./queries";
import type { ContentGap } from "./types";

/**
 * The questions go to the writer in a Markdown comment: visible while writing, never published
 * (the renderer's sanitizer drops comments). "--" would end the comment early, so it is broken up.
 */
export function draftBodyFor(gap: ContentGap, heading: string): string {
  const questions = gap.examples.map((example) => `- ${example.replace(/\s+/g, " ").replaceAll("--", "- -")}`);
  return `<!--\n${heading}\n${questions.join("\n")}\n-->\n\n`;
}

function GapCard({ gap }: { gap: ContentGap }) {
  const { t } = useTranslation("knowledge");
  const format = useFormat();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const refresh = useRefreshKnowledge();
  const failed = useFailureToast();
  const draft = useAction();
  const dismiss = useAction();

  const startDraft = () =>
    draft.run(async () => {
      const article = await unwrap(
        api.POST("/api/v1/knowledge/articles", { body: { title: gap.suggestedTitle, locale: user.locale, bodyMarkdown: draftBodyFor(gap, t("gaps.commentHeading", { count: gap.count })) } }),
      );
      await refresh();
      navigate(`/articles/${article.id}`);
    });

  return (
    <Card withBorder component="article" aria-labelledby={`gap-${gap.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} size="h5" id={`gap-${gap.id}`}>
            {gap.suggestedTitle}
          </Title>
          <Text size="xs" c="dimmed">
            {t("gaps.lastAsked", { when: format.relative(gap.lastAskedAt) })}
          </Text>
        </div>
        <Badge miw="max-content" variant="light" color="orange" tt="none">
          {t("gaps.asked", { count: gap.count })}
        </Badge>
      </Group>
      <List size="sm" mt="sm" spacing={4} aria-label={t("gaps.examples")}>
        {gap.examples.map((example, index) => (
          <List.Item key={index}>“{example}”</List.Item>
        ))}
      </List>
      <Stack mt="xs">
        <FormError error={draft.error} />
      </Stack>
      <Group mt="md" gap="xs">
        <Button size="xs" leftSection={<IconFilePlus size={16} aria-hidden />} loading={draft.busy} onClick={() => void startDraft()}>
          {t("gaps.startDraft")}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          loading={dismiss.busy}
          onClick={() => void dismiss.run(() => dismissContentGap(gap.id).then(refresh, failed))}
          aria-label={t("gaps.dismissLabel", { title: gap.suggestedTitle })}
        >
          {t("gaps.dismiss")}
        </Button>
      </Group>
    </Card>
  );
}

/** What customers asked the answer bot that no article answered, most asked first. */
export function ContentGapsSection() {
  const { t } = useTranslation("knowledge");
  const gaps = useContentGaps();
  return (
    <section aria-labelledby="gaps-title">
      <SectionHeader id="gaps-title" title={t("gaps.title")} description={t("gaps.description")} />
      <ListState query={gaps} empty={t("gaps.none")}>
        {(items) => (
          <Stack>
            {[...items]
              .sort((a, b) => b.count - a.count)
              .map((gap) => (
                <GapCard key={gap.id} gap={gap} />
              ))}
          </Stack>
        )}
      </ListState>
    </section>
  );
}
