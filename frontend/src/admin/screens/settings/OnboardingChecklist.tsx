/**
 * Getting started: put the chat on the storefront (a theme editor deep link that activates the
 * app embed), set business hours, add FAQ entries, review the store credit policy. Hours and FAQ
 * are read from the API; the other two the merchant ticks off (kept in this browser, per shop).
 */
import { Badge, BlockStack, Box, Button, Card, Checkbox, Divider, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { Fragment, useCallback, useId, useState, type ReactNode } from "react";
import { useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { looksUnset, type HoursState } from "../hours/hoursForm";
import type { FaqEntry } from "../autoresponses/faqForm";
import { doneCount, marksKey, parseMarks, stepDone, STEPS, type MarkedStep, type Marks, type StepId } from "./onboarding";
import { chatEmbedUrl } from "./themeEditor";

function readMarks(key: string): Marks {
  try {
    return parseMarks(window.localStorage.getItem(key));
  } catch {
    return {};
  }
}

function useMarks(shopDomain: string): [Marks, (step: MarkedStep, done: boolean) => void] {
  const key = marksKey(shopDomain);
  const [marks, setMarks] = useState<Marks>(() => readMarks(key));
  const mark = useCallback(
    (step: MarkedStep, done: boolean) => {
      setMarks((current) => {
        const next = { ...current, [step]: done };
        try {
          window.localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // Storage can be off in an embedded frame: the tick then lasts for this visit only.
        }
        return next;
      });
    },
    [key],
  );
  return [marks, mark];
}

function StatusBadge({ done }: { done: boolean | null | undefined }) {
  const { t } = useI18n();
  if (done === undefined) return <Badge>{t("settings.checklist.checking")}</Badge>;
  if (done === null) return <Badge>{t("settings.checklist.unknown")}</Badge>;
  return done ? <Badge tone="success">{t("settings.checklist.done")}</Badge> : <Badge tone="attention">{t("settings.checklist.todo")}</Badge>;
}

function Step({ id, done, children }: { id: StepId; done: boolean | null | undefined; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Box paddingBlock="300">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {t(`settings.checklist.${id}.title`)}
          </Text>
          <StatusBadge done={done} />
        </InlineStack>
        <Text as="p" tone="subdued">
          {t(`settings.checklist.${id}.body`)}
        </Text>
        {children}
      </BlockStack>
    </Box>
  );
}

function ChatEmbedAction({ url, marked, onMark }: { url: string | null; marked: boolean; onMark: (done: boolean) => void }) {
  const { t } = useI18n();
  const missingId = useId();
  return (
    <BlockStack gap="200">
      <InlineStack>
        <Button
          variant="primary"
          disabled={url === null}
          ariaDescribedBy={url === null ? missingId : undefined}
          onClick={() => {
            if (url !== null) window.open(url, "_top");
          }}
        >
          {t("settings.checklist.chatEmbed.open")}
        </Button>
      </InlineStack>
      {url === null && (
        <div id={missingId}>
          <Text as="p" tone="caution">
            {t("settings.checklist.chatEmbed.missing")}
          </Text>
        </div>
      )}
      <Checkbox label={t("settings.checklist.chatEmbed.mark")} checked={marked} onChange={onMark} />
    </BlockStack>
  );
}

export function OnboardingChecklist({ chatEmbedId }: { chatEmbedId: string | null }) {
  const { t } = useI18n();
  const { shop } = useMe();
  const hours = useResource<HoursState>("/api/admin/settings/hours");
  const faq = useResource<FaqEntry[]>("/api/admin/faq");
  const [marks, mark] = useMarks(shop.domain);
  const progressId = useId();
  const facts = {
    hoursSet: hours.state.status === "ready" ? !looksUnset(hours.state.data) : hours.state.status === "error" ? null : undefined,
    faqCount: faq.state.status === "ready" ? faq.state.data.length : faq.state.status === "error" ? null : undefined,
    marks,
  };
  const done = doneCount(facts);
  const actions: Record<StepId, ReactNode> = {
    chatEmbed: (
      <ChatEmbedAction
        url={chatEmbedUrl(shop.domain, chatEmbedId)}
        marked={marks.chatEmbed === true}
        onMark={(value) => mark("chatEmbed", value)}
      />
    ),
    hours: (
      <InlineStack>
        <Button url="/app/hours">{t("settings.checklist.hours.action")}</Button>
      </InlineStack>
    ),
    faq: (
      <InlineStack>
        <Button url="/app/auto-responses">{t("settings.checklist.faq.action")}</Button>
      </InlineStack>
    ),
    creditPolicy: (
      <BlockStack gap="200">
        <InlineStack>
          <Button url="/app/credit-policy">{t("settings.checklist.creditPolicy.action")}</Button>
        </InlineStack>
        <Checkbox
          label={t("settings.checklist.creditPolicy.mark")}
          checked={marks.creditPolicy === true}
          onChange={(value) => mark("creditPolicy", value)}
        />
      </BlockStack>
    ),
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("settings.checklist.title")}
        </Text>
        <div aria-live="polite">
          <Text as="p" id={progressId}>
            {t("settings.checklist.progress", { done, total: STEPS.length })}
          </Text>
        </div>
        <ProgressBar progress={(done / STEPS.length) * 100} tone="success" size="small" ariaLabelledBy={progressId} />
        <div>
          {STEPS.map((id, index) => (
            <Fragment key={id}>
              {index > 0 && <Divider />}
              <Step id={id} done={stepDone(id, facts)}>
                {actions[id]}
              </Step>
            </Fragment>
          ))}
        </div>
      </BlockStack>
    </Card>
  );
}
