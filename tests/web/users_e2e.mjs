// The users screens in a real browser (tests/web/harness.mjs):
//
//   node tests/web/users_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
//
// The admin creates a portal user for a customer (its code found by the typeahead) and a sales
// user with a generated password, each problem shown at its field first; the new sales user
// signs in and sees the sales menu; the admin resets its password while its session is open
// (the session's next action returns to sign-in), then disables it (it cannot sign in); a
// sales user has no Users menu and gets 403 from GET /api/v1/users. axe-core checks each screen.
import { apiToken, check, runBrowserTest, signIn, signOut } from "./harness.mjs";

runBrowserTest("users", async ({ page, browser, url, passwords, shot, accessible, quiet, failures }) => {
  await signIn(page, url, "admin", passwords.admin);
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("heading", { name: "Users" }).waitFor();
  const row = (name) => page.locator("tbody tr").filter({ has: page.getByRole("link", { name, exact: true }) });
  await row("portal").waitFor();
  check((await row("portal").locator("td").nth(2).textContent()) === "C-1001", "the portal user's customer is listed");
  check((await row("sales").locator("td").nth(1).textContent()) === "Sales", "the sales user's role is listed");
  await shot("users.png");
  await accessible("users");

  // The role filter asks the server.
  await page.getByLabel("Role").selectOption("customer");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("tbody tr td:nth-child(2)")].every((td) => td.textContent === "Customer portal"),
  );
  await page.getByLabel("Role").selectOption("");

  // A portal user: a problem of each kind at its field first, nothing created.
  await page.getByRole("link", { name: "New user" }).click();
  await page.getByRole("heading", { name: "New user" }).waitFor();
  await page.getByLabel("Username", { exact: true }).fill("buyer one");
  await page.getByLabel("Initial password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the initial password").fill("short");
  await page.getByLabel(/^Customer portal/).check();
  await page.getByRole("button", { name: "Create user" }).click();
  await page.locator("#username-problem").waitFor();
  await page.locator("#password-problem").waitFor();
  await page.locator("#customer-problem").waitFor();
  // The keyboard is taken to the first field with a problem.
  await page.waitForFunction(() => document.activeElement?.id === "username");
  quiet(); // the refused request's 400 is logged by the browser
  await shot("user-new.png", { fullPage: true });
  await accessible("new user with problems");

  await page.getByLabel("Username", { exact: true }).fill("buyer1");
  await page.getByLabel("Initial password", { exact: true }).fill("buyer-pass-phrase-1");
  await page.getByLabel("Repeat the initial password").fill("buyer-pass-phrase-2");
  check(
    (await page.locator("#password-again-problem").textContent()) === "The two passwords differ.",
    "two different passwords are named at the second field",
  );
  await page.getByLabel("Repeat the initial password").fill("buyer-pass-phrase-1");
  // The typeahead offers the customers whose code or name holds what was typed.
  await page.getByLabel("Customer (code)").fill("C-100");
  await page.getByRole("option", { name: /C-1001/ }).waitFor();
  await page.getByLabel("Customer (code)").fill("C-1001");
  await page.getByRole("button", { name: "Create user" }).click();
  await page.getByRole("status").getByText("User buyer1 was created.").waitFor();

  // A sales user with a generated password, shown once.
  await page.getByRole("link", { name: "← Users" }).click();
  await page.getByRole("link", { name: "New user" }).click();
  await page.getByRole("heading", { name: "New user" }).waitFor();
  await page.getByLabel("Username", { exact: true }).fill("sam");
  await page.getByRole("button", { name: "Generate a password" }).click();
  const generated = await page.getByLabel("Initial password (generated)").inputValue();
  check(generated.length === 20, `a generated password of 20 characters, not "${generated}"`);
  await page.getByLabel(/^Sales —/).check();
  await page.getByRole("button", { name: "Create user" }).click();
  await page.getByRole("status").getByText("User sam was created.").waitFor();

  const admin = await apiToken(url, "admin", passwords.admin);
  const users = await (await fetch(url + "/api/v1/users?limit=500", { headers: { Authorization: `Bearer ${admin}` } })).json();
  const buyer = users.items.find((u) => u.username === "buyer1");
  check(buyer?.customer === "C-1001" && buyer.roles.join() === "customer", `buyer1 as stored: ${JSON.stringify(buyer)}`);

  // Sam signs in in a browser of its own and sees the sales menu, not Users.
  const samContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const sam = await samContext.newPage();
  sam.on("pageerror", (e) => failures.push(`sam's page error: ${e.message}`));
  await signIn(sam, url, "sam", generated);
  await sam.getByRole("heading", { name: "Orders" }).waitFor();
  check(await sam.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).isVisible(), "sam sees Orders");
  check((await sam.getByRole("link", { name: "Users" }).count()) === 0, "sam has no Users menu");

  // The admin resets sam's password while sam's session is open.
  await page.goto(url + "/#/users/sam");
  await page.getByRole("heading", { name: "User sam" }).waitFor();
  await page.getByText("Resetting the password signs the user out everywhere").waitFor();
  await page.getByLabel("New password", { exact: true }).fill("sam-second-phrase-1");
  await page.getByLabel("Repeat the new password").fill("sam-second-phrase-1");
  await page.getByRole("button", { name: "Reset password" }).click();
  await page.getByRole("status").getByText("The password of sam was reset and its sessions ended.").waitFor();
  await shot("user.png", { fullPage: true });
  await accessible("user page");

  // Sam's next action returns to sign-in; so does Sam's live stream, refused now, when it
  // notices first (then there is no Filter left to press).
  await sam
    .getByRole("button", { name: "Filter" })
    .click({ timeout: 5000 })
    .catch(() => {});
  await sam.getByRole("button", { name: "Sign in" }).waitFor();

  // The admin disables sam: sam cannot sign in, even with its new password.
  await page.getByRole("button", { name: "Disable user" }).click();
  await page.getByRole("button", { name: "Enable user" }).waitFor();
  await signIn(sam, url, "sam", "sam-second-phrase-1");
  await sam.getByRole("alert").getByText("The username or password is not right.").waitFor();
  await samContext.close();

  // The admin may not disable itself: the refusal is shown where it was asked.
  await page.goto(url + "/#/users/admin");
  await page.getByRole("heading", { name: "User admin" }).waitFor();
  await page.getByRole("button", { name: "Disable user" }).click();
  await page.locator("#disabled-problem").getByText("another admin must disable your account").waitFor();
  quiet(); // the refused request's 409

  // A sales user has no Users menu, and the server refuses it the users.
  await signOut(page);
  await signIn(page, url, "sales", passwords.sales);
  await page.getByRole("heading", { name: "Orders" }).waitFor();
  check((await page.getByRole("link", { name: "Users" }).count()) === 0, "sales has no Users menu");
  const sales = await apiToken(url, "sales", passwords.sales);
  const refused = await fetch(url + "/api/v1/users", { headers: { Authorization: `Bearer ${sales}` } });
  check(refused.status === 403, `GET /api/v1/users as sales answered ${refused.status}`);
});
