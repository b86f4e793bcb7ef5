import { AppProvider, Banner, Card, Page, SkeletonBodyText } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import zhCN from "@shopify/polaris/locales/zh-CN.json";
import type { LinkLikeComponentProps } from "@shopify/polaris/build/ts/src/utilities/link";
import { Suspense, type ReactNode } from "react";
import { BrowserRouter, Link, MemoryRouter, Navigate, Route, Routes } from "react-router-dom";
import { ApiProvider, MeProvider, useResource } from "./api/context";
import type { ApiFetch } from "./api/client";
import type { MeResponse } from "./api/types";
import { I18nProvider, languageFor, useI18n } from "./i18n";
import { RealtimeProvider } from "./realtime";
import { BASENAME, HOME_PATH, ROUTES } from "./routes";
import { Shell } from "./Shell";

export interface AppProps {
  apiFetch: ApiFetch;
  /** Session tokens for the agent websocket; without it there are no live updates. */
  getToken?: () => Promise<string>;
  /** The Shopify admin's locale, e.g. "en" or "zh-CN". */
  locale?: string;
  /** Tests: render at this path (inside the app, e.g. "/inbox") with an in-memory router. */
  initialPath?: string;
}

/** Polaris renders its links (navigation, buttons with `url`) through the router. */
function RouterLink({ url, children, external, ...rest }: LinkLikeComponentProps) {
  if (external || !url.startsWith(BASENAME)) {
    return (
      <a href={url} {...rest} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
        {children}
      </a>
    );
  }
  return (
    <Link to={url.slice(BASENAME.length) || "/"} {...rest}>
      {children}
    </Link>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <Page>
      <Card>
        <div role="status" aria-label={t("common.loading")}>
          <SkeletonBodyText lines={3} />
        </div>
      </Card>
    </Page>
  );
}

/** Loads the signed-in account once; every screen can then `useMe()`. */
function MeGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { state, reload } = useResource<MeResponse>("/api/admin/me");
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") {
    return (
      <Page>
        <Banner
          title={t("common.accountError")}
          tone="critical"
          action={{ content: t("common.tryAgain"), onAction: () => reload() }}
        >
          <p>{state.reason}</p>
        </Banner>
      </Page>
    );
  }
  return <MeProvider me={state.data}>{children}</MeProvider>;
}

function NotFound() {
  const { t } = useI18n();
  return <Page title={t("common.notFound")} />;
}

function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/" element={<Navigate to={HOME_PATH} replace />} />
        {ROUTES.map(({ path, Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

export default function App({ apiFetch, getToken, locale = "en", initialPath }: AppProps) {
  const language = languageFor(locale);
  const body = (
    <MeGate>
      <RealtimeProvider>
        <Shell>
          <AppRoutes />
        </Shell>
      </RealtimeProvider>
    </MeGate>
  );
  return (
    <AppProvider i18n={language === "zh-CN" ? zhCN : en} linkComponent={RouterLink}>
      <I18nProvider language={language}>
        <ApiProvider apiFetch={apiFetch} getToken={getToken}>
          {initialPath === undefined ? (
            <BrowserRouter basename={BASENAME}>{body}</BrowserRouter>
          ) : (
            <MemoryRouter initialEntries={[initialPath]}>{body}</MemoryRouter>
          )}
        </ApiProvider>
      </I18nProvider>
    </AppProvider>
  );
}
