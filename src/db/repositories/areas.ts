import type { Area, AreaKind } from '../../domain/area.js';
import type { Db } from './types.js';

export async function listAreas(db: Db): Promise<Area[]> {
  const [areas, members] = await Promise.all([
    db.selectFrom('area').selectAll().orderBy('id').execute(),
    db.selectFrom('area_member').selectAll().orderBy('group_id').orderBy('member_id').execute(),
  ]);
  return areas.map((a) => ({
    id: a.id,
    kind: a.kind as AreaKind,
    name: a.name,
    shortName: a.short_name,
    koladaId: a.kolada_id,
    parentId: a.parent_id,
    aliases: a.aliases,
    memberIds: members.filter((m) => m.group_id === a.id).map((m) => m.member_id),
  }));
}
