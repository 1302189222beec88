// Revising a quote in a real browser (tests/web/harness.mjs): from the quote's page "Revise
// quote" opens the order desk with the quote loaded (its lines, a manual price with its reason,
// its notes) under a banner naming the quote and version; a refused revision shows its problem
// at its line; a quantity changed and a line added are saved as version 2, whose page shows the
// new total while version 1 still reads with its old one. A revision made stale by another
// (through the API meanwhile) shows the conflict notice and changes nothing; reloading loads the
// current version. Accepting the quote with "Taken by: E-mail" places an order whose page shows
// that channel. Each step is checked through the API as well as on screen. Screenshot
// quote-revision.png; axe-core on the desk.
//
//   node tests/web/quote_revision_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn } from "./harness.mjs";

const CUSTOMER = "C-1001";

runBrowserTest("quote_revision", async (t) => {
  try {
    await revision(t);
  } catch (e) {
    await t.shot("quote-revision-failure.png", { fullPage: true });
    throw e;
  }
});

async function revision({ page, url, passwords, shot, accessible, quiet }) {
  const token = await apiToken(url, "sales", passwords.sales);
  const api = async (method, path, body, headers = {}) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };

  // Three items the customer may order in any of the quantities used here (minimums and
  // multiples allowing), and a quote of the first two (the second at a manual price), made
  // through the API.
  const candidates = (await api("GET", "/api/v1/items?active=true&limit=60")).body.items;
  let skus = candidates.map((i) => i.sku);
  for (const quantity of [1, 2, 3, 5, 7, 9]) {
    const priced = await api("POST", "/api/v1/pricing/quote", {
      customer: CUSTOMER,
      lines: skus.map((sku) => ({ sku, quantity })),
    });
    skus = skus.filter((_, i) => priced.body.lines[i].errors.length === 0);
  }
  check(skus.length >= 3, `the demo has three items the customer may order: ${skus}`);
  const [a, b, c] = skus;
  const made = await api("POST", "/api/v1/quotes", {
    customer: CUSTOMER,
    notes: "First offer",
    lines: [
      { sku: a, quantity: 2 },
      { sku: b, quantity: 1, unit_price: "7.25", override_reason: "matched competitor" },
    ],
  });
  check(made.status === 201, `the quote is made: ${JSON.stringify(made.body)}`);
  const number = made.body.number;
  const v1 = made.body;

  // Its page offers Revise, which opens the desk with the quote loaded.
  await signIn(page, url, "sales", passwords.sales);
  await page.goto(`${url}/#/quotes/${number}`);
  await page.getByRole("heading", { name: new RegExp(`Quote ${number}`) }).waitFor();
  await page.getByRole("button", { name: "Revise quote" }).click();
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  await page.getByRole("note").filter({ hasText: `Revising quote ${number} (version 1` }).waitFor();
  check((await page.getByLabel("Line 1 SKU").inputValue()) === a, "line 1 is the quote's first line");
  check((await page.getByLabel("Line 1 quantity").inputValue()) === "2", "at its quantity");
  check((await page.getByLabel("Line 2 SKU").inputValue()) === b, "line 2 is the quote's second line");
  await page.locator(".desk-lines tbody tr").nth(1).getByText("manual price: matched competitor").waitFor();
  check((await page.getByLabel("Notes").inputValue()) === "First offer", "the notes are the quote's");
  check((await page.getByRole("button", { name: "Place order" }).count()) === 0, "no order is placed from a revision");
  check((await page.getByLabel("PO number").count()) === 0, "a quote has no PO number");

  // A refused revision shows its problem at its line and saves nothing.
  await page.getByLabel("Line 1 quantity").fill("0");
  await page.getByRole("button", { name: "Save version 2" }).click();
  await page.getByRole("alert").filter({ hasText: "The quote was not saved" }).waitFor();
  await page.locator(".desk-lines tr[data-line='1'] .field-error").waitFor();
  quiet(); // the refused revision (400), as the browser logs it
  check((await api("GET", `/api/v1/quotes/${number}`)).body.current_version === 1, "the refused revision saved nothing");

  // A quantity changed and a line added, priced live, saved as version 2.
  await page.getByLabel("Line 1 quantity").fill("5");
  await page.getByRole("combobox", { name: "Add item" }).fill(c);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Line 3 quantity");
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await page.locator(".desk-lines tbody tr").nth(2).locator(".chip").waitFor(); // priced
  await shot("quote-revision.png");
  await accessible("order desk (revising a quote)");
  await page.getByRole("button", { name: "Save version 2" }).click();
  await page.getByRole("heading", { name: new RegExp(`Quote ${number}`) }).waitFor();
  await page.getByText("2 of 2").waitFor();
  const v2 = (await api("GET", `/api/v1/quotes/${number}`)).body;
  check(v2.version === 2 && v2.lines.length === 3, `version 2 has three lines: ${JSON.stringify(v2.lines.map((l) => l.sku))}`);
  check(v2.lines[0].sku === a && v2.lines[0].entered_quantity === 5, `line 1 at the new quantity: ${v2.lines[0].entered_quantity}`);
  check(v2.lines[1].unit_price === "7.2500" && v2.lines[1].override_reason === "matched competitor", `the manual price is kept: ${JSON.stringify(v2.lines[1])}`);
  check(v2.lines[2].sku === c && v2.lines[2].entered_quantity === 3, "the line added");
  check(v2.notes === "First offer", `the notes are kept: ${v2.notes}`);
  check(v2.total !== v1.total, `the total changed: ${v1.total} → ${v2.total}`);
  check((await page.locator(".quote-total").textContent()).includes(v2.total), `the page shows version 2's total ${v2.total}`);

  // Version 1 is still there with its old total.
  await page.getByRole("link", { name: "Version 1" }).click();
  await page.getByText("1 of 2").waitFor();
  check((await page.locator(".quote-total").textContent()).includes(v1.total), `version 1 shows its total ${v1.total}`);
  check((await page.getByRole("button", { name: "Revise quote" }).count()) === 0, "an old version is not revised");

  // A revision made stale: the quote is revised through the API while the desk has version 2.
  await page.getByRole("link", { name: "Version 2" }).click();
  await page.getByText("2 of 2").waitFor();
  await page.getByRole("button", { name: "Revise quote" }).click();
  await page.getByRole("note").filter({ hasText: `Revising quote ${number} (version 2` }).waitFor();
  const meanwhile = await api(
    "PUT",
    `/api/v1/quotes/${number}`,
    { customer: CUSTOMER, notes: "Revised by phone", lines: [{ sku: a, quantity: 7 }] },
    { "If-Match": '"2"' },
  );
  check(meanwhile.status === 200 && meanwhile.body.version === 3, `revised meanwhile: ${JSON.stringify(meanwhile.body)}`);
  await page.getByLabel("Line 1 quantity").fill("9");
  await page.getByRole("button", { name: "Save version 3" }).click();
  await page.getByRole("alert").filter({ hasText: "This changed since you loaded it" }).waitFor();
  quiet(); // the refused revision (412), as the browser logs it
  const still = (await api("GET", `/api/v1/quotes/${number}`)).body;
  check(still.current_version === 3 && still.versions.length === 3, `no version was added: ${still.current_version}`);
  check(still.lines.length === 1 && still.lines[0].entered_quantity === 7, "version 3 is the one made meanwhile");
  await page.getByRole("button", { name: "Reload the quote" }).click();
  await page.getByRole("note").filter({ hasText: `Revising quote ${number} (version 3` }).waitFor();
  check((await page.getByLabel("Line 1 quantity").inputValue()) === "7", "the reload shows version 3");
  await page.getByRole("button", { name: "Stop revising" }).click();
  await page.getByRole("heading", { name: new RegExp(`Quote ${number}`) }).waitFor();

  // Accepted, taken by e-mail: the order's page shows its channel.
  await page.getByLabel("Taken by").selectOption("email");
  await page.getByRole("button", { name: "Accept into an order" }).click();
  const orderLink = page.locator("dd a[href^='#/orders/']");
  await orderLink.waitFor();
  const orderNumber = (await orderLink.textContent()).trim();
  const order = (await api("GET", `/api/v1/orders/${orderNumber}`)).body;
  check(order.channel === "email", `the order was taken by e-mail: ${order.channel}`);
  await orderLink.click();
  await page.getByRole("heading", { name: new RegExp(orderNumber) }).waitFor();
  await page.locator("dd", { hasText: /^email$/ }).waitFor();
}
