/** The site parser's reasons (codes from `core/site-rules.ts`), in the reader's language. */
import { readSiteLines, type SiteError } from '../../core/site-rules';
import { t, type MessageKey } from '../../shared/i18n';

const REASON_KEYS: Record<SiteError, MessageKey> = {
  empty: 'siteErrorEmpty',
  scheme: 'siteErrorScheme',
  wildcard: 'siteErrorWildcard',
  'port-or-path': 'siteErrorPort',
  'invalid-host': 'siteErrorInvalid',
};

export const siteErrorText = (error: SiteError): string => t(REASON_KEYS[error]);

/** One message per bad line, as readSiteLines finds them. */
export const siteListErrors = (text: string): string[] =>
  readSiteLines(text).problems.map(({ line, entry, error }) =>
    t('siteErrorLine', [String(line), entry, siteErrorText(error)]),
  );
