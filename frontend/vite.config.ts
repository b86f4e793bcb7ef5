/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Everything is resolved relative to this file, so the build works from any
// working directory (npm scripts run it from frontend/).
const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  // Django serves frontend/static/ at /static/, so the built files live under
  // /static/frontend/build/. Lazy chunks and CSS assets use this prefix too.
  base: "/static/frontend/build/",
  plugins: [react()],
  // No index.html is used: Django renders the page and includes the entry
  // files it reads from the manifest. There is no public/ directory either.
  publicDir: false,
  build: {
    outDir: "static/frontend/build",
    emptyOutDir: true,
    // Written to <outDir>/.vite/manifest.json; keys are source paths relative
    // to this directory, e.g. "src/admin/main.tsx".
    manifest: true,
    // The Shopify admin loads the app in an iframe of an evergreen browser.
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      input: {
        admin: "src/admin/main.tsx",
      },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
    unstubGlobals: true,
    css: false,
  },
});
