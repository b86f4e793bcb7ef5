/**
 * The admin's screens: one route each, under the app's base path `/app`. Each
 * screen is its own lazily loaded chunk. The navigation (Polaris in `make dev`,
 * the Shopify admin's sidebar through App Bridge when embedded) is built from
 * the entries with a `nav` key.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

export const BASENAME = "/app";

export interface AppRoute {
  path: string;
  /** i18n key of the navigation label; routes without one are not in the menu. */
  nav?: string;
  /** Extra paths that highlight this route's menu entry. */
  matches?: string[];
  Component: LazyExoticComponent<ComponentType>;
}

export const ROUTES: AppRoute[] = [
  {
    path: "/inbox",
    nav: "nav.inbox",
    matches: ["/conversations"],
    Component: lazy(() => import("./screens/inbox/InboxScreen")),
  },
  {
    path: "/conversations/:conversationId",
    Component: lazy(() => import("./screens/conversation/ConversationScreen")),
  },
  { path: "/approvals", nav: "nav.approvals", Component: lazy(() => import("./screens/approvals/ApprovalsScreen")) },
  { path: "/templates", nav: "nav.templates", Component: lazy(() => import("./screens/templates/TemplatesScreen")) },
  {
    path: "/auto-responses",
    nav: "nav.autoresponses",
    Component: lazy(() => import("./screens/autoresponses/AutoResponsesScreen")),
  },
  { path: "/hours", nav: "nav.hours", Component: lazy(() => import("./screens/hours/HoursScreen")) },
  {
    path: "/credit-policy",
    nav: "nav.credit",
    Component: lazy(() => import("./screens/credit/CreditPolicyScreen")),
  },
  { path: "/reports", nav: "nav.reports", Component: lazy(() => import("./screens/reports/ReportsScreen")) },
  { path: "/settings", nav: "nav.settings", Component: lazy(() => import("./screens/settings/SettingsScreen")) },
];

export const HOME_PATH = "/inbox";
