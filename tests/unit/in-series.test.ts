/** Tasks in a line run one after another, and a failure stays with its caller. */
import { describe, expect, it } from 'vitest';
import { inSeries } from '../../core/in-series';

describe('inSeries', () => {
  it('starts each task only after the one before has settled, failed or not', async () => {
    const line = inSeries();
    const events: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      () =>
        new Promise<string>((resolve, reject) => {
          events.push(`start ${name}`);
          setTimeout(() => {
            events.push(`end ${name}`);
            if (fail) reject(new Error(name));
            else resolve(name);
          }, ms);
        });
    const a = line(task('a', 20));
    const b = line(task('b', 5, true));
    const c = line(task('c', 1));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
