// Debian's Chromium driven by playwright-core, for the portal's browser suite and bench/portal. No browser is
// downloaded: the system one is used (`.ci/run` installs it with apt when missing). Under CI=true a missing
// browser is an error, so the suite fails instead of silently skipping.
import fs from 'node:fs';
import { Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function findChromium(): string | null {
  return CANDIDATES.find((file) => fs.existsSync(file)) ?? null;
}

/** True in CI, where a missing browser must fail the run. */
export function browserRequired(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`no Chromium found (looked for ${CANDIDATES.join(', ')}); install it: apt-get install chromium`);
  // launch() gives every run a fresh temporary profile of its own (a --user-data-dir argument is refused there).
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
