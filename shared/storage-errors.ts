/** What a storage write's failure says, defined once for the drafts and the synced settings. */

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Chrome says "QUOTA_BYTES quota exceeded" (or "…_PER_ITEM…"), Firefox "QuotaExceededError" or "…quota…". */
export const isQuotaError = (error: unknown): boolean => /quota/i.test(errorMessage(error));

/** Chrome's sync storage: more writes a minute or an hour than it allows. */
export const isRateError = (error: unknown): boolean => /MAX_WRITE_OPERATIONS/i.test(errorMessage(error));
