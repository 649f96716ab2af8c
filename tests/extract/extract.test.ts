import { describe, expect, it } from 'vitest';
import { byQuantity, extract } from './helpers';

describe('extract: amounts, units and qualifiers', () => {
  it('reads money with 万/亿 through the project parser, in base units', () => {
    const cs = extract('阶跃星辰2024年营收3.2亿元，净亏损为5600万美元。');
    const rev = byQuantity(cs, '3.2亿元');
    expect(rev).toMatchObject({ entity: 'stepfun', metric: 'revenue', table: 'financials', unit: 'money', currency: 'CNY' });
    expect(rev.value).toBe(3.2e8); // 3.2 x 1e8
    expect([rev.period_start, rev.period_end]).toEqual(['2024-01-01', '2024-12-31']);
    const loss = byQuantity(cs, '5600万美元');
    expect(loss).toMatchObject({ metric: 'net_loss', currency: 'USD' });
    expect(loss.value).toBe(5.6e7); // 5600 x 1e4
  });

  it('keeps qualifiers: 约, 超, 近, 以上, 左右, 不足, ranges', () => {
    const cs = extract('智谱估值约300亿元，融资超10亿元；月之暗面月活近3000万人，毛利率50%以上，研发投入20亿元左右，现金不足8亿元，市值200-300亿港元，另一轮融资200至300亿元。');
    expect(byQuantity(cs, '约300亿元').qualifier).toBe('approx');
    expect(byQuantity(cs, '超10亿元')).toMatchObject({ qualifier: 'over', low: 1e9, high: null });
    expect(byQuantity(cs, '近3000万人')).toMatchObject({ qualifier: 'nearly', high: 3e7 });
    expect(byQuantity(cs, '50%以上')).toMatchObject({ qualifier: 'over', metric: 'gross_margin', unit: 'percent' });
    expect(byQuantity(cs, '20亿元左右')).toMatchObject({ qualifier: 'approx', metric: 'rd_expense' });
    expect(byQuantity(cs, '不足8亿元')).toMatchObject({ qualifier: 'at-most', metric: 'cash' });
    const cap = byQuantity(cs, '200-300亿港元');
    expect(cap).toMatchObject({ qualifier: 'range', low: 2e10, high: 3e10, currency: 'HKD', metric: 'market_cap' });
    expect(cap.value).toBe(2.5e10); // midpoint of 200亿 and 300亿
    expect(byQuantity(cs, '200至300亿元')).toMatchObject({ qualifier: 'range', low: 2e10, high: 3e10 });
  });

  it('keeps an amount whose currency is not written, with the currency of the amounts around it', () => {
    const cs = extract('MiniMax估值40亿美元。MiniMax携5亿融资出海。');
    expect(byQuantity(cs, '5亿')).toMatchObject({ metric: 'funding_amount', unit: 'money', currency: 'USD', value: 5e8 });
    expect(byQuantity(cs, '5亿').reasons).toContain('currency USD: not written, taken from the amounts around it');
  });

  it('marks forecasts and targets', () => {
    const cs = extract('MiniMax预计2026年营收将达5亿美元，目标用户数1亿人。');
    expect(byQuantity(cs, '5亿美元')).toMatchObject({ qualifier: 'forecast', period_start: '2026-01-01', period_end: '2026-12-31' });
    expect(byQuantity(cs, '1亿人').qualifier).toBe('target');
  });

  it('reads cue words through pinyin annotations some captures carry (預(yù)計)', () => {
    const [c] = extract('階躍星辰預(yù)計今年營收將達10億元。', '2026-01-20');
    expect(c).toMatchObject({ entity: 'stepfun', metric: 'revenue', qualifier: 'forecast', period_start: '2026-01-01', period_end: '2026-12-31' });
  });

  it('reads English model units: B, K, tokens per second', () => {
    const cs = extract('Step 3.5 Flash拥有196B总参数，其中激活参数11B，支持256K tokens上下文，推理速度每秒350个Token。');
    expect(byQuantity(cs, '196B')).toMatchObject({ entity: 'step-3.5-flash', metric: 'total_parameters', unit: 'parameters', value: 196e9 });
    expect(byQuantity(cs, '11B')).toMatchObject({ metric: 'active_parameters', value: 11e9 });
    expect(byQuantity(cs, '256Ktokens')).toMatchObject({ metric: 'context_length', unit: 'tokens', value: 256000 });
    expect(byQuantity(cs, '每秒350个Token')).toMatchObject({ metric: 'throughput', unit: 'tokens/s', value: 350 });
    // 3.5 is part of the model name, not a quantity
    expect(cs.some((c) => c.value === 3.5)).toBe(false);
  });

  it('reads IPO coverage: offer price, shares offered, proceeds, subscription multiple, closing price', () => {
    const cs = extract('智谱香港IPO发行价为每股116港元，发行4000万股，募资约46亿港元，公开发售部分获超额认购1159倍，首日收盘价为131港元。', '2026-01-20');
    expect(cs.map((c) => [c.metric, c.table, c.unit, c.value])).toEqual([
      ['offer_price', 'funding_rounds', 'money', 116],
      ['shares_offered', 'funding_rounds', 'count', 4e7], // 4000 x 1e4
      ['ipo_proceeds', 'funding_rounds', 'money', 4.6e9], // 46 x 1e8
      ['subscription_multiple', 'funding_rounds', 'multiple', 1159],
      ['closing_price', 'market', 'money', 116 + 15], // 131
    ]);
    expect(cs.every((c) => c.entity === 'zhipu' && c.currency !== undefined)).toBe(true);
  });

  it('reads users, clients and shares, and dates a stock named in a month (上个月) to that month', () => {
    const cs = extract('MiniMax上个月日活用户达2700万人，客户超过5万家，市场份额约12.5%。', '2026-01-20');
    expect(byQuantity(cs, '2700万人')).toMatchObject({ metric: 'daily_active_users', unit: 'users', as_of: '2025-12' });
    expect(byQuantity(cs, '超过5万家')).toMatchObject({ entity: 'minimax', metric: 'clients', qualifier: 'over', value: 5e4 });
    expect(byQuantity(cs, '约12.5%')).toMatchObject({ metric: 'share', unit: 'percent', value: 12.5 });
  });

  it('counts companies (三家) without taking a counted company as the subject', () => {
    const [, c] = extract('中国大模型行业2025年单轮融资超10亿元的企业仅有MiniMax、智谱和月之暗面三家。', '2026-01-20');
    expect(c).toMatchObject({ quantity: '三家', metric: 'companies', unit: 'companies', value: 3, entity: 'china-llm-industry', period_end: '2025-12-31' });
  });

  it('reads 人次 as person-visits, and 日均 with them as daily visits', () => {
    const cs = extract('阶跃星辰日均服务近2000万人次，注册用户3000万人。');
    expect(byQuantity(cs, '近2000万人次')).toMatchObject({ entity: 'stepfun', metric: 'daily_visits', unit: 'visits', high: 2e7 }); // 2000 x 1e4
    expect(byQuantity(cs, '3000万人')).toMatchObject({ metric: 'users', unit: 'users' });
  });

  it('reads 登顶 and 榜首 as first place', () => {
    const cs = extract('Step 3.5 Flash登顶OpenRouter最快模型榜单。2026年1月，Step Audio R1.1位居榜首。');
    expect(cs.map((c) => [c.quantity, c.entity, c.metric, c.unit, c.value])).toEqual([
      ['登顶', 'step-3.5-flash', 'rank', 'rank', 1],
      ['榜首', 'step-audio-r1.1', 'rank', 'rank', 1],
    ]);
    expect(byQuantity(cs, '榜首').as_of).toBe('2026-01');
  });

  it('does not count 次 (times) after a users cue as users', () => {
    const [c] = extract('千问用户通过语音下单完成近2亿次操作。');
    expect(c).toMatchObject({ entity: 'qwen-app', unit: 'requests', metric: 'requests', qualifier: 'nearly', value: 2e8 });
  });

  it('reads a range right after a name (Anthropic 39-41 倍) as the range, not a name and its last number', () => {
    const [c] = extract('相较于国际同行 OpenAI、Anthropic 39-41 倍的 P/S,阶跃星辰更低。', '2026-01-20');
    expect(c).toMatchObject({ quantity: '39-41倍', metric: 'ps_ratio', unit: 'multiple', low: 39, high: 41, value: 40 }); // midpoint (39 + 41) / 2
  });

  it('reads tok/s as tokens per second', () => {
    const [c] = extract('Step 3.5 Flash推理速度350 tok/s。');
    expect(c).toMatchObject({ quantity: '350tok/s', metric: 'throughput', unit: 'tokens/s', value: 350 });
  });

  it('gives every number at most one candidate and skips years, dates, ages, list numbers and phone numbers', () => {
    const text = [
      '1. 公司于2023年3月15日召开发布会前的大会，创始人今年45岁。', // no release or founding cue governs the date (tests/extract/dates.test.ts)
      '2、客服电话010-12345678，手机13812345678。',
      '阶跃星辰2025年营收10亿元。',
    ].join('\n');
    const cs = extract(text);
    expect(cs.map((c) => c.quantity)).toEqual(['10亿元']);
  });

  it('skips idioms, titles, formulas and counted noun phrases', () => {
    const cs = extract('据《2025 人工智能指数报告》，AI走进千家万户；阶跃星辰构建"1+2"体系，即1个基座模型；两家公司2024年发布11款模型。', '2025-06-01');
    expect(cs.map((c) => c.quantity)).toEqual(['11款']);
  });
});

describe('extract: enumerations and periods', () => {
  it('pairs a list of periods with a 分别 list of amounts', () => {
    const cs = extract('智谱2021年、2022年、2023年及2024年上半年分别实现营收3100万元、0.8亿元、2.1亿元和1.3亿元。', '2025-01-10');
    const got = cs.map((c) => [c.quantity, c.period_start, c.period_end, c.metric, c.entity]);
    expect(got).toEqual([
      ['3100万元', '2021-01-01', '2021-12-31', 'revenue', 'zhipu'],
      ['0.8亿元', '2022-01-01', '2022-12-31', 'revenue', 'zhipu'],
      ['2.1亿元', '2023-01-01', '2023-12-31', 'revenue', 'zhipu'],
      ['1.3亿元', '2024-01-01', '2024-06-30', 'revenue', 'zhipu'],
    ]);
  });

  it('expands a span of years over the list and carries it to a 同期 list of losses', () => {
    const cs = extract('MiniMax在2022年-2024年1-9月的收入分别为100万美元、200万美元、300万美元，同期亏损分别为1亿美元、2亿美元和3亿美元。', '2025-01-10');
    const ends = cs.map((c) => `${c.metric}:${c.period_end}`);
    expect(ends).toEqual([
      'revenue:2022-12-31', 'revenue:2023-12-31', 'revenue:2024-09-30',
      'net_loss:2022-12-31', 'net_loss:2023-12-31', 'net_loss:2024-09-30',
    ]);
  });

  it('pairs a list of names with a 分别 list of amounts', () => {
    const cs = extract('智谱和MiniMax相继上市，两家公司市值分别达900亿港元与1200亿港元。', '2026-01-20');
    expect(cs.map((c) => [c.entity, c.metric, c.value])).toEqual([['zhipu', 'market_cap', 9e10], ['minimax', 'market_cap', 1.2e11]]);
  });

  it('pairs the short names of a model family before 分别 with the amounts, the brand from the model named before', () => {
    const cs = extract('混元3D系列模型下载量超过230万；图像、视频衍生模型数量分别达到1400和1600个。', '2025-09-01');
    expect(cs.map((c) => [c.quantity, c.entity, c.metric])).toEqual([
      ['超过230万', 'hunyuan-3d', 'downloads'],
      ['1400', 'hunyuan-image', 'derivative_models'],
      ['1600个', 'hunyuan-video', 'derivative_models'],
    ]);
    // short names that are no members of the brand's family name nobody new
    const other = extract('混元3D系列模型下载量超过230万；海外、国内衍生模型数量分别达到1400和1600个。', '2025-09-01');
    expect(other.filter((c) => c.metric === 'derivative_models').map((c) => c.entity)).toEqual(['hunyuan-3d', 'hunyuan-3d']);
  });

  it('reads a list of names added up (总计) as the aggregate entity whose name lists them', () => {
    const cs = extract('字节豆包、阿里千问、腾讯元宝总计砸出超40亿元大额红包。中国大模型行业已形成格局——百度、阿里、腾讯、字节跳动凭借生态,占据超80%的市场份额。', '2026-02-27');
    expect(byQuantity(cs, '超40亿元')).toMatchObject({ entity: 'doubao-qwen-yuanbao-combined', metric: 'red_envelope_spend', low: 4e9 }); // 40 x 1e8
    expect(byQuantity(cs, '超80%')).toMatchObject({ entity: 'china-llm-incumbents', metric: 'share' }); // after ——, not the industry named before it
    // without 总计/合计 the list is not added up
    const one = extract('字节豆包、阿里千问、腾讯元宝砸出超40亿元大额红包。', '2026-02-27');
    expect(byQuantity(one, '超40亿元').entity).not.toBe('doubao-qwen-yuanbao-combined');
  });

  it('reads 过去一年 as the twelve months up to publication, or the year just ended when published in its first quarter', () => {
    const [c] = extract('阶跃星辰过去一年API调用量增长近20倍。', '2026-06-15');
    expect(c).toMatchObject({ metric: 'growth', qualifier: 'nearly', period_start: '2025-06-15', period_end: '2026-06-15' });
    // published 2026-02-27: a look back on calendar 2025
    const [q1] = extract('阶跃星辰过去一年API调用量增长近20倍。', '2026-02-27');
    expect([q1.period_start, q1.period_end]).toEqual(['2025-01-01', '2025-12-31']);
    // 过去12个月 stays trailing: 2025-02-27..2026-02-27
    const [t] = extract('阶跃星辰过去12个月API调用量增长近20倍。', '2026-02-27');
    expect([t.period_start, t.period_end]).toEqual(['2025-02-27', '2026-02-27']);
    // published in a month, no day: the twelve whole months before it
    const [m] = extract('阶跃星辰过去一年API调用量增长近20倍。', '2026-01');
    expect([m.period_start, m.period_end]).toEqual(['2025-01-01', '2025-12-31']);
  });

  it('carries a period that leads a sentence over its semicolons', () => {
    const cs = extract('截至2025年底，阶跃星辰开放平台API调用量增长近20倍；其模型装机超4200万台。下一句装机超100万台。', '2026-01-26');
    expect(byQuantity(cs, '超4200万台')).toMatchObject({ metric: 'installs', as_of: '2025-12-31' });
    // a full stop ends the carry: the next sentence is dated at publication
    expect(byQuantity(cs, '超100万台').as_of).toBe('2026-01-26');
  });

  it('keeps the year of a forecast across clauses, but not a year that is the basis of a calculation', () => {
    const cs = extract('2026年中国AI手机出货量将达1.47亿台,渗透率首次过半。若以2025年预计10亿元营收计算,阶跃星辰市销率约为25倍。', '2026-01-20');
    expect(byQuantity(cs, '过半')).toMatchObject({ metric: 'share', period_start: '2026-01-01', period_end: '2026-12-31' });
    expect(byQuantity(cs, '约为25倍')).toMatchObject({ metric: 'ps_ratio', as_of: '2026-01-20', period_end: null });
  });

  it('dates a day written without its year (1月20日) in the publication year, or the year before when it would come later', () => {
    const cs = extract('1月20日，Step-1o Vision位列视觉领域中国大模型第一。12月30日，Step-2位列国产大模型第一。', '2025-02-11');
    expect(cs.map((c) => [c.entity, c.as_of])).toEqual([['step-1o-vision', '2025-01-20'], ['step-2', '2024-12-30']]);
    // the year named just before governs; one named far before does not
    const [named] = extract('2023年回顾：3月15日，Step-2位列国产大模型第一。', '2025-02-11');
    expect(named.as_of).toBe('2023-03-15');
    const [far] = extract(`2023年回顾。${'这是一段很长的背景介绍。'.repeat(30)}1月20日，Step-2位列国产大模型第一。`, '2025-02-11');
    expect(far.as_of).toBe('2025-01-20');
  });

  it('dates 除夕 to Lunar New Year\'s Eve, and reads a report titled with its year as of that year', () => {
    // Spring Festival 2026 is 2026-02-17: 除夕 is 2026-02-16
    const [c] = extract('除夕夜当晚，豆包AI互动达19亿次。', '2026-02-27');
    expect(c).toMatchObject({ entity: 'doubao', metric: 'interactions', period_start: '2026-02-16', period_end: '2026-02-16' });
    const [g] = extract('斯坦福大学《2025 人工智能指数报告》显示,中美顶级大模型的性能差距骤缩至 0.3%。', '2026-01');
    expect(g).toMatchObject({ quantity: '0.3%', as_of: '2025' });
  });

  it('reads a negative net profit as a net loss', () => {
    const [c] = extract('智谱2023年净利润为-7.5亿元。', '2024-05-01');
    expect(c).toMatchObject({ metric: 'net_loss', quantity: '7.5亿元', value: 7.5e8, period_end: '2023-12-31' });
  });

  it('reads halves, 前三季度, quarters, 截至 dates and relative years against the publication date', () => {
    const cs = extract('月之暗面2025年前三季度营收2亿元。月之暗面2025年第二季度营收0.7亿元。截至2025年6月末，月之暗面现金50亿元。月之暗面去年营收1.5亿元，今年上半年营收1.1亿元。', '2026-03-01');
    expect(byQuantity(cs, '2亿元')).toMatchObject({ period_start: '2025-01-01', period_end: '2025-09-30' });
    expect(byQuantity(cs, '0.7亿元')).toMatchObject({ period_start: '2025-04-01', period_end: '2025-06-30' });
    expect(byQuantity(cs, '50亿元')).toMatchObject({ metric: 'cash', as_of: '2025-06-30' });
    expect(byQuantity(cs, '1.5亿元')).toMatchObject({ period_start: '2025-01-01', period_end: '2025-12-31' }); // 去年 of 2026
    expect(byQuantity(cs, '1.1亿元')).toMatchObject({ period_start: '2026-01-01', period_end: '2026-06-30' }); // 今年上半年
  });

  it('dates model specs and benchmark scores at publication', () => {
    const cs = extract('Step 3.5 Flash在AIME 2025测试中得到97.3分。', '2026-02-27');
    expect(byQuantity(cs, '97.3分')).toMatchObject({ metric: 'score', table: 'benchmarks', as_of: '2026-02-27', entity: 'step-3.5-flash', benchmark: 'AIME 2025' });
  });
});

describe('extract: entities', () => {
  it('resolves short names, traditional forms and company names through aliases', () => {
    const cs = extract('智譜2024年營收3.12億元。稀宇科技2024年收入3052萬美元。阶跃2024年融资5亿美元。', '2025-03-01');
    expect(cs.map((c) => c.entity)).toEqual(['zhipu', 'minimax', 'stepfun']);
    expect(byQuantity(cs, '3.12億元').value).toBe(3.12e8);
  });

  it('takes a name in brackets right after the number, and leaves out the comparator of 达A的N%', () => {
    const cs = extract('腾讯发布的最大模型为3890B(混元-Large)。Step 3的推理效率可达DeepSeek-R1的300%。');
    expect(byQuantity(cs, '3890B')).toMatchObject({ entity: 'hunyuan-large', metric: 'total_parameters', value: 3.89e12 });
    expect(byQuantity(cs, '300%').entity).toBe('step-3');
  });

  it('reads 阶跃星辰的 Step-3 as the model, and a clause opening with 是 as going on about the subject before', () => {
    const cs = extract('阶跃星辰的 Step-3 模型推理效率可达 DeepSeek-R1 的 300%,推理解码成本仅为后者的 1/3。混元-A13B擅长工具调用,是腾讯内部调用量最大的模型之一,超过400+业务精调或直接调用。', '2026-01-20');
    expect(byQuantity(cs, '1/3')).toMatchObject({ entity: 'step-3', unit: 'multiple' });
    expect(byQuantity(cs, '1/3').value).toBeCloseTo(1 / 3, 12);
    expect(byQuantity(cs, '超过400+')).toMatchObject({ entity: 'hunyuan-a13b', metric: 'businesses_using', low: 400 });
  });

  it('leaves out the product of a partner (与吉利合作的银河M9) as the subject of the clauses after it', () => {
    const cs = extract('阶跃星辰的模型已装机超4200万台。与吉利合作的银河M9车型销量近4万辆,预计2026年"上车"超百万辆。', '2026-01-20');
    expect(byQuantity(cs, '近4万辆').entity).toBe('geely-galaxy-m9'); // named in its own clause
    expect(byQuantity(cs, '超百万辆')).toMatchObject({ entity: 'stepfun', metric: 'vehicles_with_model', qualifier: 'forecast' });
  });

  it('leaves out a name inside a 在…背景下 frame as the subject', () => {
    const cs = extract('阶跃星辰宣布完成超50亿元融资,更在全行业模型层合计融资仅94.16亿元的背景下,一己之力吞下超半数资金份额。', '2026-01-20');
    expect(byQuantity(cs, '超半数')).toMatchObject({ entity: 'stepfun', metric: 'share' });
    expect(byQuantity(cs, '94.16亿元').entity).toBe('china-llm-industry'); // named in its own clause
  });

  it('leaves out a partner named with its group (与吉利集团合作的)', () => {
    const cs = extract('与吉利集团合作的AgentOS已搭载于银河M9车型,2025年末上市三个月内销量近4万辆。', '2026-01-20');
    expect(byQuantity(cs, '近4万辆')).toMatchObject({ entity: 'geely-galaxy-m9', metric: 'vehicle_sales', as_of: '2025-12-31' });
  });

  it('keeps an unknown name in entity_text with a null entity', () => {
    const [c] = extract('Kimi K3发布，QuarkLab估值达20亿美元。');
    expect(c).toMatchObject({ entity: null, entity_text: 'QuarkLab', metric: 'valuation' });
  });

  it('reads 公司/其 as the main subject only when nothing nearer is named', () => {
    const cs = extract('阶跃星辰发布新模型。阶跃星辰完成融资。公司2025年营收10亿元。腾讯也在布局，其2025年研发投入700亿元。');
    expect(byQuantity(cs, '10亿元').entity).toBe('stepfun');
    expect(byQuantity(cs, '700亿元').entity).toBe('tencent');
  });

  it('gives confidence between 0 and 1 and reasons for entity, metric and period', () => {
    for (const c of extract('智谱2024年营收3.12亿元，某数字为500万台。')) {
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.reasons.some((r) => r.startsWith('entity'))).toBe(true);
      expect(c.reasons.some((r) => r.startsWith('metric'))).toBe(true);
    }
  });
});
