/**
 * Amounts as they are written in the captured articles (simplified script from the QbitAI,
 * TMTPost, Jiazi and blog captures; traditional script from the NetEase capture), with the
 * reading worked out by hand. Used by parse.test.ts.
 */
import type { Currency, Qualifier } from '../../src/types';

export interface Case {
  text: string;
  value: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: string | null;
  currency: Currency | null;
}

const c = (
  text: string, value: number, low: number | null, high: number | null, qualifier: Qualifier,
  unit: string | null, currency: Currency | null = null,
): Case => ({ text, value, low, high, qualifier, unit, currency });

export const SIMPLIFIED: Case[] = [
  // 超50亿元: 50 x 1e8 = 5e9, over -> [5e9, none)
  c('超50亿元', 5e9, 5e9, null, 'over', 'money', 'CNY'),
  // 350 token/s, stated as is
  c('350 token/s', 350, 350, 350, 'exact', 'tokens/s'),
  // 每秒350个token: same rate written the other way round
  c('每秒350个token', 350, 350, 350, 'exact', 'tokens/s'),
  // 11B: 11 x 1e9
  c('11B', 11e9, 11e9, 11e9, 'exact', null),
  c('96.11%', 96.11, 96.11, 96.11, 'exact', 'percent'),
  c('96.67%', 96.67, 96.67, 96.67, 'exact', 'percent'),
  c('22款', 22, 22, 22, 'exact', 'models'),
  // 超4200万台: 4200 x 1e4 = 4.2e7 devices, over
  c('超4200万台', 4.2e7, 4.2e7, null, 'over', 'devices'),
  // 近2000万人次: 2000 x 1e4 = 2e7, nearly -> (none, 2e7]
  c('近2000万人次', 2e7, null, 2e7, 'nearly', 'count'),
  // 超百万辆: 百万 = 1e6 vehicles, over
  c('超百万辆', 1e6, 1e6, null, 'over', 'vehicles'),
  c('近20倍', 20, null, 20, 'nearly', 'multiple'),
  c('5倍', 5, 5, 5, 'exact', 'multiple'),
  // 超40亿元: 40 x 1e8 = 4e9
  c('超40亿元', 4e9, 4e9, null, 'over', 'money', 'CNY'),
  // 19亿次: 19 x 1e8 = 1.9e9 count
  c('19亿次', 1.9e9, 1.9e9, 1.9e9, 'exact', 'count'),
  // 3000亿港元: 3000 x 1e8 = 3e11 HKD
  c('3000亿港元', 3e11, 3e11, 3e11, 'exact', 'money', 'HKD'),
  // 超7亿美元: 7e8 USD, over
  c('超7亿美元', 7e8, 7e8, null, 'over', 'money', 'USD'),
  c('97.3分', 97.3, 97.3, 97.3, 'exact', 'score'),
  c('28岁', 28, 28, 28, 'exact', 'years'),
  c('近170%', 170, null, 170, 'nearly', 'percent'),
  // 超 50 亿元人民币 (white space as in the TMTPost capture): 5e9 CNY
  c('超 50 亿元人民币', 5e9, 5e9, null, 'over', 'money', 'CNY'),
  // 94.16 亿元: 94.16 x 1e8 = 9416000000 exactly
  c('94.16 亿元', 9.416e9, 9.416e9, 9.416e9, 'exact', 'money', 'CNY'),
  c('22 笔', 22, 22, 22, 'exact', 'count'),
  // 5.12 亿美元: 5.12 x 1e8 = 512000000
  c('5.12 亿美元', 5.12e8, 5.12e8, 5.12e8, 'exact', 'money', 'USD'),
  c('超 80%', 80, 80, null, 'over', 'percent'),
  // 555.4 亿美元: 555.4 x 1e8 = 55540000000
  c('555.4 亿美元', 5.554e10, 5.554e10, 5.554e10, 'exact', 'money', 'USD'),
  // 1.47 亿台: 1.47 x 1e8 = 147000000
  c('1.47 亿台', 1.47e8, 1.47e8, 1.47e8, 'exact', 'devices'),
  // 5000-7500 亿美元: [5e11, 7.5e11], midpoint (5e11 + 7.5e11) / 2 = 6.25e11
  c('5000-7500 亿美元', 6.25e11, 5e11, 7.5e11, 'range', 'money', 'USD'),
  // 200-300 亿元人民币: [2e10, 3e10], midpoint 2.5e10
  c('200-300 亿元人民币', 2.5e10, 2e10, 3e10, 'range', 'money', 'CNY'),
  // 约为 25 倍
  c('约为 25 倍', 25, 25, 25, 'approx', 'multiple'),
  // 39-41 倍: midpoint 40
  c('39-41 倍', 40, 39, 41, 'range', 'multiple'),
  c('80-100 倍', 90, 80, 100, 'range', 'multiple'),
  // 321B = 321 x 1e9; 38B = 38 x 1e9
  c('321B', 3.21e11, 3.21e11, 3.21e11, 'exact', null),
  c('38B 参数', 3.8e10, 3.8e10, 3.8e10, 'exact', 'parameters'),
  c('8.4 倍', 8.4, 8.4, 8.4, 'exact', 'multiple'),
  // 5GB: 5 x 1e9 bytes (decimal GB)
  c('5GB', 5e9, 5e9, 5e9, 'exact', 'bytes'),
  // 8000 万台: 8000 x 1e4 = 8e7
  c('8000 万台', 8e7, 8e7, 8e7, 'exact', 'devices'),
  c('超 10 亿次', 1e9, 1e9, null, 'over', 'count'),
  c('30% 以上', 30, 30, null, 'over', 'percent'),
  // 1/3 (推理解码成本仅为后者的1/3)
  c('1/3', 1 / 3, 1 / 3, 1 / 3, 'exact', null),
  // Jiazi: 千亿参数 = 1e11 parameters; 万亿参数 = 1e12
  c('千亿参数', 1e11, 1e11, 1e11, 'exact', 'parameters'),
  c('万亿参数', 1e12, 1e12, 1e12, 'exact', 'parameters'),
  c('6款', 6, 6, 6, 'exact', 'models'),
  c('8秒', 8, 8, 8, 'exact', 'seconds'),
  c('50000 tokens', 50000, 50000, 50000, 'exact', 'tokens'),
  // 5万到7万字: [5e4, 7e4], midpoint 6e4
  c('5万到7万字', 6e4, 5e4, 7e4, 'range', 'characters'),
  c('5%左右', 5, 5, 5, 'approx', 'percent'),
  c('80%以上', 80, 80, null, 'over', 'percent'),
  c('0.17秒', 0.17, 0.17, 0.17, 'exact', 'seconds'),
  // 1元/百万token: 1 CNY / 1e6 tokens = 1e-6 CNY per token; 2元/百万token = 2e-6
  c('1元/百万token', 1e-6, 1e-6, 1e-6, 'exact', 'money/token', 'CNY'),
  c('2元/百万token', 2e-6, 2e-6, 2e-6, 'exact', 'money/token', 'CNY'),
  c('近94%', 94, null, 94, 'nearly', 'percent'),
  // blog: 3890亿参数 = 3890 x 1e8 = 3.89e11; 520亿激活 = 5.2e10
  c('3890亿参数', 3.89e11, 3.89e11, 3.89e11, 'exact', 'parameters'),
  c('520亿激活', 5.2e10, 5.2e10, 5.2e10, 'exact', 'parameters'),
  c('406B', 4.06e11, 4.06e11, 4.06e11, 'exact', null),
  c('256K', 256000, 256000, 256000, 'exact', null),
  c('128K', 128000, 128000, 128000, 'exact', null),
  // 数亿美元: "several 亿" read as 2..9 x 1e8, midpoint 5.5e8, estimate
  c('数亿美元', 5.5e8, 2e8, 9e8, 'estimate', 'money', 'USD'),
  // 7万亿tokens: 7 x 1e12
  c('7万亿tokens', 7e12, 7e12, 7e12, 'exact', 'tokens'),
  c('超过100万条', 1e6, 1e6, null, 'over', 'count'),
  c('约73万小时', 7.3e5, 7.3e5, 7.3e5, 'approx', 'hours'),
  c('300亿参数', 3e10, 3e10, 3e10, 'exact', 'parameters'),
  c('230万+', 2.3e6, 2.3e6, null, 'over', null),
  // 1.3亿+ : 1.3 x 1e8, trailing + = over
  c('1.3亿+', 1.3e8, 1.3e8, null, 'over', null),
  c('600+', 600, 600, null, 'over', null),
  c('接近1000星', 1000, null, 1000, 'nearly', 'stars'),
  c('16款', 16, 16, 16, 'exact', 'models'),
  // TMTPost: 营收仍处于亿元级别 -> order of magnitude 1e8 (1e8 .. 1e9), estimate
  c('亿元级别', 1e8, 1e8, 1e9, 'estimate', 'money', 'CNY'),
  // 超半数 -> over half = 50 percent
  c('超半数', 50, 50, null, 'over', 'percent'),
];

export const TRADITIONAL: Case[] = [
  // NetEase capture, traditional script. 50億元人民幣: 50 x 1e8 = 5e9 CNY
  c('50億元人民幣', 5e9, 5e9, 5e9, 'exact', 'money', 'CNY'),
  c('22筆', 22, 22, 22, 'exact', 'count'),
  c('94.16億元', 9.416e9, 9.416e9, 9.416e9, 'exact', 'money', 'CNY'),
  // 超過10億元人民幣: 1e9 CNY, over
  c('超過10億元人民幣', 1e9, 1e9, null, 'over', 'money', 'CNY'),
  c('三家', 3, 3, 3, 'exact', 'count'),
  // 955億港元 = 9.55e10 HKD; 1210億港元 = 1.21e11 HKD
  c('955億港元', 9.55e10, 9.55e10, 9.55e10, 'exact', 'money', 'HKD'),
  c('1210億港元', 1.21e11, 1.21e11, 1.21e11, 'exact', 'money', 'HKD'),
  // 5343.7萬美元 = 5343.7 x 1e4 = 53437000 exactly (no float residue)
  c('5343.7萬美元', 53437000, 53437000, 53437000, 'exact', 'money', 'USD'),
  c('346萬美元', 3.46e6, 3.46e6, 3.46e6, 'exact', 'money', 'USD'),
  c('3052萬美元', 3.052e7, 3.052e7, 3.052e7, 'exact', 'money', 'USD'),
  c('7370萬美元', 7.37e7, 7.37e7, 7.37e7, 'exact', 'money', 'USD'),
  // 2.69億美元 = 269000000
  c('2.69億美元', 2.69e8, 2.69e8, 2.69e8, 'exact', 'money', 'USD'),
  c('0.57億元', 5.7e7, 5.7e7, 5.7e7, 'exact', 'money', 'CNY'),
  // -1.44億元: a loss written with a minus sign, -1.44 x 1e8
  c('-1.44億元', -1.44e8, -1.44e8, -1.44e8, 'exact', 'money', 'CNY'),
  c('-29.58億元', -2.958e9, -2.958e9, -2.958e9, 'exact', 'money', 'CNY'),
  // 近千億元: 千亿 = 1e11, nearly
  c('近千億元', 1e11, null, 1e11, 'nearly', 'money', 'CNY'),
  c('超過30款', 30, 30, null, 'over', 'models'),
  c('300%', 300, 300, 300, 'exact', 'percent'),
  // 超4200萬臺: 4.2e7 devices (臺 = 台)
  c('超4200萬臺', 4.2e7, 4.2e7, null, 'over', 'devices'),
  c('近2000萬人次', 2e7, null, 2e7, 'nearly', 'count'),
  // 近4萬輛: 4 x 1e4 = 40000 vehicles, nearly
  c('近4萬輛', 4e4, null, 4e4, 'nearly', 'vehicles'),
  c('超百萬輛', 1e6, 1e6, null, 'over', 'vehicles'),
];
