/** Amounts as Chinese coverage writes them: parsing, display and currency conversion. */
export { parseQuantity, QuantityParseError } from './parse';
export type { ParsedQuantity } from './parse';
export {
  formatQuantity, formatChineseScale, formatLatinScale, formatRange, formatValue, formatNumber, formatMoney, formatMultiple,
  formatPercent, formatInterval, formatColumn, columnScale, fixedSig, trimSig, precisionOf, statedDigits, DEFAULT_DIGITS,
} from './format';
export type { RangeLike, FormatOptions, IntervalOptions, IntervalLike, MoneyStyle, ScaleName } from './format';
export { convertMoney, fxDate, fxRate, fxRateFor, isCurrency, CURRENCIES } from './currency';
export type { FxDated, FxRate } from './currency';
export { unitsCompatible, lookupUnitWord } from './unit-words';
export type { UnitWord } from './unit-words';
export { containsNumber, quantityNumerals, numeralsMissingFromEvidence } from './numerals';
export { normalizeQuantityText, toSimplified } from './normalize';
export { scaleFactor, scaleDecimal, decodeChineseNumeral } from './scale';
export { isIsoDate, isoDateStart } from './date';
export { boundsFor } from './qualifier';
