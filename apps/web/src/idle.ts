import { useEffect } from 'react';

/**
 * Minutes without a touch or a key before the idle lock: the API writes them into the page
 * (IDLE_LOCK_MINUTES); 15 when the page was not served by the API (Vite's dev server).
 */
export function idleLockMinutes(): number {
  const raw = document.querySelector('meta[name="juntos-idle-lock"]')?.getAttribute('content');
  const minutes = Number(raw);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 15;
}

const ACTIVITY = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;

/**
 * Calls `onIdle` once the user has done nothing for `minutes`. Time is read from the clock, not
 * counted by a timer, so a phone asleep in a pocket locks on waking even if timers were paused.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  useEffect(() => {
    const limit = minutes * 60_000;
    let last = Date.now();
    const touch = () => (last = Date.now());
    const check = () => {
      if (Date.now() - last >= limit) onIdle();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true, capture: true });
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, Math.min(limit / 4, 15_000));
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [minutes, onIdle]);
}
