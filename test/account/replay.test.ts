import { describe, expect, it } from 'vitest';
import { replay } from '../../src/account/decider.js';
import { initialAccountState } from '../../src/account/state.js';
import { getEntry } from '../../src/kernel/index.js';
import { cmd, decider, historyOf, OPENED_AT } from '../support/account.js';

const history = () =>
  historyOf(
    cmd('OpenAccount', { tariffId: 'basic' }),
    cmd('AddMultichannelNumber', { number: '+74951234567' }),
    cmd('EnableSmartCallback', {}),
    cmd('RegisterCall', {
      callId: 'call-1',
      direction: 'incoming',
      line: 'multichannel',
      multichannelNumber: '+74951234567',
      client: '+79161234567',
      outcome: 'missed',
    }),
  );

describe('replay', () => {
  it('given no events, when replayed, then the state is the initial one', () => {
    expect(replay([])).toEqual(initialAccountState());
    expect(decider.fold([])).toEqual(decider.initialState);
  });

  it('given a history, when replayed twice, then each fold has a state of its own and the initial state is untouched', () => {
    const events = history();
    const initial = structuredClone(decider.initialState);
    const first = replay(events);
    const second = replay(events);
    expect(first).toEqual(second);
    expect(first.calls.clients).not.toBe(second.calls.clients);
    expect(getEntry(first.calls.clients, '+79161234567')).not.toBe(
      getEntry(second.calls.clients, '+79161234567'),
    );
    expect(decider.initialState).toEqual(initial);
    expect(decider.initialState.calls.clients.size).toBe(0);
    expect(first.timeline.latestAt).toBe(OPENED_AT);
  });

  it('given a history, when folded at once or event by event through evolve, then both give the same state', () => {
    const events = history();
    expect(replay(events)).toEqual(events.reduce(decider.evolve, decider.initialState));
  });
});
