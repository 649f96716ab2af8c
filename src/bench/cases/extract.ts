/**
 * `extract`: candidate extraction on a 10,000-character article, target under 300 ms once the
 * libraries (opencc-js, the entity resolver) are loaded. The article is generated: sentences of
 * the shapes financial and model coverage uses (amounts with 万/亿, periods, 分别 lists, model
 * specs, qualifiers), about entities of data/entities.csv, with varied numbers; it is cut to
 * exactly 10,000 characters. Median of five runs after one warm-up run.
 */
import { median } from 'simple-statistics';
import type { BenchCase, BenchResult } from '../main';
import { readEntities } from '../../data';
import { EntityResolver } from '../../data/resolveEntity';
import { extractCandidates } from '../../extract/extract';

export const EXTRACT_TARGET_MS = 300;
export const ARTICLE_CHARS = 10_000;

/** A deterministic article of `chars` characters naming `names` (simplified and traditional sentences). */
export function syntheticArticle(names: readonly string[], chars = ARTICLE_CHARS): string {
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const n = (lo: number, hi: number, d = 1) => (lo + rnd() * (hi - lo)).toFixed(d);
  const pick = () => names[Math.floor(rnd() * names.length)];
  const shapes = [
    () => `${pick()}2024年、2025年上半年分别实现营收${n(1, 9)}亿元和${n(1, 9, 2)}亿元，同期亏损分别为${n(1, 30, 2)}亿元、${n(1, 30, 2)}亿元。`,
    () => `据报道，${pick()}完成超${n(5, 90, 0)}亿元人民币B+轮融资，投后估值约${n(100, 400, 0)}亿元。`,
    () => `${pick()}发布新一代模型，总参数${n(100, 900, 0)}B，激活参数${n(5, 40, 0)}B，支持${n(64, 512, 0)}K上下文，每秒${n(100, 500, 0)}个Token。`,
    () => `截至2025年6月末，${pick()}现金及现金等价物为${n(10, 90, 2)}亿元，市值突破${n(1000, 5000, 0)}亿港元。`,
    () => `${pick()}預計今年營收將達${n(1, 20)}億元，毛利率${n(20, 60)}%左右，研發投入${n(5, 50)}億元。`,
    () => `该公司去年日活用户近${n(1000, 9000, 0)}万人，装机量超${n(1000, 9000, 0)}万台，API调用量增长近${n(2, 30, 0)}倍。`,
    () => `在AIME 2025测试中，${pick()}得到${n(80, 99)}分，位列国产开源模型第一。`,
    () => `行业人士表示，2025年第三季度大模型赛道共完成${n(5, 40, 0)}笔融资，合计${n(20, 200, 2)}亿元。`,
    () => `${pick()}于2025年${n(1, 12, 0)}月${n(1, 28, 0)}日正式发布，日均服务近${n(100, 3000, 0)}万人次；1月20日登顶榜单。`,
    () => `字节豆包、阿里千问、腾讯元宝总计砸出超${n(10, 90, 0)}亿元红包，除夕当晚互动达${n(5, 30, 0)}亿次。`,
  ];
  let text = '';
  let i = 0;
  while (text.length < chars) {
    text += shapes[i % shapes.length]();
    i++;
    if (i % 4 === 0) text += '\n';
  }
  return text.slice(0, chars);
}

export const cases: BenchCase[] = [
  {
    name: 'extract',
    async run(): Promise<BenchResult[]> {
      const entities = readEntities();
      const names = entities.filter((e) => e.kind === 'company' || e.kind === 'model').map((e) => e.name_zh);
      const text = syntheticArticle(names);
      const loadStart = process.hrtime.bigint();
      const resolver = new EntityResolver(entities);
      extractCandidates(text, { published: '2026-02-27', entities, resolver }); // warm-up: loads opencc-js
      const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
      const times: number[] = [];
      let count = 0;
      for (let k = 0; k < 5; k++) {
        const t0 = process.hrtime.bigint();
        count = extractCandidates(text, { published: '2026-02-27', entities, resolver }).candidates.length;
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return [{
        name: `extract: ${text.length.toLocaleString('en-US')}-character article, libraries loaded (median of 5)`,
        value: median(times),
        unit: 'ms',
        target: EXTRACT_TARGET_MS,
        detail: `runs ${times.map((t) => t.toFixed(0)).join(' / ')} ms, ${count} candidates; first call with loading ${loadMs.toFixed(0)} ms`,
      }];
    },
  },
];
