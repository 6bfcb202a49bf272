/**
 * The card as readers will see it, live: the page's own card view (page/card/HoverCard.tsx) with
 * its stylesheet, in a shadow root of its own as on a page. The one import of page code from an
 * extension page besides the welcome example (eslint.config.js says so).
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import cardCss from '../../page/card/card.css?inline';
import { HoverCard } from '../../page/card/HoverCard';
import type { Entity, Source } from '../../data/schema';

export function CardPreview({ entity, sources, alias }: { entity: Entity; sources: Source[]; alias: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    if (!root.querySelector('style')) {
      const style = document.createElement('style');
      // The card is `position: fixed` on a page; here it stands in the flow.
      style.textContent = `${cardCss}\n.card{position:static;max-height:none;box-shadow:none}`;
      root.append(style, document.createElement('div'));
    }
    const container = root.lastElementChild as HTMLElement;
    render(
      <HoverCard
        entity={entity}
        sources={new Map(sources.map((s) => [s.id, s]))}
        alias={alias}
        lang="en"
        pageDate={null}
        sidebarHint={null}
        onOpenSidebar={() => undefined}
        onReject={() => undefined}
        onClose={() => undefined}
      />,
      container,
    );
  });
  useEffect(
    () => () => host.current?.shadowRoot && render(null, host.current.shadowRoot.lastElementChild as HTMLElement),
    [],
  );
  return <div ref={host} class="card-preview" data-testid="card-preview" />;
}
