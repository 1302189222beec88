// End-to-end test of the web application in a real browser: Debian's chromium, driven by
// playwright-core, against a real `ordo serve` on a loopback port over a fresh demo database.
//
//   node tests/web/app_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
//
// A user signs in (a wrong password first, which is refused in place), sees the orders the
// demo placed with their status chips, opens one (lines, totals, timeline), filters the list,
// signs out (the token is revoked), and a portal user sees only its own customer's orders and
// nothing of another customer's order opened by its address. axe-core checks every screen it
// visits: a serious or critical accessibility violation fails the test. Screenshots of every screen go to --screenshots. Exits non-zero
// on the first failure, with what was expected; the server and browser are always stopped.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "web/package.json"));
const { chromium } = require("playwright-core");
const axeSource = require("node:fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

function argument(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const ordo = resolve(argument("--ordo", join(root, "build/ordo")));
const shots = resolve(argument("--screenshots", join(root, "build/web/screenshots")));
const browserPath = process.env.ORDO_CHROMIUM ?? "/usr/bin/chromium";

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// A fresh demo database; the users and passwords are read from what demo-data prints.
function demoDatabase(dir) {
  const db = join(dir, "ordo.db");
  for (const args of [["migrate"], ["demo-data"]]) {
    const run = spawnSync(ordo, ["--db", db, ...args], { encoding: "utf8" });
    check(run.status === 0, `ordo ${args.join(" ")} failed: ${run.stderr}`);
    if (args[0] === "demo-data") {
      const passwords = {};
      for (const [, user, password] of run.stdout.matchAll(/ (\w+) \(([^)]+)\)/g)) passwords[user] = password;
      check(passwords.sales && passwords.portal, `demo-data printed no users: ${run.stdout}`);
      return { db, passwords };
    }
  }
  throw new Error("unreachable");
}

// Starts `ordo serve` on an ephemeral loopback port; resolves with its URL from its log line.
function serve(db) {
  const child = spawn(ordo, ["--db", db, "serve", "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolvePromise, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`ordo serve did not start: ${out}`)), 30000);
    const read = (chunk) => {
      out += chunk;
      const url = out.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
      if (url) {
        clearTimeout(timer);
        resolvePromise({ child, url: url[1] });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`ordo serve exited ${code}: ${out}`)));
  });
}

// axe-core on the page as it stands: every serious or critical accessibility violation, named
// with the elements it found, fails the test.
async function accessible(page, screen) {
  // Evaluated over the DevTools protocol: the application's CSP rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  check(
    bad.length === 0,
    `${screen}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`).join("; ")}`,
  );
}

async function signIn(page, url, user, password) {
  await page.goto(url + "/");
  await page.getByLabel("Username").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ordo-web-e2e-"));
  mkdirSync(shots, { recursive: true });
  const { db, passwords } = demoDatabase(dir);
  const server = await serve(db);
  const browser = await chromium.launch({
    executablePath: browserPath,
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures = [];
    page.on("pageerror", (e) => failures.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && failures.push(`console: ${m.text()}`));

    // A wrong password is refused in place, with the reason and nothing else.
    await signIn(page, server.url, "sales", "not-the-password");
    await page.getByRole("alert").getByText("The username or password is not right.").waitFor();
    await page.screenshot({ path: join(shots, "login.png") });
    await accessible(page, "sign-in");
    failures.splice(0); // the refused login's 401 is logged by the browser as a failed request

    // The right one opens the orders the demo placed, newest first, with status chips.
    await signIn(page, server.url, "sales", passwords.sales);
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    const rows = page.locator("tbody tr");
    await rows.first().waitFor();
    check((await rows.count()) >= 10, `expected the demo's orders, saw ${await rows.count()} rows`);
    check((await page.locator(".chip").count()) === (await rows.count()), "every order has a status chip");
    await page.screenshot({ path: join(shots, "orders.png"), fullPage: false });
    await accessible(page, "orders");

    // An order's number opens its page: lines, totals and the timeline of its events.
    const firstRow = rows.first();
    const number = (await firstRow.locator("td").first().textContent()).trim();
    const otherCustomers = await page.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [tr.cells[0].textContent.trim(), tr.cells[1].textContent.trim()]),
    );
    const foreign = otherCustomers.find(([, customer]) => customer !== "C-1001")?.[0];
    check(foreign, "the demo has orders of customers other than the portal's");
    await firstRow.getByRole("link", { name: number }).click();
    await page.getByRole("heading", { name: new RegExp(`Order ${number}`) }).waitFor();
    check(page.url().endsWith(`#/orders/${number}`), `the order page's address is ${page.url()}`);
    check((await page.locator("tbody tr").count()) >= 1, "the order page lists its lines");
    await page.locator(".timeline li").first().waitFor();
    await page.screenshot({ path: join(shots, "order.png"), fullPage: true });
    await accessible(page, "order page");

    // The token ends while the page is open (here revoked; an expiry is the same 401): the
    // next load returns to sign-in, and signing in again goes back to the same order.
    const stale = await page.evaluate(() => localStorage.getItem("ordo.token"));
    const revoke = await fetch(server.url + "/api/v1/auth/token", {
      method: "DELETE",
      headers: { Authorization: `Bearer ${stale}` },
    });
    check(revoke.status === 204, `revoking the token answered ${revoke.status}`);
    await page.reload();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    failures.splice(0); // the stale token's 401 is logged by the browser as a failed request
    await page.getByLabel("Username").fill("sales");
    await page.getByLabel("Password").fill(passwords.sales);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: new RegExp(`Order ${number}`) }).waitFor();
    await page.getByRole("link", { name: "← Orders" }).click();
    await page.getByRole("heading", { name: "Orders" }).waitFor();

    // Filtering by status asks the server and shows only that status.
    await page.getByLabel("Status").selectOption("shipped");
    await page.waitForFunction(() =>
      [...document.querySelectorAll("tbody .chip")].every((c) => c.textContent === "shipped"),
    );

    // Reloading keeps the session; signing out returns to the login page, and the token no
    // longer opens the application.
    await page.reload();
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    const token = await page.evaluate(() => localStorage.getItem("ordo.token"));
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    const revoked = await fetch(server.url + "/api/v1/auth/me", { headers: { Authorization: `Bearer ${token}` } });
    check(revoked.status === 401, `the signed-out token still answers ${revoked.status}`);

    // A portal user sees its own customer's orders and no one else's.
    await signIn(page, server.url, "portal", passwords.portal);
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    await page.locator("tbody tr").first().waitFor();
    const customers = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    check(customers.length > 0 && customers.every((c) => c === "C-1001"), `portal saw ${[...new Set(customers)]}`);
    await page.screenshot({ path: join(shots, "portal-orders.png") });
    await accessible(page, "portal orders");

    // Another customer's order by its address shows nothing of it.
    await page.goto(`${server.url}/#/orders/${foreign}`);
    await page.getByRole("alert").getByText(`There is no order ${foreign}.`).waitFor();
    failures.splice(0); // the refused read's 404 is logged by the browser as a failed request

    check(failures.length === 0, failures.join("\n"));
    console.log(`web e2e: passed; screenshots in ${shots}`);
  } finally {
    await browser.close();
    server.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`web e2e: FAILED: ${e.stack ?? e}`);
  process.exit(1);
});
