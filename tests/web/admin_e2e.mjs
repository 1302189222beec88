// The admin screens end to end in a real browser (tests/web/harness.mjs): an administrator
// creates and edits an item and a customer with two ship-tos, sees a stale edit refused with
// the offer to reload, adds and edits a warehouse, adds a tax rate and a price tier, imports a CSV of items
// with a bad row (listed by line and column; nothing imported, checked through the API) and
// then a good one (the count shown, the items listed). A sales user's menu has none of these
// screens. Screenshots of each screen; axe-core on each.
//
//   node tests/web/admin_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

const ADMIN_SCREENS = ["#/admin/items", "#/admin/customers", "#/admin/warehouses", "#/admin/tax-rates", "#/admin/price-tiers", "#/admin/product-lines", "#/import"];

runBrowserTest("admin", async ({ page, url, passwords, shot, accessible, quiet }) => {
  const token = await apiToken(url, "admin", passwords.admin);
  const api = async (method, path, body, headers = {}) => {
    const r = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: r.status === 204 ? null : await r.json() };
  };
  const open = async (hash, heading) => {
    await page.goto(`${url}/${hash}`);
    await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
  };

  await signIn(page, url, "admin", passwords.admin);
  await page.getByRole("heading", { name: "Orders" }).waitFor();
  for (const hash of ADMIN_SCREENS) {
    check((await page.locator(`nav a[href="${hash}"]`).count()) === 1, `the admin's menu links ${hash}`);
  }

  // Items: the demo's catalog, searched; a new item created, then edited.
  await open("#/admin/items", "Items");
  await page.locator("tbody tr").first().waitFor();
  await shot("admin-items.png");
  await accessible("admin items");
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByLabel("SKU", { exact: true }).fill("E2E-100");
  await page.getByLabel("Name", { exact: true }).fill("Test widget");
  await page.getByLabel("List price", { exact: true }).fill("3.5");
  await page.getByLabel("Pack sizes", { exact: true }).fill("CS=6");
  await accessible("admin item form");
  await page.getByRole("button", { name: "Create item" }).click();
  await page.getByText("Saved item E2E-100.").waitFor();
  await page.getByLabel("Search SKU or name").fill("E2E-100");
  await page.getByLabel("Search SKU or name").press("Enter");
  await page.locator("tbody tr", { hasText: "E2E-100" }).waitFor();
  check((await page.locator("tbody tr").count()) === 1, "the search finds the new item alone");
  check((await page.locator("tbody tr td").nth(4).textContent()) === "3.50", "the list shows the stored price");

  await page.getByRole("button", { name: "Edit item E2E-100" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Test widget, blue");
  await page.getByRole("button", { name: "Save item" }).click();
  await page.getByText("Saved item E2E-100.").waitFor();
  let item = await api("GET", "/api/v1/items/E2E-100");
  check(item.body.name === "Test widget, blue", `the edit was saved: ${JSON.stringify(item.body)}`);

  // A stale edit: someone changes the item while the form is open; saving is refused and the
  // screen offers to reload, which shows their change; saving again then works.
  await page.getByRole("button", { name: "Edit item E2E-100" }).click();
  const changed = await api("PATCH", "/api/v1/items/E2E-100", { name: "Changed elsewhere" });
  check(changed.status === 200, `the concurrent change: ${changed.status}`);
  await page.getByLabel("List price", { exact: true }).fill("4.25");
  await page.getByRole("button", { name: "Save item" }).click();
  await page.getByText("Someone else changed this record").waitFor();
  quiet(); // the refused save (412) is logged by the browser as a failed request
  await accessible("admin stale edit");
  await page.getByRole("button", { name: "Reload" }).click();
  await page.waitForFunction(() => document.querySelector("#item-name")?.value === "Changed elsewhere");
  await page.getByLabel("List price", { exact: true }).fill("4.25");
  await page.getByRole("button", { name: "Save item" }).click();
  await page.getByText("Saved item E2E-100.").waitFor();
  item = await api("GET", "/api/v1/items/E2E-100");
  check(item.body.name === "Changed elsewhere" && item.body.list_price === "4.25", `after reload: ${JSON.stringify(item.body)}`);

  // Customers: a new one with two ship-tos, then its credit limit changed.
  await open("#/admin/customers", "Customers");
  await page.locator("tbody tr").first().waitFor();
  await shot("admin-customers.png");
  await accessible("admin customers");
  await page.getByRole("button", { name: "New customer" }).click();
  await page.getByLabel("Code", { exact: true }).fill("C-E2E");
  await page.getByLabel("Name", { exact: true }).fill("Browser Test Supply");
  await page.getByLabel("Credit limit", { exact: true }).fill("2500");
  await page.locator("#bill-city").fill("Reno");
  await page.locator("#ship-0-city").fill("Reno");
  await page.locator("#ship-0-warehouse option").nth(1).waitFor({ state: "attached" });
  await page.locator("#ship-0-warehouse").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add ship-to" }).click();
  await page.locator("#ship-1-code").fill("DOCK");
  await page.locator("#ship-1-city").fill("Sparks");
  await shot("admin-customer-form.png", { fullPage: true });
  await accessible("admin customer form");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.getByText("Saved customer C-E2E.").waitFor();
  let customer = await api("GET", "/api/v1/customers/C-E2E");
  check(customer.status === 200, `the customer exists: ${customer.status}`);
  check(
    customer.body.ship_to.map((s) => s.code).join(",") === "MAIN,DOCK" && customer.body.ship_to[0].preferred_warehouse,
    `its ship-tos: ${JSON.stringify(customer.body.ship_to)}`,
  );
  await page.getByLabel("Search code or name").fill("C-E2E");
  await page.getByLabel("Search code or name").press("Enter");
  await page.getByRole("button", { name: "Edit customer C-E2E" }).click();
  await page.getByLabel("Credit limit", { exact: true }).fill("3000.00");
  await page.locator("#ship-1-name").fill("Loading dock");
  await page.getByRole("button", { name: "Save customer" }).click();
  await page.getByText("Saved customer C-E2E.").waitFor();
  customer = await api("GET", "/api/v1/customers/C-E2E");
  check(
    customer.body.credit_limit === "3000.00" && customer.body.ship_to[1].name === "Loading dock",
    `the edit was saved: ${JSON.stringify(customer.body)}`,
  );

  // Warehouses, tax rates and price tiers: the demo's, and one of each added.
  await open("#/admin/warehouses", "Warehouses");
  await page.locator("tbody tr").first().waitFor();
  await shot("admin-warehouses.png");
  await accessible("admin warehouses");
  await page.getByRole("button", { name: "New warehouse" }).click();
  await page.getByLabel("Code", { exact: true }).fill("WE2E");
  await page.getByLabel("Name", { exact: true }).fill("Browser test DC");
  await page.getByLabel("City", { exact: true }).fill("Boise");
  await page.getByRole("button", { name: "Create warehouse" }).click();
  await page.getByText("Saved warehouse WE2E.").waitFor();
  await page.locator("tbody tr", { hasText: "Boise" }).waitFor();
  await page.getByRole("button", { name: "Edit warehouse WE2E" }).click();
  await page.getByLabel("Allocation rank", { exact: true }).fill("250");
  await page.getByRole("button", { name: "Save warehouse" }).click();
  await page.getByText("Saved warehouse WE2E.").waitFor();
  const warehouse = await api("GET", "/api/v1/warehouses/WE2E");
  check(warehouse.body.allocation_rank === 250 && warehouse.body.address.city === "Boise", `the warehouse edit: ${JSON.stringify(warehouse.body)}`);

  await open("#/admin/tax-rates", "Tax rates");
  await page.getByRole("button", { name: "New tax rate" }).click();
  await page.getByLabel("Region", { exact: true }).fill("ID");
  await page.getByLabel("Tax class", { exact: true }).fill("standard");
  await page.getByLabel("Rate (percent)", { exact: true }).fill("6");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved tax rate ID/standard.").waitFor();
  await page.locator("tbody tr", { hasText: "ID" }).first().waitFor();
  await shot("admin-tax-rates.png");
  await accessible("admin tax rates");

  await open("#/admin/price-tiers", "Price tiers");
  await page.locator("tbody tr").first().waitFor();
  await page.getByRole("button", { name: "New price tier" }).click();
  await page.getByLabel("Code", { exact: true }).fill("E2E");
  await page.getByLabel("Name", { exact: true }).fill("Browser test tier");
  await page.getByLabel("Discount (percent)", { exact: true }).fill("7.5");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved price tier E2E.").waitFor();
  await page.locator("tbody tr", { hasText: "7.50" }).waitFor();
  await shot("admin-price-tiers.png");
  await accessible("admin price tiers");
  const tiers = await api("GET", "/api/v1/price-tiers");
  check(tiers.body.items.some((t) => t.code === "E2E" && t.discount_percent === "7.50"), "the tier is stored");

  // Product lines: the demo's, one added, then its margin changed (PATCH with If-Match).
  await open("#/admin/product-lines", "Product lines");
  await page.locator("tbody tr").first().waitFor();
  await page.getByRole("button", { name: "New product line" }).click();
  await page.getByLabel("Code", { exact: true }).fill("E2E-PL");
  await page.getByLabel("Name", { exact: true }).fill("Browser test line");
  await page.getByLabel("Minimum margin (percent)", { exact: true }).fill("22.5");
  await accessible("admin product line form");
  await page.getByRole("button", { name: "Create product line" }).click();
  await page.getByText("Saved product line E2E-PL.").waitFor();
  await page.locator("tbody tr", { hasText: "22.50" }).waitFor();
  await page.getByRole("button", { name: "Edit product line E2E-PL" }).click();
  await page.getByLabel("Minimum margin (percent)", { exact: true }).fill("30");
  await page.getByRole("button", { name: "Save product line" }).click();
  await page.getByText("Saved product line E2E-PL.").waitFor();
  await shot("admin-product-lines.png");
  await accessible("admin product lines");
  const productLine = await api("GET", "/api/v1/product-lines/E2E-PL");
  check(productLine.body.min_margin_percent === "30.00" && productLine.body.version === 2, `the product line edit: ${JSON.stringify(productLine.body)}`);

  // Import: a file with a bad row is refused whole, each problem at its line and column.
  await open("#/import", "Import a CSV file");
  await page.getByLabel("What the file holds").selectOption("items");
  const upload = async (name, text) => {
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "Upload and import" }).click();
  };
  await upload(
    "bad-items.csv",
    "sku,name,list_price\nIMP-1,Imported one,1.25\nIMP-2,Imported two,\"2,50\"\nIMP-3,,3.00\n",
  );
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await problems.waitFor();
  quiet(); // the refused upload (422) is logged by the browser as a failed request
  const cells = await problems.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  check(
    JSON.stringify(cells.map((c) => c.slice(0, 3))) === JSON.stringify([["3", "3", "list_price"], ["4", "2", "name"]]),
    `the bad rows by line and column: ${JSON.stringify(cells)}`,
  );
  await shot("import.png", { fullPage: true });
  await accessible("import with bad rows");
  for (const sku of ["IMP-1", "IMP-2", "IMP-3"]) {
    check((await api("GET", `/api/v1/items/${sku}`)).status === 404, `${sku} was not imported`);
  }

  // The corrected file is imported whole: the count is shown and the items are listed.
  await upload("items.csv", "sku,name,list_price\nIMP-1,Imported one,1.25\nIMP-2,Imported two,2.50\nIMP-3,Imported three,3.00\n");
  await page.getByRole("status").getByText("Imported 3 items.").waitFor();
  check((await problems.count()) === 0, "no problem table after a good import");
  await shot("import-done.png");
  await accessible("import done");
  await page.getByRole("link", { name: "See them in the list" }).click();
  await page.getByRole("heading", { name: "Items", level: 1 }).waitFor();
  await page.getByLabel("Search SKU or name").fill("Imported");
  await page.getByLabel("Search SKU or name").press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 3);
  check((await api("GET", "/api/v1/items/IMP-2")).body.list_price === "2.50", "IMP-2 is in the catalog");

  // A sales user's menu has none of the admin screens, and their addresses show nothing.
  await signOut(page);
  await signIn(page, url, "sales", passwords.sales);
  await page.getByRole("heading", { name: "Orders" }).waitFor();
  for (const hash of ADMIN_SCREENS) {
    check((await page.locator(`nav a[href="${hash}"]`).count()) === 0, `the sales menu has no ${hash}`);
  }
  await page.goto(`${url}/#/admin/items`);
  await page.getByText("Choose a screen from the menu.").waitFor();
  check((await page.getByRole("button", { name: "New item" }).count()) === 0, "no item form for sales");
});
