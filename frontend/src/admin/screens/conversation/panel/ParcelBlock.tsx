/** One parcel of an order: carrier, tracking links, shipment status, last scan, delivery window. */
import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import { useMe } from "../../../api/context";
import { useI18n } from "../../../i18n";
import type { Parcel } from "./card";
import { etaSourceText, etaText, safeTrackingUrl, statusText } from "./format";

function TrackingNumbers({ parcel }: { parcel: Parcel }) {
  const { t } = useI18n();
  const entries = parcel.tracking.filter((entry) => entry.number !== "" || safeTrackingUrl(entry.url) !== null);
  if (entries.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {t("panel.parcel.noTracking")}
      </Text>
    );
  }
  return (
    <InlineStack gap="200" wrap>
      {entries.map((entry, index) => {
        const url = safeTrackingUrl(entry.url);
        const label = entry.number || t("panel.parcel.trackLink");
        return url ? (
          <a
            key={`${entry.number}-${index}`}
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t("panel.parcel.trackAria", { number: label })}
          >
            {label}
          </a>
        ) : (
          <Text as="span" key={`${entry.number}-${index}`}>
            {label}
          </Text>
        );
      })}
    </InlineStack>
  );
}

export function ParcelBlock({ parcel, index }: { parcel: Parcel; index: number }) {
  const { t, locale, formatDateTime } = useI18n();
  const { shop } = useMe();
  const carrier = parcel.tracking.find((entry) => entry.company !== "")?.company ?? "";
  const event = parcel.lastEvent;
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h4" variant="headingXs">
          {carrier ? t("panel.parcel.titleCarrier", { n: index, carrier }) : t("panel.parcel.title", { n: index })}
        </Text>
        <Badge>{statusText("shipment", parcel.shipmentStatus, t)}</Badge>
      </InlineStack>
      <TrackingNumbers parcel={parcel} />
      {event ? (
        <Text as="p" tone="subdued">
          {event.happenedAt
            ? t("panel.parcel.lastEvent", {
                message: event.message || statusText("shipment", event.status, t),
                when: formatDateTime(event.happenedAt, shop.timezone),
              })
            : t("panel.parcel.lastEventUndated", { message: event.message || statusText("shipment", event.status, t) })}
        </Text>
      ) : null}
      {parcel.eta ? (
        <InlineStack gap="200" blockAlign="center">
          {parcel.eta.late ? <Badge tone="critical">{t("panel.eta.lateBadge")}</Badge> : null}
          <Text as="p" tone={parcel.eta.late ? "critical" : undefined}>
            {etaText(parcel.eta, t, locale)}
          </Text>
          <Text as="span" tone="subdued" variant="bodySm">
            {etaSourceText(parcel.eta, t)}
          </Text>
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}
