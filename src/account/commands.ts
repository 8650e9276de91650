/**
 * Every account command: codecs by type, the `AccountCommand` union, and `decodeCommand` for
 * untrusted input (lookup by `type`, messages naming the failing path).
 * @module
 */
import { type Either, isLeft, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { callsCommands } from '../calls/commands.js';
import { strictType } from '../kernel/codecs.js';
import { type Command, CommandMetadata } from '../kernel/envelope.js';
import type { ValidationError } from '../kernel/errors.js';
import { createPayloadRegistry } from '../kernel/registry.js';
import { decodeWith } from '../kernel/validation.js';
import { notificationsCommands } from '../notifications/commands.js';
import { numbersCommands } from '../numbers/commands.js';
import { recordingCommands } from '../recording/commands.js';
import { smartCallbackCommands } from '../smart-callback/commands.js';
import { smsCommands } from '../sms/commands.js';
import { storageCommands } from '../storage/commands.js';
import { tariffCommands } from '../tariff/commands.js';

/** Payload codecs of every account command, by type. */
export const accountCommandCodecs = {
  ...tariffCommands,
  ...numbersCommands,
  ...recordingCommands,
  ...storageCommands,
  ...smsCommands,
  ...notificationsCommands,
  ...smartCallbackCommands,
  ...callsCommands,
};

type Codecs = typeof accountCommandCodecs;

/** The union of command type names (`'OpenAccount' | 'ChangeTariff' | …`). */
export type AccountCommandType = keyof Codecs;

/** The command whose `type` is `T`, with its payload typed. */
export type AccountCommandOf<K extends AccountCommandType> = Command<K, t.TypeOf<Codecs[K]>>;

/** The union of every command the account decider takes, discriminated by `type`. */
export type AccountCommand = { [K in AccountCommandType]: AccountCommandOf<K> }[AccountCommandType];

/** Every command type, e.g. for a UI or a router. */
export const accountCommandTypes = Object.keys(accountCommandCodecs) as AccountCommandType[];

const registry = createPayloadRegistry(
  Object.fromEntries(Object.entries(accountCommandCodecs).map(([type, codec]) => [type, { codec }])),
);
/** The envelope of every command (`data` is checked by its type's codec); schema walkers read it. */
export const Envelope = strictType(
  { type: t.string, data: t.unknown, metadata: CommandMetadata },
  undefined,
  'AccountCommand',
);

/**
 * Validates untrusted input into an {@link AccountCommand}. The payload codec is found by
 * `type`; phone numbers come back normalised to E.164.
 */
export const decodeCommand = (input: unknown): Either<ValidationError, AccountCommand> => {
  // The payload is copied and checked once, by the registry.
  const envelope = decodeWith(Envelope, input, '', 'data');
  if (isLeft(envelope)) return envelope;
  const { type, data, metadata } = envelope.right;
  const payload = registry.decodeData(type, data);
  if (isLeft(payload)) return payload;
  const command = {
    type,
    data: payload.right,
    metadata: {
      commandId: metadata.commandId,
      accountId: metadata.accountId,
      at: metadata.at,
      actor: metadata.actor,
    },
  };
  return right(command as AccountCommand);
};

/**
 * io-ts codec of {@link AccountCommand} (decoding is {@link decodeCommand}: lookup by type).
 */
export const AccountCommand = new t.Type<AccountCommand, AccountCommand, unknown>(
  'AccountCommand',
  (u): u is AccountCommand => !isLeft(decodeCommand(u)),
  (u, c) => {
    const decoded = decodeCommand(u);
    return isLeft(decoded)
      ? t.failures(
          decoded.left.issues.map((issue) => ({ value: issue.actual, context: c, message: issue.message })),
        )
      : t.success(decoded.right);
  },
  t.identity,
);
