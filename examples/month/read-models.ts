/**
 * The read models the demo prints, in one place. (Deep imports until the package root exports
 * the projections; then this module re-exports from `../../src/index.js`.)
 * @module
 */

export { billing } from '../../src/projections/billing.js';
export { explain, lineLabel } from '../../src/projections/billing-explain.js';
export { monthlyFee } from '../../src/projections/billing-fee.js';
export { type Statement, statement } from '../../src/projections/billing-statement.js';
export { history, historyLines } from '../../src/projections/history.js';
export { numberOptions } from '../../src/projections/number-options.js';
export { formatNumberCount } from '../../src/projections/number-search.js';
export { project } from '../../src/projections/projection.js';
export { formatQuota, heldCount } from '../../src/projections/quota-parts.js';
export { quotaUsage } from '../../src/projections/quota-usage.js';
export { formatRenewingPackage, formatSmsBalance, smsBalance } from '../../src/projections/sms-balance.js';
export { formatTariffCard, tariffCard } from '../../src/projections/tariff-card.js';
