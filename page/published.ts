/** The page's own publication date, where it declares one: meta tags, JSON-LD, <time>. */
export function publishedDate(doc: Document): string | null {
  const meta = doc.querySelector<HTMLMetaElement>(
    'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="date"], meta[name="DC.date.issued"]',
  );
  const fromMeta = normalize(meta?.content);
  if (fromMeta) return fromMeta;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const found = fromJsonLd(script.textContent ?? '');
    if (found) return found;
  }
  const time =
    doc.querySelector<HTMLTimeElement>(
      'article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"]',
    ) ?? doc.querySelector<HTMLTimeElement>('time[datetime]');
  return normalize(time?.getAttribute('datetime'));
}

function fromJsonLd(text: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const stack: unknown[] = [data];
  for (let i = 0; stack.length && i < 200; i++) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...item);
    else if (item && typeof item === 'object') {
      const date = normalize((item as Record<string, unknown>).datePublished);
      if (date) return date;
      const graph = (item as Record<string, unknown>)['@graph'];
      if (graph) stack.push(graph);
    }
  }
  return null;
}

/** YYYY-MM-DD of a date string, or null when it is not a date. */
function normalize(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}
