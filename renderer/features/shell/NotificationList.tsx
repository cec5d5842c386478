/**
 * The notification list: every notice of this session, newest first, behind one button in the
 * top bar (issue 14, item 7: at most one toast stacks over the content; the rest are here).
 */
import { useEffect, useRef, useState } from 'react';
import type { Notice } from '../../state';

export function NotificationList({ notices }: { notices: Notice[] }) {
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  // While the list is open, every notice in it is seen (adjusted during render, not after).
  const latest = notices[notices.length - 1]?.id ?? 0;
  if (open && latest > seen) setSeen(latest);
  const unseen = notices.filter((n) => n.id > seen).length;
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="notif" ref={box}>
      <button type="button" aria-expanded={open} aria-controls="notif-list" onClick={() => setOpen((o) => !o)} title="Messages of this session">
        Messages{unseen > 0 && !open ? <span className="notif-count"> {unseen}</span> : null}
      </button>
      {open && (
        <div className="notif-pop" id="notif-list" role="region" aria-label="Messages">
          {notices.length === 0 ? (
            <p className="muted">No messages yet.</p>
          ) : (
            <ol>
              {[...notices].reverse().map((n) => (
                <li key={n.id} className={`notif-item notif-${n.kind}`}>
                  {n.text}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
