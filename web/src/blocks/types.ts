import type { BlockView } from '../../../src/domain/blockView.js';

export type ViewOf<T extends BlockView['type']> = Extract<BlockView, { type: T }>;
