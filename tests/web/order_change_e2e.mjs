// Changing an order in a real browser (tests/web/harness.mjs): sales opens an open order of the
// demo customer, chooses "Change order", types a new quantity for its first line and saves; the
// page shows the new total, the same the API answers, and the stock allocated follows. Then the
// order is changed through the API while the form is open, and saving answers with the shared
// conflict notice (412), whose reload shows the other change. A configured product is added
// through the configurator and the order page shows its answers. The portal's user has no
// "Change order". Screenshot order-change.png; axe-core on the form.
//
//   node tests/web/order_change_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

const CUSTOMER = "C-1001";

runBrowserTest("order-change", async (t) => {
  try {
    await orderChange(t);
  } catch (e) {
    await t.shot("order-change-failure.png", { fullPage: true });
    throw e;
  }
});

async function orderChange({ page, url, passwords, shot, accessible, quiet }) {
  const tokens = {};
  for (const user of ["admin", "sales"]) tokens[user] = await apiToken(url, user, passwords[user]);
  const api = async (user, method, path, body, headers = {}) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };

  // Room on the customer's credit, and an order of two of an item with stock to spare.
  const room = await api("admin", "PATCH", `/api/v1/customers/${CUSTOMER}`, { credit_limit: "10000000.00", on_hold: false });
  check(room.status === 200, `raising the credit limit answered ${room.status} ${JSON.stringify(room.body)}`);
  const candidates = (await api("sales", "GET", "/api/v1/items?active=true&limit=60")).body.items;
  const quote = await api("sales", "POST", "/api/v1/pricing/quote", {
    customer: CUSTOMER,
    lines: candidates.map((i) => ({ sku: i.sku, quantity: 1 })),
  });
  const line = quote.body.lines.find(
    (l) => l.errors.length === 0 && l.availability.warehouses.some((w) => w.available >= 10) && Number(l.extended_amount) < 50,
  );
  check(line, "the demo has a cheap item with ten in stock");
  const placed = await api("sales", "POST", "/api/v1/orders", { customer: CUSTOMER, lines: [{ sku: line.sku, quantity: 2 }] });
  check(placed.status === 201 && placed.body.status === "open", `placing answered ${placed.status} ${JSON.stringify(placed.body)}`);
  const number = placed.body.number;

  // Sales changes the quantity on the order page.
  await signIn(page, url, "sales", passwords.sales);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await page.goto(`${url}/#/orders/${number}`);
  await page.getByRole("heading", { name: new RegExp(`Order ${number}`) }).waitFor();
  await page.getByRole("button", { name: "Change order" }).click();
  await page.getByRole("heading", { name: `Change order ${number}` }).waitFor();
  const quantity = page.getByLabel("Quantity of line 1");
  await quantity.fill("5");
  await shot("order-change.png");
  await accessible("order change");
  await page.getByRole("button", { name: "Save the change" }).click();
  await page.getByRole("button", { name: "Change order" }).waitFor();
  let order = (await api("sales", "GET", `/api/v1/orders/${number}`)).body;
  check(order.lines[0].quantity === 5 * (placed.body.lines[0].quantity / 2), `the line is 5 now: ${JSON.stringify(order.lines[0])}`);
  check(order.version === 2, `the change made version 2: ${order.version}`);
  check(order.total !== placed.body.total, `the total moved from ${placed.body.total}`);
  await page.locator("dl.totals").getByText(`${order.total} ${order.currency}`).waitFor();
  check(order.lines[0].quantity_allocated === order.lines[0].quantity, `the new quantity is allocated: ${JSON.stringify(order.lines[0])}`);

  // Someone changes it meanwhile: saving the form is refused and offers a reload.
  await page.getByRole("button", { name: "Change order" }).click();
  await page.getByLabel("Quantity of line 1").fill("4");
  const other = await api("sales", "PATCH", `/api/v1/orders/${number}`, { lines: [{ line_no: 1, quantity: 3, uom: order.lines[0].uom }] }, { "If-Match": "2" });
  check(other.status === 200, `the other change answered ${other.status} ${JSON.stringify(other.body)}`);
  await page.getByRole("button", { name: "Save the change" }).click();
  await page.getByRole("alert").filter({ hasText: "This changed since you loaded it." }).waitFor();
  quiet(); // the 412, as the browser logs it
  await page.getByRole("button", { name: "Reload the order" }).click();
  await page.locator("dl.totals").getByText(`${other.body.total} ${other.body.currency}`).waitFor();
  order = (await api("sales", "GET", `/api/v1/orders/${number}`)).body;
  check(order.version === 3 && order.lines[0].entered_quantity === 3, `only the other change was made: ${JSON.stringify(order.lines[0])}`);

  // A configured product added to the order, question by question, as on the desk.
  await page.getByRole("button", { name: "Change order" }).click();
  await page.getByRole("button", { name: "Configure a product…" }).click();
  const panel = page.getByRole("dialog", { name: "Configure a product" });
  const product = panel.getByLabel("Product");
  const model = await product.locator("option").nth(1).getAttribute("value");
  check(model, "the demo has a configurable product");
  await product.selectOption(model);
  const next = panel.locator("#configure-next");
  const added = panel.getByRole("button", { name: "Add configured line" });
  for (let asked = 0; !(await added.isVisible()); asked++) {
    check(asked < 20, "the configuration completes within twenty questions");
    await next.or(added).first().waitFor();
    if (await added.isVisible()) break;
    const label = await next.locator("option:not([disabled])").first().textContent();
    await next.selectOption({ label });
  }
  await added.click();
  await page.locator("form.order-change .line-configuration").waitFor();
  await page.getByRole("button", { name: "Save the change" }).click();
  await page.getByRole("button", { name: "Change order" }).waitFor();
  order = (await api("sales", "GET", `/api/v1/orders/${number}`)).body;
  const configured = order.lines[1];
  check(
    order.version === 4 && configured?.price_source === "configured" && configured.configuration?.configurator === model,
    `the configured line was added: ${JSON.stringify(order.lines)}`,
  );
  await page.locator("td .configuration").filter({ hasText: configured.configuration.description }).waitFor();
  await signOut(page);

  // The portal's user sees the order but cannot change it.
  await signIn(page, url, "portal", passwords.portal);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await page.goto(`${url}/#/orders/${number}`);
  await page.getByText(number).first().waitFor();
  check((await page.getByRole("button", { name: "Change order" }).count()) === 0, "the portal has no Change order");
}
