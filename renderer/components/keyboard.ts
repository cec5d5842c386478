/** Keyboard shortcuts stay out of the way of typing. */

/** Whether a key event's target takes typed text (so a single-key shortcut must not fire). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}
