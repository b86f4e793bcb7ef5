import {
  AppProvider,
  Badge,
  Banner,
  BlockStack,
  Card,
  InlineStack,
  Page,
  SkeletonBodyText,
  Text,
} from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { useCallback, useEffect, useState } from "react";
import type { ApiFetch } from "./api/client";
import type { MeResponse } from "./api/types";

export interface AppProps {
  apiFetch: ApiFetch;
}

type MeState =
  | { status: "loading" }
  | { status: "ready"; me: MeResponse }
  | { status: "error"; reason: string };

function errorReason(error: unknown): string {
  // ApiError.message is its reason; other errors (session token, config) have
  // a readable message too.
  return error instanceof Error && error.message !== "" ? error.message : "Unknown error";
}

function useMe(apiFetch: ApiFetch): [MeState, () => void] {
  const [state, setState] = useState<MeState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    apiFetch<MeResponse>("/api/admin/me", { signal: controller.signal }).then(
      (me) => {
        if (!controller.signal.aborted) setState({ status: "ready", me });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", reason: errorReason(error) });
      },
    );
    return () => controller.abort();
  }, [apiFetch, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}

function SignedIn({ me }: { me: MeResponse }) {
  const { agent, shop } = me;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="p" variant="bodyMd">
          {`Signed in as ${agent.name} (${agent.role}) at ${shop.name}`}
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" tone="subdued">
            Currency
          </Text>
          <Badge>{shop.currency}</Badge>
        </InlineStack>
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" tone="subdued">
            Time zone
          </Text>
          <Text as="span">{shop.timezone}</Text>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

function Home({ apiFetch }: AppProps) {
  const [state, retry] = useMe(apiFetch);
  return (
    <Page title="Support">
      <BlockStack gap="400">
        {state.status === "error" && (
          <Banner
            title="Could not load your account"
            tone="critical"
            action={{ content: "Try again", onAction: retry }}
          >
            <p>{state.reason}</p>
          </Banner>
        )}
        {state.status === "loading" && (
          <Card>
            <div role="status" aria-label="Loading your account">
              <SkeletonBodyText lines={3} />
            </div>
          </Card>
        )}
        {state.status === "ready" && <SignedIn me={state.me} />}
      </BlockStack>
    </Page>
  );
}

export default function App({ apiFetch }: AppProps) {
  return (
    <AppProvider i18n={en}>
      <Home apiFetch={apiFetch} />
    </AppProvider>
  );
}
