import pptxgenjs from 'pptxgenjs';
import type * as Lib from 'pptxgenjs';

/**
 * pptxgenjs ships ESM code but CommonJS-style typings; under NodeNext its default import is
 * typed as the module object. This is the one place that knows: the class, and the types used.
 */
type Class = (typeof pptxgenjs)['default'];
export const PptxGenJS: Class = (pptxgenjs as unknown as { default?: Class }).default ?? (pptxgenjs as unknown as Class);
export type Pptx = InstanceType<Class>;
export type Slide = Lib.default.Slide;
export type TextProps = Lib.default.TextProps;
export type TextPropsOptions = Lib.default.TextPropsOptions;
export type ChartOptions = Lib.default.IChartOpts;
export type TableCell = Lib.default.TableCell;
export type TableCellProps = Lib.default.TableCellProps;
export type BorderProps = Lib.default.BorderProps;
