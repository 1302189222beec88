// The warehouse screens end to end (tests/web/harness.mjs): a real `ordo serve` over a fresh
// demo database, Debian's chromium driven by playwright-core.
//
//   node tests/web/warehouse_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
//
// Sales sees none of the warehouse screens in its menu. The warehouse user picks the oldest
// order of the queue that may ship in part short on one line and ships it with carrier and
// tracking (a missing tracking number is refused at its field first); the API then shows the
// shipment confirmed with the short quantity and the order partially shipped. The packing
// slip opens as a PDF. A pick list someone else confirms meanwhile is said plainly, with a
// reload. Stock is received (an unknown SKU refused at its line first) and the on-hand shown
// is the API's. A return authorized by sales is received, part restocked, part scrapped.
// axe-core checks every screen; screenshots: warehouse-queue, pick (and pick-tablet, which must
// not scroll sideways), receipts, return-receipts.
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

const WAREHOUSE_SCREENS = ["Picking", "Receipts", "Return receipts"];

runBrowserTest("warehouse", async ({ page, url, passwords, shot, accessible, quiet }) => {
  const api = async (token, method, path, body) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  const sales = await apiToken(url, "sales", passwords.sales);
  const warehouse = await apiToken(url, "warehouse", passwords.warehouse);

  // Sales: the orders, none of the warehouse's screens.
  await signIn(page, url, "sales", passwords.sales);
  await page.getByRole("heading", { name: "Orders" }).waitFor();
  const salesMenu = await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
  for (const screen of WAREHOUSE_SCREENS) check(!salesMenu.includes(screen), `sales sees ${screen} in ${salesMenu}`);
  await signOut(page);

  // A return for the warehouse to receive: sales authorizes one on a shipped order (2 units of
  // a line that shipped at least 2) unless the demo has one waiting.
  let waiting = (await api(sales, "GET", "/api/v1/returns?status=authorized&limit=1")).body.items;
  if (waiting.length === 0) {
    const shipped = (await api(sales, "GET", "/api/v1/shipments?status=shipped&limit=100")).body.items;
    const source = shipped.find((s) => s.lines.some((l) => l.quantity_shipped >= 2));
    check(source, "the demo has a shipped line of 2 units or more");
    const line = source.lines.find((l) => l.quantity_shipped >= 2);
    const made = await api(sales, "POST", "/api/v1/returns", {
      order: source.order,
      lines: [{ line_no: line.line_no, quantity: 2, reason: "damaged" }],
    });
    check(made.status === 201, `authorizing a return answered ${made.status} ${JSON.stringify(made.body)}`);
    waiting = [made.body];
  }
  const rma = waiting[0];

  // The queue's oldest orders that may ship in part with a line of 2 units or more, in the
  // warehouse the screen opens on (the first).
  const code = (await api(warehouse, "GET", "/api/v1/warehouses")).body.items[0].code;
  const queue = (await api(warehouse, "GET", `/api/v1/warehouses/${code}/pick-queue?limit=50`)).body.items;
  const candidates = [];
  for (const entry of queue) {
    if (entry.pick_list || entry.quantity <= entry.lines) continue;
    const order = (await api(warehouse, "GET", `/api/v1/orders/${entry.order}`)).body;
    if (order.allow_partial_shipment) candidates.push({ entry, order });
    if (candidates.length === 2) break;
  }
  check(candidates.length === 2, `the demo's ${code} queue has two orders to pick short (${queue.length} waiting)`);
  const [{ entry: first, order: firstBefore }, { entry: second }] = candidates;

  // The warehouse user's menu and queue: oldest first.
  await signIn(page, url, "warehouse", passwords.warehouse);
  await page.getByRole("heading", { name: "Orders" }).waitFor();
  const menu = await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
  for (const screen of WAREHOUSE_SCREENS) check(menu.includes(screen), `warehouse lacks ${screen} in ${menu}`);
  await page.getByRole("link", { name: "Picking" }).click();
  await page.getByRole("heading", { name: "Picking queue" }).waitFor();
  await page.getByRole("button", { name: `Pick ${first.order}` }).waitFor();
  const shown = await page.locator("tbody tr td:first-child").allTextContents();
  check(shown[0] === queue[0].order, `the queue starts with ${shown[0]}, the API's oldest is ${queue[0].order}`);
  const placed = queue.map((e) => e.placed_at);
  check(placed.every((t, i) => i === 0 || placed[i - 1] <= t), "the queue is oldest first");
  await shot("warehouse-queue.png");
  await accessible("picking queue");

  // Pick the first order: its pick list opens with SKUs and descriptions.
  await page.getByRole("button", { name: `Pick ${first.order}` }).click();
  await page.getByRole("heading", { name: /Pick list SH-/ }).waitFor();
  const shipmentNumber = decodeURIComponent(page.url().split("#/picking/")[1]);
  const pickList = (await api(warehouse, "GET", `/api/v1/shipments/${shipmentNumber}`)).body;
  check(pickList.status === "picking" && pickList.order === first.order, `the pick list is ${JSON.stringify(pickList)}`);
  const item = (await api(warehouse, "GET", `/api/v1/items/${pickList.lines[0].sku}`)).body;
  await page.locator("tbody").getByText(item.name, { exact: true }).first().waitFor();
  const shortIndex = pickList.lines.findIndex((l) => l.quantity >= 2);
  const shortLine = pickList.lines[shortIndex];
  check(shortLine, "the pick list has a line of 2 units or more");

  // Short on that line by one; carrier, service and a package, but no tracking number: refused
  // at its field, which gets the focus.
  const picked = page.locator(`#f-lines-${shortIndex}-quantity`);
  await picked.fill(String(shortLine.quantity - 1));
  await page.getByText(`Short pick on line ${shortLine.line_no}`).waitFor();
  await page.getByLabel("Carrier").fill("UPS");
  await page.getByLabel("Service").fill("Ground");
  await page.getByLabel("Package 1 weight").fill("12.5");
  await page.getByRole("button", { name: "Confirm shipment" }).click();
  await page.getByText("Enter the tracking number.").waitFor();
  check(
    await page.getByLabel("Tracking number").evaluate((e) => e === document.activeElement),
    "the refused field has the focus",
  );
  await shot("pick.png", { fullPage: true });
  await accessible("pick list");
  // On a tablet held upright the pick list fits its width.
  await page.setViewportSize({ width: 820, height: 1180 });
  check(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    "the pick list scrolls sideways on a tablet",
  );
  await shot("pick-tablet.png");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Enter in the tracking number submits the pick list.
  await page.getByLabel("Tracking number").fill("1ZWAREHOUSE01");
  await page.getByLabel("Tracking number").press("Enter");
  await page.locator("h1 .chip", { hasText: "shipped" }).waitFor();
  await page.getByText(`${shortLine.quantity - 1} (short)`).waitFor();

  // The API agrees: confirmed with the short quantity and the carrier, and the order moved.
  const confirmed = (await api(warehouse, "GET", `/api/v1/shipments/${shipmentNumber}`)).body;
  check(confirmed.status === "shipped", `the shipment is ${confirmed.status}`);
  check(confirmed.carrier === "UPS" && confirmed.tracking_number === "1ZWAREHOUSE01", "carrier and tracking stored");
  const stored = confirmed.lines.find((l) => l.line_no === shortLine.line_no);
  check(stored.quantity_shipped === shortLine.quantity - 1, `line ${shortLine.line_no} shipped ${stored.quantity_shipped}`);
  check(confirmed.invoice, "the shipment was invoiced");
  const orderAfter = (await api(warehouse, "GET", `/api/v1/orders/${first.order}`)).body;
  check(
    orderAfter.status === "partially_shipped" && orderAfter.status !== firstBefore.status,
    `order ${first.order} went from ${firstBefore.status} to ${orderAfter.status}`,
  );

  // The packing slip: fetched with the token as a PDF, opened in a new tab.
  const [slip, popup] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/v1/shipments/${shipmentNumber}/packing-slip.pdf`)),
    page.waitForEvent("popup"),
    page.getByRole("button", { name: "Packing slip PDF" }).click(),
  ]);
  check(slip.status() === 200, `the packing slip answered ${slip.status()}`);
  check(slip.headers()["content-type"] === "application/pdf", `the packing slip is ${slip.headers()["content-type"]}`);
  await popup.close();

  // Someone else confirms a pick list while it is open here: said plainly, with a reload.
  await page.getByRole("link", { name: "Back to the picking queue" }).click();
  await page.getByRole("button", { name: `Pick ${second.order}` }).click();
  await page.getByRole("heading", { name: /Pick list SH-/ }).waitFor();
  const other = decodeURIComponent(page.url().split("#/picking/")[1]);
  const elsewhere = await api(warehouse, "POST", `/api/v1/shipments/${other}/confirm`, {
    carrier: "XPO",
    service: "LTL",
    tracking_number: "XP123",
    packages: [{ weight: "40" }],
  });
  check(elsewhere.status === 200, `the other confirmation answered ${elsewhere.status}`);
  await page.getByLabel("Carrier").fill("UPS");
  await page.getByLabel("Service").fill("Ground");
  await page.getByLabel("Tracking number").fill("1ZLATE");
  await page.getByLabel("Package 1 weight").fill("3");
  await page.getByRole("button", { name: "Confirm shipment" }).click();
  await page.getByRole("alert").filter({ hasText: /This could not be done: .*If someone else changed this pick list meanwhile/ }).waitFor();
  quiet(); // the refused confirmation's 409 is logged by the browser as a failed request
  await page.getByRole("button", { name: "Reload the pick list" }).click();
  await page.locator("h1 .chip", { hasText: "shipped" }).waitFor();
  await page.getByText(/by XPO LTL, tracking XP123/).waitFor();

  // Receipts: an unknown SKU is refused at its line; then the stock is received and the
  // on-hand shown is the API's.
  const sku = shortLine.sku;
  const before = (await api(warehouse, "GET", `/api/v1/items/${sku}/availability`)).body;
  const onHandBefore = before.warehouses.find((w) => w.warehouse === code).on_hand;
  await page.getByRole("link", { name: "Receipts", exact: true }).click();
  await page.getByRole("heading", { name: "Receipts", exact: true }).waitFor();
  await page.getByLabel("Reference (delivery note, PO)").fill("PO-77001");
  await page.locator("#f-lines-0-sku").fill("NO-SUCH-SKU");
  await page.locator("#f-lines-0-quantity").fill("24");
  await page.getByRole("button", { name: "Receive stock" }).click();
  await page.locator("#f-lines-0-sku-error").getByText("no item NO-SUCH-SKU").waitFor();
  quiet(); // the refused receipt's 400
  await page.locator("#f-lines-0-sku").fill(sku);
  await page.getByRole("button", { name: "Add a line" }).click();
  await page.locator("#f-lines-1-sku").waitFor();
  await page.locator("#f-lines-0-quantity").press("Enter");
  const result = page.getByRole("status");
  await result.getByRole("heading", { name: `Received into ${code} (PO-77001)` }).waitFor();
  const after = (await api(warehouse, "GET", `/api/v1/items/${sku}/availability`)).body;
  const onHandAfter = after.warehouses.find((w) => w.warehouse === code).on_hand;
  check(onHandAfter === onHandBefore + 24, `on hand went from ${onHandBefore} to ${onHandAfter}`);
  const cells = await result.locator("tbody tr td").allTextContents();
  check(cells[0] === sku && cells[1] === "24" && cells[2] === String(onHandAfter), `the receipt shows ${cells}`);
  await shot("receipts.png", { fullPage: true });
  await accessible("receipts");

  // Return receipts: the return waits in the list; one unit restocked, the rest scrapped.
  await page.getByRole("link", { name: "Return receipts" }).click();
  await page.getByRole("heading", { name: "Return receipts", exact: true }).waitFor();
  await page.getByRole("link", { name: `Receive ${rma.number}` }).waitFor();
  await accessible("returns waiting");
  await page.getByRole("link", { name: `Receive ${rma.number}` }).click();
  await page.getByRole("heading", { name: new RegExp(`Return ${rma.number}`) }).waitFor();
  const rmaLine = rma.lines.find((l) => l.quantity > l.quantity_received);
  const toCome = rmaLine.quantity - rmaLine.quantity_received;
  const restock = page.locator(`#f-${rmaLine.line_no}-restock`);
  const scrap = page.locator(`#f-${rmaLine.line_no}-scrap`);
  check((await restock.inputValue()) === String(toCome), "everything still to come is restocked by default");
  await scrap.fill(String(toCome + 1));
  await page.getByRole("button", { name: "Receive return" }).click();
  await page.getByText(`Restock and scrap together are at most the ${toCome} still to come.`).waitFor();
  await restock.fill(String(toCome - 1));
  await scrap.fill("1");
  await page.getByText("still to come.").first().waitFor({ state: "detached" }); // gone once its field is edited
  await shot("return-receipts.png", { fullPage: true });
  await accessible("return receipt");
  await scrap.press("Enter");

  const outcome = page.locator("main [role=status], main [role=alert]").first();
  await outcome.waitFor();
  check(/Credit memo CM-\d+ for/.test(await outcome.innerText()), `receiving the return: ${await outcome.innerText()}`);
  const received = (await api(warehouse, "GET", `/api/v1/returns/${rma.number}`)).body;
  const receivedLine = received.lines.find((l) => l.line_no === rmaLine.line_no);
  check(receivedLine.quantity_received === rmaLine.quantity, `the return line received ${receivedLine.quantity_received}`);
  const dispositions = received.receipts.filter((x) => x.line_no === rmaLine.line_no).map((x) => x.disposition).sort();
  check(
    JSON.stringify(dispositions) === (toCome > 1 ? '["restock","scrap"]' : '["scrap"]'),
    `the receipts were ${dispositions}`,
  );
});
