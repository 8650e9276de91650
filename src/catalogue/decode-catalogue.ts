/**
 * Validating a catalogue given by a service.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { ValidationError } from '../kernel/errors.js';
import { decodeWith } from '../kernel/validation.js';
import { Catalogue } from './catalogue.js';

/** Decodes an untrusted catalogue; errors name the failing path (e.g. `tariffs.basic.monthlyFee`). */
export const decodeCatalogue = (input: unknown): Either<ValidationError, Catalogue> =>
  decodeWith(Catalogue, input);
