import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

/**
 * The field visits' outbox: a visit recorded on a phone without signal is kept in localStorage
 * (ids made on the phone), and sent when the phone is back online. The server stores a visit sent
 * twice once, and merges two phones' copies keeping both notes, so sending again is always safe.
 */
type SyncBody = paths['/api/enterprise/visits/sync']['post']['requestBody']['content']['application/json'];
export type VisitDraft = SyncBody['visits'][number];

const KEY = 'archeep.enterprise.outbox.v1';
const listeners = new Set<() => void>();

async function sendVisits(visits: SyncBody['visits']) {
  return unwrap(api.POST('/api/enterprise/visits/sync', { body: { visits } }));
}

export function pendingVisits(): SyncBody['visits'] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as SyncBody['visits'];
  } catch {
    return [];
  }
}

function store(visits: SyncBody['visits']) {
  localStorage.setItem(KEY, JSON.stringify(visits));
  for (const listener of listeners) listener();
}

/** Keeps a visit to send (replacing an earlier copy of the same visit). */
export function queueVisit(visit: SyncBody['visits'][number]) {
  store([...pendingVisits().filter((v) => v.id !== visit.id), visit]);
}

/** Sends what waits, a few at a time; what could not be sent stays. Returns how many were sent. */
async function sendWaiting(): Promise<number> {
  let sent = 0;
  try {
    while (navigator.onLine) {
      const batch = pendingVisits().slice(0, 5);
      if (!batch.length) break;
      await sendVisits(batch);
      const ids = new Set(batch.map((v) => v.id));
      store(pendingVisits().filter((v) => !ids.has(v.id)));
      sent += batch.length;
    }
  } catch {
    // Offline again or refused: the visits wait for the next try.
  }
  return sent;
}

let flushing: Promise<number> | null = null;
/**
 * Sends what waits, one run at a time (a call during a run shares it). The run is forgotten only
 * after it is remembered: a run that finishes at once (nothing waits, or offline) must not leave
 * its settled promise behind, or no later call would ever send again.
 */
export function flushOutbox(): Promise<number> {
  if (!flushing) {
    const run = sendWaiting();
    flushing = run;
    void run.finally(() => {
      if (flushing === run) flushing = null;
    });
  }
  return flushing;
}

export function onOutboxChange(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resizes a photo on the phone (longest side 1280 px, JPEG) before it is kept or sent. */
export async function resizePhoto(file: File, maxSide = 1280): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.8);
}

/** The outbox's state on a page: online or not, how many visits wait; sends them when the phone reconnects. */
export function useOutbox(onSent?: () => void) {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [pending, setPending] = useState(() => pendingVisits().length);
  useEffect(() => {
    const flush = () =>
      void flushOutbox().then((sent) => {
        if (sent) onSent?.();
      });
    const up = () => {
      setOnline(true);
      flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const off = onOutboxChange(() => setPending(pendingVisits().length));
    flush();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      off();
    };
  }, [onSent]);
  return { online, pending };
}
