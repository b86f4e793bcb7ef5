/**
 * The inbox's filters: read from and written to the page's query string (so a
 * filtered view can be bookmarked and survives a reload), and turned into the
 * API's query. Pure functions.
 *
 * Without a `status` in the URL the inbox shows open conversations; "all"
 * lifts the status filter.
 */
export const STATUSES = ["open", "pending", "snoozed", "resolved", "closed"] as const;
export const ASSIGNEES = ["anyone", "me", "unassigned"] as const;
export const CHANNELS = ["chat", "email"] as const;
export const PRIORITIES = ["A", "B", "C"] as const;

export type StatusFilter = (typeof STATUSES)[number] | "all";
export type AssigneeFilter = (typeof ASSIGNEES)[number];
export type ChannelFilter = (typeof CHANNELS)[number] | "";
export type PriorityFilter = (typeof PRIORITIES)[number] | "";
/** "true": an answer is due (SLA clock running); "false": none due; "": either. */
export type WaitingFilter = "true" | "false" | "";

export interface InboxFilters {
  status: StatusFilter;
  assignee: AssigneeFilter;
  channel: ChannelFilter;
  priority: PriorityFilter;
  waiting: WaitingFilter;
  tag: string;
  q: string;
}

export const DEFAULT_FILTERS: InboxFilters = {
  status: "open",
  assignee: "anyone",
  channel: "",
  priority: "",
  waiting: "",
  tag: "",
  q: "",
};

const TAG_MAX = 64;
const QUERY_MAX = 100;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function filtersFromSearch(params: URLSearchParams): InboxFilters {
  return {
    status: oneOf<StatusFilter>(params.get("status"), [...STATUSES, "all"], DEFAULT_FILTERS.status),
    assignee: oneOf(params.get("assignee"), ASSIGNEES, DEFAULT_FILTERS.assignee),
    channel: oneOf<ChannelFilter>(params.get("channel"), CHANNELS, ""),
    priority: oneOf<PriorityFilter>(params.get("priority"), PRIORITIES, ""),
    waiting: oneOf<WaitingFilter>(params.get("waiting"), ["true", "false"], ""),
    tag: (params.get("tag") ?? "").trim().slice(0, TAG_MAX),
    q: (params.get("q") ?? "").trim().slice(0, QUERY_MAX),
  };
}

/** The page's query string: only what differs from the defaults, and the page cursor. */
export function searchFromFilters(filters: InboxFilters, cursor: string | null = null): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["status", "assignee", "channel", "priority", "waiting", "tag", "q"] as const) {
    const value = filters[name].trim();
    if (value !== "" && value !== DEFAULT_FILTERS[name]) params.set(name, value);
  }
  if (cursor) params.set("cursor", cursor);
  return params;
}

/** GET path of one inbox page. */
export function inboxApiPath(filters: InboxFilters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  if (filters.status !== "all") params.set("status", filters.status);
  if (filters.assignee !== "anyone") params.set("assignee", filters.assignee);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.waiting) params.set("waiting", filters.waiting);
  if (filters.tag.trim()) params.set("tag", filters.tag.trim().slice(0, TAG_MAX));
  if (filters.q.trim()) params.set("q", filters.q.trim().slice(0, QUERY_MAX));
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/api/admin/conversations?${query}` : "/api/admin/conversations";
}

export function hasActiveFilters(filters: InboxFilters): boolean {
  return searchFromFilters(filters).toString() !== "";
}
