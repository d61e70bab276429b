import { describe, expect, it } from 'vitest';
import { blockSchema } from '../../src/domain/blocks.js';
import { timelineBody } from '../../src/domain/deck/timeline.js';
import { checkTimeline, endDay, positionIn, startDay, timelineDateKey, timelineDateLabel, timelineSpan, type Milestone, type Phase } from '../../src/domain/timeline.js';

function phase(id: string, start: string, end: string, parentId: string | null = null): Phase {
  return { id, label: id, start, end, parentId };
}

describe('startDay and endDay', () => {
  it('expand a month to its first and last day', () => {
    expect(startDay('2026-02')).toBe('2026-02-01');
    expect(endDay('2026-02')).toBe('2026-02-28');
    expect(endDay('2024-02')).toBe('2024-02-29');
    expect(endDay('2026-12')).toBe('2026-12-31');
  });

  it('leave a date as it is', () => {
    expect(startDay('2026-05-06')).toBe('2026-05-06');
    expect(endDay('2026-05-06')).toBe('2026-05-06');
  });
});

describe('checkTimeline', () => {
  it('accepts a child inside its parent, bounds included', () => {
    const phases = [phase('upphandling', '2025-01', '2025-12'), phase('annons', '2025-01-01', '2025-12-31', 'upphandling'), phase('tilldelning', '2025-06', '2025-09', 'upphandling')];
    expect(checkTimeline(phases, [])).toEqual([]);
  });

  it('flags a child that ends after its parent', () => {
    const issues = checkTimeline([phase('avtal', '2025-01', '2025-06'), phase('driftstart', '2025-05', '2025-07', 'avtal')], []);
    expect(issues).toEqual([
      { id: 'driftstart', message: 'Fasen "driftstart" (maj 2025–jul 2025) ligger utanför sin överordnade fas "avtal" (jan 2025–jun 2025)' },
    ]);
  });

  it('flags a child that starts before its parent', () => {
    const issues = checkTimeline([phase('avtal', '2025-03', '2025-06'), phase('forberedelse', '2025-02-28', '2025-04', 'avtal')], []);
    expect(issues.map((i) => i.id)).toEqual(['forberedelse']);
  });

  it('a child ending on the last day of its parent\'s last month is inside', () => {
    expect(checkTimeline([phase('p', '2025-01', '2025-06'), phase('c', '2025-06-01', '2025-06-30', 'p')], [])).toEqual([]);
    expect(checkTimeline([phase('p', '2025-01', '2025-06'), phase('c', '2025-06-01', '2025-07-01', 'p')], []).map((i) => i.id)).toEqual(['c']);
  });

  it('flags a phase that ends before it starts', () => {
    const issues = checkTimeline([phase('x', '2025-06', '2025-03')], []);
    expect(issues).toEqual([{ id: 'x', message: 'Fasen "x" slutar (mar 2025) före sin start (jun 2025)' }]);
  });

  it('accepts a one-day phase and a phase within one month', () => {
    expect(checkTimeline([phase('x', '2025-06-10', '2025-06-10'), phase('y', '2025-06', '2025-06')], [])).toEqual([]);
  });

  it('flags an unknown parent', () => {
    const issues = checkTimeline([phase('x', '2025-01', '2025-02', 'saknas')], []);
    expect(issues).toEqual([{ id: 'x', message: 'Fasen "x" hänvisar till en okänd överordnad fas "saknas"' }]);
  });

  it('flags invalid dates in phases and milestones', () => {
    const milestones: Milestone[] = [
      { id: 'm1', label: 'Start', date: '2026-13' },
      { id: 'm2', label: 'Ok', date: '2026-04-01' },
      { id: 'm3', label: 'Text', date: 'april 2026' },
    ];
    // '2025' is a date now (the whole year); 'april 2026' is text, not a stored key
    const issues = checkTimeline([phase('x', '2025-13', '2026-01'), phase('y', '2025-01', '2025-01-32'), phase('z', '2025', '2025-02')], milestones);
    expect(issues.map((i) => i.id)).toEqual(['x', 'y', 'm1', 'm3']);
    expect(issues[0]?.message).toBe('Fasen "x" har ett ogiltigt datum (2025-13–2026-01)');
    expect(issues[2]?.message).toBe('Milstolpen "Start" har ett ogiltigt datum (2026-13)');
  });

  // Fails: checkTimeline validates dates with a regex only (day 01–31 in any month), so
  // 2026-02-30 passes (Date.parse reads it as 2 March) and no issue is reported.
  it('flags a date that does not exist in the calendar (30 February)', () => {
    const issues = checkTimeline([phase('x', '2026-02-30', '2026-03-15')], [{ id: 'm', label: 'M', date: '2025-02-29' }]);
    expect(issues.map((i) => i.id)).toEqual(['x', 'm']);
  });
});

describe('timelineSpan', () => {
  it('runs from the earliest start to the latest end or milestone', () => {
    const phases = [phase('a', '2025-09', '2026-02'), phase('b', '2026-01-15', '2026-04')];
    expect(timelineSpan(phases, [])).toEqual({ from: '2025-09-01', to: '2026-04-30' });
    expect(timelineSpan(phases, [{ id: 'm', label: 'Avtalsstart', date: '2026-06-01' }])).toEqual({ from: '2025-09-01', to: '2026-06-01' });
    expect(timelineSpan(phases, [{ id: 'm', label: 'Beslut', date: '2025-08' }])).toEqual({ from: '2025-08-01', to: '2026-04-30' });
  });

  it('is null for an empty timeline', () => {
    expect(timelineSpan([], [])).toBeNull();
  });
});

describe('positionIn', () => {
  const span = { from: '2026-01-01', to: '2026-12-31' }; // 365 days

  it('is 0 on the first day and grows by day', () => {
    expect(positionIn('2026-01-01', span)).toBe(0);
    expect(positionIn('2026-01-02', span)).toBeCloseTo(1 / 365, 12);
    expect(positionIn('2026-05-06', span)).toBeCloseTo(125 / 365, 12);
    expect(positionIn('2026-12-31', span)).toBeCloseTo(364 / 365, 12);
  });

  it('is null before the span, far after it and for an invalid day', () => {
    expect(positionIn('2025-12-31', span)).toBeNull();
    expect(positionIn('2027-03-01', span)).toBeNull();
    expect(positionIn('inte ett datum', span)).toBeNull();
  });

  // Fails: positionIn treats the end of the span as the instant after its last day and tests
  // `t > b`, so the day after the span (t === b) gets position 1 instead of null.
  it('is null on the day after the span (it is outside)', () => {
    expect(positionIn('2027-01-01', span)).toBeNull();
  });
});

describe('timeline dates as the packs write them', () => {
  it('takes a day, month, tertial, quarter, half-year or year, as text or key, and stores the key', () => {
    const cases: Array<[string | number, string | null]> = [
      ['2029-04-18', '2029-04-18'],
      ['dec 2028', '2028-12'],
      ['december 2028', '2028-12'],
      ['T1 2029', '2029-T1'],
      ['kv2 2029', '2029-Q2'],
      ['H1 2029', '2029-01..2029-06'],
      ['första halvåret 2029', '2029-01..2029-06'],
      ['andra halvåret 2029', '2029-07..2029-12'],
      ['2029 H2', '2029-07..2029-12'],
      [2029, '2029'],
      ['H3 2029', null],
      ['snart', null],
    ];
    expect(cases.map(([text]) => timelineDateKey(text))).toEqual(cases.map(([, key]) => key));
  });

  it('labels them as the packs print them, and spans their first to last day', () => {
    expect(['2028-12', '2029-04-18', '2029-T1', '2029-Q2', '2029-01..2029-06', '2029-07..2029-12', '2029-03..2029-05', '2029'].map(timelineDateLabel)).toEqual([
      'dec 2028',
      '18 april 2029',
      'T1 2029',
      'kvartal 2 2029',
      'första halvåret 2029',
      'andra halvåret 2029',
      'mar–maj 2029',
      '2029',
    ]);
    expect([startDay('2029-01..2029-06'), endDay('2029-01..2029-06')]).toEqual(['2029-01-01', '2029-06-30']);
    expect([startDay('2029-T3'), endDay('2029-T3')]).toEqual(['2029-09-01', '2029-12-31']);
    expect(timelineSpan([phase('bygg', '2028-12', '2029')], [{ id: 'm', label: 'Inflytt', date: '2029-07..2029-12' }])).toEqual({ from: '2028-12-01', to: '2029-12-31' });
  });

  it('a block accepts them as text and keeps keys; a phase outside its parent is named in words', () => {
    const block = blockSchema.parse({
      type: 'timeline',
      title: 'Ny vårdbyggnad',
      phases: [
        { id: 'projekt', label: 'Projekt', start: 'dec 2028', end: 'andra halvåret 2030' },
        { id: 'bygg', label: 'Byggnation', start: 'T1 2029', end: '2031', parent: 'projekt' },
      ],
      milestones: [{ id: 'inflytt', label: 'Inflyttning', date: 'H1 2029' }],
    });
    expect(block.type === 'timeline' && [block.phases.map((p) => [p.start, p.end]), block.milestones.map((m) => m.date)]).toEqual([
      [
        ['2028-12', '2030-07..2030-12'],
        ['2029-T1', '2031'],
      ],
      ['2029-01..2029-06'],
    ]);
    const bad = blockSchema.safeParse({ type: 'timeline', title: 'T', milestones: [{ id: 'm', label: 'M', date: 'till sommaren' }] });
    expect(bad.success ? null : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['milestones.0.date', 'väntat ett datum eller en period, t.ex. 2029-04-18, dec 2028, T1 2029, kv2 2029, H1 2029 eller 2029'],
    ]);
    const issues = block.type === 'timeline' ? checkTimeline(block.phases.map((p) => ({ ...p, parentId: p.parent })), block.milestones) : [];
    expect(issues.map((i) => i.message)).toEqual(['Fasen "Byggnation" (T1 2029–2031) ligger utanför sin överordnade fas "Projekt" (dec 2028–andra halvåret 2030)']);
  });
});

describe('a timeline slide with periods for dates', () => {
  it('draws a half-year milestone at its middle, a month one at its start, and labels rows in words', () => {
    const phases = [{ id: 'ar', label: 'Året', start: '2029', end: '2029', parentId: null }];
    const milestones = [
      { id: 'h1', label: 'Inflyttning', date: '2029-01..2029-06' },
      { id: 'dec', label: 'Slutbesiktning', date: '2029-12' },
    ];
    const body = timelineBody({ type: 'timeline', title: 'Plan', phases, milestones, span: timelineSpan(phases, milestones), today: null, issues: [] });
    const rows = body.rows.filter((r) => r.kind === 'milestone');
    expect(rows.map((r) => [r.label, r.date, Number(r.at.toFixed(3))])).toEqual([
      ['Inflyttning', 'första halvåret 2029', Number((181 / 365 / 2).toFixed(3))],
      ['Slutbesiktning', 'dec 2029', Number((334 / 365).toFixed(3))],
    ]);
    expect(body.rows.find((r) => r.kind === 'phase')).toMatchObject({ label: 'Året', range: '2029', from: 0, to: 1 });
    expect(body.alt).toContain('Milstolpe Inflyttning: första halvåret 2029.');
  });
});
