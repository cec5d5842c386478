import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../../../../shared/contract';
import { defineContract, mutation, query } from '../../../../../shared/contract/define';
import { createDispatch } from '../../../../../electron/core/services/dispatch';
import { createHandlers } from '../../../../../electron/core/services/handlers';
import { Session } from '../../../../../electron/core/services/session';

describe('defineContract', () => {
  it('throws when an operation is declared twice', () => {
    const a = { 'registry.addPrefix': mutation<null>()(z.object({}), 'a') };
    const b = { 'registry.addPrefix': mutation<null>()(z.object({}), 'b') };
    expect(() => defineContract(a, b)).toThrow(/declared twice/);
  });

  it('throws on a name that is not <area>.<verbNoun>', () => {
    expect(() => defineContract({ 'add-prefix': query<null>()(z.object({}), 'x') })).toThrow(/not named/);
  });
});

describe('the contract', () => {
  // Names need no test here: defineContract refuses a name that is not <area>.<verbNoun> when
  // the contract loads (tested above). The input's kind is not in its type (any zod schema).
  it('gives every operation an object schema', () => {
    for (const c of channels) expect(contract[c].input).toBeInstanceOf(z.ZodObject);
  });

  it('has a handler for every operation and no handler without one', () => {
    const handlers = createHandlers(new Session());
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
  });
});

describe('dispatch', () => {
  const dispatch = createDispatch(createHandlers(new Session()));

  it('refuses input that fails the schema, naming the field', async () => {
    const r = await dispatch('registry.addPrefix', { prefix: '10.0.0.0/8', status: 'used' });
    expect(r).toEqual({ ok: false, error: { code: 'invalid', field: 'status', message: expect.stringMatching(/^must be one of/) } });
  });

  it('refuses a wrong type by field path', async () => {
    const r = await dispatch('workspace.history', { limit: 'ten' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', field: 'limit' } });
  });

  it('refuses an unknown field on every channel by name (strict JSON)', async () => {
    for (const c of channels) {
      const r = await dispatch(c, { colourCode: 'red' });
      expect(r, c).toMatchObject({ ok: false, error: { code: 'invalid', field: 'colourCode', message: expect.stringMatching(/is not a field of/) } });
    }
  });

  it('names a misspelt field with the one it meant, before any other problem', async () => {
    const r = await dispatch('registry.addPrefix', { prefix: '10.0.0.0/8', descripton: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', field: 'descripton', message: expect.stringMatching(/did you mean description\?/) } });
  });

  it('refuses an unknown channel', async () => {
    expect(await dispatch('workspace.format', {})).toMatchObject({ ok: false, error: { code: 'invalid', field: 'channel' } });
  });

  it('says when no workspace is open', async () => {
    expect(await dispatch('workspace.info', {})).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
  });

  it('turns an unexpected exception into an internal error without a stack', async () => {
    const broken = createDispatch({
      ...createHandlers(new Session()),
      'workspace.recent': () => {
        throw new TypeError('x is undefined');
      },
    });
    const r = await broken('workspace.recent', {});
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'internal error: x is undefined' } });
  });
});
