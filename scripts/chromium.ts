/** Chromium from Debian with the built extension, for the demo, the E2E tests and the benchmark. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

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

export interface Launched {
  context: BrowserContext;
  /** The extension's service worker (undefined when launched without the extension). */
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchChromium(
  options: { extension?: boolean; headless?: boolean; args?: string[] } = {},
): Promise<Launched> {
  const withExtension = options.extension !== false;
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  if (withExtension && !existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    throw new Error(`No build at ${CHROME_BUILD}: run "npm run build" first`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    args: [
      ...CHROMIUM_ARGS,
      ...(options.args ?? []),
      ...(withExtension ? [`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`] : []),
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!withExtension) return { context, worker: undefined as unknown as Worker, extensionId: '', close };
  const worker = await extensionWorker(context);
  return { context, worker, extensionId: new URL(worker.url()).host, close };
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
