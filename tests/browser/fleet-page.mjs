// Drives the monitor's fleet page in the system's headless Chromium (puppeteer-core; no browser is
// downloaded). Prints one JSON line per event on stdout; exits non-zero with the reason on stderr.
//
//   node fleet-page.mjs watch URL HOST TIMEOUT_MS
//     Opens the page, prints {"event":"up"} once HOST's row is up, then waits (without reloading)
//     for the page's own refresh to show HOST down and prints {"event":"down", ...} with the
//     colours the row and its badge are drawn in.
//   node fleet-page.mjs screenshot URL FILE TIMEOUT_MS
//     Opens the page, waits until no host is "not polled" and the busiest-models table has rows,
//     and saves a full-page PNG of it (1280 px wide).
import puppeteer from "puppeteer-core";

const [command, url, target, timeoutArg] = process.argv.slice(2);
const timeout = Number(timeoutArg ?? 30000);
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const print = (event) => console.log(JSON.stringify(event));

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  // Chromium's sandbox needs user namespaces; as root in a container it refuses to start without this.
  args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  const response = await page.goto(url, { waitUntil: "load", timeout });
  if (!response.ok()) throw new Error(`${url} answered ${response.status()}`);

  if (command === "watch") {
    const row = (state) => `tr[data-host="${target}"][data-state="${state}"]`;
    await page.waitForSelector(row("up"), { timeout });
    await page.evaluate(() => { window.sameDocument = true; });
    print({ event: "up" });
    await page.waitForSelector(row("down"), { timeout });
    print({
      event: "down",
      sameDocument: await page.evaluate(() => window.sameDocument === true),
      ...(await page.$eval(row("down"), (tr) => ({
        row: getComputedStyle(tr).backgroundColor,
        badge: getComputedStyle(tr.querySelector(".badge")).backgroundColor,
        badgeText: tr.querySelector(".badge").textContent,
        error: tr.querySelector(".error").textContent,
      }))),
      title: await page.title(),
    });
  } else if (command === "screenshot") {
    await page.waitForFunction(
      () => document.querySelector("#models tr[data-model]") && !document.querySelector('tr[data-state="pending"]'),
      { timeout, polling: 250 });
    await page.screenshot({ path: target, fullPage: true });
    print({
      event: "screenshot",
      file: target,
      hosts: await page.$$eval("tr[data-host]", (rows) => rows.map((r) => [r.dataset.host, r.dataset.state])),
      models: await page.$$eval("#models tr[data-model]", (rows) => rows.map((r) => r.dataset.model)),
    });
  } else {
    throw new Error(`unknown command '${command}': use watch or screenshot`);
  }
} catch (e) {
  console.error(e?.stack ?? String(e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
