import { vi } from 'vitest';

/** happy-dom has no Highlight API: a Set with a priority and a Map registry are all Gloss uses. */
export function stubHighlightApi(): void {
  vi.stubGlobal(
    'Highlight',
    class extends Set<AbstractRange> {
      priority = 0;
    },
  );
  // An accessor, as the browser's: tests count when Gloss first reads it.
  const registry = new Map();
  vi.stubGlobal('CSS', {
    get highlights() {
      return registry;
    },
  });
}
