// Quotes in a real browser (tests/web/harness.mjs): inside sales builds a draft on the order desk
// and saves it as a quote instead of placing it; opens the quote (its lines with why each has
// its price, totals, expiry, versions), accepts it into an order and opens the order, whose
// lines keep the quoted prices. The quotes list shows the demo's quotes, an expired one among
// them, whose Accept is refused and says so; it is cancelled with a reason. The customer sees its
// own quotes in the portal, read-only, and not another customer's by its address. Each step is
// checked through the API as well as on screen. Screenshots quote.png and quotes.png; axe-core on both screens.
//
//   node tests/web/quotes_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

const CUSTOMER = "C-1001";

runBrowserTest("quotes", async (t) => {
  try {
    await quotes(t);
  } catch (e) {
    await t.shot("quotes-failure.png", { fullPage: true });
    throw e;
  }
});

async function quotes({ page, url, passwords, shot, accessible, quiet }) {
  const token = await apiToken(url, "sales", passwords.sales);
  const api = async (method, path, body) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
  const menu = (title) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: title, exact: true });

  // An item the customer may order one of.
  const candidates = (await api("GET", "/api/v1/items?active=true&limit=40")).body.items;
  const priced = await api("POST", "/api/v1/pricing/quote", {
    customer: CUSTOMER,
    lines: candidates.map((i) => ({ sku: i.sku, quantity: 3 })),
  });
  const line = priced.body.lines.find((l) => l.errors.length === 0);
  check(line, "the demo has an item the customer may order three of");

  // The draft on the desk, saved as a quote.
  await signIn(page, url, "sales", passwords.sales);
  await menu("Order desk").click();
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  await page.getByRole("combobox", { name: "Customer" }).waitFor();
  await page.keyboard.type(CUSTOMER);
  await page.getByRole("option", { name: new RegExp(CUSTOMER) }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByText("Credit limit").waitFor();
  await page.keyboard.type(line.sku);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Line 1 quantity");
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await page.locator(".desk-lines tbody tr .chip").first().waitFor(); // priced
  await page.getByRole("button", { name: "Save as quote" }).click();
  const savedLink = page.getByRole("status").getByRole("link");
  await savedLink.waitFor();
  const number = (await savedLink.textContent()).trim();
  check(/^Q-\d{6}$/.test(number), `the saved quote's number: ${number}`);
  const stored = (await api("GET", `/api/v1/quotes/${number}`)).body;
  check(stored.status === "open" && stored.lines.length === 1, `the quote as stored: ${JSON.stringify(stored)}`);
  check(stored.lines[0].unit_price === line.unit_price, `quoted at the desk's price ${line.unit_price}: ${stored.lines[0].unit_price}`);

  // Its page: lines with their explanation, totals, expiry, versions.
  await savedLink.click();
  await page.getByRole("heading", { name: new RegExp(`Quote ${number}`) }).waitFor();
  const lines = page.getByRole("table", { name: "Quote lines" });
  check((await lines.textContent()).includes(stored.lines[0].price_explanation), "the line says why it has its price");
  check((await page.locator(".quote-total").textContent()).includes(stored.total), `the total ${stored.total} is shown`);
  check((await page.getByText(stored.expires_on).count()) > 0, `the expiry ${stored.expires_on} is shown`);
  await page.getByText("Version 1").first().waitFor();
  await page.getByRole("button", { name: "Print quote (PDF)" }).waitFor();
  await shot("quote.png");
  await accessible("quote");

  // Accepted into an order at the quoted price.
  await page.getByLabel("PO number").fill("E2E-QUOTE");
  await page.getByRole("button", { name: "Accept into an order" }).click();
  const orderLink = page.locator("dd a[href^='#/orders/']");
  await orderLink.waitFor();
  const orderNumber = (await orderLink.textContent()).trim();
  const accepted = (await api("GET", `/api/v1/quotes/${number}`)).body;
  check(accepted.status === "accepted" && accepted.order === orderNumber, `the quote is accepted into ${orderNumber}: ${accepted.status}`);
  await orderLink.click();
  await page.getByRole("heading", { name: new RegExp(orderNumber) }).waitFor();
  const order = (await api("GET", `/api/v1/orders/${orderNumber}`)).body;
  check(order.po_number === "E2E-QUOTE", `the order's PO number: ${order.po_number}`);
  check(order.lines[0].price_source === `quote:${number}/1`, `the order line's price comes from the quote: ${order.lines[0].price_source}`);
  check(order.lines[0].unit_price === stored.lines[0].unit_price, "at the quoted price");

  // The list, with the demo's expired quote, whose Accept is refused.
  await menu("Quotes").click();
  await page.getByRole("heading", { name: "Quotes", level: 1 }).waitFor();
  await page.getByRole("link", { name: number }).waitFor();
  await page.getByLabel("Status").selectOption("expired");
  await page.getByRole("button", { name: "Show" }).click();
  const expired = (await api("GET", "/api/v1/quotes?status=expired")).body.items;
  check(expired.length >= 1, `the demo has an expired quote: ${JSON.stringify(expired)}`);
  await page.getByRole("link", { name: expired[0].number }).waitFor();
  await shot("quotes.png");
  await accessible("quotes");
  await page.getByRole("link", { name: expired[0].number }).click();
  await page.getByRole("heading", { name: new RegExp(`Quote ${expired[0].number}`) }).waitFor();
  check((await page.getByRole("heading", { name: /expired/ }).count()) === 1, "the expired quote says so");
  await page.getByRole("button", { name: "Accept into an order" }).click();
  await page.getByRole("alert").filter({ hasText: "Revise it" }).waitFor();
  quiet(); // the refusal, as the browser logs it
  const still = (await api("GET", `/api/v1/quotes/${expired[0].number}`)).body;
  check(still.status === "expired" && still.order === null, `the expired quote placed nothing: ${still.status}`);

  // The expired quote is cancelled with a reason.
  await page.getByRole("button", { name: "Cancel quote…" }).click();
  await page.getByLabel("Reason").fill("Customer bought elsewhere");
  await page.getByRole("button", { name: "Cancel the quote" }).click();
  await page.getByRole("heading", { name: /cancelled/ }).waitFor();
  const cancelled = (await api("GET", `/api/v1/quotes/${expired[0].number}`)).body;
  check(cancelled.status === "cancelled" && cancelled.cancel_reason === "Customer bought elsewhere", `cancelled: ${JSON.stringify(cancelled.status)}`);
  check((await page.getByRole("button", { name: "Accept into an order" }).count()) === 0, "a cancelled quote has no Accept");

  // The demo's open quote has configured pallet rack bays: their answers show under the line.
  const open = (await api("GET", "/api/v1/quotes?status=open&limit=100")).body.items;
  let configured = null;
  for (const q of open) {
    const full = (await api("GET", `/api/v1/quotes/${q.number}`)).body;
    configured = full.lines.find((l) => l.configuration) ? full : configured;
  }
  check(configured, "the demo has a quote with a configured line");
  const bay = configured.lines.find((l) => l.configuration);
  await page.goto(`${url}/#/quotes/${configured.number}`);
  await page.getByRole("heading", { name: new RegExp(`Quote ${configured.number}`) }).waitFor();
  await page.getByRole("table", { name: "Quote lines" }).locator(".configuration").filter({ hasText: bay.configuration.description }).waitFor();

  // The customer sees its own quotes in the portal, read-only, and nothing of another's.
  const portalToken = await apiToken(url, "portal", passwords.portal);
  const portalQuotes = await (await fetch(`${url}/api/v1/quotes`, { headers: { Authorization: `Bearer ${portalToken}` } })).json();
  check(portalQuotes.items.length >= 1 && portalQuotes.items.every((q) => q.customer === CUSTOMER), `the portal's quotes: ${JSON.stringify(portalQuotes.items.map((q) => q.customer))}`);
  const theirs = (await api("GET", "/api/v1/quotes?limit=100")).body.items.find((q) => q.customer !== CUSTOMER);
  check(theirs, "another customer has a quote");
  await signOut(page);
  await signIn(page, url, "portal", passwords.portal);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quotes", exact: true }).click();
  await page.getByRole("heading", { name: "Quotes", level: 1 }).waitFor();
  await page.getByRole("link", { name: number }).waitFor();
  check((await page.getByLabel("Customer").count()) === 0, "the portal's list has no customer filter");
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("heading", { name: new RegExp(`Quote ${number}`) }).waitFor();
  check((await page.getByRole("button", { name: "Accept into an order" }).count()) === 0, "the portal cannot accept");
  await accessible("portal quote");
  await page.goto(`${url}/#/quotes/${theirs.number}`);
  await page.getByRole("alert").waitFor();
  quiet(); // the refused read, as the browser logs it
  check((await page.getByRole("heading", { name: new RegExp(`Quote ${theirs.number}`) }).count()) === 0, "another customer's quote is not shown");
}
