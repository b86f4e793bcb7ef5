/**
 * Webhook deliveries that failed (with their error) and Replay, which queues one again. Owners
 * and admins only. A replayed delivery leaves the list; a refusal (e.g. it is no longer failed)
 * is shown on its row with the reason.
 */
import { Badge, BlockStack, Box, Button, Card, Divider, InlineError, InlineStack, Text } from "@shopify/polaris";
import { Fragment, useState } from "react";
import { useApi, useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { refusalOf, refusalText } from "./apiErrors";

export const FAILED_WEBHOOKS_PATH = "/api/admin/webhooks/failed";

/** GET /api/admin/webhooks/failed */
export interface Delivery {
  id: string;
  topic: string;
  status: string;
  attempts: number;
  last_error: string;
  received_at: string;
  processed_at: string | null;
}

function DeliveryRow({ delivery, onReplayed }: { delivery: Delivery; onReplayed: (next: Delivery) => void }) {
  const { t, formatDateTime } = useI18n();
  const { shop } = useMe();
  const apiFetch = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function replay() {
    setBusy(true);
    setError(null);
    try {
      onReplayed(
        await apiFetch<Delivery>(`/api/admin/webhooks/${encodeURIComponent(delivery.id)}/replay`, { method: "POST" }),
      );
    } catch (failure) {
      setError(refusalText(t, "settings", refusalOf(failure)));
      setBusy(false);
    }
  }

  return (
    <Box paddingBlock="300">
      <BlockStack gap="100">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <BlockStack gap="050">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h3" variant="headingSm">
                {delivery.topic}
              </Text>
              <Badge tone="critical">{t("settings.webhooks.failed")}</Badge>
            </InlineStack>
            <Text as="p" tone="subdued">
              {t("settings.webhooks.received", {
                time: formatDateTime(delivery.received_at, shop.timezone),
                attempts: delivery.attempts,
              })}
            </Text>
            {delivery.last_error !== "" && <Text as="p">{delivery.last_error}</Text>}
          </BlockStack>
          <Button
            loading={busy}
            accessibilityLabel={t("settings.webhooks.replayOne", { topic: delivery.topic, id: delivery.id })}
            onClick={() => void replay()}
          >
            {t("settings.webhooks.replay")}
          </Button>
        </InlineStack>
        {error !== null && <InlineError message={error} fieldID={`delivery-${delivery.id}`} />}
      </BlockStack>
    </Box>
  );
}

export function FailedWebhooksCard() {
  const { t } = useI18n();
  const { state, reload, setData } = useResource<Delivery[]>(FAILED_WEBHOOKS_PATH);
  const [notice, setNotice] = useState<string | null>(null);

  function replayed(next: Delivery) {
    setData((rows) =>
      next.status === "failed" ? rows.map((row) => (row.id === next.id ? next : row)) : rows.filter((row) => row.id !== next.id),
    );
    setNotice(t("settings.webhooks.replayed", { topic: next.topic }));
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("settings.webhooks.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("settings.webhooks.intro")}
        </Text>
        <div aria-live="polite">
          {notice !== null && (
            <Text as="p" tone="success">
              {notice}
            </Text>
          )}
        </div>
        <ResourceView state={state} reload={reload}>
          {(rows) =>
            rows.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("settings.webhooks.none")}
              </Text>
            ) : (
              <div>
                {rows.map((delivery, index) => (
                  <Fragment key={delivery.id}>
                    {index > 0 && <Divider />}
                    <DeliveryRow delivery={delivery} onReplayed={replayed} />
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
