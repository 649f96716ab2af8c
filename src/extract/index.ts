/** Adding articles: candidate extraction, the inbox, cross-checking, the development set. */
export { extractCandidates, frontMatterDate, periodTag } from './extract';
export type { Candidate, Extraction, ExtractOptions } from './extract';
export { readArticleFile, decodeArticle, invalidUtf8Offset, ArticleError } from './article';
export { crossCheck, candidateFact } from './crosscheck';
export type { CrossCheck } from './crosscheck';
export { INBOX_COLUMNS, candidateRow, formatInbox, readInbox, writeInbox, inboxFile, listInbox } from './inbox';
export type { InboxRow } from './inbox';
export { scoreDevSet } from './devset';
export type { DevSetScore } from './devset';
export { scoreArticle, valuesAgree } from './score';
export { metricFamily, METRIC_CUES } from './metrics';
export { sandboxDataDir, sandboxArticle } from './sandbox';
export { replayArticle } from './replay';
export type { Replay, ReplayOptions } from './replay';
