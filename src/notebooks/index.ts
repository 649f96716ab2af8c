export * from './paths';
export * from './kernelspec';
export * from './nbconvertConfig';
export * from './htmlTemplate';
export * from './notebookFile';
export * from './jupyter';
export * from './execute';
export * from './display';
export * from './describe';
export * from './charts';
export * from './context';
export * from './parameters';
export * from './views';

// Notebook kernels build danfojs frames: load danfojs with mathjs, xlsx and request deferred
// until a frame calls into them (src/table/danfo.ts; about 0.8 s CPU less per kernel).
import { installDanfoDeferral } from '../table/danfo';
installDanfoDeferral();
