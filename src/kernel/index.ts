/**
 * The event-sourcing kernel: domain-agnostic machinery (envelopes, codecs, deciders, stores,
 * the command handler). Nothing here imports the domain.
 * @module
 */
export * from './codecs.js';
export * from './collections/chunked-map.js';
export * from './command-handler.js';
export * from './decider.js';
export * from './envelope.js';
export * from './errors.js';
export * from './event-store.js';
export * from './in-memory-event-store.js';
export * from './observability.js';
export * from './registry.js';
export * from './snapshot-store.js';
export * from './stored-event.js';
export * from './subscription.js';
export * from './tap-handled.js';
export * from './validation.js';
