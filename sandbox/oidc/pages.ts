// Server-rendered HTML for the IdP's own interaction pages: plain forms with real labels, so they
// work with the keyboard, screen readers and Playwright's getByLabel/getByRole alike.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const SCOPE_TEXT: Record<string, string> = {
  openid: "Sign you in with your user ID",
  email: "Read your email address",
  profile: "Read your name and user name",
  groups: "Read your group memberships",
  offline_access: "Keep you signed in (refresh tokens)",
};

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Sandbox IdP</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 28rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
  button { margin-top: 1.25rem; margin-right: .5rem; padding: .5rem 1.25rem; font-size: 1rem; cursor: pointer; }
  :focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  .error { border: 2px solid #b91c1c; padding: .5rem .75rem; border-radius: .25rem; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function loginPage(opts: { uid: string; clientId: string; username?: string; error?: string }): string {
  const error = opts.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(opts.error)}</p>` : "";
  const described = opts.error ? ' aria-describedby="login-error"' : "";
  return layout(
    "Sign in",
    `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(opts.clientId)}</strong></p>
${error}
<form method="post" action="/interaction/${encodeURIComponent(opts.uid)}/login" autocomplete="on">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="username" required autofocus${described} value="${escapeHtml(opts.username ?? "")}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${described}>
  <button type="submit">Sign in</button>
</form>`,
  );
}

export function consentPage(opts: { uid: string; clientId: string; accountName: string; scopes: string[] }): string {
  const items = opts.scopes
    .map(
      (s) => `<li><code>${escapeHtml(s)}</code>: ${escapeHtml(SCOPE_TEXT[s] ?? "Access granted for this scope")}</li>`,
    )
    .join("\n    ");
  return layout(
    "Authorize access",
    `<h1>Authorize access</h1>
<p>Signed in as <strong>${escapeHtml(opts.accountName)}</strong>.</p>
<p><strong>${escapeHtml(opts.clientId)}</strong> requests these scopes:</p>
<form method="post" action="/interaction/${encodeURIComponent(opts.uid)}/consent">
  <ul aria-label="Requested scopes">
    ${items}
  </ul>
  <button type="submit" name="decision" value="allow">Allow</button>
  <button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout("Error", `<h1>Something went wrong</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}
