/**
 * The inbox: conversations with filters and search kept in the URL, cursor
 * pages, bulk close / resolve / assign, live refresh over the agent socket,
 * SLA countdowns ticking every 30 s, and keyboard shortcuts (j/k, Enter, /, e,
 * a, ?).
 */
import { Banner, BlockStack, Card, EmptySearchResult, Page, useIndexResourceState } from "@shopify/polaris";
import { useCallback, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { errorReason, useApi, useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import type { ShortcutAction } from "../../shortcuts";
import { ShortcutsHelpModal, useShortcuts } from "../../shortcutsHelp";
import { assign, bulkUpdate, setStatus, type BulkChange } from "../conversation/conversationApi";
import { ConversationTable, rowLinkId } from "./ConversationTable";
import { filtersFromSearch, inboxApiPath, searchFromFilters, type InboxFilters } from "./filters";
import { InboxFilterBar, SEARCH_FIELD_ID } from "./InboxFilterBar";
import type { ConversationSummary, InboxPage } from "./types";
import { useLiveRefresh } from "./useLiveRefresh";
import { useNow } from "./useNow";

const INBOX_SHORTCUTS: ShortcutAction[] = ["next", "previous", "open", "search", "resolve", "assignToMe", "help"];

type Feedback = { tone: "success" | "critical"; text: string } | null;

export default function InboxScreen() {
  const { t } = useI18n();
  const apiFetch = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const now = useNow();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const cursor = searchParams.get("cursor");
  const [previousCursors, setPreviousCursors] = useState<string[]>([]);
  const { state, reload } = useResource<InboxPage>(inboxApiPath(filters, cursor));
  const rows: ConversationSummary[] = state.status === "ready" ? state.data.results : [];
  const ids = useMemo(() => rows.map((row) => ({ id: row.id })), [rows]);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(ids);
  const [focused, setFocused] = useState(-1);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

  const quietReload = useCallback(() => reload({ quiet: true }), [reload]);
  useLiveRefresh(quietReload);

  const go = (next: InboxFilters, nextCursor: string | null) => {
    clearSelection();
    setFocused(-1);
    setSearchParams(searchFromFilters(next, nextCursor));
  };
  const changeFilters = (next: InboxFilters) => {
    setPreviousCursors([]);
    go(next, null);
  };

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setFeedback({ tone: "success", text: await work() });
      quietReload();
    } catch (error) {
      setFeedback({ tone: "critical", text: errorReason(error) });
    } finally {
      setBusy(false);
    }
  };

  const bulk = (change: BulkChange, doneKey: string) => {
    const ids = [...selectedResources];
    void run(async () => {
      const { changed } = await bulkUpdate(apiFetch, ids, change);
      clearSelection();
      return t(doneKey, { count: changed });
    });
  };

  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setFocused(index);
    document.getElementById(rowLinkId(row.id))?.focus();
  };
  const focusedRow = focused >= 0 ? rows[focused] : undefined;

  useShortcuts({
    next: () => focusRow(Math.min(focused + 1, rows.length - 1)),
    previous: () => focusRow(Math.max(focused - 1, 0)),
    open: () => {
      if (focusedRow) navigate(`/conversations/${encodeURIComponent(focusedRow.id)}`);
    },
    search: () => document.getElementById(SEARCH_FIELD_ID)?.focus(),
    resolve: () => {
      const row = focusedRow;
      if (row && !busy) {
        void run(async () => {
          await setStatus(apiFetch, row.id, "resolved");
          return t("inbox.done.resolvedOne");
        });
      }
    },
    assignToMe: () => {
      const row = focusedRow;
      if (row && !busy) {
        void run(async () => {
          await assign(apiFetch, row.id, me.agent.id);
          return t("inbox.done.assignedOne");
        });
      }
    },
    help: () => setHelpOpen(true),
  });

  const hasPrevious = cursor !== null;
  const nextCursor = state.status === "ready" ? state.data.next_cursor : null;

  return (
    <Page
      title={t("nav.inbox")}
      fullWidth
      secondaryActions={[{ content: t("inbox.shortcuts.button"), onAction: () => setHelpOpen(true) }]}
    >
      <BlockStack gap="400">
        <div aria-live="polite">
          {feedback ? (
            <Banner tone={feedback.tone} onDismiss={() => setFeedback(null)}>
              <p>{feedback.text}</p>
            </Banner>
          ) : null}
        </div>
        <Card>
          <InboxFilterBar filters={filters} onChange={changeFilters} />
        </Card>
        <ResourceView state={state} reload={() => reload()}>
          {(page) => (
            <Card padding="0">
              <ConversationTable
                rows={page.results}
                now={now}
                myId={me.agent.id}
                selected={selectedResources}
                allSelected={allResourcesSelected}
                onSelectionChange={handleSelectionChange}
                promotedBulkActions={[
                  { content: t("inbox.bulk.close"), onAction: () => bulk({ status: "closed" }, "inbox.done.closed"), disabled: busy },
                  { content: t("inbox.bulk.assignToMe"), onAction: () => bulk({ assignee_id: me.agent.id }, "inbox.done.assigned"), disabled: busy },
                ]}
                bulkActions={[
                  { content: t("inbox.bulk.resolve"), onAction: () => bulk({ status: "resolved" }, "inbox.done.resolved"), disabled: busy },
                  { content: t("inbox.bulk.unassign"), onAction: () => bulk({ assignee_id: null }, "inbox.done.unassigned"), disabled: busy },
                ]}
                pagination={{
                  hasPrevious,
                  hasNext: nextCursor !== null,
                  previousTooltip: t("inbox.page.previous"),
                  nextTooltip: t("inbox.page.next"),
                  accessibilityLabels: { previous: t("inbox.page.previous"), next: t("inbox.page.next") },
                  onPrevious: () => {
                    const back = previousCursors.at(-1) ?? "";
                    setPreviousCursors((stack) => stack.slice(0, -1));
                    go(filters, back || null);
                  },
                  onNext: () => {
                    if (nextCursor === null) return;
                    setPreviousCursors((stack) => [...stack, cursor ?? ""]);
                    go(filters, nextCursor);
                  },
                }}
                emptyState={
                  <EmptySearchResult title={t("inbox.empty.title")} description={t("inbox.empty.description")} withIllustration />
                }
              />
            </Card>
          )}
        </ResourceView>
      </BlockStack>
      <ShortcutsHelpModal open={helpOpen} onClose={() => setHelpOpen(false)} actions={INBOX_SHORTCUTS} />
    </Page>
  );
}
