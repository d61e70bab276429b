import type { Person } from '../../domain/person.js';
import type { Db } from './types.js';

export async function listPeople(db: Db): Promise<Person[]> {
  const [people, titles] = await Promise.all([
    db.selectFrom('person').selectAll().orderBy('name').execute(),
    db.selectFrom('person_title').selectAll().orderBy('valid_from').execute(),
  ]);
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    titles: titles
      .filter((t) => t.person_id === p.id)
      .map((t) => ({ title: t.title, roleId: t.role_id, validFrom: t.valid_from, validTo: t.valid_to })),
  }));
}
