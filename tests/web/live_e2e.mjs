// Live updates in a real browser (tests/web/harness.mjs): the order page and the order list
// change while other people work through the API, the application says when Ordo cannot be
// reached and recovers by itself when `ordo serve` comes back on the same port, a portal
// user's event stream carries nothing of another customer, and the list's date and channel
// filters ask the server.
//
//   node tests/web/live_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
//
// The test runs its own `ordo serve` on a fixed free port (the harness's stays idle), so that
// it can stop the server and start it again where the browser expects it.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { apiToken, check, ordo, runBrowserTest, signIn } from "./harness.mjs";

// A loopback port nothing listens on now.
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// `ordo serve` on 127.0.0.1:port; resolves once it logs that it serves.
function serveOn(db, port) {
  const child = spawn(ordo, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`ordo serve did not start: ${out}`)), 30000);
    const read = (chunk) => {
      out += chunk;
      if (out.includes('"serving"') || out.includes('"url"')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`ordo serve exited ${code}: ${out}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

runBrowserTest("live", async ({ page, db, passwords, shot, accessible, quiet }) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let server = await serveOn(db, port);
  try {
    const tokens = {};
    for (const user of ["sales", "warehouse", "arclerk", "integration", "portal"]) {
      tokens[user] = await apiToken(url, user, passwords[user]);
    }
    const api = async (user, method, path, body) => {
      const r = await fetch(url + path, {
        method,
        headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      check(r.ok, `${user} ${method} ${path}: ${r.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };
    // Picks and ships what an open order has allocated in its first warehouse.
    const ship = async (order) => {
      const full = await api("sales", "GET", `/api/v1/orders/${order}`);
      const warehouse = full.lines.flatMap((l) => l.allocations)[0].warehouse;
      const pick = await api("warehouse", "POST", "/api/v1/shipments", { order, warehouse });
      return await api("warehouse", "POST", `/api/v1/shipments/${pick.number}/confirm`, {
        carrier: "UPS",
        service: "Ground",
        tracking_number: `1Z-LIVE-${pick.number}`,
        packages: [{ weight: "2" }],
      });
    };

    const open = (await api("sales", "GET", "/api/v1/orders?status=open&limit=20")).items;
    check(open.length >= 2, `the demo has open orders to ship (${open.length})`);
    const [first, second] = open;

    // Sales has the order page open; nothing is shipped yet.
    await signIn(page, url, "sales", passwords.sales);
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    await page.goto(`${url}/#/orders/${first.number}`);
    await page.getByRole("heading", { name: new RegExp(`Order ${first.number}`) }).waitFor();
    await page.getByText("Nothing shipped yet.").waitFor();
    await page.evaluate(() => (window.ordoNotReloaded = true));

    // The warehouse ships it through the API (which invoices it); the integration posts a
    // payment on the invoice. The page shows all of it without a reload.
    const shipped = await ship(first.number);
    check(shipped.invoice, `confirming the shipment invoiced it: ${JSON.stringify(shipped)}`);
    const shipmentRow = page.locator(`tr[data-shipment="${shipped.number}"]`);
    await shipmentRow.getByText(`1Z-LIVE-${shipped.number}`).waitFor();
    const invoiceRow = page.locator(`tr[data-invoice="${shipped.invoice}"]`);
    await invoiceRow.waitFor();
    await invoiceRow.getByRole("button", { name: `Invoice ${shipped.invoice} PDF` }).waitFor();
    await page.locator(".timeline li", { hasText: `shipment ${shipped.number} shipped by UPS` }).waitFor();
    await page.locator(".timeline li", { hasText: `invoice ${shipped.invoice} issued` }).waitFor();
    const invoice = await api("arclerk", "GET", `/api/v1/invoices/${shipped.invoice}`);
    await api("integration", "POST", "/api/v1/payments", {
      customer: invoice.customer,
      amount: "1.00",
      method: "ach",
      applications: [{ invoice: shipped.invoice, amount: "1.00" }],
    });
    const balance = (await api("arclerk", "GET", `/api/v1/invoices/${shipped.invoice}`)).balance;
    await invoiceRow.locator("td", { hasText: new RegExp(`^${balance.replace(".", "\\.")}$`) }).waitFor();
    check(await page.evaluate(() => window.ordoNotReloaded === true), "the order page was reloaded");
    const firstStatus = (await api("sales", "GET", `/api/v1/orders/${first.number}`)).status;
    check(firstStatus !== "open", `shipping changed the order's status (${firstStatus})`);
    await page
      .getByRole("heading", { name: new RegExp(`Order ${first.number}`) })
      .locator(".chip", { hasText: firstStatus.replace(/_/g, " ") })
      .waitFor();
    await shot("order.png", { fullPage: true });
    await accessible("order page with shipments and invoices");

    // The list shows the new status chip of an order shipped while it is open.
    await page.getByRole("link", { name: "← Orders" }).click();
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    const secondRow = page.locator(`tr[data-order="${second.number}"]`);
    await secondRow.locator(".chip", { hasText: "open" }).waitFor();
    await page.evaluate(() => (window.ordoNotReloaded = true));
    await ship(second.number);
    const secondStatus = (await api("sales", "GET", `/api/v1/orders/${second.number}`)).status;
    check(secondStatus !== "open", `shipping changed the order's status (${secondStatus})`);
    await secondRow.locator(".chip", { hasText: secondStatus.replace(/_/g, " ") }).waitFor();
    check(await page.evaluate(() => window.ordoNotReloaded === true), "the list was reloaded");

    // Filters by channel and date ask the server: the rows are exactly what the API answers.
    const shownNumbers = () => page.locator("tbody tr td:first-child").allTextContents();
    const sample = (await api("sales", "GET", "/api/v1/orders?limit=100")).items;
    const channel = sample.find((o) => o.channel !== sample[0].channel)?.channel ?? sample[0].channel;
    const day = sample[Math.floor(sample.length / 2)].created_at.slice(0, 10);
    const expected = (await api("sales", "GET", `/api/v1/orders?limit=50&channel=${channel}&created_from=${day}&created_to=${day}`)).items.map((o) => o.number);
    await page.getByLabel("Channel").selectOption(channel);
    await page.getByLabel("Entered from").fill(day);
    await page.getByLabel("to", { exact: true }).fill(day);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForFunction(
      (want) => {
        const rows = [...document.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent.trim());
        return rows.length === want.length && rows.every((n, i) => n === want[i]);
      },
      expected,
    );
    const channels = await page.locator("tbody tr td:nth-child(5)").allTextContents();
    check(channels.every((c) => c === channel), `channel filter ${channel} shows ${[...new Set(channels)]}`);
    check((await shownNumbers()).length < sample.length, "the filters left orders out");
    await page.getByRole("button", { name: "Clear" }).click();
    // A status chip above the list shows only the orders in that state; "all" shows them all.
    const states = page.getByRole("group", { name: "Show the orders in one state" });
    await states.getByRole("button", { name: "on hold", exact: true }).click();
    await page.waitForFunction(() => {
      const chips = [...document.querySelectorAll("tbody .chip")];
      return chips.length > 0 && chips.every((c) => c.textContent === "on hold");
    });
    await states.getByRole("button", { name: "all", exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length >= 50);
    await shot("orders.png");
    await accessible("orders with filters");

    // An order on hold is open when Ordo goes away: a banner says so and the page retries.
    const held = (await api("sales", "GET", "/api/v1/orders?status=on_hold&limit=5")).items[0];
    check(held, "the demo has an order on hold");
    const heldOrder = await api("sales", "GET", `/api/v1/orders/${held.number}`);
    await page.goto(`${url}/#/orders/${held.number}`);
    await page.locator(".holds").waitFor();
    await stop(server);
    const banner = page.getByRole("status").filter({ hasText: "Ordo cannot be reached — retrying…" });
    await banner.waitFor();
    await shot("offline-banner.png");
    await accessible("offline banner");

    // Back on the same port: the banner goes, and a hold released by someone else appears
    // on the page (the stream reconnected with Last-Event-ID).
    server = await serveOn(db, port);
    await banner.waitFor({ state: "detached" });
    quiet(); // the refused connections while the server was down are logged by the browser
    const kind = heldOrder.holds[0].kind;
    await api("arclerk", "POST", `/api/v1/orders/${held.number}/holds/${kind}/release`, { note: "paid by wire" });
    await page.locator(".timeline li", { hasText: "hold released" }).waitFor();
    await page.locator(".holds").waitFor({ state: "detached" });

    // A portal user's stream carries its own customer's events and nothing of another's.
    const controller = new AbortController();
    const stream = await fetch(url + "/api/v1/events/stream", {
      headers: { Authorization: `Bearer ${tokens.portal}` },
      signal: controller.signal,
    });
    check(stream.status === 200, `portal stream: ${stream.status}`);
    const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const readUntil = async (marker) => {
      while (!received.includes(marker)) {
        const { value, done } = await reader.read();
        check(!done, `the stream ended before ${marker}: ${received}`);
        received += value;
      }
    };
    await readUntil("event: ready");
    const foreign = open.slice(2).find((o) => o.customer !== "C-1001");
    check(foreign, "an open order of another customer");
    await ship(foreign.number);
    const own = await api("portal", "POST", "/api/v1/orders", {
      customer: "C-1001",
      lines: [{ sku: heldOrder.lines[0].sku, quantity: 1 }],
    });
    await readUntil(own.number);
    controller.abort();
    check(!received.includes(foreign.number), `the portal's stream named ${foreign.number}: ${received}`);
    check(!received.includes('"payload"'), "a portal stream carries no payloads");
    const orders = [...received.matchAll(/"order":"([^"]+)"/g)].map((m) => m[1]);
    check(orders.length > 0 && orders.every((n) => n === own.number), `portal stream orders: ${orders}`);
  } finally {
    await stop(server);
  }
});
