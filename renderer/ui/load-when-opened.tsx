// Code the first screen does not draw (a page, a dialog, the user menu, the toasts) is fetched when
// it is first needed, or once the first screen is up, so the first screen's script carries only
// what it shows.
import { Suspense, lazy, useState, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

const loaders: Array<() => Promise<unknown>> = [];

/** Fetches every on-demand module now: after the first screen is drawn (and in tests, before). */
export const loadEveryOnDemand = () => Promise.all(loaders.map((load) => load()));

/**
 * A component the first screen shows but need not wait for (the user menu, the toasts): its
 * `placeholder` is drawn in the first frame, and its module arrives with `loadEveryOnDemand`
 * once that frame is up. Fetched on its first render instead, it was read, run and drawn
 * before the first frame, and the first token row waited for it.
 */
export function loadedAfterFirstScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => ReactNode = () => null,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const listeners = new Set<() => void>();
  loaders.push(
    () =>
      (loading ??= load().then((component) => {
        loaded = component;
        for (const listener of listeners) listener();
      })),
  );
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return function LoadedAfterFirstScreen(props: P) {
    const Component = useSyncExternalStore(subscribe, () => loaded);
    return Component ? <Component {...props} /> : placeholder(props);
  };
}

/**
 * A component whose module is fetched on its first render (React.lazy over one named export);
 * `placeholder` stands in its place until then.
 */
export function lazyNamed<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => ReactNode = () => null,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => (loading ??= load().then((component) => (loaded = component)));
  loaders.push(loadOnce);
  // Once fetched, answered at once: React renders it without a placeholder frame.
  const Lazy = lazy(() => (loaded ? answeredAtOnce({ default: loaded }) : loadOnce().then((component) => ({ default: component }))));
  return function LoadedOnDemand(props: P) {
    return (
      <Suspense fallback={placeholder(props)}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

/** A thenable that calls back synchronously, which React.lazy reads without suspending. */
function answeredAtOnce<T>(value: T): Promise<T> {
  // oxlint-disable-next-line unicorn/no-thenable -- on purpose: a real Promise would always answer a tick later.
  return { then: (resolve: (answer: T) => void) => resolve(value) } as unknown as Promise<T>;
}

/**
 * Renders its children from the first time `open` is true on, and keeps them mounted after: a
 * dialog's code loads when it first opens, and stays to play its closing and give focus back.
 */
export function MountWhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open ? children : null;
}
