/**
 * What a batch of mutation records means for the marked mentions (page/page-scan.ts): which records
 * are about our own UI only, and which mentions a change made stale.
 */
import type { Mention } from './mentions';

/** Whether a list of added or removed nodes holds an element. */
export const hasElement = (nodes: NodeList) => {
  for (const node of nodes) if (node.nodeType === 1) return true;
  return false;
};

/** Whether a childList record only added or removed elements we exclude (our own UI host). */
export function onlyExcluded(record: MutationRecord, exclude: (element: Element) => boolean): boolean {
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (const node of list) if (node.nodeType !== 1 || !exclude(node as Element)) return false;
  }
  return true;
}

/** The first or last text node at or below `node`, following first or last children. */
function edgeText(node: Node | null, last: boolean): Node | null {
  while (node && node.nodeType === 1) node = last ? node.lastChild : node.firstChild;
  return node && node.nodeType === 3 ? node : null;
}

/**
 * The mentions whose text a mutation changed, added to `into`: those in a text node whose data
 * changed or that left its parent, and those running across the place where nodes were put in or
 * taken out (a name split by <em> with something inserted between its pieces). Any other change
 * leaves a mention's text nodes, and so its static range, as they were.
 */
export function staleMentions(
  record: MutationRecord,
  mentionsIn: (node: Node) => readonly Mention[] | undefined,
  into: Set<Mention> | null,
): Set<Mention> | null {
  const add = (mentions: readonly Mention[] | undefined) => {
    if (!mentions) return;
    into ??= new Set();
    for (const m of mentions) into.add(m);
  };
  if (record.type === 'characterData') {
    add(mentionsIn(record.target));
    return into;
  }
  for (const node of record.removedNodes) if (node.nodeType === 3) add(mentionsIn(node));
  // Browsers name the neighbours of the place; DOMs that do not (happy-dom) have the added nodes'.
  const added = record.addedNodes;
  const first = added[0];
  const last = added[added.length - 1];
  const inTarget = first?.parentNode === record.target && last?.parentNode === record.target;
  const before = edgeText(record.previousSibling ?? (inTarget ? first!.previousSibling : null), true);
  const after = before && edgeText(record.nextSibling ?? (inTarget ? last!.nextSibling : null), false);
  if (before && after) {
    const across = mentionsIn(before)?.filter((m) => m.nodes.includes(after as Text));
    if (across?.length) add(across);
  }
  return into;
}
