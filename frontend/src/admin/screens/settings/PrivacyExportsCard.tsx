/**
 * Customer data exports (Shopify's `customers/data_request`): the list, newest first, and a
 * download of each. Downloads go through the API client (they need the session token) and are
 * saved from a Blob. Owners and admins only.
 */
import { BlockStack, Box, Button, Card, Divider, InlineError, InlineStack, Text } from "@shopify/polaris";
import { Fragment, useState } from "react";
import { useApi, useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { refusalOf, refusalText } from "./apiErrors";
import { exportFilename, saveJsonFile } from "./download";

export const EXPORTS_PATH = "/api/admin/privacy/exports";

/** GET /api/admin/privacy/exports */
export interface DataExport {
  id: string;
  customer_id: string;
  requested_at: string;
  completed_at: string | null;
}

function ExportRow({ item }: { item: DataExport }) {
  const { t, formatDateTime } = useI18n();
  const { shop } = useMe();
  const apiFetch = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const data = await apiFetch<unknown>(`${EXPORTS_PATH}/${encodeURIComponent(item.id)}/download`);
      saveJsonFile(data, exportFilename(item.customer_id));
    } catch (failure) {
      setError(refusalText(t, "settings", refusalOf(failure)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box paddingBlock="300">
      <BlockStack gap="100">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <BlockStack gap="050">
            <Text as="h3" variant="headingSm">
              {t("settings.exports.customer", { id: item.customer_id })}
            </Text>
            <Text as="p" tone="subdued">
              {item.completed_at
                ? t("settings.exports.completed", {
                    requested: formatDateTime(item.requested_at, shop.timezone),
                    completed: formatDateTime(item.completed_at, shop.timezone),
                  })
                : t("settings.exports.pending", { requested: formatDateTime(item.requested_at, shop.timezone) })}
            </Text>
          </BlockStack>
          {item.completed_at && (
            <Button
              loading={busy}
              accessibilityLabel={t("settings.exports.downloadFor", { id: item.customer_id })}
              onClick={() => void download()}
            >
              {t("settings.exports.download")}
            </Button>
          )}
        </InlineStack>
        {error !== null && <InlineError message={error} fieldID={`export-${item.id}`} />}
      </BlockStack>
    </Box>
  );
}

export function PrivacyExportsCard() {
  const { t } = useI18n();
  const { state, reload } = useResource<DataExport[]>(EXPORTS_PATH);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("settings.exports.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("settings.exports.intro")}
        </Text>
        <ResourceView state={state} reload={reload}>
          {(items) =>
            items.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("settings.exports.none")}
              </Text>
            ) : (
              <div>
                {items.map((item, index) => (
                  <Fragment key={item.id}>
                    {index > 0 && <Divider />}
                    <ExportRow item={item} />
                  </Fragment>
                ))}
              </div>
            )
          }
        </ResourceView>
      </BlockStack>
    </Card>
  );
}
