// Approvals in a real browser (tests/web/harness.mjs): the sales manager sets a rule (orders
// over 100.00 wait for approval); inside sales enters an order over it with the keyboard on the
// order desk and it goes on an approval hold, allocating nothing; the manager finds it in the
// Approvals inbox with the rule and its figures, approves it with a note, and the order is
// allocated; the demo's discounted order waiting there is rejected with a note and cancelled.
// The sales user has no Approvals in its menu and the inbox answers it 403; the AR clerk's inbox
// holds credit holds only. The manager makes a rule on the rules screen and switches it off.
// Each step is checked through the API as well as on screen.
// Screenshot approvals.png; axe-core on the screen.
//
//   node tests/web/approvals_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

const CUSTOMER = "C-1001";

runBrowserTest("approvals", async (t) => {
  try {
    await approvals(t);
  } catch (e) {
    await t.shot("approvals-failure.png", { fullPage: true });
    throw e;
  }
});

async function approvals({ page, url, passwords, shot, accessible, quiet }) {
  const tokens = {};
  for (const user of ["admin", "sales", "manager", "arclerk"]) tokens[user] = await apiToken(url, user, passwords[user]);
  const api = async (user, method, path, body) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
  const menu = (title) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: title, exact: true });

  // The manager's rule, and room on the customer's credit so that only the rule holds it.
  const rule = await api("manager", "POST", "/api/v1/approval-rules", {
    code: "E2E-100",
    name: "Orders over 100.00",
    kind: "order_total_over",
    threshold: "100",
  });
  check(rule.status === 201, `creating the rule answered ${rule.status} ${JSON.stringify(rule.body)}`);
  const room = await api("admin", "PATCH", `/api/v1/customers/${CUSTOMER}`, { credit_limit: "10000000.00", on_hold: false });
  check(room.status === 200, `raising the credit limit answered ${room.status} ${JSON.stringify(room.body)}`);
  const demoWaiting = (await api("manager", "GET", "/api/v1/approvals?status=pending")).body.items;
  check(demoWaiting.length >= 1, `the demo has orders waiting for the manager: ${JSON.stringify(demoWaiting)}`);

  // An item with stock, ordered for more than 100.00.
  const candidates = (await api("sales", "GET", "/api/v1/items?active=true&limit=60")).body.items;
  const quote = await api("sales", "POST", "/api/v1/pricing/quote", {
    customer: CUSTOMER,
    lines: candidates.map((i) => ({ sku: i.sku, quantity: 2 })),
  });
  const line = quote.body.lines.find(
    (l) => l.errors.length === 0 && l.availability.warehouses.some((w) => w.available >= 2) && Number(l.extended_amount) > 100,
  );
  check(line, "the demo has an item in stock worth over 100.00 for two");

  // Sales enters it on the order desk with the keyboard.
  await signIn(page, url, "sales", passwords.sales);
  await menu("Order desk").click();
  check((await menu("Approvals").count()) === 0, "sales has no Approvals in its menu");
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  await page.getByRole("combobox", { name: "Customer" }).waitFor();
  await page.keyboard.type(CUSTOMER);
  await page.getByRole("option", { name: new RegExp(CUSTOMER) }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByText("Credit limit").waitFor();
  await page.keyboard.type(line.sku);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Line 1 quantity");
  await page.keyboard.type("2");
  await page.keyboard.press("Enter");
  await page.locator(".desk-lines tbody tr .chip").first().waitFor(); // priced
  await page.keyboard.press("Control+Enter");
  const placedLink = page.getByRole("status").getByRole("link");
  await placedLink.waitFor();
  const number = (await placedLink.textContent()).trim();
  let order = (await api("sales", "GET", `/api/v1/orders/${number}`)).body;
  check(
    order.status === "on_hold" && order.holds.length === 1 && order.holds[0].kind === "approval",
    `the order waits for approval alone: ${JSON.stringify(order.holds)}`,
  );
  check(order.holds[0].reason.includes("(rule E2E-100)"), `the hold names its rule: ${order.holds[0].reason}`);
  check(order.lines.every((l) => l.allocations.length === 0), "a held order allocates nothing");
  check((await api("sales", "GET", "/api/v1/approvals")).status === 403, "sales may not read the inbox");
  await signOut(page);

  // The manager approves it from the inbox.
  await signIn(page, url, "manager", passwords.manager);
  await menu("Approvals").click();
  await page.getByRole("heading", { name: "Approvals", level: 1 }).waitFor();
  const row = page.locator("tr", { has: page.getByRole("link", { name: number }) });
  await row.waitFor();
  check((await row.textContent()).includes("rule E2E-100"), "the row names the rule");
  check((await row.textContent()).includes(`Order total ${order.total}`), `the row shows the figure ${order.total}`);
  await shot("approvals.png");
  await accessible("approvals");
  await page.getByRole("button", { name: `Approve ${number}…` }).click();
  await page.getByLabel("Note (optional)").fill("Regular customer; stock is there.");
  await page.getByLabel("Note (optional)").press("Enter");
  await page.getByRole("status").filter({ hasText: `${number} approved` }).waitFor();
  order = (await api("sales", "GET", `/api/v1/orders/${number}`)).body;
  check(order.holds.length === 0, `no hold is left: ${JSON.stringify(order.holds)}`);
  check(order.lines[0].quantity_allocated === 2, `the approved order is allocated: ${JSON.stringify(order.lines)}`);
  const decided = (await api("manager", "GET", "/api/v1/approvals?status=approved")).body.items.find((a) => a.order === number);
  check(decided?.decided_by === "user:manager" && decided.note === "Regular customer; stock is there.", `the approval: ${JSON.stringify(decided)}`);

  // The demo's order waiting on a rule is rejected, which cancels it.
  const other = demoWaiting.find((a) => a.kind === "approval");
  check(other, "a demo order waits on an approval hold");
  await page.getByRole("button", { name: `Reject ${other.order}…` }).click();
  await page.getByRole("button", { name: "Reject and cancel the order" }).click();
  await page.locator(`#decision-note-${other.id}-error`).waitFor(); // the note is required
  quiet(); // the refusal, as the browser logs it
  await page.getByLabel("Note (why it is rejected)").fill("Not at these terms.");
  await page.getByRole("button", { name: "Reject and cancel the order" }).click();
  await page.getByRole("status").filter({ hasText: `${other.order} rejected` }).waitFor();
  const cancelled = (await api("sales", "GET", `/api/v1/orders/${other.order}`)).body;
  check(cancelled.status === "cancelled" && cancelled.cancel_reason === "Not at these terms.", `the rejected order: ${cancelled.status}`);

  // The rules screen: the seeded rules listed; a rule made, then switched off.
  await menu("Approval rules").click();
  await page.getByRole("heading", { name: "Approval rules", level: 1 }).waitFor();
  await page.locator("tbody tr", { hasText: "PRICE-FLOOR" }).waitFor();
  await page.getByRole("button", { name: "New approval rule" }).click();
  await page.getByLabel("Code", { exact: true }).fill("E2E-MARGIN");
  await page.getByLabel("Name", { exact: true }).fill("Margin under 5%");
  await page.getByLabel("Holds an order when").selectOption("margin_under");
  await page.getByLabel("Threshold (percent)").fill("5");
  await accessible("approval rule form");
  await page.getByRole("button", { name: "Create rule" }).click();
  await page.getByText("Saved approval rule E2E-MARGIN.").waitFor();
  await shot("approval-rules.png");
  await accessible("approval rules");
  let made = (await api("manager", "GET", "/api/v1/approval-rules/E2E-MARGIN")).body;
  check(made.kind === "margin_under" && made.threshold === "5.00" && made.hold_kind === "approval" && made.active, `the rule: ${JSON.stringify(made)}`);
  await page.getByRole("button", { name: "Edit approval rule E2E-MARGIN" }).click();
  await page.getByLabel("Active").uncheck();
  await page.getByRole("button", { name: "Save rule" }).click();
  await page.getByText("Saved approval rule E2E-MARGIN.").waitFor();
  made = (await api("manager", "GET", "/api/v1/approval-rules/E2E-MARGIN")).body;
  check(!made.active && made.version === 2, `the rule is switched off: ${JSON.stringify(made)}`);
  await signOut(page);

  // The AR clerk's inbox holds credit only.
  const clerk = (await api("arclerk", "GET", "/api/v1/approvals")).body.items;
  check(clerk.every((a) => a.kind === "credit"), `the AR clerk sees credit holds only: ${JSON.stringify(clerk.map((a) => a.kind))}`);
}
