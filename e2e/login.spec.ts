import { expect, test } from "@playwright/test";
import { user } from "./support/sandbox";
import { loginAtIdp, signIn } from "./support/sign-in";

test("alice signs in, sees her name and groups, and signs out", async ({ page }) => {
  const alice = user("alice");
  await signIn(page, alice, "/catalog");
  await expect(page).toHaveURL(/\/catalog$/);

  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("user-name")).toHaveText(alice.name);
  await expect(page.getByTestId("user-email")).toHaveText(alice.email);
  await expect(page.getByTestId("user-groups")).toContainText("team-a");

  // The account menu is a menu: Sign out is one of its items.
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
});

test("a wrong password is refused on the identity provider's page", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await loginAtIdp(page, { username: "alice", password: "not-alices-password" });
  await expect(page.getByText("Invalid username or password")).toBeVisible();
  expect(new URL(page.url()).origin).not.toBe(new URL(test.info().project.use.baseURL as string).origin);
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("denying consent lands on the portal's error page with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await loginAtIdp(page, user("bob"));
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/auth\/error/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-in was cancelled");
  await expect(page.getByText("What to do:")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in again" })).toBeVisible();
});

test("signed-in pages require a session and return to where the user was going", async ({ page }) => {
  await signIn(page, user("bob"), "/loadbalancers");
  await expect(page).toHaveURL(/\/loadbalancers$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("LoadBalancers");
});
