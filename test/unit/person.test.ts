import { describe, expect, it } from 'vitest';
import { holderOf, presenterLabel, titleAt, type Person } from '../../src/domain/person.js';

const NIKLAS: Person = {
  id: 'niklas-foghner',
  name: 'Niklas Föghner',
  titles: [{ title: 'primärvårdsdirektör', roleId: 'primarvardsdirektor', validFrom: '2019-01-01', validTo: '2025-12-31' }],
};

const SOFIA: Person = {
  id: 'sofia-hartz',
  name: 'Sofia Hartz',
  titles: [
    { title: 'verksamhetschef', roleId: null, validFrom: '2020-03-01', validTo: '2025-12-31' },
    { title: 'primärvårdsdirektör', roleId: 'primarvardsdirektor', validFrom: '2026-01-01', validTo: null },
  ],
};

const ANNA: Person = {
  id: 'anna',
  name: 'Anna Andersson',
  titles: [
    { title: 'hållbarhetschef', roleId: 'hallbarhet', validFrom: '2020-01-01', validTo: '2025-06-30' },
    { title: 'chef hållbarhet och säkerhet', roleId: 'hallbarhet', validFrom: '2025-05-01', validTo: null },
  ],
};

describe('titleAt', () => {
  it('gives the title held on a date, bounds inclusive', () => {
    expect(titleAt(NIKLAS, '2025-12-10')).toBe('primärvårdsdirektör');
    expect(titleAt(NIKLAS, '2025-12-31')).toBe('primärvårdsdirektör');
    expect(titleAt(NIKLAS, '2019-01-01')).toBe('primärvårdsdirektör');
    expect(titleAt(SOFIA, '2025-06-17')).toBe('verksamhetschef');
    expect(titleAt(SOFIA, '2026-05-06')).toBe('primärvårdsdirektör');
  });

  it('gives null before and after every title', () => {
    expect(titleAt(NIKLAS, '2026-05-06')).toBeNull();
    expect(titleAt(NIKLAS, '2018-12-31')).toBeNull();
  });

  it('prefers the title most recently taken up when two overlap', () => {
    expect(titleAt(ANNA, '2025-04-30')).toBe('hållbarhetschef');
    expect(titleAt(ANNA, '2025-06-01')).toBe('chef hållbarhet och säkerhet');
    expect(titleAt(ANNA, '2025-07-01')).toBe('chef hållbarhet och säkerhet');
  });
});

describe('holderOf', () => {
  const people = [NIKLAS, SOFIA, ANNA];

  it('the primärvårdsdirektör role passes from Niklas Föghner to Sofia Hartz', () => {
    expect(holderOf('primarvardsdirektor', '2025-12-10', people)?.name).toBe('Niklas Föghner');
    expect(holderOf('primarvardsdirektor', '2025-12-31', people)?.name).toBe('Niklas Föghner');
    expect(holderOf('primarvardsdirektor', '2026-01-01', people)?.name).toBe('Sofia Hartz');
    expect(holderOf('primarvardsdirektor', '2026-05-06', people)?.name).toBe('Sofia Hartz');
  });

  it('is null when nobody held the role', () => {
    expect(holderOf('primarvardsdirektor', '2018-06-01', people)).toBeNull();
    expect(holderOf('trafikdirektor', '2026-05-06', people)).toBeNull();
  });
});

describe('presenterLabel', () => {
  it('writes the name and the title as on agenda slides', () => {
    expect(presenterLabel('Mattias Ask', 'trafikdirektör')).toBe('Mattias Ask, trafikdirektör');
    expect(presenterLabel('Sofia Hartz', titleAt(SOFIA, '2026-05-06'))).toBe('Sofia Hartz, primärvårdsdirektör');
  });

  it('writes the name alone without a title', () => {
    expect(presenterLabel('Niklas Föghner', null)).toBe('Niklas Föghner');
    expect(presenterLabel('Niklas Föghner', '')).toBe('Niklas Föghner');
  });
});
