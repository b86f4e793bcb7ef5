/** The inbox's filters and search. Text filters apply on Enter (or when cleared). */
import { BlockStack, Button, Form, InlineGrid, InlineStack, Select, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import {
  ASSIGNEES,
  CHANNELS,
  DEFAULT_FILTERS,
  PRIORITIES,
  STATUSES,
  hasActiveFilters,
  type InboxFilters,
} from "./filters";

export const SEARCH_FIELD_ID = "inbox-search";

export function InboxFilterBar({
  filters,
  onChange,
}: {
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag);
  useEffect(() => setQuery(filters.q), [filters.q]);
  useEffect(() => setTag(filters.tag), [filters.tag]);

  const set = (change: Partial<InboxFilters>) => onChange({ ...filters, ...change });
  const any = (label: string) => ({ label, value: "" });

  return (
    <Form onSubmit={() => set({ q: query.trim(), tag: tag.trim() })}>
      <BlockStack gap="300">
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          <TextField
            id={SEARCH_FIELD_ID}
            label={t("inbox.search.label")}
            placeholder={t("inbox.search.placeholder")}
            type="search"
            value={query}
            onChange={setQuery}
            autoComplete="off"
            maxLength={100}
            clearButton
            onClearButtonClick={() => {
              setQuery("");
              set({ q: "" });
            }}
            connectedRight={<Button submit>{t("inbox.search.submit")}</Button>}
          />
          <TextField
            label={t("inbox.filter.tag")}
            value={tag}
            onChange={setTag}
            onBlur={() => {
              if (tag.trim() !== filters.tag) set({ tag: tag.trim() });
            }}
            autoComplete="off"
            maxLength={64}
            clearButton
            onClearButtonClick={() => {
              setTag("");
              set({ tag: "" });
            }}
          />
        </InlineGrid>
        <InlineStack gap="300" blockAlign="end" wrap>
          <Select
            label={t("inbox.filter.status")}
            value={filters.status}
            onChange={(value) => set({ status: value as InboxFilters["status"] })}
            options={[
              ...STATUSES.map((status) => ({ label: t(`inbox.status.${status}`), value: status })),
              { label: t("inbox.filter.allStatuses"), value: "all" },
            ]}
          />
          <Select
            label={t("inbox.filter.assignee")}
            value={filters.assignee}
            onChange={(value) => set({ assignee: value as InboxFilters["assignee"] })}
            options={ASSIGNEES.map((assignee) => ({ label: t(`inbox.assignee.${assignee}`), value: assignee }))}
          />
          <Select
            label={t("inbox.filter.channel")}
            value={filters.channel}
            onChange={(value) => set({ channel: value as InboxFilters["channel"] })}
            options={[
              any(t("inbox.filter.anyChannel")),
              ...CHANNELS.map((channel) => ({ label: t(`inbox.channel.${channel}`), value: channel })),
            ]}
          />
          <Select
            label={t("inbox.filter.priority")}
            value={filters.priority}
            onChange={(value) => set({ priority: value as InboxFilters["priority"] })}
            options={[
              any(t("inbox.filter.anyPriority")),
              ...PRIORITIES.map((priority) => ({ label: t(`inbox.priority.${priority}`), value: priority })),
            ]}
          />
          <Select
            label={t("inbox.filter.waiting")}
            value={filters.waiting}
            onChange={(value) => set({ waiting: value as InboxFilters["waiting"] })}
            options={[
              any(t("inbox.filter.waitingAny")),
              { label: t("inbox.filter.waitingTrue"), value: "true" },
              { label: t("inbox.filter.waitingFalse"), value: "false" },
            ]}
          />
          {hasActiveFilters(filters) ? (
            <Button variant="plain" onClick={() => onChange(DEFAULT_FILTERS)}>
              {t("inbox.filter.reset")}
            </Button>
          ) : null}
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
