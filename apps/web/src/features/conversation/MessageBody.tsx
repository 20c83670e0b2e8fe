import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Text } from "@mantine/core";
import { IconDots, IconPhoto } from "@tabler/icons-react";
import { sanitizeMessageHtml } from "./sanitize";

/** The HTML without its quoted history (`<blockquote data-quoted>`), or null when it has none. */
function withoutQuote(html: string): string | null {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const quotes = doc.body.querySelectorAll("blockquote[data-quoted]");
  if (quotes.length === 0) return null;
  quotes.forEach((quote) => quote.remove());
  return doc.body.innerHTML;
}

/**
 * A message's HTML, sanitized again here, with remote images held back until the agent asks for them and
 * quoted history folded away until asked for too.
 */
export function MessageBody({ html, text }: { html: string | null; text: string }) {
  const { t } = useTranslation("conversation");
  const [showImages, setShowImages] = useState(false);
  const [showQuoted, setShowQuoted] = useState(false);
  const sanitized = useMemo(() => (html ? sanitizeMessageHtml(html, { allowRemoteImages: showImages }) : null), [html, showImages]);
  const folded = useMemo(() => (sanitized ? withoutQuote(sanitized.html) : null), [sanitized]);

  if (!sanitized) {
    return <div className="message-text">{text}</div>;
  }
  return (
    <>
      {sanitized.blockedImages > 0 && (
        <Group gap="xs" mb="xs" className="images-blocked">
          <Text size="xs" c="dimmed">
            {t("imagesBlocked", { count: sanitized.blockedImages })}
          </Text>
          <Button size="compact-xs" variant="default" leftSection={<IconPhoto size={14} aria-hidden />} onClick={() => setShowImages(true)}>
            {t("showImages")}
          </Button>
        </Group>
      )}
      <div className="message-html" dangerouslySetInnerHTML={{ __html: folded !== null && !showQuoted ? folded : sanitized.html }} />
      {folded !== null && (
        <Button size="compact-xs" variant="subtle" mt="xs" leftSection={<IconDots size={14} aria-hidden />} aria-expanded={showQuoted} onClick={() => setShowQuoted((shown) => !shown)}>
          {showQuoted ? t("hideQuoted") : t("showQuoted")}
        </Button>
      )}
    </>
  );
}
