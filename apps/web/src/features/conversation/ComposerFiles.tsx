import { useTranslation } from "react-i18next";
import { Button, CloseButton, Progress, Text } from "@mantine/core";
import { IconAlertCircle, IconPaperclip } from "@tabler/icons-react";
import type { Attachment } from "../../api/types";
import type { ComposerMode } from "./drafts";
import { formatSize } from "./format-size";

/** A file on its way up, or one that did not get there; uploaded files are the draft's attachments. */
export interface Upload {
  key: number;
  file: File;
  conversationId: string;
  mode: ComposerMode;
  /** Of the bytes, the share sent, from 0 to 1. */
  progress: number;
  /** Why it failed, for the agent; null while it is still going. */
  error: string | null;
  /** The server's own words, when they add something (the size limit). */
  detail: string | null;
}

interface ComposerFilesProps {
  attachments: Attachment[];
  uploads: Upload[];
  onRemove: (id: string) => void;
  onCancel: (key: number) => void;
  onRetry: (upload: Upload) => void;
}

/** The files going with the message: uploaded ones removable, the rest with their progress or their error. */
export function ComposerFiles({ attachments, uploads, onRemove, onCancel, onRetry }: ComposerFilesProps) {
  const { t, i18n } = useTranslation("conversation");
  if (attachments.length === 0 && uploads.length === 0) return null;
  return (
    <ul className="composer-files" aria-label={t("upload.files")}>
      {attachments.map((attachment) => (
        <li key={attachment.id} className="composer-file">
          <IconPaperclip size={14} aria-hidden className="composer-file-icon" />
          <Text span size="sm" className="composer-file-name" title={attachment.filename}>
            {attachment.filename}
          </Text>
          <Text span size="xs" c="gray.7">
            {formatSize(attachment.size, i18n.language)}
          </Text>
          <CloseButton size="sm" aria-label={t("upload.remove", { name: attachment.filename })} onClick={() => onRemove(attachment.id)} />
        </li>
      ))}
      {uploads.map((upload) => (
        <li key={upload.key} className={`composer-file${upload.error ? " composer-file-failed" : ""}`}>
          {upload.error ? <IconAlertCircle size={14} aria-hidden className="composer-file-icon" color="var(--mantine-color-red-8)" /> : <IconPaperclip size={14} aria-hidden className="composer-file-icon" />}
          <Text span size="sm" className="composer-file-name" title={upload.file.name}>
            {upload.file.name}
          </Text>
          <Text span size="xs" c="gray.7">
            {formatSize(upload.file.size, i18n.language)}
          </Text>
          {upload.error ? (
            <>
              <Text span size="xs" c="red.8" role="alert" className="composer-file-error" title={upload.detail ?? undefined}>
                {upload.error}
              </Text>
              <Button variant="subtle" size="compact-xs" onClick={() => onRetry(upload)}>
                {t("upload.retry")}
              </Button>
            </>
          ) : (
            <>
              <Progress value={Math.round(upload.progress * 100)} size="sm" w={80} aria-label={t("upload.uploading", { name: upload.file.name })} striped animated />
              <Text span size="xs" c="gray.7" aria-hidden>
                {Math.round(upload.progress * 100)}%
              </Text>
            </>
          )}
          <CloseButton
            size="sm"
            aria-label={t(upload.error ? "upload.remove" : "upload.cancel", { name: upload.file.name })}
            onClick={() => onCancel(upload.key)}
          />
        </li>
      ))}
    </ul>
  );
}
