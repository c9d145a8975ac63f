// React bindings to the session: each component re-renders only for what it reads.
import { createContext, startTransition, useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { CellSnapshot, ReportSession, Topic } from './session';

export const SessionContext = createContext<ReportSession | null>(null);

export function useSession(): ReportSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('ReportSession missing');
  return s;
}

/** Re-renders on every change of a topic; returns its version number. */
export function useTopic(session: ReportSession, topic: Topic): number {
  return useSyncExternalStore(session.subscribeTopic(topic), () => session.version(topic));
}

export function useCell(session: ReportSession, key: string): CellSnapshot {
  const subscribe = useCallback((fn: () => void) => session.subscribeCell(key, fn), [session, key]);
  return useSyncExternalStore(subscribe, () => session.cellSnapshot(key));
}

/**
 * Like useTopic, but the re-render runs as a transition: React renders it in slices and lets a
 * keystroke in between, so lists of findings never hold up typing in a table.
 */
export function useTopicDeferred(session: ReportSession, topic: Topic): number {
  const [version, setVersion] = useState(() => session.version(topic));
  useEffect(() => {
    const update = () => startTransition(() => setVersion(session.version(topic)));
    const unsubscribe = session.subscribeTopic(topic)(update);
    update(); // anything that changed between render and subscription
    return unsubscribe;
  }, [session, topic]);
  return version;
}
