/**
 * "Test a question": which enabled entry would answer a shopper's message, how sure the bot is
 * (score against the minimum, lead over the next entry), or that it would hand off to the team.
 */
import { Banner, BlockStack, Button, Card, InlineStack, List, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { jsonInit, useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf, refusalText } from "../settings/apiErrors";
import { FAQ_PATH } from "./FaqEditor";
import { LANGUAGES, percent, type FaqTestResult } from "./faqForm";
import { languageName } from "./languageName";

function Outcome({ result }: { result: FaqTestResult }) {
  const { t, locale } = useI18n();
  const min = percent(result.min_score);
  const best = result.candidates[0];
  let headline: string;
  if (result.outcome === "answered" && result.match) {
    headline = t("autoresponses.test.answered", {
      question: result.match.question,
      score: percent(result.match.score),
      lead: percent(result.match.score - result.match.runner_up),
    });
  } else if (result.outcome === "ambiguous") {
    headline = t("autoresponses.test.ambiguous", { margin: percent(result.min_margin) });
  } else if (result.outcome === "no_match") {
    headline = t("autoresponses.test.noMatch", { score: best ? percent(best.score) : 0, min });
  } else {
    headline = t("autoresponses.test.noEntries", { language: languageName(result.language, locale) });
  }
  return (
    <BlockStack gap="200">
      <Text as="p" fontWeight="semibold">
        {headline}
      </Text>
      {result.outcome === "answered" && result.match && (
        <BlockStack gap="100">
          <Text as="p" tone="subdued">
            {t("autoresponses.test.reply")}
          </Text>
          <Text as="p">{result.match.answer}</Text>
        </BlockStack>
      )}
      <Text as="p" tone="subdued">
        {t("autoresponses.test.readAs", { language: languageName(result.language, locale) })}
        {result.intent !== null && ` ${t("autoresponses.test.intent", { intent: result.intent })}`}
      </Text>
      {result.candidates.length > 0 && (
        <BlockStack gap="100">
          <Text as="p" tone="subdued">
            {t("autoresponses.test.candidates", { min, margin: percent(result.min_margin) })}
          </Text>
          <List>
            {result.candidates.map((candidate) => (
              <List.Item key={candidate.id}>
                {t("autoresponses.test.candidate", { question: candidate.question, score: percent(candidate.score) })}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      )}
    </BlockStack>
  );
}

export function FaqTester() {
  const { t, locale } = useI18n();
  const apiFetch = useApi();
  const [text, setText] = useState("");
  const [language, setLanguage] = useState("");
  const [result, setResult] = useState<FaqTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [testing, setTesting] = useState(false);

  async function test() {
    setResult(null);
    setError(null);
    setMissing(text.trim() === "");
    if (text.trim() === "") return;
    setTesting(true);
    try {
      const body = { text: text.trim(), language: language === "" ? null : language };
      setResult(await apiFetch<FaqTestResult>(`${FAQ_PATH}/test`, jsonInit("POST", body)));
    } catch (failure) {
      setError(refusalText(t, "autoresponses.test", refusalOf(failure)));
    } finally {
      setTesting(false);
    }
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("autoresponses.test.title")}
        </Text>
        <TextField
          label={t("autoresponses.test.message")}
          autoComplete="off"
          multiline={2}
          value={text}
          error={missing ? t("autoresponses.test.messageMissing") : undefined}
          onChange={(value) => {
            setText(value);
            setMissing(false);
          }}
        />
        <InlineStack gap="300" blockAlign="end">
          <Select
            label={t("autoresponses.test.language")}
            options={[
              { label: t("autoresponses.test.detect"), value: "" },
              ...LANGUAGES.map((code) => ({ label: languageName(code, locale), value: code })),
            ]}
            value={language}
            onChange={setLanguage}
          />
          <Button loading={testing} onClick={() => void test()}>
            {t("autoresponses.test.run")}
          </Button>
        </InlineStack>
        <div aria-live="polite">
          {error !== null && (
            <Banner tone="critical" title={t("autoresponses.test.failed")}>
              <p>{error}</p>
            </Banner>
          )}
          {result !== null && <Outcome result={result} />}
        </div>
      </BlockStack>
    </Card>
  );
}
