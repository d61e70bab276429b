/**
 * The import API's answers as the import page reads them (src/server/routes/imports.ts): the
 * domain's import views, which the server builds.
 */
export type {
  BatchChangeView,
  ChangeView,
  ImportBatch,
  ImportMapping,
  ImportProgress,
  ImportReport,
  ImportSessionView,
  IssuePage,
  KoladaSyncReport,
  KpiMapping,
  SessionStatus,
  UnresolvedName,
} from '../../../../../src/domain/importView.js';

export type { IndicatorBrief } from '../../../lib/types.js';
