// One order from the telephone to the cash, role after role, each in the browser on its own
// screens (tests/web/harness.mjs): inside sales enters a three-line order for C-1001 with the
// keyboard alone on the order desk and it goes on credit hold (the customer's limit was cut
// first); the AR clerk releases the hold; the warehouse picks it one short and ships it with
// carrier and tracking; the invoice appears on the order's page; the AR clerk records the
// customer's payment of it (its first answer lost, the retry records it once); the customer's
// portal shows the order and the paid invoice and nothing of another customer's order by its
// address; an administrator imports a CSV file with a bad row and sees it by line and column,
// and nothing of the file is imported. Each step is checked through the API as well as on
// screen.
//
//   node tests/web/journey_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

const CUSTOMER = "C-1001"; // the demo portal user's customer

runBrowserTest("journey", async (t) => {
  try {
    await journey(t);
  } catch (e) {
    await t.shot("journey-failure.png", { fullPage: true }); // what the screen showed
    throw e;
  }
});

async function journey({ page, url, passwords, shot, accessible, quiet }) {
  const tokens = {};
  for (const user of ["admin", "sales", "arclerk", "warehouse"]) tokens[user] = await apiToken(url, user, passwords[user]);
  const api = async (user, method, path, body, headers = {}) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
  const menu = (title) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: title, exact: true });

  // The credit team cut C-1001's limit to a dollar: its next order waits for AR.
  const cut = await api("admin", "PATCH", `/api/v1/customers/${CUSTOMER}`, { credit_limit: "1.00" });
  check(cut.status === 200, `cutting the credit limit answered ${cut.status} ${JSON.stringify(cut.body)}`);

  // Three items with at least 3 available in one warehouse, so that the order is allocated
  // once released and one of its lines can be picked short.
  const candidates = (await api("sales", "GET", "/api/v1/items?active=true&limit=60")).body.items;
  const quote = await api("sales", "POST", "/api/v1/pricing/quote", {
    customer: CUSTOMER,
    lines: candidates.map((i) => ({ sku: i.sku, quantity: 3 })),
  });
  const stocked = quote.body.lines.filter((l) => l.errors.length === 0 && l.availability.warehouses.some((w) => w.available >= 3));
  check(stocked.length >= 3, `the demo has three items in stock, saw ${stocked.length}`);
  const skus = stocked.slice(0, 3).map((l) => l.sku);

  // Sales: the order desk with the keyboard alone.
  await signIn(page, url, "sales", passwords.sales);
  await menu("Order desk").click();
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  await page.getByRole("combobox", { name: "Customer" }).waitFor();
  await page.keyboard.type(CUSTOMER);
  await page.getByRole("option", { name: new RegExp(CUSTOMER) }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByText("Credit limit").waitFor();
  for (const [i, sku] of skus.entries()) {
    await page.keyboard.type(sku);
    await page.keyboard.press("Enter");
    await page.waitForFunction((name) => document.activeElement?.getAttribute("aria-label") === name, `Line ${i + 1} quantity`);
    await page.keyboard.type("3");
    await page.keyboard.press("Enter");
  }
  await page.locator(".desk-lines tbody tr .chip").first().waitFor(); // priced
  await page.keyboard.press("Control+Enter");
  const placedLink = page.getByRole("status").getByRole("link");
  await placedLink.waitFor();
  const number = (await placedLink.textContent()).trim();
  await shot("journey-desk-placed.png");
  let order = (await api("sales", "GET", `/api/v1/orders/${number}`)).body;
  check(order.status === "on_hold" && order.holds.some((h) => h.kind === "credit"), `the order waits on credit: ${JSON.stringify(order.holds)}`);
  check(order.lines.length === 3 && order.lines.every((l) => l.quantity === 3), "the order has the three lines typed");
  await signOut(page);

  // The AR clerk releases the hold from the credit holds waiting.
  await signIn(page, url, "arclerk", passwords.arclerk);
  await menu("Credit holds").click();
  await page.getByRole("heading", { name: "Credit holds waiting" }).waitFor();
  await page.getByRole("button", { name: `Release ${number}…` }).click();
  await page.getByLabel("Note (why it may go ahead)").fill("Customer paid by wire this morning; approved.");
  await page.getByLabel("Note (why it may go ahead)").press("Enter");
  await page.getByRole("status").filter({ hasText: `${number}: credit hold released` }).waitFor();
  order = (await api("sales", "GET", `/api/v1/orders/${number}`)).body;
  check(order.holds.every((h) => h.kind !== "credit"), `the credit hold is released: ${JSON.stringify(order.holds)}`);
  const warehouse = order.lines.flatMap((l) => l.allocations)[0]?.warehouse;
  check(warehouse, `the released order is allocated: ${JSON.stringify(order.lines)}`);
  await signOut(page);

  // The warehouse picks it one short on its first line in that warehouse and ships it.
  await signIn(page, url, "warehouse", passwords.warehouse);
  await menu("Picking").click();
  await page.getByRole("heading", { name: "Picking queue" }).waitFor();
  await page.getByLabel("Warehouse").selectOption(warehouse);
  await page.getByRole("button", { name: `Pick ${number}` }).click();
  await page.getByRole("heading", { name: /Pick list SH-/ }).waitFor();
  const shipmentNumber = decodeURIComponent(page.url().split("#/picking/")[1]);
  const pickList = (await api("warehouse", "GET", `/api/v1/shipments/${shipmentNumber}`)).body;
  const short = pickList.lines.findIndex((l) => l.quantity >= 2);
  check(short >= 0, `the pick list has a line of 2 or more: ${JSON.stringify(pickList.lines)}`);
  await page.locator(`#f-lines-${short}-quantity`).fill(String(pickList.lines[short].quantity - 1));
  await page.getByLabel("Carrier").fill("UPS");
  await page.getByLabel("Service").fill("Ground");
  await page.getByLabel("Package 1 weight").fill("8.5");
  await page.getByLabel("Tracking number").fill("1ZJOURNEY0001");
  await page.getByLabel("Tracking number").press("Enter");
  await page.getByText(`${pickList.lines[short].quantity - 1} (short)`).waitFor();
  const shipped = (await api("warehouse", "GET", `/api/v1/shipments/${shipmentNumber}`)).body;
  check(shipped.status === "shipped" && shipped.tracking_number === "1ZJOURNEY0001" && shipped.invoice, `shipped and invoiced: ${JSON.stringify(shipped)}`);
  const shortLine = shipped.lines.find((l) => l.line_no === pickList.lines[short].line_no);
  check(shortLine.quantity_shipped === pickList.lines[short].quantity - 1, `the short line shipped one less: ${JSON.stringify(shortLine)}`);
  await signOut(page);

  // The invoice appears on the order's page (sales).
  await signIn(page, url, "sales", passwords.sales);
  await page.goto(`${url}/#/orders/${number}`);
  await page.getByRole("heading", { name: new RegExp(`Order ${number}`) }).waitFor();
  await page.locator(`tr[data-invoice="${shipped.invoice}"]`).waitFor();
  await page.getByRole("cell", { name: "1ZJOURNEY0001" }).first().waitFor();
  await shot("journey-order.png", { fullPage: true });
  await accessible("order page after shipping");
  await signOut(page);

  // The AR clerk records the customer's payment of that invoice.
  const invoice = (await api("arclerk", "GET", `/api/v1/invoices/${shipped.invoice}`)).body;
  await signIn(page, url, "arclerk", passwords.arclerk);
  await page.goto(`${url}/#/cash-receipts/${CUSTOMER}`);
  await page.getByRole("heading", { name: `Cash receipt from ${CUSTOMER}` }).waitFor();
  const payInFull = page.getByRole("button", { name: `Pay ${invoice.number} in full` });
  await payInFull.click();
  const discount = page.getByLabel(`Discount on ${invoice.number}`);
  check((await discount.inputValue()) === "" || (await discount.inputValue()) === "0.00", "no early-pay discount here");
  await page.getByLabel("Amount received").fill(invoice.balance);
  await page.getByLabel("Reference (check or transfer no.)").fill("WIRE-20261206");
  // The answer to the first "Record payment" is lost on the way back; the clerk records it
  // again, with the form's same Idempotency-Key: one payment.
  let lost = false;
  await page.route("**/api/v1/payments", async (route) => {
    if (route.request().method() === "POST" && !lost) {
      lost = true;
      await route.fetch(); // the server records the payment...
      return route.abort("connectionreset"); // ...and its answer never arrives
    }
    return route.continue();
  });
  await page.getByLabel("Reference (check or transfer no.)").press("Enter");
  await page.getByRole("alert").getByText(/cannot be reached/).waitFor();
  quiet(); // the lost answer is logged by the browser as a failed request
  await page.getByRole("button", { name: "Record payment" }).click();
  await page.getByRole("status").filter({ hasText: "recorded" }).waitFor();
  await page.unroute("**/api/v1/payments");
  const payments = (await api("arclerk", "GET", `/api/v1/payments?customer=${CUSTOMER}&limit=200`)).body.items;
  const wires = payments.filter((p) => p.reference === "WIRE-20261206");
  check(wires.length === 1 && wires[0].amount === invoice.balance, `one payment recorded: ${JSON.stringify(wires)}`);
  const paid = (await api("arclerk", "GET", `/api/v1/invoices/${invoice.number}`)).body;
  check(paid.balance === "0.00" && paid.status === "paid", `the invoice is paid: ${JSON.stringify(paid)}`);
  await signOut(page);

  // The customer sees the order and its invoice (paid); another customer's order is not there.
  await signIn(page, url, "portal", passwords.portal);
  await page.getByRole("heading", { name: "Your orders" }).waitFor();
  await page.getByRole("link", { name: number, exact: true }).click();
  await page.getByRole("heading", { name: `Order ${number}` }).waitFor();
  await page.getByRole("link", { name: invoice.number, exact: true }).click();
  await page.getByRole("heading", { name: `Invoice ${invoice.number}` }).waitFor();
  await page.getByText(/paid/i).first().waitFor();
  await shot("journey-portal-invoice.png");
  await accessible("portal invoice");
  const foreign = (await api("admin", "GET", "/api/v1/orders?limit=50")).body.items.find((o) => o.customer !== CUSTOMER);
  check(foreign, "the demo has another customer's order");
  await page.goto(`${url}/#/orders/${foreign.number}`);
  await page.getByText(`There is no order ${foreign.number}.`).waitFor();
  check((await page.getByText(foreign.customer).count()) === 0, "nothing of the other customer shows");
  quiet(); // the refused read's 404 is logged by the browser as a failed request
  await signOut(page);

  // An administrator imports items: a bad row is listed by line and column, nothing imported.
  await signIn(page, url, "admin", passwords.admin);
  await page.goto(`${url}/#/import`);
  await page.getByRole("heading", { name: "Import a CSV file" }).waitFor();
  await page.getByLabel("What the file holds").selectOption("items");
  const csv = "sku,name,list_price\nJRN-1,Journey one,4.10\nJRN-2,Journey two,not-a-price\nJRN-3,Journey three,6.30\n";
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "items.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await problems.waitFor();
  const row = problems.locator("tbody tr").first();
  const cells = await row.locator("td").allTextContents();
  check(cells[0].trim() === "3" && cells[1].trim() === "3", `the bad price is at line 3, column 3: ${cells}`);
  quiet(); // the refused import's 422 is logged by the browser as a failed request
  for (const sku of ["JRN-1", "JRN-3"]) {
    check((await api("admin", "GET", `/api/v1/items/${sku}`)).status === 404, `${sku} was not imported`);
  }
  await shot("journey-import.png");
}
