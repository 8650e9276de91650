import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/kernel/decider.js';
import { acknowledge, dueNotices, noticeId, notifications } from '../../src/projections/index.js';
import { givenEvents } from '../../src/testing/index.js';
import { notificationSent } from './builders.js';

describe('notifications outbox', () => {
  const events = [
    notificationSent('c1', '2025-04-21T23:10:00+03:00', { sendAt: '2025-04-22T09:00:00+03:00' }),
    notificationSent('c2', '2025-04-21T12:00:00+03:00'),
    notificationSent('c3', '2025-04-21T12:00:00+03:00', { channel: 'telegram' }),
    notificationSent('c4', '2025-04-21T08:00:00+03:00'),
  ];

  it('orders notices by when to send them, then by arrival', () => {
    givenEvents(notifications, events).then((outbox) => {
      expect(dueNotices(outbox).map((n) => n.callId)).toEqual(['c4', 'c2', 'c3', 'c1']);
      const first = dueNotices(outbox)[0];
      expect(first).toMatchObject({
        recipient: '+79161234567',
        channel: 'sms',
        text: 'Мы перезвоним',
        segments: 1,
      });
    });
  });

  it('gives only the notices due by an instant, at most a limit', () => {
    givenEvents(notifications, events).then((outbox) => {
      expect(dueNotices(outbox, '2025-04-21T12:00:00+03:00').map((n) => n.callId)).toEqual([
        'c4',
        'c2',
        'c3',
      ]);
      expect(dueNotices(outbox, '2025-04-22T10:00:00+03:00', 1).map((n) => n.callId)).toEqual(['c4']);
    });
  });

  it('removes a notice once acknowledged, in a new outbox', () => {
    givenEvents(notifications, events).then((outbox) => {
      const held = deepFreeze(outbox);
      const id = noticeId({ callId: 'c2', scenario: 'incoming-missed-call', channel: 'sms' });
      const after = acknowledge(held, id);
      expect(dueNotices(after).map((n) => n.callId)).toEqual(['c4', 'c3', 'c1']);
      expect(after.acknowledged).toBe(1);
      expect(dueNotices(held)).toHaveLength(4);
      expect(acknowledge(after, id)).toBe(after);
    });
  });

  it('acknowledges a notice given as read from the outbox, in any order, and forgets the delivered head', () => {
    givenEvents(notifications, events).then((outbox) => {
      const [c4, c2, c3, c1] = dueNotices(outbox);
      let after = acknowledge(outbox, c2!);
      after = acknowledge(after, c3!);
      expect(after.firstPending).toBe(0);
      expect(dueNotices(after).map((n) => n.callId)).toEqual(['c4', 'c1']);
      after = acknowledge(after, c1!);
      // c1, c2, c3 arrived first: delivered, the cursor passes them and forgets them.
      expect([after.firstPending, after.delivered.size, after.acknowledged]).toEqual([3, 0, 3]);
      after = acknowledge(after, c4!);
      expect(dueNotices(after)).toEqual([]);
      expect(acknowledge(after, c4!)).toBe(after);
      expect(acknowledge(after, { ...c4!, id: 'other' })).toBe(after);
      expect(acknowledge(outbox, 'no/such/notice')).toBe(outbox);
    });
  });
});
