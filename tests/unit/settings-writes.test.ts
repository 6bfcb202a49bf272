/**
 * Read-change-write settings and the error log, asked twice at once (two "not this here" clicks,
 * two pages reporting to the background): each change is kept, none overwrites the other.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getErrorLog, logError } from '../../shared/error-log';
import { getRejected, getSites, rejectAlias, setSiteOn, toggleSiteOf } from '../../shared/settings';

beforeEach(() => fakeBrowser.reset());

describe('changes made at the same time', () => {
  it('keeps both of two rejections', async () => {
    const a = { site: 'news.example', entityId: 'putin', alias: 'Putin' };
    const b = { site: 'news.example', entityId: 'nato', alias: 'NATO' };
    await Promise.all([rejectAlias(a), rejectAlias(b)]);
    expect(await getRejected()).toEqual([a, b]);
  });

  it('keeps both of two site switches', async () => {
    await Promise.all([setSiteOn('a.example', false), toggleSiteOf('https://b.example/story')]);
    expect((await getSites()).sites).toEqual(['a.example', 'b.example']);
  });

  it('keeps both of two errors', async () => {
    await Promise.all([logError('one', new Error('first'), 1), logError('two', new Error('second'), 2)]);
    expect((await getErrorLog()).map((e) => e.context)).toEqual(['one', 'two']);
  });
});
