// End-to-end test of the web application in a real browser (tests/web/harness.mjs): Debian's
// chromium, driven by playwright-core, against a real `ordo serve` on a loopback port over a
// fresh demo database.
//
//   node tests/web/app_e2e.mjs --ordo build/ordo --screenshots build/web/screenshots
//
// A user signs in (a wrong password first, which is refused in place), sees the orders the
// demo placed with their status chips, opens one (lines, totals, timeline), filters the list,
// and signs out (the token is revoked); the customer portal has its own test (portal_e2e.mjs).
// axe-core checks every screen it visits: a serious or critical accessibility violation fails
// the test.
import { check, runBrowserTest, signIn } from "./harness.mjs";

runBrowserTest("app", async ({ page, url, passwords, shot, accessible, quiet }) => {
  // A wrong password is refused in place, with the reason and nothing else.
  await signIn(page, url, "sales", "not-the-password");
  await page.getByRole("alert").getByText("The username or password is not right.").waitFor();
  await shot("login.png");
  await accessible("sign-in");
  quiet(); // the refused login's 401 is logged by the browser as a failed request

  // The right one opens the orders the demo placed, newest first, with status chips.
  await signIn(page, url, "sales", passwords.sales);
  await page.getByRole("heading", { name: "Orders" }).waitFor();
  const rows = page.locator("tbody tr");
  await rows.first().waitFor();
  check((await rows.count()) >= 10, `expected the demo's orders, saw ${await rows.count()} rows`);
  check((await page.locator(".chip").count()) === (await rows.count()), "every order has a status chip");
  await shot("orders.png");
  await accessible("orders");

  // An order's number opens its page: lines, totals and the timeline of its events.
  const firstRow = rows.first();
  const number = (await firstRow.locator("td").first().textContent()).trim();
  await firstRow.getByRole("link", { name: number }).click();
  await page.getByRole("heading", { name: new RegExp(`Order ${number}`) }).waitFor();
  check(page.url().endsWith(`#/orders/${number}`), `the order page's address is ${page.url()}`);
  check((await page.locator("tbody tr").count()) >= 1, "the order page lists its lines");
  await page.locator(".timeline li").first().waitFor();
  await shot("order.png", { fullPage: true });
  await accessible("order page");

  // The token ends while the page is open (here revoked; an expiry is the same 401): the
  // next load returns to sign-in, and signing in again goes back to the same order.
  const stale = await page.evaluate(() => localStorage.getItem("ordo.token"));
  const revoke = await fetch(url + "/api/v1/auth/token", {
    method: "DELETE",
    headers: { Authorization: `Bearer ${stale}` },
  });
  check(revoke.status === 204, `revoking the token answered ${revoke.status}`);
  await page.reload();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  quiet(); // the stale token's 401 is logged by the browser as a failed request
  await page.getByLabel("Username").fill("sales");
  await page.getByLabel("Password").fill(passwords.sales);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: new RegExp(`Order ${number}`) }).waitFor();
  await page.getByRole("link", { name: "← Orders" }).click();
  await page.getByRole("heading", { name: "Orders" }).waitFor();

  // Filtering by status asks the server and shows only that status.
  await page.getByLabel("Status").selectOption("shipped");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("tbody .chip")].every((c) => c.textContent === "shipped"),
  );

  // Reloading keeps the session; signing out returns to the login page, and the token no
  // longer opens the application.
  await page.reload();
  await page.getByRole("heading", { name: "Orders" }).waitFor();
  const token = await page.evaluate(() => localStorage.getItem("ordo.token"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  // A read of the list still running as the token is revoked (the list reads itself again when
  // the event stream opens) is answered 401, which the browser logs as a failed request.
  await page.waitForLoadState("networkidle");
  quiet();
  await page.reload();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  const revoked = await fetch(url + "/api/v1/auth/me", { headers: { Authorization: `Bearer ${token}` } });
  check(revoked.status === 401, `the signed-out token still answers ${revoked.status}`);
});
