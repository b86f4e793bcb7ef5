/** Loading skeleton or error banner for parts of the conversation screen that load on their own. */
import { Banner, SkeletonBodyText } from "@shopify/polaris";
import { useI18n } from "../../i18n";

export function ResourceBanner({
  state,
  reload,
}: {
  state: { status: "loading" } | { status: "error"; reason: string };
  reload?: () => void;
}) {
  const { t } = useI18n();
  if (state.status === "loading") {
    return (
      <div role="status" aria-label={t("common.loading")}>
        <SkeletonBodyText lines={4} />
      </div>
    );
  }
  return (
    <Banner
      title={t("conversation.error")}
      tone="critical"
      action={reload ? { content: t("common.tryAgain"), onAction: reload } : undefined}
    >
      <p>{state.reason}</p>
    </Banner>
  );
}
