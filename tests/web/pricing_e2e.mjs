// The pricing screens end to end in a real browser (tests/web/harness.mjs): the sales manager
// sees the demo's contracts and promotions, creates a promotion and a contract (a bad price
// line named by its place, then fixed; checked through the API), and the desk then prices a
// line by them with the explanation shown. The manager makes a price list with a break (a bad
// break named by its place first) and gives it to a customer on the customer's page. A sales
// user's menu has none of the pricing screens.
//
//   node tests/web/pricing_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

runBrowserTest("pricing", async ({ page, url, passwords, shot, accessible, quiet }) => {
  const token = await apiToken(url, "manager", passwords.manager);
  const api = async (method, path, body) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: await r.json() };
  };
  const items = (await api("GET", "/api/v1/items?active=true&limit=50")).body.items;
  const sku = items[7].sku;

  await signIn(page, url, "manager", passwords.manager);
  await page.getByRole("heading", { name: "Orders" }).first().waitFor();
  for (const hash of ["#/pricing/price-lists", "#/pricing/contracts", "#/pricing/promotions"]) {
    check((await page.locator(`nav a[href="${hash}"]`).count()) === 1, `the manager's menu links ${hash}`);
  }

  // Promotions: the demo's three listed; a new one for one customer group.
  await page.goto(`${url}/#/pricing/promotions`);
  await page.getByRole("heading", { name: "Promotions", level: 1 }).waitFor();
  await page.locator("tbody tr", { hasText: "SPRING-5" }).waitFor();
  await shot("pricing-promotions.png");
  await accessible("promotions");
  await page.getByRole("button", { name: "New promotion" }).click();
  await page.getByLabel("Code", { exact: true }).fill("E2E-20");
  await page.getByLabel("Name", { exact: true }).fill("Browser test");
  await page.getByLabel("First day", { exact: true }).fill("2000-01-01");
  await page.getByLabel("Last day", { exact: true }).fill("2999-12-31");
  await page.getByLabel("Item (SKU)", { exact: true }).fill(sku);
  await page.getByLabel("Customer group", { exact: true }).fill("E2E-GROUP");
  await page.getByLabel("Off", { exact: true }).fill("20%");
  await page.getByLabel("Stacking").selectOption("exclusive");
  await accessible("promotion form");
  await page.getByRole("button", { name: "Create promotion" }).click();
  await page.getByText("Saved promotion E2E-20.").waitFor();
  const promo = (await api("GET", "/api/v1/promotions/E2E-20")).body;
  check(promo.discount_percent === "20.00" && promo.stacking === "exclusive" && promo.sku === sku, `stored: ${JSON.stringify(promo)}`);

  // Contracts: a bad price line is named by its place and nothing is stored; fixed, it is.
  await page.goto(`${url}/#/pricing/contracts`);
  await page.getByRole("heading", { name: "Contracts", level: 1 }).waitFor();
  await page.locator("tbody tr").first().waitFor();
  await shot("pricing-contracts.png");
  await accessible("contracts");
  await page.getByRole("button", { name: "New contract" }).click();
  await page.getByLabel("Code", { exact: true }).fill("K-E2E");
  await page.getByLabel("Customer", { exact: true }).fill("C-1002");
  await page.getByLabel("First day", { exact: true }).fill("2000-01-01");
  await page.getByLabel("Last day", { exact: true }).fill("2999-12-31");
  await page.getByLabel("Prices").fill(`${sku} 1.25\nNO-SUCH-SKU -5%`);
  quiet();
  await page.getByRole("button", { name: "Create contract" }).click();
  await page.getByText("Price 2: no item NO-SUCH-SKU").waitFor();
  quiet();
  check((await api("GET", "/api/v1/contracts/K-E2E")).status === 404, "nothing stored after a refusal");
  await page.getByLabel("Prices").fill(`${sku} 1.25`);
  await page.getByRole("button", { name: "Create contract" }).click();
  await page.getByText("Saved contract K-E2E.").waitFor();
  await accessible("contract form");

  // The desk prices the line by the contract, explained.
  const quote = (await api("POST", "/api/v1/pricing/quote", { customer: "C-1002", lines: [{ sku, quantity: "3" }] })).body;
  check(quote.lines[0].price_source.startsWith("contract:K-E2E") || quote.lines[0].price_source.startsWith("promotion:"), `priced by the contract: ${JSON.stringify(quote.lines[0])}`);
  await page.goto(`${url}/#/desk`);
  await page.getByRole("heading", { name: "Order desk" }).waitFor();
  await page.getByRole("combobox", { name: "Customer" }).waitFor();
  await page.keyboard.type("C-1002");
  await page.getByRole("option", { name: /C-1002/ }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByText("Credit limit").waitFor();
  await page.keyboard.type(sku);
  await page.keyboard.press("Enter");
  await page.getByLabel("Line 1 quantity").waitFor();
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await page.locator(".desk-lines tbody tr .chip", { hasText: quote.lines[0].price_explanation }).waitFor();
  await shot("pricing-desk-explained.png");

  // Price lists: a bad break is named by its place and nothing is stored; fixed, the list has
  // its price and break, and a customer gets it on the customer's page.
  await page.goto(`${url}/#/pricing/price-lists`);
  await page.getByRole("heading", { name: "Price lists", level: 1 }).waitFor();
  await page.getByRole("button", { name: "New price list" }).click();
  await page.getByLabel("Code", { exact: true }).fill("PL-E2E");
  await page.getByLabel("Name", { exact: true }).fill("Browser test list");
  await page.getByLabel("First day", { exact: true }).fill("2000-01-01");
  await page.getByLabel("Prices").fill(`${sku} 2.50`);
  await page.getByLabel("Quantity breaks").fill(`${sku} 100+ -5%\nNO-SUCH-SKU 10+ 1.00`);
  quiet();
  await page.getByRole("button", { name: "Create price list" }).click();
  await page.getByText("Break 2: no item NO-SUCH-SKU").waitFor();
  quiet();
  check((await api("GET", "/api/v1/price-lists/PL-E2E")).status === 404, "no price list stored after a refusal");
  await page.getByLabel("Quantity breaks").fill(`${sku} 100+ -5%`);
  await page.getByRole("button", { name: "Create price list" }).click();
  await page.getByText("Saved price list PL-E2E.").waitFor();
  await page.locator("tbody tr", { hasText: "PL-E2E" }).waitFor();
  await shot("pricing-price-lists.png");
  await accessible("price lists");
  const list = (await api("GET", "/api/v1/price-lists/PL-E2E")).body;
  check(
    list.prices.length === 1 && list.prices[0].unit_price.startsWith("2.50") && list.breaks.length === 1 && list.breaks[0].discount_percent === "5.00",
    `stored: ${JSON.stringify(list)}`,
  );
  await page.getByRole("button", { name: "Edit price list PL-E2E" }).click();
  await page.waitForFunction(() => document.querySelector("#price-list-prices")?.disabled === false);
  check((await page.getByLabel("Prices").inputValue()).startsWith(sku), "the form shows the list's prices");
  await accessible("price list form");
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.goto(`${url}/#/admin/customers`);
  await page.getByRole("heading", { name: "Customers", level: 1 }).waitFor();
  await page.getByRole("button", { name: "Edit customer C-1003" }).click();
  await page.getByLabel("Price list").fill("PL-E2E");
  await page.getByRole("button", { name: "Save pricing" }).click();
  await page.getByText("Pricing of C-1003 saved.").waitFor();
  const pricing = (await api("GET", "/api/v1/customers/C-1003/pricing")).body;
  check(pricing.price_list === "PL-E2E", `the customer's price list: ${JSON.stringify(pricing)}`);
  const listed = (await api("POST", "/api/v1/pricing/quote", { customer: "C-1003", lines: [{ sku, quantity: "1" }] })).body;
  check(Number(listed.lines[0].unit_price) <= 2.5, `C-1003 is priced by its list or better: ${JSON.stringify(listed.lines[0])}`);

  await signOut(page);
  await signIn(page, url, "sales", passwords.sales);
  await page.getByRole("heading", { name: "Orders" }).first().waitFor();
  check((await page.locator('nav a[href="#/pricing/promotions"]').count()) === 0, "a sales user's menu has no pricing screens");
});
