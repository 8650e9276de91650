/**
 * pbx-options: the paid add-on options of a cloud PBX account, event-sourced.
 *
 * Commands are validated (`decodeCommand`) and decided (`createAccountDecider`) into events;
 * events fold into the account state (`replay`) and into read models (projections). The
 * command handler (`createCommandHandler`) ties them to an event store.
 * @packageDocumentation
 */

// The account aggregate
export {
  AccountCommand,
  type AccountCommandOf,
  type AccountCommandType,
  accountCommandCodecs,
  accountCommandTypes,
  decodeCommand,
} from './account/commands.js';
export { type AccountDecider, createAccountDecider, evolveAccount, replay } from './account/decider.js';
export {
  type AccountDomainError,
  type AccountDomainErrorOf,
  type AccountErrorCode,
  type AccountErrorDetails,
  accountError,
  accountErrorCodes,
  isAccountErrorCode,
} from './account/errors.js';
export {
  AccountEvent,
  type AccountEventData,
  type AccountEventOf,
  type AccountEventType,
  accountEventCodecs,
  accountEventRegistry,
  accountEventTypes,
  decodeEvent,
  decodeStoredAccountEvent,
  type StoredAccountEvent,
} from './account/events.js';
export {
  type AccountCommandHandler,
  type AccountCommandHandlerOptions,
  type AccountHandlerError,
  type AccountRefusal,
  accountStreamId,
  createCommandHandler,
} from './account/handler.js';
export {
  ACCOUNT_STATE_SCHEMA_VERSION,
  type AccountState,
  type AccountStateDraft,
  initialAccountState,
} from './account/state.js';
// Capabilities: value types consumers name
export { recentCallIdsOf } from './calls/client-record.js';
export type { CallsSlice, ClientRecord } from './calls/state.js';
// Catalogue and units
export { Catalogue, SmsPackage, Tariff } from './catalogue/catalogue.js';
export { decodeCatalogue } from './catalogue/decode-catalogue.js';
export { BASIC_TARIFF, defaultCatalogue } from './catalogue/default-catalogue.js';
export { formatRoubles, GIB, KOPECKS_PER_ROUBLE, roubles } from './catalogue/units.js';
// Errors for people (Russian and English) and for HTTP (RFC 9457 problems)
export {
  type DescribableError,
  describeError,
  type ErrorLocale,
} from './errors/describe-error.js';
export { type ErrorTexts, errorTextsEn, errorTextsRu } from './errors/error-texts.js';
export { refusalStatus, type ToProblemOptions, toProblem } from './errors/to-problem.js';
// Kernel: the machinery, for services and for other aggregates
export { instantMs } from './kernel/codecs.js';
export {
  type CommandHandler,
  type CommandHandlerOptions,
  createCommandHandler as createDeciderCommandHandler,
  type HandledCommand,
  type RefusalOf,
  type SnapshotPolicy,
} from './kernel/command-handler.js';
export {
  createDecider,
  type Decider,
  type DeepReadonly,
  deepFreeze,
  fold,
  type Recipe,
  type RecipeDecider,
  type ScopedFolds,
} from './kernel/decider.js';
export type {
  AnyEvent,
  Command,
  CommandMetadata,
  Event,
  EventMetadata,
  StoredEvent,
  StoredEventMetadata,
} from './kernel/envelope.js';
export type {
  CommandAlreadyRecorded,
  ConcurrencyError,
  DomainError,
  HandlerError,
  StoreError,
  StoreErrorCode,
  ValidationError,
  ValidationIssue,
} from './kernel/errors.js';
export type {
  AppendOptions,
  AppendResult,
  CommandOutcome,
  EventlessOutcome,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './kernel/event-store.js';
export { createInMemoryEventStore, type InMemoryEventStoreOptions } from './kernel/in-memory-event-store.js';
export { LIMITS } from './kernel/limits.js';
export type {
  CommandOutcomeName,
  CounterLike,
  MeterLike,
  SpanLike,
  TelemetryValue,
  TracerLike,
} from './kernel/observability.js';
export {
  boundedCopy,
  excerptText,
  MAX_PROBLEM_ISSUES,
  type Problem,
  type ProblemIssue,
  type ProblemTexts,
  problemOf,
  problemStatus,
} from './kernel/problem.js';
export {
  createPayloadRegistry,
  type EventDefinition,
  type PayloadRegistry,
  type Upcaster,
} from './kernel/registry.js';
export { createInMemorySnapshotStore, type Snapshot, type SnapshotStore } from './kernel/snapshot-store.js';
export {
  type Channel,
  type Direction,
  SCENARIOS,
  type Scenario,
  type SuppressibleScenario,
} from './notifications/scenario.js';
export type { QuietHours, ScenarioSettings, SendingHours } from './notifications/state.js';
export { type E164, normalisePhoneNumber, PhoneNumber } from './numbers/phone-number.js';
export { NUMBER_OPTIONS, type NumberKind, type NumberOption, type UserNumber } from './numbers/state.js';
// Read models: projections, their runners, preview
export * from './projections/index.js';
export { countCodePoints, countSmsSegments, type SmsSegments } from './sms/segments.js';
export { MAX_NOTIFICATION_TEXT } from './sms/text-limit.js';
export type { StoragePack } from './storage/state.js';
export type { TariffTerms } from './tariff/state.js';
export { DEFAULT_TIME_ZONE } from './tariff/time-zone.js';
