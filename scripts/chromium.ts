/** Chromium from Debian with the built extension, for the demo, the E2E tests and the benchmark. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Worker,
} from 'playwright-core';
import { registrationOf } from '../core/site-patterns';
import { sanitizeSites } from '../core/site-settings';

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
  /**
   * Keep the welcome page Gloss opens on install (background/first-run.ts). By default it is
   * waited for and closed, so every launch starts from the same tabs.
   */
  keepWelcome?: boolean;
  /** Another build of the extension than `CHROME_BUILD` (the benchmark compares builds). */
  build?: string;
  /** A device to emulate: a phone's viewport, touch and mobile layout (tests/e2e/touch.test.ts). */
  device?: Pick<BrowserContextOptions, 'viewport' | 'hasTouch' | 'isMobile' | 'deviceScaleFactor'>;
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
    ...options.device,
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
  const extensionId = new URL(worker.url()).host;
  if (!options.keepWelcome) await (await welcomePage(context, extensionId)).close();
  return { context, worker, extensionId, close };
}

/** The welcome page Gloss opens on install, however early or late it opened relative to this call. */
export async function welcomePage(context: BrowserContext, extensionId: string, ms = 15_000): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    await context.waitForEvent('page', { timeout: 1000 }).catch(() => undefined);
  }
  throw new Error(`Gloss did not open its welcome page (${url}) on install`);
}

/**
 * Chromium first, Gloss later, the way a reader installs it: `install()` loads the build into the
 * running browser (CDP's Extensions.loadUnpacked, which needs the debugging switch below), so
 * tabs opened before it are there when Gloss starts. The welcome page is kept.
 */
export async function launchChromiumThenInstall(
  options: Omit<LaunchOptions, 'extension' | 'keepWelcome'> = {},
): Promise<{
  context: BrowserContext;
  install(): Promise<Launched>;
  close(): Promise<void>;
}> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(CHROME_BUILD, 'manifest.json')))
    throw new Error(`No build at ${CHROME_BUILD}: run "npm run build" first`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    // Playwright switches extensions off unless it is told which to load at launch.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      ...(options.args ?? []),
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-port=0',
    ],
  });
  let cdp: Browser | undefined;
  const close = async () => {
    await context.close();
    await cdp?.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  const install = async (): Promise<Launched> => {
    // Playwright's own pipe has no browser-level session for a persistent context: a second
    // client on the debugging port has one.
    const port = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    // Kept open until the end: closing a CDP client may take the contexts it saw with it.
    cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const session = await cdp.newBrowserCDPSession();
    await session.send('Extensions.loadUnpacked' as never, { path: CHROME_BUILD } as never);
    const worker = await extensionWorker(context);
    await registrationSettled(worker);
    return { context, worker, extensionId: new URL(worker.url()).host, close };
  };
  return { context, install, close };
}

/**
 * Waits until the content script's registration matches the stored site list (the background
 * follows the list; background/registration.ts): after launch, and after a test or the
 * benchmark changes the list and is about to load a page.
 */
export async function registrationSettled(worker: Worker, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  let seen: unknown = null;
  while (Date.now() < until) {
    const state = await worker
      .evaluate(async () => {
        const c = (globalThis as any).chrome;
        return {
          sites: (await c.storage.local.get('sites')).sites,
          scripts: await c.scripting.getRegisteredContentScripts(),
        };
      })
      .catch(() => null);
    if (state) {
      const wanted = registrationOf(sanitizeSites(state.sites));
      const got = (state.scripts as { matches?: string[]; excludeMatches?: string[] }[])[0];
      // The browser sorts the patterns and drops an empty exclusion list.
      const same = (a: string[] = [], b: string[] = []) => [...a].sort().join('\n') === [...b].sort().join('\n');
      if (
        wanted === null
          ? !got
          : got && same(got.matches, wanted.matches) && same(got.excludeMatches, wanted.excludeMatches)
      )
        return;
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
