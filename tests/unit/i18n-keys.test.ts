/** Message keys are typed from the union WXT generates from the English locale (checked by tsc in npm run lint). */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MessageKey, PluralBase } from '../../shared/i18n';
import { tFromData } from '../../shared/i18n';

describe('message keys', () => {
  it('are the locale keys, not any string', () => {
    expectTypeOf<'sitesTitle'>().toExtend<MessageKey>();
    expectTypeOf<'packPolicyWarnings'>().toExtend<PluralBase>();
    // @ts-expect-error a key the locale does not have
    expectTypeOf<'noSuchMessageKey'>().toExtend<MessageKey>();
    expectTypeOf<string>().not.toExtend<MessageKey>();
  });

  it('a key from data that no locale has gives undefined, for the caller to fall back', () => {
    expect(tFromData('sourceTranslated_xx', 'line')).toBeUndefined();
  });
});
