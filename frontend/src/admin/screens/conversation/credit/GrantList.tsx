/** This conversation's store-credit grants, each with its state. */
import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import { useMe } from "../../../api/context";
import { useI18n } from "../../../i18n";
import { grantTone, labelOr } from "./creditRules";
import type { Grant } from "./types";

const LIST_RESET = { listStyle: "none", margin: 0, padding: 0 } as const;

export function GrantList({ grants }: { grants: Grant[] }) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const { shop } = useMe();
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("panel.credit.grants.title")}
      </Text>
      {grants.length === 0 ? (
        <Text as="p" tone="subdued">
          {t("panel.credit.grants.none")}
        </Text>
      ) : (
        <ul aria-label={t("panel.credit.grants.title")} style={LIST_RESET}>
          {grants.map((grant) => (
            <li key={grant.id} style={{ paddingBlockEnd: "var(--p-space-200)" }}>
              <BlockStack gap="050">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" fontWeight="semibold">
                    {formatMoney(grant.amount, grant.currency)}
                  </Text>
                  <Badge tone={grantTone(grant.state)}>{labelOr(t, `panel.credit.state.${grant.state}`, grant.state)}</Badge>
                </InlineStack>
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("panel.credit.grants.line", {
                    reason: labelOr(t, `panel.credit.reason.${grant.reason}`, grant.reason),
                    order: grant.order.name,
                    who: grant.requested_by ? grant.requested_by.name : t("panel.credit.grants.byApp"),
                    when: formatDateTime(grant.requested_at, shop.timezone),
                  })}
                </Text>
              </BlockStack>
            </li>
          ))}
        </ul>
      )}
    </BlockStack>
  );
}
