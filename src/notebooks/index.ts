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

