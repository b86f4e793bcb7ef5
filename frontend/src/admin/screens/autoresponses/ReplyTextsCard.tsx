/**
 * The bot's replies per language: each text's default or the shop's own wording, edited with a
 * live preview, and reset to the default (DELETE). Owners and admins edit; everyone reads.
 */
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  Divider,
  InlineError,
  InlineStack,
  Select,
  Text,
} from "@shopify/polaris";
import { Fragment, useState } from "react";
import { useApi, useMe } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf } from "../settings/apiErrors";
import { LANGUAGES } from "./faqForm";
import { languageName } from "./languageName";
import { ReplyTextEditor, replyTextPath } from "./ReplyTextEditor";
import {
  GROUPS,
  overriddenCount,
  replyRefusalText,
  rowsFor,
  withText,
  type ReplyRow,
  type ReplyTextKey,
} from "./replyTexts";

function ReplyRowView({
  row,
  language,
  canEdit,
  editing,
  onEdit,
  onDone,
  onChange,
}: {
  row: ReplyRow;
  language: string;
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  onChange: (update: (listing: ReplyTextKey[]) => ReplyTextKey[]) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { shop } = useMe();
  const apiFetch = useApi();
  const [resetting, setResetting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { text } = row;

  async function reset() {
    setResetting(true);
    setError(null);
    try {
      await apiFetch(replyTextPath(row.key, language), { method: "DELETE" });
      onChange((listing) => withText(listing, row.key, { ...text, override: null, updated_at: null, updated_by: null }));
    } catch (failure) {
      setError(replyRefusalText(t, refusalOf(failure)));
    } finally {
      setResetting(false);
    }
  }

  return (
    <Box paddingBlock="300">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h4" variant="headingXs">
            {row.key}
          </Text>
          {text.override !== null ? (
            <Badge tone="info">{t("autoresponses.replies.custom")}</Badge>
          ) : (
            <Badge>{t("autoresponses.replies.default")}</Badge>
          )}
        </InlineStack>
        {editing ? (
          <ReplyTextEditor
            row={row}
            language={language}
            onCancel={onDone}
            onSaved={(entry) => {
              onChange((listing) => withText(listing, row.key, entry));
              onDone();
            }}
          />
        ) : (
          <>
            <Text as="p">{text.override ?? text.default}</Text>
            {text.override !== null && (
              <Text as="p" tone="subdued">
                {t("autoresponses.replies.defaultWas", { text: text.default })}
              </Text>
            )}
            {text.override !== null && text.updated_at !== null && (
              <Text as="p" tone="subdued">
                {t("autoresponses.replies.changed", { time: formatDateTime(text.updated_at, shop.timezone) })}
              </Text>
            )}
            {error !== null && <InlineError message={error} fieldID={`reply-${row.key}`} />}
            {canEdit && (
              <InlineStack gap="200">
                <Button accessibilityLabel={t("autoresponses.replies.editKey", { key: row.key })} onClick={onEdit}>
                  {t("common.edit")}
                </Button>
                {text.override !== null && (
                  <Button
                    accessibilityLabel={t("autoresponses.replies.resetKey", { key: row.key })}
                    loading={resetting}
                    onClick={() => void reset()}
                  >
                    {t("autoresponses.replies.reset")}
                  </Button>
                )}
              </InlineStack>
            )}
          </>
        )}
      </BlockStack>
    </Box>
  );
}

export function ReplyTextsCard({
  listing,
  canEdit,
  onChange,
}: {
  listing: ReplyTextKey[];
  canEdit: boolean;
  onChange: (update: (listing: ReplyTextKey[]) => ReplyTextKey[]) => void;
}) {
  const { t, locale } = useI18n();
  const [language, setLanguage] = useState<string>("en");
  const [onlyOverridden, setOnlyOverridden] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const groups = rowsFor(listing, language, { onlyOverridden });
  const shown = GROUPS.filter((group) => groups[group].length > 0);

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("autoresponses.replies.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("autoresponses.replies.intro")}
        </Text>
        <InlineStack gap="400" blockAlign="end">
          <Select
            label={t("autoresponses.replies.language")}
            options={LANGUAGES.map((code) => ({ label: languageName(code, locale), value: code }))}
            value={language}
            onChange={(value) => {
              setLanguage(value);
              setEditing(null);
            }}
          />
          <Checkbox
            label={t("autoresponses.replies.onlyCustom", { count: overriddenCount(listing, language) })}
            checked={onlyOverridden}
            onChange={setOnlyOverridden}
          />
        </InlineStack>
        {shown.length === 0 && (
          <Text as="p" tone="subdued">
            {t("autoresponses.replies.noneCustom")}
          </Text>
        )}
        {shown.map((group) => (
          <BlockStack key={group} gap="100">
            <Text as="h3" variant="headingSm">
              {t(`autoresponses.replies.group.${group}`)}
            </Text>
            {groups[group].map((row, index) => (
              <Fragment key={row.key}>
                {index > 0 && <Divider />}
                <ReplyRowView
                  row={row}
                  language={language}
                  canEdit={canEdit}
                  editing={editing === row.key}
                  onEdit={() => setEditing(row.key)}
                  onDone={() => setEditing(null)}
                  onChange={onChange}
                />
              </Fragment>
            ))}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
