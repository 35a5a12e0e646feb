import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cjkSubset } from './cjkFontSubset.ts';
import { CHART_FONT_FAMILY, CJK_TEXT } from './lineChartSvg.ts';

const require = createRequire(import.meta.url);

// resvg is a native addon of some tens of MB: load it on the first chart, not at start.
let resvg: typeof import('@resvg/resvg-js') | undefined;
const loadResvg = () => (resvg ??= require('@resvg/resvg-js') as typeof import('@resvg/resvg-js'));

/**
 * The font files charts are drawn with: DejaVu Sans (regular and bold) from the `dejavu-fonts-ttf` package,
 * so text renders the same on a server with no fonts installed at all.
 */
export function chartFontFiles(): string[] {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')];
}

/** Noto Sans SC (regular and bold) from `@expo-google-fonts/noto-sans-sc`: the glyphs of Chinese charts. */
export function cjkFontFiles(): string[] {
  const dir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return [join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'), join(dir, '700Bold', 'NotoSansSC_700Bold.ttf')];
}

let fontFiles: string[] | undefined;
let cjkFiles: string[] | undefined;
let withCjk: string[] | undefined;

/**
 * The fonts an SVG needs. The CJK files are 10 MB a weight and resvg parses them on every render, so only a
 * picture with CJK text gets them, and then the cut of them to the messages' characters once it is ready
 * (src/charts/cjkFontSubset.ts); the full files until then, or for a character the cut lacks.
 */
export function fontsFor(svg: string): string[] {
  fontFiles ??= chartFontFiles();
  if (!CJK_TEXT.test(svg)) return fontFiles;
  cjkFiles ??= cjkFontFiles();
  withCjk ??= [...fontFiles, ...cjkFiles];
  const subset = cjkSubset(cjkFiles);
  return subset?.covers(svg) ? [...fontFiles, ...subset.files] : withCjk;
}

/**
 * Rasterises an SVG to PNG with resvg (no browser). System fonts are never consulted: only the bundled
 * DejaVu Sans files (and Noto Sans SC for Chinese text), so a chart looks the same on every machine.
 * @param options.fontFiles other font files instead (tests use an empty list to see text disappear).
 * @returns the PNG bytes.
 * @throws Error when the SVG is not well-formed XML.
 */
export function svgToPng(svg: string, options: { fontFiles?: readonly string[] } = {}): Uint8Array {
  const { Resvg } = loadResvg();
  const renderer = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [...(options.fontFiles ?? fontsFor(svg))], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'original' },
    logLevel: 'off',
  });
  const png = renderer.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
