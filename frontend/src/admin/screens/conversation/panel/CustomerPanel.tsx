/**
 * The customer and order side panel of a conversation: who the customer is, what they spent, and
 * their recent orders with each parcel's tracking and delivery window (the same window the bot
 * tells the shopper). Everything comes from the conversation's detail (`customer`); no request.
 */
import { Badge, BlockStack, Box, Card, DescriptionList, Divider, InlineStack, Text } from "@shopify/polaris";
import { useMe } from "../../../api/context";
import { useI18n } from "../../../i18n";
import { customerCardOf, type CustomerCard, type OrderSummary } from "./card";
import { countryName, languageName, statusText } from "./format";
import { ParcelBlock } from "./ParcelBlock";

export interface CustomerPanelProps {
  conversationId: string;
  /** The conversation as GET /api/admin/conversations/<id> returns it. */
  conversation: Record<string, unknown>;
}

function CustomerFacts({ card }: { card: CustomerCard }) {
  const { t, locale, formatMoney, formatNumber } = useI18n();
  const none = t("panel.customer.none");
  return (
    <DescriptionList
      gap="tight"
      items={[
        { term: t("panel.customer.email"), description: card.email || none },
        { term: t("panel.customer.phone"), description: card.phone || none },
        { term: t("panel.customer.country"), description: countryName(card.countryCode, locale) || none },
        { term: t("panel.customer.language"), description: languageName(card.locale, locale) || none },
        { term: t("panel.customer.lifetimeValue"), description: formatMoney(card.lifetimeValue, card.currency) },
        { term: t("panel.customer.ordersCount"), description: formatNumber(card.ordersCount) },
      ]}
    />
  );
}

function OrderBlock({ order }: { order: OrderSummary }) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const { shop } = useMe();
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" align="space-between" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {order.name || t("panel.order.unnamed")}
        </Text>
        {order.totalPrice !== null ? <Text as="span">{formatMoney(order.totalPrice, order.currency)}</Text> : null}
      </InlineStack>
      {order.createdAt ? (
        <Text as="p" tone="subdued" variant="bodySm">
          {t("panel.order.placed", { when: formatDateTime(order.createdAt, shop.timezone) })}
        </Text>
      ) : null}
      <InlineStack gap="100" wrap>
        {order.cancelled ? <Badge tone="critical">{t("panel.order.cancelled")}</Badge> : null}
        <Badge tone={order.financialStatus.toLowerCase() === "paid" ? "success" : undefined}>
          {statusText("financial", order.financialStatus, t)}
        </Badge>
        <Badge tone={order.fulfillmentStatus.toLowerCase() === "fulfilled" ? "success" : "attention"}>
          {statusText("fulfillment", order.fulfillmentStatus, t)}
        </Badge>
      </InlineStack>
      {order.parcels.length === 0 ? (
        <Text as="p" tone="subdued">
          {t("panel.order.noParcels")}
        </Text>
      ) : (
        <BlockStack gap="300">
          {order.parcels.map((parcel, index) => (
            <Box key={parcel.id || index} paddingInlineStart="200" borderInlineStartWidth="025" borderColor="border">
              <ParcelBlock parcel={parcel} index={index + 1} />
            </Box>
          ))}
        </BlockStack>
      )}
    </BlockStack>
  );
}

export default function CustomerPanel({ conversation }: CustomerPanelProps) {
  const { t } = useI18n();
  const card = customerCardOf(conversation);
  if (card === null) {
    return (
      <Card>
        <Text as="p" tone="subdued">
          {t("panel.customer.missing")}
        </Text>
      </Card>
    );
  }
  return (
    <BlockStack gap="400">
      <section aria-label={t("panel.customer.title")}>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {card.name || t("panel.customer.unnamed")}
            </Text>
            <CustomerFacts card={card} />
          </BlockStack>
        </Card>
      </section>
      <section aria-label={t("panel.orders.title")}>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("panel.orders.title")}
            </Text>
            {card.recentOrders.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("panel.orders.none")}
              </Text>
            ) : (
              card.recentOrders.map((order, index) => (
                <BlockStack gap="300" key={order.id || index}>
                  {index > 0 ? <Divider /> : null}
                  <OrderBlock order={order} />
                </BlockStack>
              ))
            )}
          </BlockStack>
        </Card>
      </section>
    </BlockStack>
  );
}
