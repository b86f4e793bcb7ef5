/** What the policy allows on the chosen order now: the maximum, the limits behind it, approval, expiry. */
import { BlockStack, List, Text } from "@shopify/polaris";
import { useI18n } from "../../../i18n";
import type { CreditAllowance } from "./types";

export function AllowanceSummary({ allowance }: { allowance: CreditAllowance }) {
  const { t, formatMoney, formatNumber } = useI18n();
  const money = (amount: string) => formatMoney(amount, allowance.currency);
  const { limits } = allowance;
  return (
    <BlockStack gap="200">
      {allowance.may_request ? (
        <Text as="p" variant="headingSm">
          {t("panel.credit.max", { amount: money(allowance.max_amount), order: allowance.order_name })}
        </Text>
      ) : null}
      <List type="bullet">
        <List.Item>{t("panel.credit.limit.orderShare", { amount: money(limits.order_share_left) })}</List.Item>
        {limits.per_grant !== null ? (
          <List.Item>{t("panel.credit.limit.perGrant", { amount: money(limits.per_grant) })}</List.Item>
        ) : null}
        {limits.customer_30d_left !== null ? (
          <List.Item>{t("panel.credit.limit.customer30d", { amount: money(limits.customer_30d_left) })}</List.Item>
        ) : null}
        <List.Item>
          {allowance.auto_approve_up_to === null
            ? t("panel.credit.approval.always")
            : t("panel.credit.approval.upTo", { amount: money(allowance.auto_approve_up_to) })}
        </List.Item>
        <List.Item>
          {allowance.expiry_days === null
            ? t("panel.credit.expiry.never")
            : t("panel.credit.expiry.days", { days: formatNumber(allowance.expiry_days) })}
        </List.Item>
      </List>
    </BlockStack>
  );
}
