/**
 * Text into HTML (the printed reports: allocation, sizing sheet, request draft, forecast board):
 * `&`, `<`, `>` and `"` as entities, so a description or name shows as typed inside element text
 * and double-quoted attributes (HTML Living Standard §13.1.2.6 and §13.1.4).
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
