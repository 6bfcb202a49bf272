/**
 * Facts as they stood on a day: what held on the page's publication date, and what changed after
 * it ("Since then"). Pure and free of zod, so the card's view can use it in the page.
 */
import type { Entity, Fact, Period, TimelineEntry } from './schema';

/** The first day of a possibly partial ISO date (2024 → 2024-01-01), comparable as a string. */
export const firstDay = (iso: string) => (iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso);

/** When a fact began to hold: its period's start, else the day it happened or was stated. */
const startOf = (item: { date?: string; held?: Period }) => item.held?.from ?? item.date;

/** Is `day` in the period from `from` (inclusive) to `until` (exclusive), either end open? */
export const inPeriod = (day: string, from?: string, until?: string) =>
  (from === undefined || firstDay(from) <= day) && (until === undefined || firstDay(until) > day);

export const heldOn = (item: { date?: string; held?: Period }, day: string): boolean =>
  inPeriod(day, startOf(item), item.held?.until);

export interface Change {
  /** When it began to hold or happened. */
  date: string;
  text: string;
  item: Fact | TimelineEntry;
}

export interface FactsOn {
  day: string;
  /** Every fact that held on the day. */
  current: Fact[];
  /** Of those, the ones that can change (they carry a period): the card shows these. */
  changeable: Fact[];
  /** Facts that began and timeline entries that happened after the day, oldest first. */
  since: Change[];
}

const factText = (fact: Fact) => `${fact.label}: ${fact.value}`;

/** `day` is a full ISO date (YYYY-MM-DD). */
export function factsOn(entity: Pick<Entity, 'facts' | 'timeline'>, day: string): FactsOn {
  const current = entity.facts.filter((fact) => heldOn(fact, day));
  const since: Change[] = [];
  for (const fact of entity.facts) {
    const start = startOf(fact);
    if (start !== undefined && firstDay(start) > day) since.push({ date: start, text: factText(fact), item: fact });
  }
  for (const entry of entity.timeline) {
    if (firstDay(entry.date) > day) since.push({ date: entry.date, text: entry.label, item: entry });
  }
  // Stable: on the same day, facts come before timeline entries.
  since.sort((a, b) => (firstDay(a.date) < firstDay(b.date) ? -1 : firstDay(a.date) > firstDay(b.date) ? 1 : 0));
  return { day, current, changeable: current.filter((fact) => fact.held !== undefined), since };
}

/** Today as YYYY-MM-DD in UTC, the day facts are shown for when the page gives no date. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);
