// End-to-end test of the customer portal (web/src/portal/) in a real browser over a fresh demo
// database (tests/web/harness.mjs): the portal user of customer C-1001 sees its own orders and
// no one else's, orders a past order again with one quantity changed (the new order's lines are
// checked through the API), opens an invoice's PDF, sees its balance and statement, requests a
// return (a quantity over what shipped is refused at its line first), and gets nothing of
// another customer's order, invoice or return opened by its address. axe-core checks every
// screen; screenshots portal-*.png.
//
//   node tests/web/portal_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn } from "./harness.mjs";

const CUSTOMER = "C-1001";

runBrowserTest("portal", async ({ page, url, passwords, shot, accessible, quiet }) => {
  const admin = await apiToken(url, "admin", passwords.admin);
  const api = async (method, path, body) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${admin}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json();
    check(r.ok, `${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };

  // Another customer's order, invoice and return, by their numbers as the admin sees them; the
  // demo has no return, so the admin authorizes one.
  const invoiced = (await api("GET", "/api/v1/orders?status=invoiced&limit=50")).items;
  const foreignOrders = invoiced.filter((o) => o.customer !== CUSTOMER);
  check(foreignOrders.length > 0, "the demo has invoiced orders of other customers");
  const foreignOrder = await api("GET", `/api/v1/orders/${foreignOrders[0].number}`);
  const foreignInvoice = (await api("GET", `/api/v1/invoices?order=${foreignOrder.number}`)).items[0];
  check(foreignInvoice && foreignInvoice.customer !== CUSTOMER, "the foreign order has an invoice");
  const shippedLine = foreignOrder.lines.find((l) => l.quantity_shipped > l.quantity_returned);
  const foreignReturn = await api("POST", "/api/v1/returns", {
    order: foreignOrder.number,
    lines: [{ line_no: shippedLine.line_no, quantity: 1, reason: "other" }],
  });

  // The menu is the portal's; the orders are C-1001's alone, exactly the API's first page of them.
  await signIn(page, url, "portal", passwords.portal);
  await page.getByRole("heading", { name: "Your orders" }).waitFor();
  const menu = await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
  check(JSON.stringify(menu) === JSON.stringify(["Orders", "Invoices", "Quotes", "Statement", "Returns"]), `portal menu: ${menu}`);
  const rows = page.locator("tbody tr");
  await rows.first().waitFor();
  const shown = await page.locator("tbody tr td:first-child").allTextContents();
  const own = (await api("GET", `/api/v1/orders?customer=${CUSTOMER}&limit=25`)).items.map((o) => o.number);
  check(JSON.stringify(shown) === JSON.stringify(own), `portal orders ${shown} are not ${CUSTOMER}'s ${own}`);
  check((await page.locator("tbody .chip").count()) === shown.length, "every order has a status chip");
  await shot("portal-orders.png");
  await accessible("portal orders");

  // A past order that was invoiced: its lines, shipments with tracking, and invoices.
  await page.getByLabel("Status").selectOption("invoiced");
  await page.waitForFunction(() => {
    const chips = [...document.querySelectorAll("tbody .chip")];
    return chips.length > 0 && chips.every((c) => c.textContent === "invoiced");
  });
  const pastNumber = (await rows.first().locator("td").first().textContent()).trim();
  const past = await api("GET", `/api/v1/orders/${pastNumber}`);
  check(past.customer === CUSTOMER, `${pastNumber} is ${past.customer}'s`);
  await rows.first().getByRole("link", { name: pastNumber }).click();
  await page.getByRole("heading", { name: `Order ${pastNumber}` }).waitFor();
  await page.getByRole("heading", { name: "Shipments" }).waitFor();
  const shipments = (await api("GET", `/api/v1/shipments?order=${pastNumber}`)).items;
  for (const s of shipments.filter((s) => s.tracking_number))
    await page.getByRole("cell", { name: s.tracking_number, exact: true }).waitFor();
  const pastInvoices = (await api("GET", `/api/v1/invoices?order=${pastNumber}`)).items;
  check(pastInvoices.length > 0, `${pastNumber} has invoices`);
  for (const i of pastInvoices) await page.getByRole("link", { name: i.number, exact: true }).waitFor();
  await shot("portal-order.png", { fullPage: true });
  await accessible("portal order");
  // On a tablet the page fits its width: nothing to scroll sideways.
  await page.setViewportSize({ width: 768, height: 1024 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `the order page is ${overflow}px wider than a tablet`);
  await shot("portal-order-tablet.png", { fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Order it again with the first line's quantity changed; a double click places one order.
  const before = (await api("GET", `/api/v1/orders?customer=${CUSTOMER}&limit=1`)).items[0].number;
  await page.getByRole("link", { name: "Order again" }).click();
  await page.getByRole("heading", { name: `Order again from ${pastNumber}` }).waitFor();
  const copied = past.lines.filter((l) => l.quantity > l.quantity_cancelled);
  check((await page.locator("tbody tr").count()) === copied.length, "the draft copies the order's lines");
  const changed = copied[0];
  const quantity = page.getByRole("textbox", { name: `Quantity ${changed.sku}` });
  check((await quantity.inputValue()) === String(changed.entered_quantity), "the draft keeps the quantity as entered");
  await page.getByLabel("Your PO number").fill("REORDER-1");
  // A quantity of 0 is refused at its line and places nothing; corrected, the same draft places.
  await quantity.fill("0");
  await quantity.press("Enter");
  await page.getByRole("row", { name: new RegExp(changed.sku) }).getByText("a quantity must be positive").waitFor();
  await page.getByRole("alert").waitFor();
  quiet(); // the refused placement's 400 is logged by the browser as a failed request
  const unchanged = (await api("GET", `/api/v1/orders?customer=${CUSTOMER}&limit=1`)).items[0].number;
  check(unchanged === before, `a refused draft placed ${unchanged}`);
  await quantity.fill(String(changed.entered_quantity + 3));
  check((await page.getByRole("alert").count()) === 0, "the corrected draft still shows the refusal");
  await shot("portal-reorder.png", { fullPage: true });
  await accessible("portal reorder");
  await page.getByRole("button", { name: /^Place order/ }).dblclick();
  await page.getByRole("status").getByText(/was placed/).waitFor();
  const placedNumber = page.url().match(/#\/orders\/([^?/]+)\?placed$/)?.[1];
  check(placedNumber && placedNumber !== pastNumber, `the new order's page: ${page.url()}`);
  const newest = (await api("GET", `/api/v1/orders?customer=${CUSTOMER}&limit=3`)).items.map((o) => o.number);
  check(newest[0] === placedNumber && newest[1] === before, `one order placed, not ${newest}`);
  const placed = await api("GET", `/api/v1/orders/${placedNumber}`);
  check(
    placed.customer === CUSTOMER && placed.channel === "portal" && placed.po_number === "REORDER-1",
    `placed for ${placed.customer} through ${placed.channel} with PO ${placed.po_number}`,
  );
  const want = copied.map((l, i) => `${l.sku}:${i === 0 ? l.entered_quantity + 3 : l.entered_quantity}${l.uom}`);
  const got = placed.lines.map((l) => `${l.sku}:${l.entered_quantity}${l.uom}`);
  check(JSON.stringify(got) === JSON.stringify(want), `the new order's lines ${got} are not ${want}`);

  // Invoices: the balance as the API has it (overdue: the past-due aging buckets), and a PDF.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
  await page.getByRole("heading", { name: "Balance" }).waitFor();
  const statement = await api("GET", `/api/v1/customers/${CUSTOMER}/statement`);
  const credit = await api("GET", `/api/v1/customers/${CUSTOMER}/credit`);
  const cents = (s) => BigInt(s.replace(".", ""));
  const a = statement.aging;
  const overdue = cents(a.d1_30) + cents(a.d31_60) + cents(a.d61_90) + cents(a.d90_plus);
  const tile = async (name) => (await page.locator(".tiles > div", { hasText: name }).locator("dd").textContent()).trim();
  check((await tile("Balance due")) === `${statement.closing_balance} USD`, `balance due ${await tile("Balance due")}`);
  check(cents((await tile("Overdue")).split(" ")[0]) === overdue, `overdue ${await tile("Overdue")} is not ${overdue}`);
  check((await tile("Credit available")) === `${credit.available_credit} USD`, `credit ${await tile("Credit available")}`);
  const openPage = await api("GET", `/api/v1/invoices?customer=${CUSTOMER}&status=open&limit=25`);
  const openInvoices = openPage.items.map((i) => i.number);
  await page.locator("tbody tr").first().waitFor();
  const listed = await page.locator("tbody tr td:first-child").allTextContents();
  check(JSON.stringify(listed) === JSON.stringify(openInvoices), `open invoices ${listed} are not ${openInvoices}`);
  await shot("portal-invoices.png", { fullPage: true });
  await accessible("portal invoices");
  const invoice = openInvoices[0];
  const [pdf, tab] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${invoice}.pdf`)),
    page.context().waitForEvent("page"),
    page.getByRole("button", { name: `Invoice PDF ${invoice}` }).click(),
  ]);
  check(pdf.status() === 200, `the invoice PDF answered ${pdf.status()}`);
  check(pdf.headers()["content-type"] === "application/pdf", `the invoice PDF is ${pdf.headers()["content-type"]}`);
  // The browser's response body is not kept for a blob read; the same document through the
  // API with the portal user's own token is a PDF.
  const portalToken = await page.evaluate(() => localStorage.getItem("ordo.token"));
  const direct = await fetch(`${url}/api/v1/invoices/${invoice}.pdf`, {
    headers: { Authorization: `Bearer ${portalToken}` },
  });
  const head = Buffer.from(await direct.arrayBuffer()).subarray(0, 5).toString();
  check(direct.status === 200 && head === "%PDF-", `the invoice PDF: ${direct.status} ${JSON.stringify(head)}`);
  await tab.close();
  await page.getByRole("link", { name: invoice, exact: true }).click();
  await page.getByRole("heading", { name: `Invoice ${invoice}` }).waitFor();
  await accessible("portal invoice");

  // The statement: the API's lines and closing balance.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statement" }).click();
  await page.getByRole("heading", { name: "Statement of account" }).waitFor();
  await page.getByRole("row", { name: /Closing balance/ }).getByText(statement.closing_balance).waitFor();
  check((await page.locator("tbody tr").count()) >= statement.lines.length + 2, "the statement shows every line");
  // Its PDF opens in a new tab (fetched with the portal user's token).
  const [statementPdf] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/api/v1/customers/${CUSTOMER}/statement.pdf`)),
    page.getByRole("button", { name: "Statement PDF" }).click(),
  ]);
  check(
    statementPdf.status() === 200 && statementPdf.headers()["content-type"] === "application/pdf",
    `the statement PDF answered ${statementPdf.status()} ${statementPdf.headers()["content-type"]}`,
  );
  await shot("portal-statement.png", { fullPage: true });
  await accessible("portal statement");

  // A return of the past order: more than shipped is refused at its line, then one unit is
  // authorized and listed with its status.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns" }).click();
  await page.getByRole("heading", { name: "Returns" }).waitFor();
  await page.getByRole("link", { name: "Request a return" }).click();
  await page.getByLabel("Order").selectOption(pastNumber);
  const line = past.lines.find((l) => l.quantity_shipped > 0);
  const returnQuantity = page.getByRole("textbox", { name: `Quantity to return ${line.sku}` });
  await returnQuantity.fill(String(line.quantity_shipped + 1));
  await page.getByLabel("Reason").selectOption("damaged");
  await shot("portal-return-request.png", { fullPage: true });
  await accessible("portal return request");
  await page.getByRole("button", { name: "Request return" }).click();
  await page.getByText(`at most ${line.quantity_shipped} of line ${line.line_no}`).waitFor();
  quiet(); // the refused request's 400 is logged by the browser as a failed request
  await returnQuantity.fill("1");
  const stale = await page.getByText(`at most ${line.quantity_shipped}`).count();
  check(stale === 0, "the corrected request still shows the refusal");
  await returnQuantity.press("Enter");
  await page.getByRole("status").getByText(/is authorized/).waitFor();
  const rmaNumber = page.url().match(/#\/returns\/([^?/]+)\?requested$/)?.[1];
  const rma = await api("GET", `/api/v1/returns/${rmaNumber}`);
  check(rma.customer === CUSTOMER && rma.order === pastNumber, `the return ${rmaNumber} is of ${rma.order}`);
  const rmaLines = JSON.stringify(rma.lines.map((l) => [l.line_no, l.quantity, l.reason]));
  check(rmaLines === JSON.stringify([[line.line_no, 1, "damaged"]]), `the return's lines: ${rmaLines}`);
  await page.getByRole("link", { name: "← Returns" }).click();
  await page.getByRole("row", { name: new RegExp(rmaNumber) }).getByText("authorized").waitFor();
  await shot("portal-returns.png");
  await accessible("portal returns");

  // The goods arrive (the warehouse's side, here through the API): the return is received and
  // its credit memo's PDF opens.
  const warehouse = (await api("GET", "/api/v1/warehouses")).items[0].code;
  const received = await api("POST", `/api/v1/returns/${rmaNumber}/receive`, {
    warehouse,
    lines: [{ line_no: line.line_no, quantity: 1, disposition: "restock" }],
  });
  const memo = received.credit_memo.number;
  await page.getByRole("link", { name: rmaNumber, exact: true }).click();
  await page.getByRole("heading", { name: `Return ${rmaNumber}` }).getByText("received").waitFor();
  await page.getByRole("cell", { name: memo, exact: true }).waitFor();
  const [memoPdf, memoTab] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/v1/credit-memos/${memo}.pdf`)),
    page.context().waitForEvent("page"),
    page.getByRole("button", { name: `Credit memo PDF ${memo}` }).click(),
  ]);
  check(memoPdf.status() === 200 && memoPdf.headers()["content-type"] === "application/pdf", "the credit memo PDF");
  await memoTab.close();
  await shot("portal-return.png");
  await accessible("portal return");

  // Another customer's order, invoice and return by their addresses: "not found", nothing of them.
  const refused = [
    [`#/orders/${foreignOrder.number}`, `There is no order ${foreignOrder.number}.`],
    [`#/orders/${foreignOrder.number}/reorder`, `There is no order ${foreignOrder.number}.`],
    [`#/invoices/${foreignInvoice.number}`, `There is no invoice ${foreignInvoice.number}.`],
    [`#/returns/${foreignReturn.number}`, `There is no return ${foreignReturn.number}.`],
    [`#/returns/new/${foreignOrder.number}`, `There is no order ${foreignOrder.number}.`],
  ];
  for (const [hash, message] of refused) {
    await page.goto(`${url}/${hash}`);
    await page.getByRole("alert").getByText(message).waitFor();
    const text = await page.locator("main").textContent();
    check(!text.includes(foreignOrder.customer) && !text.includes(shippedLine.sku), `${hash} shows something of it: ${text}`);
    check((await page.locator("main table").count()) === 0, `${hash} shows a table`);
    quiet(); // the refused read's 404 is logged by the browser as a failed request
  }
});
