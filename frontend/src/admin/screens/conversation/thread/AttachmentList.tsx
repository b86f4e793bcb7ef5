/** A message's attachments: image thumbnails and download buttons, fetched with the session token. */
import { BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useSessionToken } from "../../../api/context";
import { useI18n } from "../../../i18n";
import type { Attachment } from "../types";
import { canShowBlobs, fetchAttachment, saveBlob } from "./attachmentFetch";

const isImage = (attachment: Attachment) => attachment.content_type.startsWith("image/");

function Thumbnail({ attachment, getToken }: { attachment: Attachment; getToken: () => Promise<string> }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!canShowBlobs()) return undefined;
    const controller = new AbortController();
    let href: string | null = null;
    fetchAttachment(getToken, attachment.url, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        href = URL.createObjectURL(blob);
        setSrc(href);
      },
      () => {
        if (!controller.signal.aborted) setFailed(true);
      },
    );
    return () => {
      controller.abort();
      if (href) URL.revokeObjectURL(href);
    };
  }, [attachment.url, getToken]);
  if (failed) return <Text as="span" tone="critical">{t("conversation.attachment.failed")}</Text>;
  if (src === null) return null;
  return (
    <img
      src={src}
      alt={attachment.filename}
      style={{ maxWidth: "12rem", maxHeight: "12rem", borderRadius: "var(--p-border-radius-200)", display: "block" }}
    />
  );
}

function formatSize(bytes: number, formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t, formatNumber } = useI18n();
  const getToken = useSessionToken();
  const [error, setError] = useState<string | null>(null);
  if (attachments.length === 0) return null;

  const download = (attachment: Attachment) => {
    if (getToken === null || !canShowBlobs()) return;
    setError(null);
    fetchAttachment(getToken, attachment.url).then(
      (blob) => saveBlob(blob, attachment.filename),
      () => setError(t("conversation.attachment.failed")),
    );
  };

  return (
    <BlockStack gap="200">
      <InlineStack gap="200" wrap>
        {attachments.map((attachment) => (
          <BlockStack key={attachment.id} gap="100">
            {isImage(attachment) && getToken !== null ? <Thumbnail attachment={attachment} getToken={getToken} /> : null}
            <Button
              variant="plain"
              onClick={() => download(attachment)}
              disabled={getToken === null}
              accessibilityLabel={t("conversation.attachment.download", { name: attachment.filename })}
            >
              {`${attachment.filename} (${formatSize(attachment.size, formatNumber)})`}
            </Button>
          </BlockStack>
        ))}
      </InlineStack>
      {error ? (
        <Text as="p" tone="critical">
          {error}
        </Text>
      ) : null}
    </BlockStack>
  );
}
