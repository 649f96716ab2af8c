/**
 * A vega theme per colour scheme, for the report's light and dark modes: config laid over each
 * chart's own config at embed time (backgrounds, text, grid and domain colours). Categorical
 * and company colours stay the same in both modes, so a company keeps its colour.
 */
import type { Config } from 'vega-lite';

export type ColorMode = 'light' | 'dark';

const LIGHT_TEXT = '#222';
const DARK_TEXT = '#e6e6e6';
const DARK_MUTED = '#b3b3b3';

export const CHART_THEMES: Record<ColorMode, Config> = {
  light: {
    background: 'transparent',
    text: { color: LIGHT_TEXT },
  },
  dark: {
    background: 'transparent',
    view: { stroke: '#555' },
    title: { color: DARK_TEXT, subtitleColor: DARK_MUTED },
    style: { 'guide-label': { fill: DARK_TEXT }, 'guide-title': { fill: DARK_TEXT } },
    axis: { domainColor: '#888', gridColor: '#444', tickColor: '#888', labelColor: DARK_TEXT, titleColor: DARK_TEXT },
    legend: { labelColor: DARK_TEXT, titleColor: DARK_TEXT },
    header: { labelColor: DARK_TEXT, titleColor: DARK_TEXT },
    text: { color: DARK_TEXT },
    rule: { color: DARK_MUTED },
  },
};
