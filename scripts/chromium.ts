/** Chromium from Debian with the built extension, for the demo, the E2E tests and the benchmark. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { registrationOf } from '../utils/site-patterns';
import { sanitizeSites } from '../utils/site-settings';

export const CHROME_BUILD = process.env.GLOSS_CHROME_BUILD ?? resolve(import.meta.dirname, '../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the networking flags Chromium keeps trying hosts this machine cannot reach. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Every host but this machine fails at once, so pages with remote images and fonts load fast. */
export const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export interface Launched {
  context: BrowserContext;
  /** The extension's service worker (undefined when launched without the extension). */
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extension?: boolean;
  headless?: boolean;
  /** More command-line flags, e.g. `OFFLINE_ARGS`. */
  args?: string[];
  /** Another build of the extension than `CHROME_BUILD` (the benchmark compares builds). */
  build?: string;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Launched> {
  const withExtension = options.extension !== false;
  const build = options.build ?? CHROME_BUILD;
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  if (withExtension && !existsSync(join(build, 'manifest.json'))) {
    throw new Error(`No build at ${build}: run "npm run build" first`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    args: [
      ...CHROMIUM_ARGS,
      ...(options.args ?? []),
      ...(withExtension ? [`--disable-extensions-except=${build}`, `--load-extension=${build}`] : []),
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!withExtension) return { context, worker: undefined as unknown as Worker, extensionId: '', close };
  const worker = await extensionWorker(context);
  // The content script is registered at runtime: pages opened before that would not get it.
  await registrationSettled(worker);
  return { context, worker, extensionId: new URL(worker.url()).host, close };
}

/**
 * Waits until the content script's registration matches the stored site list (the background
 * follows the list; utils/background/registration.ts): after launch, and after a test or the
 * benchmark changes the list and is about to load a page.
 */
export async function registrationSettled(worker: Worker, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  let seen: unknown = null;
  while (Date.now() < until) {
    const state = await worker
      .evaluate(async () => {
        const c = (globalThis as any).chrome;
        return { sites: (await c.storage.local.get('sites')).sites, scripts: await c.scripting.getRegisteredContentScripts() };
      })
      .catch(() => null);
    if (state) {
      const wanted = registrationOf(sanitizeSites(state.sites));
      const got = (state.scripts as { matches?: string[]; excludeMatches?: string[] }[])[0];
      // The browser sorts the patterns and drops an empty exclusion list.
      const same = (a: string[] = [], b: string[] = []) => [...a].sort().join('\n') === [...b].sort().join('\n');
      if (wanted === null ? !got : got && same(got.matches, wanted.matches) && same(got.excludeMatches, wanted.excludeMatches)) return;
      seen = { wanted, got };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`The content script's registration did not follow the site list: ${JSON.stringify(seen)}`);
}

/** The extension's service worker, however early or late it started relative to this call. */
async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (worker) return worker;
    await context.waitForEvent('serviceworker', { timeout: 2000 }).catch(() => undefined);
  }
  throw new Error(
    'The extension did not start: no service worker after 90 s. Chromium refuses an extension whose ' +
      'scripts are not strictly UTF-8 (noncharacters such as U+FFFF included): run chromium with ' +
      '--enable-logging=stderr to see why.',
  );
}
