// End-to-end checks of a built site (default: ../output): every page is
// valid HTML (the Nu HTML Checker) and has no axe-core violation in Debian
// Chromium at phone and desktop widths; screenshots of a few pages are
// kept in e2e/screenshots/ for a person to look at.
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync, mkdirSync, existsSync } from "node:fs";
import { join, extname, relative, dirname } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const site = process.argv[2] ?? join(here, "..", "output");
const shots = join(here, "screenshots");

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf", ".json": "application/json", ".xml": "application/xml" };

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith(".")) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const pages = files(site).filter((f) => f.endsWith(".html")).sort();
if (pages.length === 0) {
  console.error(`no pages in ${site}: build the site first`);
  process.exit(1);
}

// A static server like any host: folders serve their index.html.
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = join(site, path);
  if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

let failures = 0;

// 1. The Nu HTML Checker on every page.
const vnu = require("vnu-jar");
try {
  execFileSync("java", ["-jar", vnu, "--errors-only", "--format", "gnu", ...pages], { stdio: "pipe" });
  console.log(`vnu: ${pages.length} pages, no errors`);
} catch (e) {
  failures += 1;
  console.error(`vnu found errors:\n${e.stderr?.toString() ?? e}`);
}

// 2. axe-core in Chromium, at a phone's and a desktop's width.
const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
mkdirSync(shots, { recursive: true });
const shown = new Set(pages.filter((p) => /(^|\/)index\.html$/.test(relative(site, p))).slice(0, 4).map((p) => relative(site, p)));
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const file of pages) {
    const rel = relative(site, file);
    const url = base + rel.replace(/index\.html$/, "");
    await page.goto(url);
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    for (const v of result.violations) {
      failures += 1;
      console.error(`axe ${width}px ${rel}: ${v.id} (${v.impact}): ${v.help}`);
      for (const n of v.nodes.slice(0, 3)) console.error(`    ${n.target.join(" ")}`);
    }
    if (shown.has(rel) || rel.split("/").length === 3) {
      const name = `${rel.replace(/\//g, "_").replace(/\.html$/, "")}-${width}.png`;
      await page.screenshot({ path: join(shots, name), fullPage: true });
    }
  }
  await page.close();
}
console.log(`axe: ${pages.length} pages at 390 and 1280 px`);
await browser.close();
server.close();
if (failures > 0) {
  console.error(`${failures} problems`);
  process.exit(1);
}
console.log("e2e: 0 problems");
