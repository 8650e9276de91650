/**
 * The account aggregate: one Decider over every capability. A command or an event is
 * dispatched to its capability by `type` through one table lookup.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { callsDecisions } from '../calls/decide.js';
import { callsEvolutions } from '../calls/evolve.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { defaultCatalogue } from '../catalogue/default-catalogue.js';
import { instantMs } from '../kernel/codecs.js';
import { createDecider, type RecipeDecider } from '../kernel/decider.js';
import { notificationsDecisions } from '../notifications/decide.js';
import { notificationsEvolutions } from '../notifications/evolve.js';
import { numbersDecisions } from '../numbers/decide.js';
import { numbersEvolutions } from '../numbers/evolve.js';
import { recordingDecisions } from '../recording/decide.js';
import { recordingEvolutions } from '../recording/evolve.js';
import { smartCallbackDecisions } from '../smart-callback/decide.js';
import { smartCallbackEvolutions } from '../smart-callback/evolve.js';
import { smsDecisions } from '../sms/decide.js';
import { smsEvolutions } from '../sms/evolve.js';
import { storageDecisions } from '../storage/decide.js';
import { storageEvolutions } from '../storage/evolve.js';
import { tariffDecisions } from '../tariff/decide.js';
import { tariffEvolutions } from '../tariff/evolve.js';
import type { AccountCommand, AccountCommandType } from './commands.js';
import { type Decision, type DecisionContext, type Decisions, type Evolutions, reject } from './decision.js';
import { eventsRelevantTo } from './decision-scopes.js';
import type { AccountDomainError } from './errors.js';
import type { AccountEvent, AccountEventType } from './events.js';
import { type AccountState, type AccountStateDraft, initialAccountState } from './state.js';
import { refuseOutOfOrder } from './timeline.js';

const decisions: Decisions<AccountCommandType> = {
  ...tariffDecisions,
  ...numbersDecisions,
  ...recordingDecisions,
  ...storageDecisions,
  ...smsDecisions,
  ...notificationsDecisions,
  ...smartCallbackDecisions,
  ...callsDecisions,
};

/** Every event type's evolution, as the capabilities define them (without the timeline's step). */
export const accountEvolutions: Evolutions<AccountEventType> = {
  ...tariffEvolutions,
  ...numbersEvolutions,
  ...recordingEvolutions,
  ...storageEvolutions,
  ...smsEvolutions,
  ...notificationsEvolutions,
  ...smartCallbackEvolutions,
  ...callsEvolutions,
};

type AnyDecide = (command: AccountCommand, state: AccountState, context: DecisionContext) => Decision;
type AnyEvolve = (draft: AccountStateDraft, event: AccountEvent) => void;

type AccountRecipe = (draft: AccountStateDraft, event: AccountEvent) => void;

/**
 * The recipe applying the evolutions of `byType` (an event of another type changes nothing but
 * the latest instant, which every event moves). A Map, not a record: a type read from JSON is a
 * fresh string, and a property lookup with it first searches V8's table of property names; a Map
 * hashes it once and compares.
 */
const recipeOf =
  (byType: ReadonlyMap<string, AnyEvolve>): AccountRecipe =>
  (draft, event) => {
    const evolve = byType.get(event.type);
    if (evolve !== undefined) evolve(draft, event);
    draft.timeline.latestAt = event.metadata.at;
  };

const evolutionsByType = new Map(Object.entries(accountEvolutions) as [string, AnyEvolve][]);

/** Applies one account event to a draft in place: the recipe behind `evolve` and `replay`. */
export const evolveAccount: AccountRecipe = recipeOf(evolutionsByType);

/** A recipe applying only `relevant` event types. */
const recipeOver = (relevant: ReadonlySet<AccountEventType>): AccountRecipe =>
  recipeOf(new Map([...evolutionsByType].filter(([type]) => relevant.has(type as AccountEventType))));

// One scoped recipe per command type, made when first asked for.
const scopedRecipes = new Map<string, AccountRecipe>();

/** The recipe keeping what `command`'s decision reads (the whole recipe for an unknown type). */
const recipeFor = (command: AccountCommand): AccountRecipe => {
  let recipe = scopedRecipes.get(command.type);
  if (recipe === undefined) {
    if (!Object.hasOwn(decisions, command.type)) return evolveAccount;
    recipe = recipeOver(eventsRelevantTo(command.type));
    scopedRecipes.set(command.type, recipe);
  }
  return recipe;
};

/** The account Decider: `{ decide, evolve, initialState }` plus batch folds. */
export type AccountDecider = RecipeDecider<AccountCommand, AccountEvent, AccountState, AccountDomainError>;

/**
 * Creates the account Decider with a price catalogue (default {@link defaultCatalogue}).
 * `decide(command, state)` returns the events or an `AccountDomainError`; `evolve(state, event)` returns
 * a new state and leaves `state` unchanged.
 */
export const createAccountDecider = (catalogue: Catalogue = defaultCatalogue): AccountDecider => {
  const decide = (command: AccountCommand, state: AccountState): Decision => {
    const decideCommand = decisions[command.type] as AnyDecide | undefined;
    if (decideCommand === undefined) {
      return reject('UnknownCommand', `no such command: ${String(command.type)}`, { type: command.type });
    }
    const atMs = instantMs(command.metadata.at);
    if (Number.isNaN(atMs)) {
      return reject('InvalidInstant', `metadata.at is not an instant: ${command.metadata.at}`, {
        field: 'metadata.at',
        at: command.metadata.at,
      });
    }
    const accountId = state.tariff.accountId;
    if (command.type !== 'OpenAccount') {
      if (accountId === null) {
        return reject('AccountNotOpened', 'the account is not opened', {
          accountId: command.metadata.accountId,
        });
      }
      if (accountId !== command.metadata.accountId) {
        return reject(
          'AccountMismatch',
          `the command is for account ${command.metadata.accountId}, not ${accountId}`,
          {
            expected: accountId,
            actual: command.metadata.accountId,
          },
        );
      }
      const outOfOrder = refuseOutOfOrder(state.timeline, command.metadata.at, atMs);
      if (outOfOrder !== undefined) return left(outOfOrder);
    }
    const metadata = {
      at: command.metadata.at,
      commandId: command.metadata.commandId,
      actor: command.metadata.actor,
    };
    return decideCommand(command, state, { catalogue, metadata, atMs });
  };
  return createDecider<AccountCommand, AccountEvent, AccountState, AccountDomainError>({
    decide,
    recipe: evolveAccount as unknown as (draft: unknown, event: AccountEvent) => void,
    initialState: initialAccountState() as AccountState,
    freshState: initialAccountState as () => AccountState,
    recipeFor: recipeFor as unknown as (
      command: AccountCommand,
    ) => (draft: unknown, event: AccountEvent) => void,
  });
};

const defaultDecider = createAccountDecider();

/**
 * Folds a whole history into the account state, at replay speed (recipes run on a fresh private
 * state). Prices come from the events, so no catalogue is needed to replay.
 */
export const replay = (events: Iterable<AccountEvent>, _catalogue?: Catalogue): AccountState =>
  defaultDecider.fold(events);
