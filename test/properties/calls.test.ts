/**
 * Calls, notices, SMS and smart callback over random histories: the balance never goes below
 * zero, every SMS notice is paid by the balance or a renewal that it needed, the free package
 * is had at most once a period, calls are not registered twice, routing follows an open window,
 * nothing paid runs while the subscription is lapsed,
 * refusals leave nothing, replay equals the step-by-step state (see support/).
 */
import { describe, it } from 'vitest';
import { TINY_SMS_PACKAGES } from './support/catalogues.js';
import { CALLING_ACCOUNT } from './support/preludes.js';
import { checkSequences, expectReached } from './support/property.js';
import { timeoutFor } from './support/runs.js';
import { callbackChunk, type Profile } from './support/steps.js';

const profile: Profile = {
  RegisterCall: 14,
  RouteIncomingCall: 6,
  ConfigureNotification: 3,
  PurchaseSmsPackage: 2,
  SetVisitCardPeriod: 1,
  SetNotificationSuppression: 1,
  SetQuietHours: 1,
  EnableSmartCallback: 1,
  DisableSmartCallback: 1,
  SetSmartCallbackWindow: 1,
  EnableNumberOption: 1,
  DisableNumberOption: 1,
  RemoveNumber: 1,
  RenewSubscription: 1,
  SetAutoRenewal: 1,
};

/** Calling accounts: numbers with caller ID, packages, texts, smart callback. */
const setup: Profile = {
  AddNumber: 2,
  EnableNumberOption: 2,
  PurchaseSmsPackage: 2,
  ConfigureNotification: 3,
  EnableSmartCallback: 1,
};

describe('calls, notices and SMS over random histories', () => {
  it(
    'keeps the balance, notices and routing invariants after every event, for 3 000 sequences',
    () => {
      const stats = checkSequences(
        profile,
        3000,
        { setup, prelude: CALLING_ACCOUNT, chunks: callbackChunk },
        TINY_SMS_PACKAGES,
      );
      expectReached(stats, profile, [
        'NotificationSent:sms',
        'NotificationSent:telegram',
        'NotificationSkipped:suppressed',
        'NotificationSkipped:sms-balance-exhausted',
        'NotificationSkipped:free-sms-package-used',
        'NotificationSkipped:subscription-lapsed',
        'IncomingCallRouted:subscription-lapsed',
        'SmsPackagePurchased:purchase',
        'SmsPackagePurchased:auto-renewal',
        'SmartCallbackWindowOpened',
        'SmartCallbackWindowClosed',
        'IncomingCallRouted:smart-callback',
        'IncomingCallRouted:window-expired',
        'IncomingCallRouted:caller-id-off',
        'IncomingCallRouted:operator-gone',
      ]);
    },
    timeoutFor(),
  );
});
