import { Page } from "@shopify/polaris";
import { useI18n } from "../../i18n";

/** Placeholder: replaced by the screen itself. */
export default function HoursScreen() {
  const { t } = useI18n();
  return <Page title={t("nav.hours")} />;
}
