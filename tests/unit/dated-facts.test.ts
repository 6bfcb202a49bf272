/** Facts as they stood on a page's date, and "Since then". */
import { describe, expect, it } from 'vitest';
import { factsOn, firstDay, heldOn, today } from '../../data/dated-facts';
import type { Fact, TimelineEntry } from '../../data/schema';

const ref = { publisher: 'P', title: 'T', date: '2024', url: 'https://example.org/' };
const six: Fact = { label: 'Members', value: 'six active', held: { from: '2012-12', until: '2024-02-22' }, ref };
const frozen: Fact = { label: 'Members', value: 'six; Armenia frozen', held: { from: '2024-02-22' }, ref };
const founded: Fact = { label: 'Founded', value: '2002', date: '2002-10-07', ref };
const said: Fact = { label: 'Said', value: 'a statement', date: '2022-01-10', ref };
const chair: TimelineEntry = { date: '2024-02', label: 'Armenia freezes its participation', ref };
const entity = {
  facts: [six, frozen, founded, said],
  timeline: [{ date: '2002-10-07', label: 'Charter', ref }, chair],
};

describe('dated facts', () => {
  it('on a January 2022 page: the facts of then, the later ones under "since then"', () => {
    const on = factsOn(entity, '2022-01-08');
    expect(on.current).toEqual([six, founded]);
    expect(on.changeable).toEqual([six]);
    expect(on.since.map((c) => [c.date, c.text])).toEqual([
      ['2022-01-10', 'Said: a statement'],
      ['2024-02', 'Armenia freezes its participation'],
      ['2024-02-22', 'Members: six; Armenia frozen'],
    ]);
  });

  it('on a 2025 page: the new state only, nothing earlier under "since then"', () => {
    const on = factsOn(entity, '2025-06-01');
    expect(on.current).toEqual([frozen, founded, said]);
    expect(on.changeable).toEqual([frozen]);
    expect(on.since).toEqual([]);
  });

  it('treats "until" as the first day a fact no longer held, and partial dates by their first day', () => {
    expect(heldOn(six, '2024-02-21')).toBe(true);
    expect(heldOn(six, '2024-02-22')).toBe(false);
    expect(heldOn(frozen, '2024-02-22')).toBe(true);
    expect(heldOn(six, '2012-11-30')).toBe(false);
    expect(heldOn(six, '2012-12-01')).toBe(true);
    expect(firstDay('2024')).toBe('2024-01-01');
    expect(firstDay('2024-02')).toBe('2024-02-01');
    expect(heldOn({ label: 'x', value: 'y' } as Fact, '1900-01-01')).toBe(true);
  });

  it('today is a UTC calendar day', () => {
    expect(today(new Date('2026-12-01T23:30:00-05:00'))).toBe('2026-12-02');
  });
});
