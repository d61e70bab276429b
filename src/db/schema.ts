import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely, kept by hand beside the migrations. `numeric` arrives as number
 * (see connect.ts), `date` as an ISO string, `timestamptz` as Date.
 */
type Numeric = ColumnType<number, number | string, number | string>;
type NullableNumeric = ColumnType<number | null, number | string | null, number | string | null>;
type DateString = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlanPeriodTable {
  id: string;
  start_year: number;
  end_year: number;
}

export interface GoalLineTable {
  id: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
}

export interface GoalTable {
  id: string;
  plan_period_id: string;
  goal_line_id: string;
  position: number;
  name: string;
}

export interface FocusAreaSetTable {
  year: number;
  lead: string;
}

export interface FocusAreaTable {
  year: number;
  position: number;
  text: string;
}

export interface AreaTable {
  id: string;
  kind: string;
  name: string;
  short_name: string | null;
  kolada_id: string | null;
  parent_id: string | null;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
}

export interface AreaMemberTable {
  group_id: string;
  member_id: string;
}

export interface PersonTable {
  id: string;
  name: string;
}

export interface PersonTitleTable {
  id: Generated<number>;
  person_id: string;
  title: string;
  role_id: string | null;
  valid_from: DateString;
  valid_to: DateString | null;
}

export interface IndicatorTable {
  id: string;
  name: string;
  short_name: string | null;
  description: string | null;
  unit: string;
  decimals: number;
  direction: string;
  period_type: string;
  kind: string;
  breakdown: string | null;
  derived_numerator: string | null;
  derived_denominator: string | null;
  source: string;
  kolada_kpi: string | null;
  owner_person_id: string | null;
  owner_area_id: string | null;
}

export interface IndicatorGoalLineTable {
  indicator_id: string;
  goal_line_id: string;
}

export interface TargetTable {
  id: string;
  indicator_id: string;
  comparator: string;
  threshold: Numeric;
  upper: NullableNumeric;
  near_margin: NullableNumeric;
  valid_from_year: number;
  valid_to_year: number | null;
  area_id: string | null;
  source: string;
  label: string;
}

/** One row (or none before the first change): the catalog's current version (migration T1600). */
export interface CatalogVersionTable {
  only_row: Generated<boolean>;
  version: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  file_name: string | null;
  file_sha256: string | null;
  created_by: string;
  created_at: Generated<Date>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  undone_at: Timestamp | null;
  undone_by: string | null;
}

/** Per import batch, the old and new values of every row it changed (for undo and history). */
export interface MeasurementChangeTable {
  batch_id: number;
  measurement_id: number;
  old_value: NullableNumeric;
  old_numerator: NullableNumeric;
  old_denominator: NullableNumeric;
  old_preliminary: boolean;
  old_comment: string | null;
  old_source: string;
  old_import_batch_id: number | null;
  old_source_row: number | null;
  old_source_ref: string | null;
  old_recorded_by: string;
  old_recorded_at: Timestamp;
  new_value: NullableNumeric;
  new_numerator: NullableNumeric;
  new_denominator: NullableNumeric;
}

/** A name in an import file that a user confirmed as an indicator or area; reused next time. */
export interface ImportMappingTable {
  kind: string;
  source_key: string;
  source_text: string;
  target_id: string;
  created_by: string;
  created_at: Generated<Date>;
}

export interface KoladaKpiMappingTable {
  kpi_id: string;
  indicator_id: string;
  kpi_title: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface KoladaFetchTable {
  id: Generated<number>;
  kpi_id: string;
  indicator_id: string;
  fetched_at: Timestamp;
  from_date: DateString | null;
  municipality_ids: string[];
  years: number[];
  rows_received: number;
  rows_deleted: number;
  batch_id: number | null;
}

export interface MeasurementTable {
  id: Generated<number>;
  indicator_id: string;
  area_id: string;
  period: string;
  period_start: DateString;
  period_end: DateString;
  breakdown: Generated<string>;
  scenario: Generated<string>;
  as_of: Generated<string>;
  value: NullableNumeric;
  numerator: NullableNumeric;
  denominator: NullableNumeric;
  preliminary: Generated<boolean>;
  comment: string | null;
  source: string;
  import_batch_id: number | null;
  source_row: number | null;
  source_ref: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface DatasetTable {
  id: string;
  title: string;
  source: string;
  columns: ColumnType<unknown, string, string>;
  rows: ColumnType<unknown, string, string>;
}

export interface RiskCategoryTable {
  code: string;
  parent_code: string | null;
  label: string;
}

export interface RiskRegisterTable {
  id: string;
  title: string;
  year: number;
  area_id: string | null;
}

export interface RiskTable {
  id: string;
  register_id: string;
  position: number;
  category_code: string;
  title: string;
  probability: number | null;
  consequence: number | null;
  reported_score: number | null;
  control: string | null;
  owner: string | null;
}

export interface AssetTable {
  id: string;
  file_name: string;
  media_type: string;
  bytes: Buffer;
  sha256: string;
  alt: string;
}

export interface MeetingTable {
  id: string;
  body: string;
  meeting_date: DateString;
  plan_period_id: string;
  focus_year: number;
  title: Generated<string>;
  status: Generated<string>;
}

export interface AgendaItemTable {
  id: string;
  meeting_id: string;
  goal_id: string;
  position: number;
  title: string;
  ready: Generated<boolean>;
}

export interface AgendaItemPresenterTable {
  item_id: string;
  position: number;
  person_id: string;
  title_override: string | null;
}

export interface ContentBlockTable {
  id: Generated<number>;
  item_id: string;
  position: number;
  type: string;
  spec: ColumnType<unknown, string, string>;
}

/** A person who logs in (migration 20261122T1200_accounts). */
export interface AppUserTable {
  id: Generated<string>;
  display_name: string;
  email: string | null;
  person_id: string | null;
  disabled_at: Timestamp | null;
  created_at: Generated<Date>;
}

/** An OpenID Connect identity of a user: (issuer, subject), never the e-mail. */
export interface UserIdentityTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface LocalCredentialTable {
  user_id: string;
  username: string;
  password_hash: string;
  updated_at: Generated<Date>;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

/** A server-side session; `id` is the SHA-256 (hex) of the cookie's token. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

/** Version n of a meeting's published pack (issue 6); frozen by triggers except a withdrawal. */
export interface MeetingVersionTable {
  meeting_id: string;
  version: number;
  published_at: Generated<Date>;
  published_by: string;
  published_by_id: string | null;
  missing_formats: ColumnType<string[], string[] | undefined, string[]>;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawn_by_id: string | null;
  withdrawal_reason: string | null;
}

/** A published file (pptx, pdf, html) or the data snapshot (json) of a version; never changed. */
export interface MeetingArtifactTable {
  meeting_id: string;
  version: number;
  format: string;
  file_name: string;
  content_type: string;
  bytes: Buffer;
  size: number;
  sha256: string;
}

/** The audit trail, written by triggers only; append-only. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  db_role: Generated<string>;
  request_id: string | null;
  table_name: string;
  row_key: ColumnType<Record<string, unknown>, string, string>;
  operation: string;
  old_row: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  new_row: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface Database {
  plan_period: PlanPeriodTable;
  goal_line: GoalLineTable;
  goal: GoalTable;
  focus_area_set: FocusAreaSetTable;
  focus_area: FocusAreaTable;
  area: AreaTable;
  area_member: AreaMemberTable;
  person: PersonTable;
  person_title: PersonTitleTable;
  indicator: IndicatorTable;
  indicator_goal_line: IndicatorGoalLineTable;
  target: TargetTable;
  catalog_version: CatalogVersionTable;
  import_batch: ImportBatchTable;
  measurement: MeasurementTable;
  measurement_change: MeasurementChangeTable;
  import_mapping: ImportMappingTable;
  kolada_kpi_mapping: KoladaKpiMappingTable;
  kolada_fetch: KoladaFetchTable;
  dataset: DatasetTable;
  risk_category: RiskCategoryTable;
  risk_register: RiskRegisterTable;
  risk: RiskTable;
  asset: AssetTable;
  meeting: MeetingTable;
  agenda_item: AgendaItemTable;
  agenda_item_presenter: AgendaItemPresenterTable;
  content_block: ContentBlockTable;
  meeting_version: MeetingVersionTable;
  meeting_artifact: MeetingArtifactTable;
  audit_log: AuditLogTable;
  app_user: AppUserTable;
  user_identity: UserIdentityTable;
  local_credential: LocalCredentialTable;
  user_role: UserRoleTable;
  session: SessionTable;
}
