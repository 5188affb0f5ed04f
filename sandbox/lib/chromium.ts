// How every harness here launches Chromium: the Debian package's binary (nothing downloads a
// browser), without the sandbox (it runs as root) and without the background traffic a fresh
// profile would start (no internet here).
export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};
