/**
 * The reference policy (data/reference-policy.json) applied to a pack: every fact and timeline
 * entry cites its original publisher by name, title, date and URL, on a domain of a kind the
 * policy accepts. Pure; `packs:check` reports these as errors, the import as warnings.
 */
import policyJson from './reference-policy.json';
import type { Pack, Reference } from './schema';

export interface ReferenceKind {
  id: string;
  label: string;
  domains: string[];
  /** Domains whose pages change under the same URL: the query key that pins one revision. */
  permanentOnly?: Record<string, string>;
}

export interface ReferencePolicy {
  kinds: ReferenceKind[];
  refused: { domain: string; why: string }[];
}

export const REFERENCE_POLICY: ReferencePolicy = policyJson;

/** The domain of `list` that `host` is, or is a subdomain of, if any. */
function domainOf(host: string, list: readonly string[]): string | undefined {
  return list.find((domain) => host === domain || host.endsWith(`.${domain}`));
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
};

export type ReferenceVerdict = { ok: true; kind: string } | { ok: false; problem: string };

/** Whether one URL may be cited, and as which kind of source. */
export function judgeUrl(url: string, policy: ReferencePolicy = REFERENCE_POLICY): ReferenceVerdict {
  const host = hostOf(url);
  if (!host) return { ok: false, problem: 'is not a URL' };
  const refused = policy.refused.find((r) => domainOf(host, [r.domain]));
  if (refused) {
    return { ok: false, problem: `domain "${host}" is refused (${refused.why}): cite the original publisher` };
  }
  for (const kind of policy.kinds) {
    const domain = domainOf(host, kind.domains);
    if (!domain) continue;
    const pin = kind.permanentOnly?.[domain];
    if (pin && !new URL(url).searchParams.has(pin)) {
      return { ok: false, problem: `domain "${host}" is cited only as a permanent revision link (with "${pin}=")` };
    }
    return { ok: true, kind: kind.id };
  }
  return { ok: false, problem: `domain "${host}" is outside the reference policy (data/reference-policy.json)` };
}

type Cited = { ref?: string | Reference; source?: string };

/**
 * One line per reference outside the policy, naming pack, entity and field, e.g.
 * `kazakhstan-2022: entity "csto": facts[2].ref: domain "pledgetimes.com" is refused (…)`.
 */
export function checkReferences(pack: Pack, policy: ReferencePolicy = REFERENCE_POLICY): string[] {
  const problems: string[] = [];
  for (const entity of pack.entities) {
    const check = (items: readonly Cited[], field: string) =>
      items.forEach((item, i) => {
        const at = `${pack.id}: entity "${entity.id}": ${field}[${i}].ref`;
        if (item.ref === undefined) return;
        if (typeof item.ref === 'string') {
          problems.push(`${at}: a bare URL; name the publisher, title, date and url of the original`);
          return;
        }
        const verdict = judgeUrl(item.ref.url, policy);
        if (!verdict.ok) problems.push(`${at}.url: ${verdict.problem}`);
        // An encyclopedia entry is revised, not published on a day; anything else says when it appeared.
        else if (item.ref.date === undefined && verdict.kind !== 'reference') {
          problems.push(`${at}.date: a ${verdict.kind} reference names the day it was published`);
        }
      });
    check(entity.facts, 'facts');
    check(entity.timeline, 'timeline');
  }
  return problems;
}

/** References per kind of source ("refused" and "outside" for those the policy does not accept). */
export function countReferenceKinds(pack: Pack, policy: ReferencePolicy = REFERENCE_POLICY): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entity of pack.entities) {
    for (const item of [...entity.facts, ...entity.timeline] as Cited[]) {
      if (item.ref === undefined) continue;
      const url = typeof item.ref === 'string' ? item.ref : item.ref.url;
      const verdict = judgeUrl(url, policy);
      const key = verdict.ok ? verdict.kind : verdict.problem.includes('refused') ? 'refused' : 'outside';
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}
