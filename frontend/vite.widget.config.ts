import { fileURLToPath } from "node:url";
import { defineConfig, type EnvironmentOptions } from "vite";

// The storefront chat widget: two self-contained classic scripts with fixed
// names, written into the theme app extension's assets folder.
//   support-chat-loader.js  the launcher; loaded deferred by the app embed block
//   support-chat-panel.js   the chat panel; added by the loader on first use
// Each is its own build (an IIFE cannot be code-split), so they share no chunk
// and the loader never pulls in panel code. Run with `vite build -c vite.widget.config.ts`.
const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../extensions/chat-widget/assets", import.meta.url));

const BUNDLES = {
  loader: "src/widget/loader/index.ts",
  panel: "src/widget/panel/index.ts",
} as const;

function bundle(name: keyof typeof BUNDLES): EnvironmentOptions {
  return {
    build: {
      outDir,
      emptyOutDir: false, // the folder holds only these two fixed names
      copyPublicDir: false,
      target: "es2020",
      minify: true,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: true,
      rolldownOptions: {
        input: { [name]: BUNDLES[name] },
        output: { format: "iife", entryFileNames: `support-chat-${name}.js` },
      },
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  environments: {
    loader: bundle("loader"),
    panel: bundle("panel"),
  },
  builder: {
    async buildApp(builder) {
      for (const name of Object.keys(BUNDLES)) {
        const environment = builder.environments[name];
        if (environment) {
          await builder.build(environment);
        }
      }
    },
  },
});
