import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { mapStore } from './map-store.ts';
import type { MapController } from './map-controller.ts';
import { translator } from './messages.ts';
import type { MapConfig } from './types.ts';

/**
 * The map (`client:only="react"`): the current search hits, clustered. MapLibre (the bulk of this
 * page's JavaScript) is loaded after the list and filters are already usable. The list is the
 * accessible alternative; keyboard users can skip the map.
 */
export default function MapIsland({ config }: { config: MapConfig }) {
  const t = useMemo(() => translator(config.locale, config.messages), [config.locale, config.messages]);
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const data = useSyncExternalStore(mapStore.subscribe, mapStore.get, mapStore.get);

  useEffect(() => {
    let cancelled = false;
    import('./map-controller.ts')
      .then(({ createMapController }) => createMapController(container.current!, config, t))
      .then((c) => {
        if (cancelled) return c.destroy();
        controller.current = c;
        c.setData(mapStore.get());
        setStatus('ready');
      })
      .catch((err) => {
        console.error(`[map] ${(err as Error).message}`);
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
      controller.current?.destroy();
      controller.current = null;
    };
  }, [config, t]);

  useEffect(() => controller.current?.setData(data), [data]);

  return (
    <div className="map-pane">
      <a className="skip-map" href="#after-map">{t('map.skip')}</a>
      {/* MapLibre makes its canvas a labelled region (Map.Title); no second landmark around it. */}
      <div ref={container} className="map" data-status={status} />
      {status === 'loading' && <p className="hint map-status">{t('map.loading')}</p>}
      {status === 'failed' && <p role="alert" className="notice map-status">{t('map.unavailable')}</p>}
      <span id="after-map" tabIndex={-1} />
    </div>
  );
}
