#!/usr/bin/env node
// Prints the raw and gzip size of the storefront widget's bundles and fails
// (exit 1) when the loader, the storefront's first load, is over budget or
// when a bundle is missing or is not a plain classic script.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ASSETS = fileURLToPath(new URL("../../extensions/chat-widget/assets/", import.meta.url));
const LOADER_GZIP_LIMIT = 25_600; // bytes
const FILES = ["support-chat-loader.js", "support-chat-panel.js"];

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
let failed = false;

for (const name of FILES) {
  const path = ASSETS + name;
  if (!existsSync(path)) {
    console.error(`✗ ${name}: missing (run: vite build -c vite.widget.config.ts)`);
    failed = true;
    continue;
  }
  const code = readFileSync(path);
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`${name.padEnd(26)} raw ${kb(code.length).padStart(10)}   gzip ${kb(gzip).padStart(10)} (${gzip} B)`);
  // Both are loaded with a classic <script>: a static import/export would be a syntax error there.
  if (/^\s*(import|export)[\s{*]/m.test(code.toString("utf8"))) {
    console.error(`✗ ${name}: has an import/export statement; it must be a self-contained script`);
    failed = true;
  }
  if (name === "support-chat-loader.js" && gzip > LOADER_GZIP_LIMIT) {
    console.error(`✗ ${name}: ${gzip} B gzipped, over the first-load budget of ${LOADER_GZIP_LIMIT} B`);
    failed = true;
  }
}

if (failed) {
  process.exit(1);
}
console.log(`✓ loader within the ${LOADER_GZIP_LIMIT} B gzip budget`);
