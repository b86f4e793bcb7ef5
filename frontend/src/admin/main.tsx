import "@shopify/polaris/build/esm/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";
import { createApiClient, type ApiFetch } from "./api/client";
import { getSessionToken } from "./api/sessionToken";
import { readAppConfig } from "./config";

function makeApiFetch(): ApiFetch {
  try {
    const config = readAppConfig();
    return createApiClient({ getToken: () => getSessionToken(config) });
  } catch (error) {
    // A broken page config is shown in the app's error banner.
    return () => Promise.reject(error);
  }
}

const container = document.getElementById("app");
if (container === null) {
  throw new Error('admin: the page has no <div id="app">');
}

createRoot(container).render(
  <StrictMode>
    <App apiFetch={makeApiFetch()} />
  </StrictMode>,
);
