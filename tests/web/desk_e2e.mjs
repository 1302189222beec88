// The order desk (#/desk) end to end in a real browser (tests/web/harness.mjs): inside sales
// finds a customer by part of its name, enters a 20-line order with the keyboard alone,
// sees each line priced with its source and the subtotal, meets a problem at its line, loses
// the answer to "Place order" and places it again (one order, checked through the API), and
// pastes a 200-line stocking order whose two unknown SKUs are marked in place, then rows by the
// customer's own part numbers and a configured product. The draft survives a reload; Clear discards it. A line at a
// manual price with its reason is priced live, placed and explained on the order's page; a
// price far below the rules' is held for approval. axe-core checks the desk as it goes.
//
//   node tests/web/desk_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn } from "./harness.mjs";

async function api(url, token, method, path, body) {
  const r = await fetch(url + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

// Waits until the keyboard's focus is on the field labelled `label` (after Enter chose an item
// from the typeahead's answer).
async function focused(page, label) {
  await page.waitForFunction((name) => document.activeElement?.getAttribute("aria-label") === name, label);
}

// Waits until the typeahead `id` shows the answer to the text in it (aria-busy ends).
async function answered(page, id) {
  await page.waitForFunction((field) => document.getElementById(field).getAttribute("aria-busy") === "false", id);
}

// Cents of a "1,234.56" text.
function cents(text) {
  const m = /(-?)([\d,]+)\.(\d\d)/.exec(text);
  check(m, `no amount in "${text}"`);
  return (m[1] ? -1 : 1) * (Number(m[2].replace(/,/g, "")) * 100 + Number(m[3]));
}

runBrowserTest("desk", async (t) => {
  try {
    await desk(t);
    await manualPrice(t);
  } catch (e) {
    await t.shot("desk-failure.png", { fullPage: true }); // what the desk showed when it failed
    throw e;
  }
});

async function desk({ page, url, passwords, shot, accessible, quiet }) {
  const token = await apiToken(url, "sales", passwords.sales);
  const catalog = (await api(url, token, "GET", "/api/v1/items?active=true&limit=200")).body.items;
  check(catalog.length === 200, `the demo has 200 active items, saw ${catalog.length}`);
  const customer = (await api(url, token, "GET", "/api/v1/customers?q=Ridgeway")).body.items[0];
  check(customer?.code === "C-1001" && customer.price_tier, "the demo's C-1001 is Ridgeway, with a price tier");

  await signIn(page, url, "sales", passwords.sales);
  await page.getByRole("link", { name: "Order desk" }).click();
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  await accessible("order desk (empty)");

  // The customer by part of its name, from the keyboard: the field has the focus.
  const customerField = page.getByRole("combobox", { name: "Customer" });
  await customerField.waitFor();
  check(await customerField.evaluate((el) => el === document.activeElement), "the customer field has the focus");
  await page.keyboard.type("ridgew");
  await page.getByRole("option", { name: /C-1001/ }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: /Ridgeway Property Management/ }).waitFor();
  await page.getByText("Credit limit").waitFor();
  check((await page.getByLabel("Ship to").inputValue()) === customer.ship_to[0].code, "the first ship-to is chosen");

  // Twenty lines with the keyboard alone: SKU, Enter, quantity, Enter; one found by its name.
  const picked = catalog.slice(0, 19);
  const itemField = page.getByRole("combobox", { name: "Add item" });
  check(await itemField.evaluate((el) => el === document.activeElement), "choosing the customer moves to Add item");
  for (const [i, item] of picked.entries()) {
    await page.keyboard.type(item.sku);
    await page.keyboard.press("Enter");
    await focused(page, `Line ${i + 1} quantity`);
    await page.keyboard.type(String((i % 9) + 2)); // replaces the selected default of 1
    await page.keyboard.press("Enter");
  }
  const byName = catalog[30];
  const words = byName.name.split(" ").slice(0, 3).join(" ");
  await page.keyboard.type(words);
  await answered(page, "desk-item");
  const choices = page.getByRole("listbox", { name: "Add item" }).getByRole("option");
  await choices.filter({ hasText: byName.sku }).waitFor();
  const options = await choices.allTextContents();
  // Once round the list (it wraps) and on to the item.
  const steps = options.length + options.findIndex((o) => o.includes(byName.sku));
  for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await focused(page, "Line 20 quantity");
  await page.keyboard.type("6");
  await page.keyboard.press("Enter");
  check(await itemField.evaluate((el) => el === document.activeElement), "Enter in a quantity goes back to Add item");

  // Each line priced for the customer with its explanation; the subtotal, tax and total are
  // the server's.
  const rows = page.locator(".desk-lines tbody tr");
  check((await rows.count()) === 20, `twenty lines, saw ${await rows.count()}`);
  const lines = [...picked.map((it, i) => ({ sku: it.sku, quantity: String((i % 9) + 2) })), { sku: byName.sku, quantity: "6" }];
  const expected = (await api(url, token, "POST", "/api/v1/pricing/quote", { customer: "C-1001", lines })).body;
  const grouped = (amount) => amount.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  await page.locator(".desk-total .desk-subtotal", { hasText: grouped(expected.subtotal) }).waitFor();
  await page.locator(".desk-total .desk-tax", { hasText: grouped(expected.tax) }).waitFor();
  await page.locator(".desk-total .desk-order-total", { hasText: grouped(expected.total) }).waitFor();
  check(cents(expected.tax) > 0, "the demo's C-1001 is taxed");
  for (const [i, line] of expected.lines.entries()) {
    const row = rows.nth(i);
    check((await row.getByLabel(`Line ${i + 1} SKU`).inputValue()) === line.sku, `line ${i + 1} is ${line.sku}`);
    await row.getByText(line.price_explanation, { exact: true }).waitFor();
    await row.getByRole("cell", { name: line.extended_amount, exact: true }).waitFor();
    check((await row.textContent()).includes(line.availability.warehouses[0].warehouse), `line ${i + 1} shows stock per warehouse`);
  }
  const shown = cents(await page.locator(".desk-total .desk-subtotal").textContent());
  check(shown === expected.lines.reduce((s, l) => s + cents(l.extended_amount), 0), "the subtotal adds the lines");

  // A PO number, then a quantity beyond the largest line: refused at that line, nothing placed.
  await page.getByLabel("PO number").focus();
  await page.keyboard.type("DESK-E2E-1");
  await page.getByLabel("Line 3 quantity").focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("5000000");
  await page.keyboard.press("Control+Enter");
  await page.getByRole("alert").getByText(/not placed/).waitFor();
  const bad = page.getByLabel("Line 3 quantity");
  check((await bad.getAttribute("aria-invalid")) === "true", "the bad quantity is marked");
  await page.locator(".desk-lines tr[data-line='3'] .field-error", { hasText: /at most/ }).waitFor();
  await accessible("order desk (a problem at its line)");
  quiet(); // the refused order's 400 is logged by the browser as a failed request
  const placedBefore = (await api(url, token, "GET", "/api/v1/orders?customer=C-1001&limit=200")).body.items;
  check(!placedBefore.some((o) => o.po_number === "DESK-E2E-1"), "a refused order is not placed");
  await bad.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("4");
  await page.locator(".desk-lines tr[data-line='3'] .field-error").waitFor({ state: "detached" });

  // The draft survives a reload.
  await page.reload();
  await page.getByRole("heading", { name: /Ridgeway Property Management/ }).waitFor();
  check((await rows.count()) === 20, "the draft's lines are back after a reload");
  check((await page.getByLabel("Line 3 quantity").inputValue()) === "4", "with their quantities");
  await page.locator(".desk-lines tbody tr .chip").first().waitFor();
  await shot("desk.png", { fullPage: true });
  await accessible("order desk (filled)");
  // On a tablet held upright the lines scroll sideways inside their box, the page does not.
  await page.setViewportSize({ width: 820, height: 1180 });
  await shot("desk-tablet.png");
  check(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "the desk fits a tablet's width");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The answer to the first "Place order" is lost; the retry sends the same draft with the
  // same Idempotency-Key (as a double click), and exactly one order is placed.
  let lost = false;
  await page.route("**/api/v1/orders", async (route) => {
    if (route.request().method() === "POST" && !lost) {
      lost = true;
      await route.fetch(); // the server places the order...
      return route.abort("connectionreset"); // ...and its answer never arrives
    }
    return route.continue();
  });
  await page.getByLabel("PO number").focus();
  await page.keyboard.press("Control+Enter");
  await page.getByRole("alert").getByText(/placed only once/).waitFor();
  quiet(); // the lost answer is logged by the browser as a failed request
  await page.getByRole("button", { name: "Place order" }).dblclick();
  const placedLink = page.getByRole("status").getByRole("link");
  await placedLink.waitFor();
  const number = (await placedLink.textContent()).trim();
  check((await placedLink.getAttribute("href")) === `#/orders/${number}`, "the message links to the order");
  const mine = (await api(url, token, "GET", "/api/v1/orders?customer=C-1001&limit=200")).body.items.filter(
    (o) => o.po_number === "DESK-E2E-1",
  );
  check(mine.length === 1 && mine[0].number === number, `one order for the draft, saw ${mine.map((o) => o.number)}`);
  const order = (await api(url, token, "GET", `/api/v1/orders/${number}`)).body;
  check(order.lines.length === 20 && order.channel === "phone", "the order has the draft's twenty lines, taken by phone");
  check((await rows.count()) === 0, "a fresh draft follows");
  await page.unroute("**/api/v1/orders");

  // A 200-line stocking order pasted from a spreadsheet: lines in one step, priced in one
  // request, the two unknown SKUs marked in place and still editable.
  await page.getByRole("combobox", { name: "Customer" }).focus();
  await page.keyboard.type("C-1002");
  await page.keyboard.press("Enter");
  await page.getByText("Credit limit").waitFor();
  const pasted = catalog.slice(0, 200).map((it, i) => [it.sku, String((i % 7) + 1), ""]);
  pasted[49][0] = "NOPE-0049";
  pasted[149][0] = "NOPE-0149";
  pasted[10][2] = catalog[10].pack_sizes[0]?.uom ?? "";
  const text = "SKU\tQty\tUnit\n" + pasted.map((r) => r.join("\t")).join("\n") + "\n";
  let quotes = 0;
  page.on("request", (r) => r.url().endsWith("/api/v1/pricing/quote") && quotes++);
  await itemField.focus();
  await itemField.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
  await page.locator(".desk-total", { hasText: "200 lines" }).waitFor();
  await page.locator(".desk-total", { hasText: "2 to fix" }).waitFor();
  for (const n of [50, 150]) {
    const sku = page.getByLabel(`Line ${n} SKU`);
    check((await sku.getAttribute("aria-invalid")) === "true", `line ${n}'s unknown SKU is marked`);
    await page.locator(`.desk-lines tr[data-line='${n}'] .field-error`, { hasText: "no item NOPE-" }).waitFor();
  }
  check(quotes === 1, `the pasted lines are priced in one request, saw ${quotes}`);
  check((await page.locator(".desk-lines [aria-invalid='true']").count()) === 2, "only the unknown SKUs are marked");
  // An unknown SKU corrected in place is priced like the others.
  await page.getByLabel("Line 50 SKU").fill(catalog[49].sku);
  await page.locator(".desk-total", { hasText: "1 to fix" }).waitFor();
  await accessible("order desk (200 pasted lines)");

  // Clear discards the draft, also after a reload.
  await page.getByRole("button", { name: "Clear" }).click();
  check((await rows.count()) === 0, "Clear empties the lines");

  // Rows pasted by the customer's own part numbers become lines of our SKUs in the part's unit,
  // keep the part number, and the placed order has it on its lines.
  const parts = (await api(url, token, "GET", "/api/v1/customers/C-1001/part-numbers")).body.items;
  check(parts.length >= 2, `the demo's C-1001 has part numbers, saw ${parts.length}`);
  await page.getByRole("combobox", { name: "Customer" }).focus();
  await page.keyboard.type("C-1001");
  await page.getByRole("option", { name: /C-1001/ }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByText("Credit limit").waitFor();
  await page.getByLabel("PO number").fill("DESK-E2E-PARTS");
  await itemField.focus();
  await itemField.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, `${parts[0].part_number}\t2\n${catalog[3].sku}\t1\n${parts[1].part_number}\t4\n`);
  await page.locator(".desk-total", { hasText: "3 lines" }).waitFor();
  check((await page.getByLabel("Line 1 SKU").inputValue()) === parts[0].sku, `line 1 is ${parts[0].part_number}'s SKU`);
  check((await page.getByLabel("Line 3 SKU").inputValue()) === parts[1].sku, `line 3 is ${parts[1].part_number}'s SKU`);
  await page.locator(".desk-lines tr[data-line='1'] .part-number", { hasText: parts[0].part_number }).waitFor();
  await page.locator(".desk-lines tr[data-line='3'] .part-number", { hasText: parts[1].part_number }).waitFor();
  check((await page.locator(".desk-lines tr[data-line='2'] .part-number").count()) === 0, "a line by our SKU has no part number");
  await page.locator(".desk-lines tr[data-line='3'] .chip").first().waitFor(); // priced

  // A configurable product chosen question by question: each question offers only what still
  // leads to a product; the line is priced as its SKU plus the answers' adjustments.
  await page.getByRole("button", { name: "Configure a product…" }).click();
  const models = page.getByLabel("Product", { exact: true });
  await page.waitForFunction(() => document.querySelectorAll("#configure-model option").length > 1);
  await models.selectOption({ index: 1 });
  for (let asked = 0; asked < 20; asked++) {
    const next = page.locator("#configure-next");
    const added = page.getByRole("button", { name: "Add configured line" });
    await Promise.race([next.waitFor(), added.waitFor()]);
    if (await added.isVisible()) break;
    const value = await next.evaluate((el) => [...el.options].find((o) => !o.disabled && o.value !== "")?.value);
    check(value !== undefined, "the next question offers a choice");
    await next.selectOption(value);
    await page.waitForFunction((before) => document.querySelectorAll(".configure-answers li").length > before, asked);
  }
  await accessible("order desk (configure a product)");
  await shot("desk-configure.png");
  const described = (await page.locator(".desk-configure [role=status]").textContent()).trim();
  await page.getByLabel("Quantity", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Add configured line" }).click();
  await page.locator(".desk-total", { hasText: "4 lines" }).waitFor();
  await page.locator(".desk-lines tr[data-line='4'] .configuration").waitFor();
  check(described.includes((await page.locator(".desk-lines tr[data-line='4'] .configuration").textContent()).trim()), `the line shows the configuration: ${described}`);
  await page.locator(".desk-lines tr[data-line='4'] .chip", { hasText: /configuration|list|tier|contract|promotion/ }).waitFor(); // priced
  await page.getByRole("button", { name: "Place order" }).click();
  const partsLink = page.getByRole("status").getByRole("link");
  await partsLink.waitFor();
  const partsOrder = (await api(url, token, "GET", `/api/v1/orders/${(await partsLink.textContent()).trim()}`)).body;
  check(
    partsOrder.po_number === "DESK-E2E-PARTS" &&
      partsOrder.lines[0].customer_part_number === parts[0].part_number &&
      partsOrder.lines[0].sku === parts[0].sku &&
      partsOrder.lines[0].uom === parts[0].uom &&
      !partsOrder.lines[1].customer_part_number &&
      partsOrder.lines[2].customer_part_number === parts[1].part_number,
    `the order's lines keep the part numbers: ${JSON.stringify(partsOrder.lines.map((l) => [l.sku, l.uom, l.customer_part_number]))}`,
  );
  check(
    partsOrder.lines.length === 4 && partsOrder.lines[3].configuration && partsOrder.lines[3].quantity === 2,
    `the configured line is ordered with its answers: ${JSON.stringify(partsOrder.lines[3])}`,
  );
  await page.reload();
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  check((await rows.count()) === 0, "and the cleared draft does not come back");
}

// Units of 1/10,000 of a "12.3400" price text.
function units(text) {
  const m = /^(\d+)\.(\d{1,4})$/.exec(text);
  check(m, `no price in "${text}"`);
  return Number(m[1]) * 10000 + Number(m[2].padEnd(4, "0"));
}

// "1234.50" from cents.
function decimal(c) {
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
}

// Sales matches a competitor's price on a line: refused at the line without a reason; with one,
// the line and totals are priced at it by the server before placing, and the order's page
// explains the price with the reason. A price 50% below the rules' breaks the demo's DISC-20
// rule (a discount over 20%), and the desk says the order waits for approval.
async function manualPrice({ page, url, passwords, shot, accessible, quiet }) {
  const token = await apiToken(url, "sales", passwords.sales);
  const catalog = (await api(url, token, "GET", "/api/v1/items?active=true&limit=20")).body.items;
  const item = catalog[2];
  const ruled = (await api(url, token, "POST", "/api/v1/pricing/quote", { customer: "C-1001", lines: [{ sku: item.sku, quantity: "4" }] })).body;
  const rule = ruled.lines[0];
  // 10% off the rules' price, in whole cents: under DISC-20's 20%.
  const manualCents = Math.floor((units(rule.unit_price) * 9) / 10 / 100);
  check(manualCents > 0, `the rules price ${item.sku} above zero: ${rule.unit_price}`);
  const manual = decimal(manualCents);

  await page.goto(`${url}/#/desk`);
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  await page.getByRole("combobox", { name: "Customer" }).focus();
  await page.keyboard.type("C-1001");
  await page.getByRole("option", { name: /C-1001/ }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByText("Credit limit").waitFor();
  await page.getByLabel("PO number").fill("DESK-E2E-MANUAL");
  const itemField = page.getByRole("combobox", { name: "Add item" });
  await itemField.focus();
  await page.keyboard.type(item.sku);
  await page.keyboard.press("Enter");
  await focused(page, "Line 1 quantity");
  await page.keyboard.type("4");
  const row = page.locator(".desk-lines tr[data-line='1']");
  await row.getByRole("cell", { name: rule.extended_amount, exact: true }).waitFor();

  // Without a reason the price is refused at the line: nothing changes, nothing is sent.
  let orders = 0;
  page.on("request", (r) => r.url().endsWith("/api/v1/orders") && r.method() === "POST" && orders++);
  await row.getByRole("button", { name: "Line 1: set a manual price" }).click();
  await page.getByLabel("Line 1 manual unit price").fill(manual);
  await page.getByLabel("Line 1 price reason").fill("");
  await row.getByRole("button", { name: "Apply" }).click();
  await row.locator(".field-error", { hasText: "A manual price needs a reason." }).waitFor();
  check((await page.getByLabel("Line 1 price reason").getAttribute("aria-invalid")) === "true", "the missing reason is marked");
  check((await row.locator(".chip", { hasText: "manual price" }).count()) === 0, "no manual price without a reason");
  await accessible("order desk (a manual price without its reason)");

  // With a reason: the line, its tax and the totals are the server's at that price.
  await page.getByLabel("Line 1 price reason").fill("Matched a competitor's quote");
  await row.getByRole("button", { name: "Apply" }).click();
  await row.locator(".chip", { hasText: "manual price: Matched a competitor's quote" }).waitFor();
  const expected = (
    await api(url, token, "POST", "/api/v1/pricing/quote", {
      customer: "C-1001",
      lines: [{ sku: item.sku, quantity: "4", unit_price: manual, override_reason: "Matched a competitor's quote" }],
    })
  ).body;
  check(expected.lines[0].price_source === "manual", `the API prices the line by hand: ${JSON.stringify(expected.lines[0])}`);
  check(cents(expected.lines[0].extended_amount) === 4 * manualCents, `4 at ${manual} is ${expected.lines[0].extended_amount}`);
  await row.getByRole("cell", { name: expected.lines[0].extended_amount, exact: true }).waitFor();
  const grouped = (amount) => amount.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  await page.locator(".desk-total .desk-subtotal", { hasText: grouped(expected.subtotal) }).waitFor();
  await page.locator(".desk-total .desk-tax", { hasText: grouped(expected.tax) }).waitFor();
  await page.locator(".desk-total .desk-order-total", { hasText: grouped(expected.total) }).waitFor();
  check(!(await page.locator(".desk").textContent()).includes("on save"), "the line is priced now, not on save");
  check(orders === 0, "nothing was placed before Place order");
  await shot("desk-manual-price.png");
  await accessible("order desk (a manual price)");

  await page.getByRole("button", { name: "Place order" }).click();
  const link = page.getByRole("status").getByRole("link");
  await link.waitFor();
  const number = (await link.textContent()).trim();
  const order = (await api(url, token, "GET", `/api/v1/orders/${number}`)).body;
  check(
    order.lines[0].price_source === "manual" &&
      order.lines[0].override_reason === "Matched a competitor's quote" &&
      order.lines[0].extended_amount === expected.lines[0].extended_amount &&
      order.total === expected.total,
    `the order is at the manual price: ${JSON.stringify(order.lines[0])} total ${order.total}`,
  );
  check(!order.holds.some((h) => h.kind === "approval"), `10% off waits for no approval: ${JSON.stringify(order.holds)}`);
  await link.click();
  await page.getByRole("heading", { name: new RegExp(number) }).first().waitFor();
  await page.getByRole("cell", { name: "manual price: Matched a competitor's quote" }).waitFor();
  check(units(order.lines[0].unit_price) === manualCents * 100, `the order's unit price is ${manual}: ${order.lines[0].unit_price}`);
  await page.getByRole("cell", { name: order.lines[0].unit_price, exact: true }).first().waitFor();

  // Half the rules' price: placed, and held for approval by DISC-20, which the desk says.
  await page.goto(`${url}/#/desk`);
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  await page.getByRole("combobox", { name: "Customer" }).focus();
  await page.keyboard.type("C-1001");
  await page.getByRole("option", { name: /C-1001/ }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByText("Credit limit").waitFor();
  await itemField.focus();
  await page.keyboard.type(item.sku);
  await page.keyboard.press("Enter");
  await focused(page, "Line 1 quantity");
  await page.keyboard.type("4");
  await row.getByRole("button", { name: "Line 1: set a manual price" }).click();
  await page.getByLabel("Line 1 manual unit price").fill(decimal(Math.floor(units(rule.unit_price) / 2 / 100)));
  await page.getByLabel("Line 1 price reason").fill("Clearance for a large account");
  await row.getByRole("button", { name: "Apply" }).click();
  await row.locator(".chip", { hasText: "manual price: Clearance" }).waitFor();
  await page.getByRole("button", { name: "Place order" }).click();
  const held = page.getByRole("status").filter({ hasText: "On hold for approval" });
  await held.waitFor();
  check((await held.textContent()).includes("DISC-20"), `the desk names the rule: ${await held.textContent()}`);
  const heldNumber = (await held.getByRole("link").textContent()).trim();
  const heldOrder = (await api(url, token, "GET", `/api/v1/orders/${heldNumber}`)).body;
  check(heldOrder.status === "on_hold" && heldOrder.holds.some((h) => h.kind === "approval"), `the order waits for approval: ${JSON.stringify(heldOrder.holds)}`);
}
