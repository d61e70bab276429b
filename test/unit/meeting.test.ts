import { describe, expect, it } from 'vitest';
import { groupByGoal, meetingFileStem } from '../../src/domain/meeting.js';

describe('meeting', () => {
  it('meetingFileStem names the body, date and title', () => {
    expect(meetingFileStem({ body: 'Regionstyrelsen', date: '2026-05-06', title: 'Informationspunkter' })).toBe(
      'Regionstyrelsen 2026-05-06 Informationspunkter',
    );
  });

  it('groupByGoal keeps the goal order, sorts items by position and leaves out empty goals', () => {
    const items = [
      { id: 'a', goalId: 'ekonomi', position: 2 },
      { id: 'b', goalId: 'kvalitet', position: 3 },
      { id: 'c', goalId: 'ekonomi', position: 1 },
      { id: 'd', goalId: 'okant', position: 1 },
    ];
    const groups = groupByGoal(items, ['invanare', 'kvalitet', 'arbetsplats', 'ekonomi']);
    expect(groups.map((g) => [g.goalId, g.items.map((i) => i.id)])).toEqual([
      ['kvalitet', ['b']],
      ['ekonomi', ['c', 'a']],
    ]);
  });
});
