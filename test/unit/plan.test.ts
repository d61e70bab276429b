import { describe, expect, it } from 'vitest';
import { planPeriodForYear, planPeriodId, resolveGoal, type Goal, type GoalLine, type PlanPeriod } from '../../src/domain/plan.js';

const LINES: GoalLine[] = [
  { id: 'invanare', aliases: ['Nöjda invånare'] },
  { id: 'utveckling', aliases: ['Hållbar utveckling'] },
  { id: 'kvalitet', aliases: ['Kvalitet och tillgänglighet'] },
  { id: 'arbetsplats', aliases: ['Medarbetare'] },
  { id: 'ekonomi', aliases: ['Långsiktigt hållbar ekonomi'] },
];

function period(id: string, startYear: number, endYear: number, lastGoal: string): PlanPeriod {
  const names: Array<[string, string]> = [
    ['invanare', 'Nöjda invånare och samarbetspartners'],
    ['utveckling', 'Hållbar utveckling i hela länet'],
    ['kvalitet', 'Sveriges bästa kvalitet, tillgänglighet och säkerhet'],
    ['arbetsplats', 'En av Sveriges bästa arbetsplatser'],
    ['ekonomi', lastGoal],
  ];
  const goals: Goal[] = names.map(([line, name], i) => ({ id: `${id}:${line}`, planPeriodId: id, goalLineId: line, position: i + 1, name }));
  return { id, startYear, endYear, goals };
}

const P2024 = period('2024-2026', 2024, 2026, 'God ekonomisk hushållning');
const P2025 = period('2025-2027', 2025, 2027, 'En långsiktigt hållbar ekonomi');
const P2026 = period('2026-2028', 2026, 2028, 'En långsiktigt hållbar ekonomi');
const ALL_GOALS = [...P2024.goals, ...P2025.goals, ...P2026.goals];

describe('resolveGoal', () => {
  it('resolves by exact name, ignoring case and punctuation', () => {
    const r = resolveGoal('Sveriges bästa kvalitet tillgänglighet och säkerhet', P2026, LINES, ALL_GOALS);
    expect(r).toMatchObject({ ok: true, matchedBy: 'name' });
    expect(r.ok && r.goal.id).toBe('2026-2028:kvalitet');
    const s = resolveGoal('en av sveriges bästa arbetsplatser', P2026, LINES, ALL_GOALS);
    expect(s.ok && s.goal.id).toBe('2026-2028:arbetsplats');
  });

  it('resolves the agenda slide\'s short name "Medarbetare" by the line\'s alias', () => {
    const r = resolveGoal('Medarbetare', P2026, LINES, ALL_GOALS);
    expect(r).toMatchObject({ ok: true, matchedBy: 'alias' });
    expect(r.ok && r.goal.name).toBe('En av Sveriges bästa arbetsplatser');
  });

  it('resolves "God ekonomisk hushållning" to "En långsiktigt hållbar ekonomi" in 2026–2028 by the goal line', () => {
    const r = resolveGoal('God ekonomisk hushållning', P2026, LINES, ALL_GOALS);
    expect(r).toMatchObject({ ok: true, matchedBy: 'line-name' });
    expect(r.ok && r.goal.name).toBe('En långsiktigt hållbar ekonomi');
    expect(r.ok && r.goal.planPeriodId).toBe('2026-2028');
  });

  it('resolves the old name by name in its own period', () => {
    const r = resolveGoal('God ekonomisk hushållning', P2024, LINES, ALL_GOALS);
    expect(r).toMatchObject({ ok: true, matchedBy: 'name' });
    expect(r.ok && r.goal.id).toBe('2024-2026:ekonomi');
  });

  it('does not find another period\'s name without the other periods\' goals', () => {
    expect(resolveGoal('God ekonomisk hushållning', P2026, LINES)).toEqual({ ok: false, reason: 'unknown', candidates: [] });
  });

  it('reports an unknown goal', () => {
    expect(resolveGoal('Digitalisering', P2026, LINES, ALL_GOALS)).toEqual({ ok: false, reason: 'unknown', candidates: [] });
  });

  it('reports an alias shared by two lines as ambiguous', () => {
    const lines: GoalLine[] = [...LINES, { id: 'utveckling', aliases: ['Hållbarhet'] }, { id: 'ekonomi', aliases: ['Hållbarhet'] }];
    const r = resolveGoal('Hållbarhet', P2026, lines, ALL_GOALS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('ambiguous');
      expect(r.candidates.map((g) => g.id)).toEqual(['2026-2028:utveckling', '2026-2028:ekonomi']);
    }
  });
});

describe('planPeriodForYear', () => {
  it('chooses the latest adopted period covering the year', () => {
    const periods = [P2024, P2025, P2026];
    expect(planPeriodForYear(periods, 2026)?.id).toBe('2026-2028');
    expect(planPeriodForYear(periods, 2025)?.id).toBe('2025-2027');
    expect(planPeriodForYear(periods, 2024)?.id).toBe('2024-2026');
    expect(planPeriodForYear(periods, 2028)?.id).toBe('2026-2028');
    expect(planPeriodForYear(periods, 2023)).toBeNull();
    expect(planPeriodForYear(periods, 2029)).toBeNull();
  });

  it('planPeriodId joins the years', () => {
    expect(planPeriodId(2026, 2028)).toBe('2026-2028');
  });
});
