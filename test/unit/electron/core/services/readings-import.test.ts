/**
 * readings.importSeries (issue 14 §9) through the contract on a real workspace: a dry run changes
 * nothing and says which days are new and which replace a reading; a file with any bad row is
 * refused naming every one as `line N: field: problem`, with nothing changed; a clean file is ONE
 * undoable change.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Channel, OutputOf } from '../../../../../shared/contract';
import { createDispatch } from '../../../../../electron/core/services/dispatch';
import { createHandlers } from '../../../../../electron/core/services/handlers';
import { Session } from '../../../../../electron/core/services/session';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let session: Session | null = null;
let n = 0;
afterEach(() => {
  session?.close();
  session = null;
});

async function open() {
  session = new Session({ who: 'tester' });
  await session.create(tmp.path(`ws-${++n}.headroom`), false);
  const dispatch = createDispatch(createHandlers(session));
  const call = async <C extends Channel>(channel: C, input: unknown): Promise<OutputOf<C>> => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as OutputOf<C>;
  };
  const ws = session.require();
  const readings = () => ws.all('SELECT date, value FROM facility_readings ORDER BY date').map((r) => `${String(r.date)}=${Number(r.value)}`);
  return { call, ws, readings };
}

describe('readings.importSeries', () => {
  it('previews, records in one undoable change, and replaces a day that had a reading', async () => {
    const { call, readings } = await open();
    const site = await call('facility.addSite', { name: 'POP A', loadPf: 0.95 });
    await call('facility.recordReading', { siteId: site.id, kind: 'itW', date: '2026-01-02', value: 900 });
    const series = { kind: 'site', siteId: site.id, reading: 'itW' };
    const text = 'date,value\n2026-01-01,1000\n2026-01-02,1100\n2026-01-03,1200\n';

    const dry = await call('readings.importSeries', { series, text, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, added: 2, replaced: 1 });
    expect(dry.points).toEqual([
      { date: '2026-01-01', value: 1000, before: null },
      { date: '2026-01-02', value: 1100, before: 900 },
      { date: '2026-01-03', value: 1200, before: null },
    ]);
    expect(readings()).toEqual(['2026-01-02=900']);

    await call('readings.importSeries', { series, text });
    expect(readings()).toEqual(['2026-01-01=1000', '2026-01-02=1100', '2026-01-03=1200']);
    await call('workspace.undo', {});
    expect(readings()).toEqual(['2026-01-02=900']);
  });

  it('refuses a file with bad rows, naming each, and changes nothing', async () => {
    const { call, readings } = await open();
    const site = await call('facility.addSite', { name: 'POP A', loadPf: 0.95 });
    const series = { kind: 'site', siteId: site.id, reading: 'dataBytes' };
    const err = await call('readings.importSeries', { series, text: 'date,value\n2026-01-01,5\n2026-01-32,6\n2026-01-03,-1\n' }).catch(
      (e: Error & { field?: string }) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as { field?: string }).field).toBe('text');
    expect((err as Error).message.split('\n').slice(1)).toEqual(['line 3: date: 2026-01-32 is not a day (YYYY-MM-DD)', 'line 4: value: must not be negative']);
    expect(readings()).toEqual([]);
  });

  it('refuses a site that does not exist, naming it', async () => {
    const { call } = await open();
    await expect(call('readings.importSeries', { series: { kind: 'site', siteId: 99, reading: 'itW' }, text: '2026-01-01,1' })).rejects.toMatchObject({
      field: 'siteId',
    });
  });
});
