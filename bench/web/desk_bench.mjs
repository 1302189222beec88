// Browser benchmark of the order desk, run by hand (not part of `make test`):
//
//   node bench/web/desk_bench.mjs --ordo build/ordo [--runs 5] [--queries 50] [--items 100000]
//
// In headless Debian chromium against a real `ordo serve` over the demo database (~600 items),
// then over a copy of it with generated items imported by `ordo import items` up to --items:
//   - desk: from navigation to #/desk (signed in) until the customer field has the focus and
//     its typeahead is ready;
//   - typeahead: from the input event of a query in "Add item" until its choices are shown,
//     over --queries queries (SKUs, SKU prefixes and words of names, of items across the
//     catalog), p50 and p95;
//   - order page: from following an order's link until its lines and timeline are shown;
//   - the JavaScript bundle's gzipped size as served.
// Each figure is the median over --runs runs (a fresh page each). Targets (issue 13): desk
// < 1 s, typeahead p95 < 50 ms at 600 items and < 100 ms at 100,000, order page < 200 ms, JS
// < 200 KB gzipped.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiToken, argument, check, demoDatabase, ordoCli, root, serve } from "../../tests/web/harness.mjs";

const require = createRequire(join(root, "web/package.json"));
const { chromium } = require("playwright-core");

const runs = Number(argument("--runs", "5"));
const queryCount = Number(argument("--queries", "50"));
const itemTarget = Number(argument("--items", "100000"));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// A deterministic pseudo-random sequence, so that every run asks the same queries.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

// Items as a distributor's catalog names them: a material, a kind and a size, numbered SKUs.
function generatedItemsCsv(count) {
  const materials = ["Zinc", "Brass", "Stainless", "Nylon", "Galvanized", "Black Oxide", "Aluminum", "Copper"];
  const kinds = ["Hex Bolt", "Lag Screw", "Wing Nut", "Fender Washer", "Anchor", "Cable Tie", "Hose Clamp", "Eye Bolt", "Rivet", "Spring Pin"];
  const sizes = ["#6", "#8", "#10", "1/4 in", "5/16 in", "3/8 in", "1/2 in", "M6", "M8", "M10", "M12"];
  const rows = ["sku,name,uom,list_price,pack_sizes"];
  for (let i = 0; i < count; i++) {
    const name = `${materials[i % 8]} ${kinds[(i >> 3) % 10]}, ${sizes[(i * 7) % 11]} x ${1 + (i % 97)} mm, lot ${i}`;
    rows.push(`GEN-${String(i).padStart(6, "0")},"${name}",EA,${1 + (i % 500)}.${String(i % 100).padStart(2, "0")},BX=${10 * (1 + (i % 5))}`);
  }
  return rows.join("\n") + "\n";
}

// Typeahead queries over the whole catalog: a full SKU, a SKU prefix, or a word of the name.
async function queriesFor(url, token, count) {
  const seed = random(42);
  const pages = [];
  let cursor = null;
  do {
    const r = await fetch(`${url}/api/v1/items?limit=500${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = await r.json();
    pages.push(...page.items.map((i) => ({ sku: i.sku, name: i.name })));
    cursor = page.next_cursor;
  } while (cursor && pages.length < 200000);
  const out = [];
  out.items = pages.length;
  for (let i = 0; i < count; i++) {
    const item = pages[Math.floor(seed() * pages.length)];
    const kind = i % 3;
    if (kind === 0) out.push(item.sku);
    else if (kind === 1) out.push(item.sku.slice(0, Math.max(3, item.sku.length - 2)));
    else out.push(item.name.split(/\s+/).filter((w) => w.length > 3)[0] ?? item.sku);
  }
  return out;
}

// The bundle's script as served, gzipped: its bytes on the wire.
async function gzippedScriptBytes(url) {
  const html = await (await fetch(url + "/")).text();
  const src = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  check(src, "the page names its script");
  return await new Promise((resolve, reject) => {
    const req = request(url + src, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => (bytes += chunk.length));
      res.on("end", () => resolve({ bytes, encoding: res.headers["content-encoding"] }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function signedInPage(browser, url, token) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((t) => {
    localStorage.setItem("ordo.token", t);
    addEventListener(
      "focusin",
      (e) => {
        if (e.target.id === "desk-customer" && !window.deskReadyAt) window.deskReadyAt = performance.now();
      },
      true,
    );
  }, token);
  return { context, page: await context.newPage() };
}

// The moment the customer field takes the focus, recorded in the page (navigation start = 0).
async function measureDesk(page, url) {
  await page.goto(url + "/#/desk");
  return await (await page.waitForFunction(() => window.deskReadyAt)).jsonValue();
}

// In the page: each query typed into "Add item" as one input event; the time until its first
// choice is in the list (the list is emptied between queries).
async function measureTypeahead(page, queries) {
  await page.locator("#desk-item").focus();
  return await page.evaluate(async (qs) => {
    const input = document.getElementById("desk-item");
    const list = document.getElementById("desk-item-choices");
    const set = (value) => {
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    };
    const shown = () =>
      new Promise((resolve, reject) => {
        const done = () => !list.hidden && list.children.length > 0;
        if (done()) return resolve();
        const timer = setTimeout(() => reject(new Error(`no choices for "${input.value}"`)), 5000);
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          }
        });
        observer.observe(list, { childList: true, subtree: true, attributes: true });
      });
    const times = [];
    for (const q of qs) {
      set("");
      await new Promise((r) => setTimeout(r, 20));
      const start = performance.now();
      set(q);
      await shown();
      times.push(performance.now() - start);
    }
    set("");
    return times;
  }, queries);
}

async function measureOrderPage(page, url, number) {
  await page.goto(url + "/#/orders");
  const link = page.getByRole("link", { name: number });
  await link.waitFor();
  const start = await page.evaluate(() => performance.now());
  await link.click();
  await page.locator(".timeline li").first().waitFor();
  await page.locator("tbody tr").first().waitFor();
  return (await page.evaluate(() => performance.now())) - start;
}

async function benchDatabase(label, db, browser) {
  const server = await serve(db);
  try {
    const { url } = server;
    const token = await apiToken(url, "sales", (await passwordsOf()).sales);
    const queries = await queriesFor(url, token, queryCount);
    const orders = await (await fetch(`${url}/api/v1/orders?limit=1`, { headers: { Authorization: `Bearer ${token}` } })).json();
    const number = orders.items[0].number;
    const desk = [];
    const p50 = [];
    const p95 = [];
    const orderPage = [];
    for (let run = 0; run < runs; run++) {
      const { context, page } = await signedInPage(browser, url, token);
      desk.push(await measureDesk(page, url));
      const times = await measureTypeahead(page, queries);
      p50.push(percentile(times, 50));
      p95.push(percentile(times, 95));
      orderPage.push(await measureOrderPage(page, url, number));
      await context.close();
    }
    const script = await gzippedScriptBytes(url);
    const f = (ms) => `${ms.toFixed(1)} ms`;
    console.log(`${label} (${queries.items} items):`);
    console.log(`  order desk interactive   ${f(median(desk))}   (target < 1000 ms)`);
    console.log(`  typeahead p50 / p95      ${f(median(p50))} / ${f(median(p95))}   (target p95 < ${queries.items > 1000 ? 100 : 50} ms)`);
    console.log(`  order page               ${f(median(orderPage))}   (target < 200 ms)`);
    console.log(`  JS bundle                ${(script.bytes / 1024).toFixed(1)} KB ${script.encoding ?? "uncompressed"}   (target < 200 KB gzipped)`);
  } finally {
    server.child.kill("SIGTERM");
  }
}

let demoPasswords = null;
async function passwordsOf() {
  return demoPasswords;
}

const dir = mkdtempSync(join(tmpdir(), "ordo-desk-bench-"));
const browser = await chromium.launch({
  executablePath: process.env.ORDO_CHROMIUM ?? "/usr/bin/chromium",
  args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
});
try {
  const { db, passwords } = demoDatabase(dir);
  demoPasswords = passwords;
  console.log(`runs: ${runs}, queries: ${queryCount}`);
  const big = join(dir, "big.db");
  copyFileSync(db, big);
  await benchDatabase("demo", db, browser);
  const csv = join(dir, "items.csv");
  writeFileSync(csv, generatedItemsCsv(itemTarget - 600)); // the demo has 600
  ordoCli(big, ["import", "items", csv]);
  await benchDatabase("demo + generated items", big, browser);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
