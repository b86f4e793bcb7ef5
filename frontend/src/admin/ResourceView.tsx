/** Loading skeleton / error banner with retry / content, the same on every screen. */
import { Banner, Card, SkeletonBodyText } from "@shopify/polaris";
import type { ReactNode } from "react";
import type { ResourceState } from "./api/context";
import { useI18n } from "./i18n";

export function ResourceView<T>({
  state,
  reload,
  children,
}: {
  state: ResourceState<T>;
  reload: () => void;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (state.status === "loading") {
    return (
      <Card>
        <div role="status" aria-label={t("common.loading")}>
          <SkeletonBodyText lines={4} />
        </div>
      </Card>
    );
  }
  if (state.status === "error") {
    return (
      <Banner title={t("common.loadError")} tone="critical" action={{ content: t("common.tryAgain"), onAction: reload }}>
        <p>{state.reason}</p>
      </Banner>
    );
  }
  return <>{children(state.data)}</>;
}
