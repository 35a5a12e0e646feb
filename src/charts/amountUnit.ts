import { english, type Translator } from '../i18n/translator.ts';

/** How large amounts are shown on an axis: divided by a power of a thousand that is named in the title. */
export interface AmountUnit {
  /** Multiply an amount by this to get the axis value. */
  readonly factor: number;
  /** Put before the token in the panel title: 'million ', 'thousand ' or ''. */
  readonly words: string;
}

/**
 * The unit for amounts up to `peak` (its absolute value): billions, millions, thousands from 10,000 up, else ones,
 * so y ticks stay short ("1.2" million rather than "1200000").
 * @example amountUnit(1_000_000) // { factor: 1e-6, words: t('chart-unit-million') }
 */
export function amountUnit(peak: number, t: Translator = english): AmountUnit {
  const size = Math.abs(peak);
  if (size >= 1e9) return { factor: 1e-9, words: t('chart-unit-billion') };
  if (size >= 1e6) return { factor: 1e-6, words: t('chart-unit-million') };
  if (size >= 1e4) return { factor: 1e-3, words: t('chart-unit-thousand') };
  return { factor: 1, words: '' };
}
