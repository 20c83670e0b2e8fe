import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Text } from "@mantine/core";
import { IconPhoto } from "@tabler/icons-react";
import { sanitizeMessageHtml } from "./sanitize";

/** A message's HTML, sanitized again here, with remote images held back until the agent asks for them. */
export function MessageBody({ html, text }: { html: string | null; text: string }) {
  const { t } = useTranslation("conversation");
  const [showImages, setShowImages] = useState(false);
  const sanitized = useMemo(() => (html ? sanitizeMessageHtml(html, { allowRemoteImages: showImages }) : null), [html, showImages]);

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
      <div className="message-html" dangerouslySetInnerHTML={{ __html: sanitized.html }} />
    </>
  );
}
