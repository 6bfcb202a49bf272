/** The benchmark's attribution of main-thread tasks to the content script (bench/trace.ts). */
import { describe, expect, it } from 'vitest';
import { contentScriptTasks } from '../../bench/trace';

const main = { pid: 1, tid: 2 };
const task = (ts: number, ms: number) => ({ ...main, name: 'RunTask', ph: 'X', ts, dur: ms * 1000 });

describe('content-script tasks in a trace', () => {
  it('counts the tasks that run its code and those that deliver it an extension message, nothing else', () => {
    const events = [
      { ...main, name: 'thread_name', ph: 'M', ts: 0, args: { name: 'CrRendererMain' } },
      { ...main, name: 'ParseHTML', ph: 'X', ts: 1, dur: 10 },
      task(1_000, 2),
      {
        ...main,
        name: 'EvaluateScript',
        ph: 'X',
        ts: 1_100,
        dur: 1_500,
        args: { data: { url: 'chrome-extension://x/content-scripts/content.js' } },
      },
      // The matcher's reply: its continuations run as microtasks and name no script.
      task(10_000, 6),
      {
        ...main,
        name: 'Receive mojo message',
        ph: 'X',
        ts: 10_010,
        dur: 50,
        args: { chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.MessagePort' } },
      },
      // The page's own work.
      task(20_000, 3),
      {
        ...main,
        name: 'Receive mojo message',
        ph: 'X',
        ts: 20_010,
        dur: 50,
        args: { chrome_mojo_event_info: { mojo_interface_tag: 'blink.mojom.ImageDownloader' } },
      },
    ];
    const tasks = contentScriptTasks(events as never);
    expect(tasks.tasks.sort()).toEqual([2, 6]);
    expect(tasks.totalMs).toBe(8);
    expect(tasks.mainThreadMs).toBe(11);
  });
});
