// What every browser test of the web application shares: a fresh demo database (its users'
// passwords read from what `ordo demo-data` prints), a real `ordo serve` on an ephemeral
// loopback port, Debian's chromium driven by playwright-core, axe-core on each screen, and
// screenshots under --screenshots. A test is
//
//   runBrowserTest("name", async ({ page, url, passwords, shot, accessible, quiet }) => { ... })
//
// run as `node tests/web/NAME_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots`.
// It exits non-zero on the first failure, with what was expected; any page error or console
// error the test did not expect (quiet() forgets those seen so far) fails it too; the server and
// browser are always stopped.
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "web/package.json"));
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function argument(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
export const ordo = resolve(argument("--ordo", join(root, "build/ordo")));
const shots = resolve(argument("--screenshots", join(root, "build/web/screenshots")));
const browserPath = process.env.ORDO_CHROMIUM ?? "/usr/bin/chromium";

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Runs the ordo binary over the database; its stdout, or a failure with its stderr.
export function ordoCli(db, args, input) {
  const run = spawnSync(ordo, ["--db", db, ...args], { encoding: "utf8", input });
  check(run.status === 0, `ordo ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

// Makes a demo database at `db` (migrate, demo-data) and returns the users' passwords, read
// from what demo-data prints.
function makeDemo(db) {
  ordoCli(db, ["migrate"]);
  const out = ordoCli(db, ["demo-data"]);
  const passwords = {};
  for (const [, user, password] of out.matchAll(/ (\w+) \(([^)]+)\)/g)) passwords[user] = password;
  check(passwords.sales && passwords.portal, `demo-data printed no users: ${out}`);
  return passwords;
}

// A fresh demo database in `dir`. With --demo-template PATH (CTest's web_demo_database makes it
// once for every browser test: thirteen months of history take a while) it is a copy of that
// database and its passwords (PATH.json); without, it is made here.
export function demoDatabase(dir) {
  const db = join(dir, "ordo.db");
  const template = argument("--demo-template");
  if (template && existsSync(template) && existsSync(template + ".json")) {
    copyFileSync(template, db);
    return { db, passwords: JSON.parse(readFileSync(template + ".json", "utf8")) };
  }
  return { db, passwords: makeDemo(db) };
}

// `node tests/web/harness.mjs --ordo build/ordo --make-demo-template PATH`: the template above,
// made beside PATH and renamed into place, so a browser test never copies a half-made one.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = resolve(argument("--make-demo-template"));
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  const passwords = makeDemo(partial);
  // The database is closed by now (its WAL checkpointed into the file): the file is all of it.
  check(!existsSync(partial + "-wal") || statSync(partial + "-wal").size === 0, "demo-data left a WAL behind");
  writeFileSync(target + ".json", JSON.stringify(passwords));
  renameSync(partial, target);
  console.log(`demo template: ${target}`);
}

// Starts `ordo serve` on an ephemeral loopback port; resolves with its URL from its log line.
export function serve(db, extraArgs = []) {
  const child = spawn(ordo, ["--db", db, "serve", "--listen", "127.0.0.1:0", ...extraArgs], {
    stdio: ["ignore", "pipe", "pipe"],
  });
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
export async function accessible(page, screen) {
  // Evaluated over the DevTools protocol: the application's CSP rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  check(
    bad.length === 0,
    `${screen}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`).join("; ")}`,
  );
}

export async function signIn(page, url, user, password) {
  await page.goto(url + "/");
  await page.getByLabel("Username").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// Signs out through the application's own button and waits for the sign-in page.
export async function signOut(page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
}

// A token for the API, for a test's own calls beside the browser.
export async function apiToken(url, username, password) {
  const r = await fetch(url + "/api/v1/auth/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  check(r.status === 200 || r.status === 201, `token for ${username}: ${r.status}`);
  return (await r.json()).token;
}

export function runBrowserTest(name, body) {
  const main = async () => {
    const dir = mkdtempSync(join(tmpdir(), `ordo-web-${name}-`));
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
      await body({
        page,
        browser,
        url: server.url,
        server,
        db,
        dir,
        passwords,
        shot: (file, options = {}) => page.screenshot({ path: join(shots, file), ...options }),
        accessible: (screen) => accessible(page, screen),
        // An expected refusal (401, 404, 409...) is logged by the browser as a failed request.
        quiet: () => failures.splice(0),
        failures,
      });
      check(failures.length === 0, failures.join("\n"));
      console.log(`web ${name}: passed; screenshots in ${shots}`);
    } finally {
      await browser.close();
      server.child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    }
  };
  main().catch((e) => {
    console.error(`web ${name}: FAILED: ${e.stack ?? e}`);
    process.exit(1);
  });
}
