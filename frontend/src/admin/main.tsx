import "@shopify/polaris/build/esm/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";
import { createApiClient, type ApiFetch } from "./api/client";
import { getSessionToken } from "./api/sessionToken";
import { readAppConfig } from "./config";

function setup(): { apiFetch: ApiFetch; getToken?: () => Promise<string>; locale: string } {
  try {
    const config = readAppConfig();
    const getToken = () => getSessionToken(config);
    return { apiFetch: createApiClient({ getToken }), getToken, locale: config.locale };
  } catch (error) {
    // A broken page config is shown in the app's error banner.
    return { apiFetch: () => Promise.reject(error), locale: navigator.language };
  }
}

const container = document.getElementById("app");
if (container === null) {
  throw new Error('admin: the page has no <div id="app">');
}

const { apiFetch, getToken, locale } = setup();
createRoot(container).render(
  <StrictMode>
    <App apiFetch={apiFetch} getToken={getToken} locale={locale} />
  </StrictMode>,
);
