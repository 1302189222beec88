// The receivables screens end to end (tests/web/harness.mjs): the AR clerk finds a customer by
// name and sees its open invoices; records one payment applied to two invoices (one with its
// early-pay discount) that leaves cash unapplied, and applies that cash later; clicks an aging
// bucket and sees exactly its invoices; opens a statement; releases a credit hold that sales
// entered; applies a credit memo. A sales manager is refused the release of a hold on an order
// they entered, and the screen says why. Every change is checked through the API too (balances,
// the payment, the ledger's trial balance), and axe-core checks every screen.
//
//   node tests/web/receivables_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

// A JSON call of the API as `token`: { status, body }.
async function api(url, token, method, path, body) {
  const r = await fetch(url + path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

async function get(url, token, path) {
  const r = await api(url, token, "GET", path);
  check(r.status === 200, `GET ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function allPages(url, token, path) {
  const out = [];
  let cursor = null;
  do {
    const page = await get(url, token, `${path}&limit=500${cursor ? `&cursor=${cursor}` : ""}`);
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

// "1,234.56" or "-0.50" → cents, exactly.
function cents(text) {
  const m = text.trim().replace(/,/g, "").match(/^(-?)(\d+)\.(\d\d)$/);
  check(m, `not an amount: "${text}"`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}
const money = (c) => `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`;

// Half-to-even percent of an amount in cents, as the server rounds document amounts.
function percentOf(c, percent) {
  const bp = Math.round(Number(percent) * 100);
  const whole = Math.floor((c * bp) / 10000);
  const rest = c * bp - whole * 10000;
  return rest > 5000 || (rest === 5000 && whole % 2 === 1) ? whole + 1 : whole;
}

const today = new Date().toISOString().slice(0, 10);

runBrowserTest("receivables", async ({ page, url, passwords, shot, accessible, quiet }) => {
  const clerk = await apiToken(url, "arclerk", passwords.arclerk);
  const sales = await apiToken(url, "sales", passwords.sales);
  const manager = await apiToken(url, "manager", passwords.manager);
  const warehouse = await apiToken(url, "warehouse", passwords.warehouse);

  // A customer with three open unpaid invoices, one of them inside its early-pay window.
  const open = await allPages(url, clerk, "/api/v1/invoices?status=open");
  const byCustomer = new Map();
  for (const v of open) {
    if (v.balance !== v.total || cents(v.balance) < 1000) continue;
    byCustomer.set(v.customer, [...(byCustomer.get(v.customer) ?? []), v]);
  }
  const discounted = (v) => v.discount_percent !== "0" && v.discount_date && v.discount_date >= today;
  const payer = [...byCustomer.entries()].find(([, vs]) => vs.length >= 3 && vs.some(discounted));
  check(payer, "the demo has a customer with three open invoices, one in its discount window");
  const [payerCode, payerInvoices] = payer;
  const withDiscount = payerInvoices.find(discounted);
  const [plain, later] = payerInvoices.filter((v) => v !== withDiscount);
  const payerCustomer = await get(url, clerk, `/api/v1/customers/${payerCode}`);

  // The clerk's menu holds the receivables screens.
  await signIn(page, url, "arclerk", passwords.arclerk);
  for (const title of ["Receivables", "Cash receipts", "Aging", "Statements", "Credit holds", "Credit memos"]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: title, exact: true }).waitFor();
  }

  // Open invoices: the customer found by its name; due dates, days past due, PDFs.
  await page.goto(`${url}/#/receivables`);
  await page.getByLabel("Customer (code or name)").fill(payerCustomer.name);
  await page.getByLabel("Customer (code or name)").press("Enter");
  await page.getByRole("heading", { name: `Open invoices of ${payerCode}` }).waitFor();
  await page.locator("table.invoices tbody tr").first().waitFor();
  const listed = await page.locator("table.invoices tbody tr td:first-child").allTextContents();
  const expected = open.filter((v) => v.customer === payerCode).map((v) => v.number);
  check(
    listed.length === expected.length && expected.every((n) => listed.includes(n)),
    `open invoices of ${payerCode}: listed ${listed.length}, the API has ${expected.length}`,
  );
  await page.getByRole("button", { name: `PDF ${plain.number}` }).waitFor();
  await shot("receivables.png", { fullPage: true });
  await accessible("open invoices");

  // A cash receipt: a bad amount is refused at its field before anything is sent.
  await page.getByRole("link", { name: "Record a payment" }).click();
  await page.getByRole("heading", { name: `Cash receipt from ${payerCode}` }).waitFor();
  await page.getByLabel("Amount received").fill("12.345");
  await page.getByRole("button", { name: "Record payment" }).click();
  await page.locator("#receipt-amount-error").getByText("Type the amount received").waitFor();
  check(
    (await page.getByLabel("Amount received").getAttribute("aria-describedby")) === "receipt-amount-error",
    "the amount's problem is tied to its input",
  );

  // Two invoices settled in full, one with its discount, and 10.00 left unapplied.
  await page.getByRole("button", { name: `Pay ${plain.number} in full` }).click();
  await page.getByRole("button", { name: `Pay ${withDiscount.number} in full` }).click();
  const discount = percentOf(cents(withDiscount.total), withDiscount.discount_percent);
  check(discount > 0, `${withDiscount.number} allows a discount`);
  check(
    (await page.getByLabel(`Discount on ${withDiscount.number}`).inputValue()) === money(discount),
    `the discount on ${withDiscount.number} is ${money(discount)}`,
  );
  // The other invoice may be inside its window too: then it is settled with its discount.
  const plainDiscount = discounted(plain) ? percentOf(cents(plain.total), plain.discount_percent) : 0;
  const applied = cents(plain.balance) - plainDiscount + cents(withDiscount.balance) - discount;
  await page.getByLabel("Amount received").fill(money(applied + 1000));
  await page.getByLabel("Reference (check or transfer no.)").fill("CHK-55123");
  const totals = page.locator("form.receipt dl.totals");
  await totals.getByText(money(applied), { exact: true }).waitFor();
  check((await totals.locator("dd").nth(3).textContent()) === "10.00", "10.00 is left unapplied");
  // The whole form in one picture: a window as tall as the page keeps the totals, which stick
  // to the window's foot, under the table where they belong.
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: tall });
  await shot("cash-receipt.png");
  await page.setViewportSize({ width: 1280, height: 800 });
  await accessible("cash receipt");
  await page.getByLabel("Reference (check or transfer no.)").press("Enter");
  const recorded = page.getByRole("status").filter({ hasText: "recorded" });
  await recorded.waitFor();
  const paymentNumber = (await recorded.textContent()).match(/PM-\d+/)[0];

  // Through the API: both invoices are paid (one with the discount), the cash left is on the
  // payment, and the ledger is balanced.
  for (const v of [plain, withDiscount]) {
    const now = await get(url, clerk, `/api/v1/invoices/${v.number}`);
    check(now.balance === "0.00" && now.status === "paid", `${v.number} is paid: ${now.balance} ${now.status}`);
  }
  const settled = await get(url, clerk, `/api/v1/invoices/${withDiscount.number}`);
  check(settled.discount_taken === money(discount), `${withDiscount.number} took ${settled.discount_taken}`);
  let payment = await get(url, clerk, `/api/v1/payments/${paymentNumber}`);
  check(payment.amount === money(applied + 1000) && payment.unapplied === "10.00", `payment ${JSON.stringify(payment)}`);
  check(payment.reference === "CHK-55123" && payment.applications.length === 2, "the payment's reference and applications");
  const trial = await get(url, clerk, "/api/v1/ledger/trial-balance");
  check(trial.balanced === true && trial.total_debit === trial.total_credit, "the ledger stays balanced");

  // The unapplied cash, applied later to a third invoice.
  await page.getByRole("link", { name: `Apply ${paymentNumber}` }).click();
  await page.getByRole("button", { name: `Apply ${paymentNumber}` }).waitFor();
  await page.getByLabel(`Apply to ${later.number}`).fill("10");
  await page.getByRole("button", { name: `Apply ${paymentNumber}` }).click();
  await page.getByRole("status").filter({ hasText: `${paymentNumber} applied` }).waitFor();
  payment = await get(url, clerk, `/api/v1/payments/${paymentNumber}`);
  check(payment.unapplied === "0.00", `the payment's cash is all applied: ${payment.unapplied}`);
  const third = await get(url, clerk, `/api/v1/invoices/${later.number}`);
  check(cents(third.balance) === cents(later.balance) - 1000, `${later.number} is 10.00 lower: ${third.balance}`);

  // Aging: a bucket's amount lists exactly the invoices behind it.
  const aging = await get(url, clerk, `/api/v1/ar/aging?as_of=${today}`);
  const row = aging.customers.find((c) => cents(c.d31_60) > 0);
  check(row, "the demo has a customer 31-60 days past due");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Aging", exact: true }).click();
  await page.getByRole("heading", { name: "Receivables aging" }).waitFor();
  await page.getByRole("link", { name: `${row.customer}, 31–60 days: ${row.d31_60}` }).click();
  await page.getByRole("heading", { name: `${row.customer}: 31–60 days` }).waitFor();
  const bucket = page.locator(".bucket-invoices table tbody tr");
  await bucket.first().waitFor();
  const bucketRows = await bucket.evaluateAll((trs) => trs.map((tr) => [tr.cells[4].textContent, tr.cells[7].textContent]));
  check(
    bucketRows.every(([days]) => Number(days) >= 31 && Number(days) <= 60),
    `every listed invoice is 31-60 days past due: ${bucketRows.map(([d]) => d)}`,
  );
  const bucketSum = bucketRows.reduce((s, [, balance]) => s + cents(balance), 0);
  check(bucketSum === cents(row.d31_60), `the bucket's invoices add up to ${row.d31_60}, not ${money(bucketSum)}`);
  await shot("aging.png", { fullPage: true });
  await accessible("aging");

  // The statement of the paying customer shows the payment and the API's closing balance.
  await page.goto(`${url}/#/statements/${payerCode}`);
  await page.getByRole("heading", { name: `Statement of ${payerCode}` }).waitFor();
  await page.getByRole("cell", { name: paymentNumber }).first().waitFor();
  const statement = await get(url, clerk, `/api/v1/customers/${payerCode}/statement`);
  await page.locator("tfoot").getByText(statement.closing_balance, { exact: true }).waitFor();
  // Its PDF opens in a new tab (fetched with the token).
  const [pdfTab] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("button", { name: "Statement PDF" }).click(),
  ]);
  await pdfTab.waitForURL(/^blob:/);
  await pdfTab.close();
  await shot("statement.png", { fullPage: true });
  await accessible("statement");

  // Credit holds: sales and the manager each enter an order for a customer over its limit.
  const held = (await get(url, clerk, "/api/v1/orders?status=on_hold&limit=1")).items[0];
  check(held, "the demo has an order on hold");
  const item = (await get(url, sales, "/api/v1/items?limit=1")).items[0];
  const place = async (token) => {
    const r = await api(url, token, "POST", "/api/v1/orders", {
      customer: held.customer,
      po_number: "HOLD-TEST",
      lines: [{ sku: item.sku, quantity: 1 }],
    });
    check(r.status === 201 && r.body.holds.some((h) => h.kind === "credit"), `a credit-held order: ${JSON.stringify(r.body)}`);
    return r.body.number;
  };
  const salesOrder = await place(sales);
  const managerOrder = await place(manager);
  const raced = await place(sales);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Credit holds" }).click();
  await page.getByRole("heading", { name: "Credit holds waiting" }).waitFor();
  await page.getByRole("button", { name: `Release ${salesOrder}…` }).click();
  await page.getByLabel("Note (why it may go ahead)").fill("Payment promised by Friday; approved by AR.");
  await shot("credit-holds.png", { fullPage: true });
  await accessible("credit holds");
  await page.getByLabel("Note (why it may go ahead)").press("Enter");
  await page.getByRole("status").filter({ hasText: `${salesOrder}: credit hold released` }).waitFor();
  const releasedOrder = await get(url, clerk, `/api/v1/orders/${salesOrder}`);
  check(!releasedOrder.holds.some((h) => h.kind === "credit"), `${salesOrder} has no credit hold left`);

  // Someone else releases a hold while the clerk's form is open: a 409 with the server's reason,
  // and a reload that no longer lists the order.
  await page.getByRole("button", { name: `Release ${raced}…` }).click();
  const first = await api(url, manager, "POST", `/api/v1/orders/${raced}/holds/credit/release`, { note: "by phone" });
  check(first.status === 200, `the manager released ${raced}: ${first.status}`);
  await page.getByRole("button", { name: "Release hold" }).click();
  await page.getByRole("alert").filter({ hasText: "This could not be done:" }).waitFor();
  quiet(); // the 409 is logged by the browser as a failed request
  await page.getByRole("alert").getByRole("button", { name: "Reload" }).click();
  await page.getByRole("button", { name: `Release ${salesOrder.replace(/\d+$/, "")}`, exact: false }).first().waitFor();
  check((await page.getByRole("button", { name: `Release ${raced}…` }).count()) === 0, `${raced} is no longer listed`);

  // Credit memos: a return received against another customer's invoice gives a memo, which the
  // clerk applies back to that invoice.
  const memoInvoice = open.find((v) => v.customer !== payerCode && v.balance === v.total && cents(v.total) >= 5000);
  const invoice = await get(url, clerk, `/api/v1/invoices/${memoInvoice.number}`);
  const line = invoice.lines.reduce((a, b) => (cents(b.extended_amount) > cents(a.extended_amount) ? b : a));
  const order = await get(url, sales, `/api/v1/orders/${invoice.order}`);
  const orderLine = order.lines.find((l) => l.sku === line.sku);
  const rma = await api(url, sales, "POST", "/api/v1/returns", {
    invoice: invoice.number,
    lines: [{ line_no: orderLine.line_no, quantity: line.quantity, reason: "damaged" }],
  });
  check(rma.status === 201, `return: ${JSON.stringify(rma.body)}`);
  const warehouses = await get(url, warehouse, "/api/v1/warehouses");
  const receipt = await api(url, warehouse, "POST", `/api/v1/returns/${rma.body.number}/receive`, {
    warehouse: warehouses.items[0].code,
    lines: [{ line_no: rma.body.lines[0].line_no, quantity: line.quantity, disposition: "restock" }],
  });
  check(receipt.status === 200 && receipt.body.credit_memo, `receipt: ${JSON.stringify(receipt.body)}`);
  const memo = receipt.body.credit_memo;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Credit memos" }).click();
  await page.getByRole("heading", { name: "Credit memos" }).waitFor();
  await page.getByRole("link", { name: memo.number }).click();
  await page.getByRole("heading", { name: `Credit memo ${memo.number}` }).waitFor();
  await page.getByRole("button", { name: "Credit memo PDF" }).waitFor();
  await page.getByRole("button", { name: `Fill ${invoice.number}` }).click();
  check(
    (await page.getByLabel(`Apply to ${invoice.number}`).inputValue()) === memo.balance,
    `the memo's balance ${memo.balance} fills ${invoice.number}`,
  );
  await shot("credit-memos.png", { fullPage: true });
  await accessible("credit memo");
  await page.getByRole("button", { name: "Apply credit" }).click();
  await page.getByRole("status").filter({ hasText: `applied to ${invoice.number}` }).waitFor();
  const memoAfter = await get(url, clerk, `/api/v1/credit-memos/${memo.number}`);
  check(memoAfter.balance === "0.00" && memoAfter.status === "applied", `the memo is applied: ${memoAfter.status}`);
  const invoiceAfter = await get(url, clerk, `/api/v1/invoices/${invoice.number}`);
  check(
    cents(invoiceAfter.balance) === cents(invoice.balance) - cents(memo.total),
    `${invoice.number}'s balance fell by the memo: ${invoiceAfter.balance}`,
  );
  const trialAfter = await get(url, clerk, "/api/v1/ledger/trial-balance");
  check(trialAfter.balanced === true, "the ledger stays balanced after the memo");
  await page.getByRole("link", { name: "← Credit memos" }).click();
  await page.getByRole("link", { name: memo.number }).waitFor({ state: "detached" }); // applied: not open any more
  await accessible("credit memos");

  // One of the demo's open memos is partly refunded by ACH: a bad amount first, refused at its
  // field; then 1.00 of it, which the memo and the ledger show.
  const demoMemo = (await get(url, clerk, "/api/v1/credit-memos?status=open&limit=1")).items[0];
  check(demoMemo, "the demo has an open credit memo");
  await page.getByRole("link", { name: demoMemo.number }).click();
  await page.getByRole("heading", { name: `Credit memo ${demoMemo.number}` }).waitFor();
  const refundAmount = page.getByRole("textbox", { name: "Amount", exact: true });
  await refundAmount.fill("1.234");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await page.locator("#refund-amount-error").getByText("Type the amount to refund").waitFor();
  await refundAmount.fill("1.00");
  await page.getByLabel("Method").selectOption("ach");
  await page.getByLabel("Reference").fill("ACH 88120");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await page.getByRole("status").filter({ hasText: `1.00 of ${demoMemo.number} refunded by ach` }).waitFor();
  const refunded = await get(url, clerk, `/api/v1/credit-memos/${demoMemo.number}`);
  check(
    refunded.amount_refunded === money(cents(demoMemo.amount_refunded) + 100) &&
      refunded.refunds.some((r) => r.reference === "ACH 88120"),
    `the memo shows the refund: ${JSON.stringify(refunded.refunds)}`,
  );
  check((await get(url, clerk, "/api/v1/ledger/trial-balance")).balanced === true, "the ledger stays balanced after the refund");

  // Nobody releases a hold on an order they entered: the manager is refused, and told why.
  // Signed in on the same page, without a reload: nothing of the clerk's session may linger.
  await signOut(page);
  await page.getByLabel("Username").fill("manager");
  await page.getByLabel("Password").fill(passwords.manager);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Credit holds" }).click();
  await page.getByRole("button", { name: `Release ${managerOrder}…` }).click();
  await page.getByLabel("Note (why it may go ahead)").fill("My own order");
  await page.getByRole("button", { name: "Release hold" }).click();
  await page.getByRole("alert").getByText(`You entered ${managerOrder} yourself`).waitFor();
  quiet(); // the refused release's 403 is logged by the browser as a failed request
  const stillHeld = await get(url, manager, `/api/v1/orders/${managerOrder}`);
  check(stillHeld.holds.some((h) => h.kind === "credit"), `${managerOrder} is still on credit hold`);

  // The manager reads receivables but neither records payments nor settles credit memos: the
  // screens leave those out (asked anew for this sign-in, not the clerk's before it).
  await page.goto(`${url}/#/credit-memos/${demoMemo.number}`);
  await page.getByRole("heading", { name: `Credit memo ${demoMemo.number}` }).waitFor();
  await page.getByRole("button", { name: "Credit memo PDF" }).waitFor();
  check((await page.getByRole("button", { name: "Refund", exact: true }).count()) === 0, "no refund for the manager");
  check((await page.getByRole("button", { name: "Apply credit" }).count()) === 0, "no memo application for the manager");
  await page.goto(`${url}/#/receivables/${payerCode}`);
  await page.getByRole("heading", { name: `Open invoices of ${payerCode}` }).waitFor();
  await page.getByRole("link", { name: "Statement", exact: true }).waitFor();
  check((await page.getByRole("link", { name: "Record a payment" }).count()) === 0, "no payment for the manager");
});
