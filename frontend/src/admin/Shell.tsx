/**
 * The frame around every screen. Embedded in the Shopify admin, the menu is the
 * admin's own sidebar (App Bridge's <ui-nav-menu>, whose clicks arrive as
 * `shopify:navigate` events); standalone (`make dev`), a Polaris Frame with a
 * Navigation.
 */
import { Frame, Navigation } from "@shopify/polaris";
import { createElement, useEffect, type ReactNode } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { useI18n } from "./i18n";
import { BASENAME, ROUTES } from "./routes";

export function isEmbedded(): boolean {
  return typeof window.shopify?.idToken === "function";
}

function stripBase(href: string): string {
  const path = href.startsWith("http") ? new URL(href).pathname : href;
  return path.startsWith(BASENAME) ? path.slice(BASENAME.length) || "/" : path;
}

function EmbeddedMenu() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useEffect(() => {
    function onNavigate(event: Event) {
      const href = (event.target as Element | null)?.getAttribute?.("href");
      if (href) navigate(stripBase(href));
    }
    document.addEventListener("shopify:navigate", onNavigate);
    return () => document.removeEventListener("shopify:navigate", onNavigate);
  }, [navigate]);
  const links = ROUTES.filter((route) => route.nav);
  return createElement(
    "ui-nav-menu",
    null,
    createElement("a", { href: `${BASENAME}/inbox`, rel: "home" }, t("common.appName")),
    ...links.map((route) => createElement("a", { key: route.path, href: BASENAME + route.path }, t(route.nav!))),
  );
}

function StandaloneNavigation() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const items = ROUTES.filter((route) => route.nav).map((route) => {
    const selected = [route.path, ...(route.matches ?? [])].some((p) => location.pathname.startsWith(p));
    return {
      label: t(route.nav!),
      url: BASENAME + route.path,
      selected,
      onClick: () => navigate(route.path),
    };
  });
  return (
    <Navigation location={BASENAME + location.pathname}>
      <Navigation.Section items={items} />
    </Navigation>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  if (isEmbedded()) {
    return (
      <>
        <EmbeddedMenu />
        {children}
      </>
    );
  }
  return <Frame navigation={<StandaloneNavigation />}>{children}</Frame>;
}
