// End-to-end checks of a built site, in a real browser (Debian Chromium
// through playwright-core), served on 127.0.0.1 like any static host:
//
//   node e2e/check.mjs SITE_DIR [--prefix /sub/path/] [--name label] [--lighthouse]
//
// - the Nu HTML Checker on every page;
// - axe-core (WCAG 2.1 AA) on every page at 390 and 1280 px, and on the
//   main pages in high-contrast mode too;
// - no console error and no failed request on any page;
// - every internal link, image, stylesheet and script resolves;
// - the search page finds "cai cach"; "Cỡ chữ" changes an article's text
//   size and survives a reload;
// - Lighthouse scores on the home page and an article (with --lighthouse);
// - screenshots of the main pages at both widths in e2e/screenshots/<label>/,
//   for a person to look at.
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync, mkdirSync, existsSync, writeFileSync } from "node:fs";
import { join, extname, relative, dirname, resolve } from "node:path";
import { execFileSync, execFile } from "node:child_process";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const site = resolve(args.find((a, i) => !a.startsWith("--") && !["--prefix", "--name"].includes(args[i - 1])) ?? join(here, "..", "output"));
const prefix = opt("--prefix", "/");
const label = opt("--name", "site");
const lighthouse = args.includes("--lighthouse");
const shots = join(here, "screenshots", label);
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
  ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf",
  ".json": "application/json", ".xml": "application/xml", ".csv": "text/csv; charset=utf-8",
};

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
const rels = pages.map((p) => relative(site, p));

// A static server like any host, the site under `prefix`: folders serve
// their index.html, a missing file gets the site's 404.html, text is
// compressed.
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (!path.startsWith(prefix)) {
    res.writeHead(404).end("outside the site");
    return;
  }
  path = path.slice(prefix.length);
  if (path === "" || path.endsWith("/")) path += "index.html";
  const file = join(site, path);
  if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) {
    const notFound = join(site, "404.html");
    res.writeHead(404, { "content-type": types[".html"] });
    res.end(existsSync(notFound) ? readFileSync(notFound) : "not found");
    return;
  }
  // Text is sent compressed when the browser asks, as a host's default
  // configuration does.
  const type = types[extname(file)] ?? "application/octet-stream";
  const body = readFileSync(file);
  if (/^(text|application\/(json|xml))|svg/.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    res.writeHead(200, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" });
    res.end(gzipSync(body));
    return;
  }
  res.writeHead(200, { "content-type": type });
  res.end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const base = origin + prefix;
const urlOf = (rel) => base + rel.replace(/(^|\/)index\.html$/, "$1");

let failures = 0;
const fail = (text) => {
  failures += 1;
  console.error(text);
};

// 1. The Nu HTML Checker on every page.
const vnu = require("vnu-jar");
try {
  execFileSync("java", ["-jar", vnu, "--errors-only", "--format", "gnu", ...pages], { stdio: "pipe" });
  console.log(`vnu: ${pages.length} pages, no errors`);
} catch (e) {
  fail(`vnu found errors:\n${e.stderr?.toString() ?? e}`);
}

// The pages a person opens first: checked in more ways, and photographed.
const pick = (re) => rels.find((r) => re.test(r));
const main = [
  ["home", "index.html"],
  // The article with a lead image when the site has it, else any article.
  ["article", pick(/\/phuong-trung-tam-thang-dau-hai-cap\/index\.html$/) ?? pick(/^(tin-tuc|thong-bao|su-kien)\/(?!trang\/)[^/]+\/index\.html$/)],
  ["unit", pick(/^don-vi\/phuong-trung-tam\/index\.html$/) ?? pick(/^don-vi\/[^/]+\/index\.html$/)],
  ["tag", pick(/^chu-de\/[^/]+\/index\.html$/)],
  // The latest yearly summary with communes to rank, else the first.
  ["summary", pick(/^tong-ket\/2024\/index\.html$/) ?? pick(/^tong-ket\/\d{4}\/index\.html$/)],
  ["search", pick(/^tim-kiem\/index\.html$/)],
  ["404", "404.html"],
].filter(([, rel]) => rel && rels.includes(rel));

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
mkdirSync(shots, { recursive: true });

// Opens a page and records console errors and failed requests; a page
// answered 404 is expected only for 404.html itself.
async function visit(page, rel) {
  const problems = [];
  const onConsole = (m) => m.type() === "error" && problems.push(`console: ${m.text()}`);
  const onFailed = (r) => problems.push(`request failed: ${r.url()}`);
  const onResponse = (r) => r.status() >= 400 && !(rel === "404.html" && r.url().endsWith("404.html")) && problems.push(`HTTP ${r.status()}: ${r.url()}`);
  page.on("console", onConsole);
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  await page.goto(urlOf(rel), { waitUntil: "load" });
  page.off("console", onConsole);
  page.off("requestfailed", onFailed);
  page.off("response", onResponse);
  for (const p of problems) fail(`${rel}: ${p}`);
}

async function axeCheck(page, rel, what) {
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] }),
  );
  for (const v of result.violations) {
    fail(`axe ${what} ${rel}: ${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes.slice(0, 3)) console.error(`    ${n.target.join(" ")}`);
  }
}

// 2. Every page at both widths: axe-core, console, requests.
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const rel of rels) {
    await visit(page, rel);
    await axeCheck(page, rel, `${width}px`);
  }
  // The main pages in high contrast, as the article's control sets it.
  for (const [name, rel] of main) {
    await visit(page, rel);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    // High contrast as the article's control sets it: a stored choice
    // applied to every page before it is drawn.
    await page.evaluate(() => localStorage.setItem("bc-contrast", "1"));
    await visit(page, rel);
    const on = await page.evaluate(() => document.documentElement.classList.contains("bc-contrast"));
    if (!on) fail(`${rel}: the stored high-contrast choice is not applied`);
    await axeCheck(page, rel, `${width}px high-contrast`);
    await page.screenshot({ path: join(shots, `${name}-${width}-contrast.png`), fullPage: true });
    await page.evaluate(() => localStorage.removeItem("bc-contrast"));
    if (name === "article" && (await page.locator('[data-module="bc-contrast"]').count()) === 0) {
      fail(`${rel}: no high-contrast control`);
    }
  }
  await page.close();
}
console.log(`axe: ${rels.length} pages at 390 and 1280 px, ${main.length} in high contrast`);

// 3. Every internal link, image, stylesheet and script resolves to a file.
{
  const page = await browser.newPage();
  let checked = 0;
  for (const rel of rels) {
    await page.goto(urlOf(rel));
    const targets = await page.evaluate(() =>
      [...document.querySelectorAll("a[href], img[src], link[href], script[src], source[srcset]")]
        .map((e) => e.href || e.src || e.getAttribute("srcset"))
        .filter((u) => u && !u.startsWith("mailto:") && !u.startsWith("tel:")),
    );
    for (const t of new Set(targets)) {
      const u = new URL(t);
      if (u.origin !== origin) continue;
      checked += 1;
      let path = decodeURIComponent(u.pathname);
      if (!path.startsWith(prefix)) {
        fail(`${rel}: link leaves the site's path: ${t}`);
        continue;
      }
      path = path.slice(prefix.length);
      if (path === "" || path.endsWith("/")) path += "index.html";
      if (!existsSync(join(site, path))) fail(`${rel}: broken link ${t}`);
    }
  }
  console.log(`links: ${checked} internal links and files resolve`);
  await page.close();
}

// 4. Search finds "cai cach" (accents folded), from the search page.
const searchRel = main.find(([n]) => n === "search")?.[1];
if (searchRel) {
  const page = await browser.newPage();
  await page.goto(urlOf(searchRel) + "?q=cai+cach");
  await page.waitForTimeout(300);
  const hits = await page.locator("[data-search-results] a").count();
  if (hits === 0) fail(`search: "cai cach" finds nothing`);
  else console.log(`search: "cai cach" finds ${hits} results`);
  await page.close();
} else {
  fail("no search page (tim-kiem/index.html)");
}

// 5. "Cỡ chữ" changes the article text size and survives a reload.
const articleRel = main.find(([n]) => n === "article")?.[1];
if (articleRel) {
  const page = await browser.newPage();
  await page.goto(urlOf(articleRel));
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".bc-prose")).fontSize));
  const before = await size();
  const larger = page.locator('[data-module="bc-text-size"] [data-step="1"]');
  if ((await larger.count()) === 0) {
    fail(`${articleRel}: no "Cỡ chữ" control`);
  } else {
    await larger.first().click();
    const after = await size();
    await page.reload();
    const reloaded = await size();
    if (!(after > before)) fail(`Cỡ chữ: ${before}px → ${after}px, not larger`);
    else if (reloaded !== after) fail(`Cỡ chữ: ${after}px lost on reload (${reloaded}px)`);
    else console.log(`Cỡ chữ: ${before}px → ${after}px, kept after reload`);
  }
  await page.close();
}
await browser.close();

// 6. Lighthouse on the home page and an article.
if (lighthouse) {
  const bin = join(here, "node_modules", ".bin", "lighthouse");
  for (const [name, rel] of main.filter(([n]) => n === "home" || n === "article")) {
    const out = join(shots, `lighthouse-${name}.json`);
    // Asynchronous: the site is served from this very process, so a
    // blocking call would leave Lighthouse waiting for pages for ever.
    await promisify(execFile)(bin, [urlOf(rel), "--quiet", "--output=json", `--output-path=${out}`, "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], {
      env: { ...process.env, CHROME_PATH: chromiumPath },
      timeout: 300_000,
    });
    const report = JSON.parse(readFileSync(out, "utf8"));
    const scores = Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
    console.log(`lighthouse ${name}: ${JSON.stringify(scores)}`);
    for (const [k, v] of Object.entries(scores)) {
      if (v < 100) {
        fail(`lighthouse ${name}: ${k} ${v}`);
        for (const a of Object.values(report.audits)) {
          if (a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode)) console.error(`    ${a.id}: ${a.title}`);
        }
      }
    }
  }
}

server.close();
writeFileSync(join(shots, "pages.txt"), main.map(([n, r]) => `${n}\t${r}`).join("\n") + "\n");
if (failures > 0) {
  console.error(`${label}: ${failures} problems`);
  process.exit(1);
}
console.log(`e2e ${label}: 0 problems`);
