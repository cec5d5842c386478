/**
 * A "PDF…" button for any screen: asks reports.file for the PDF (printed by the same Chromium
 * path as the CLI) and saves it. It never calls window.print(), which blocks headless Chromium
 * and gives the planner a print dialog instead of a file (issue 14 §10).
 */
import { useState } from 'react';
import type { InputOf } from '../../../shared/contract';
import { client } from '../../client';
import { errorText, useWorkspace } from '../../state';
import { bytesOf, saveBytes } from './formats';

export function SavePdfButton({ request, label = 'PDF…', className }: { request: InputOf<'reports.file'>; label?: string; className?: string }) {
  const { notify } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const f = await client.call('reports.file', request);
      saveBytes(f.fileName, bytesOf(f.base64), f.mime);
    } catch (e) {
      notify('error', errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className={className} disabled={busy} onClick={() => void save()} title="Saves the PDF, as headroom export makes it">
      {busy ? 'Making the PDF…' : label}
    </button>
  );
}
