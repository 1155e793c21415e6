// Who gets which rows: one workbook per responsible unit, holding exactly the clauses that name it.
// Groups with known members are expanded to their members; catch-alls get no workbook.
import type { Clause, Plan, Role, Task } from '../model/plan.ts';

export interface UnitRow {
  task: Task;
  clause: Clause;
  role: Role;
  /** The unit the row belongs to. */
  unit: string;
  /** The group through which the unit is named, when it is a member of one. */
  via: string | null;
}

export interface UnitAssignment {
  unit: string;
  rows: UnitRow[];
}

/**
 * The other responsible units, as shown to a unit: `牵头：X；配合：Y、Z`. Worked out when a row is written or checked,
 * not stored: with many units per clause, storing it for every unit's every row would take more memory than the rest.
 */
export function othersOf(row: UnitRow): string {
  const { clause, unit: self, via } = row;
  const other = clause.assignments.filter((a) => a.unit !== self && a.unit !== via);
  const parts: string[] = [];
  for (const role of ['牵头', '负责', '配合'] as const) {
    const names = other.filter((a) => a.role === role).map((a) => a.unit);
    if (names.length) parts.push(`${role}：${names.join('、')}`);
  }
  if (via) parts.push(`（本单位作为“${via}”成员）`);
  return parts.join('；') || '无';
}

/** 牵头 over 负责 over 配合: the role a unit named twice in a clause keeps. */
const ROLE_STRENGTH: Record<Role, number> = { 牵头: 2, 负责: 1, 配合: 0 };

/** Every unit's rows, in registry order, and the clauses that name no unit given rows. */
export function assignUnits(plan: Plan): { assignments: UnitAssignment[]; unassigned: { task: Task; clause: Clause }[] } {
  const index = new UnitIndex(plan);
  return { assignments: index.units().map((unit) => index.get(unit)!), unassigned: index.unassigned() };
}

/**
 * The rows of one unit at a time, without working out every unit's rows: what is kept is an index of the plan (the
 * clauses that name each unit or group, and each unit's groups), so a province's collect and generate hold memory for
 * the plan, not for every row of its thousands of units. A group with members stands for its members, a catch-all
 * for no one, any other name for itself; a unit named twice in a clause gets the row once, in its stronger role.
 */
export class UnitIndex {
  private readonly registry: Map<string, Plan['units'][number]>;
  /** Clause positions (in plan order) naming a unit or a group, by name. */
  private readonly clausesOf = new Map<string, number[]>();
  /** The groups with members that list a unit, by the unit's name. */
  private readonly groupsOf = new Map<string, Set<string>>();
  private readonly clauses: { task: Task; clause: Clause }[] = [];
  private readonly registryOrder: Plan['units'];

  constructor(plan: Plan) {
    this.registryOrder = plan.units;
    this.registry = new Map(plan.units.map((u) => [u.name, u]));
    for (const u of plan.units) {
      if (u.kind !== 'group') continue;
      for (const member of u.members) {
        let groups = this.groupsOf.get(member);
        if (!groups) this.groupsOf.set(member, (groups = new Set()));
        groups.add(u.name);
      }
    }
    for (const task of plan.tasks) {
      for (const clause of task.clauses) {
        const at = this.clauses.length;
        this.clauses.push({ task, clause });
        for (const a of clause.assignments) {
          let list = this.clausesOf.get(a.unit);
          if (!list) this.clausesOf.set(a.unit, (list = []));
          if (list[list.length - 1] !== at) list.push(at);
        }
      }
    }
  }

  /** Every unit given rows, in the registry's order with members in place of their group; units the registry lacks first. */
  units(): string[] {
    const found = new Set<string>();
    for (const { clause } of this.clauses) {
      for (const a of clause.assignments) {
        const entry = this.registry.get(a.unit);
        if (entry?.kind === 'catchall') continue;
        if (entry?.kind === 'group' && entry.members.length > 0) for (const m of entry.members) found.add(m);
        else found.add(a.unit);
      }
    }
    const order = new Map<string, number>();
    for (const u of this.registryOrder) for (const name of u.kind === 'group' && u.members.length ? u.members : [u.name]) if (!order.has(name)) order.set(name, order.size);
    const rank = (unit: string) => order.get(unit) ?? -1;
    return [...found].sort((a, b) => rank(a) - rank(b));
  }

  /** The clauses that name no unit given rows (none, or only catch-alls). */
  unassigned(): { task: Task; clause: Clause }[] {
    return this.clauses.filter(({ clause }) => clause.assignments.every((a) => this.registry.get(a.unit)?.kind === 'catchall'));
  }

  /** The unit's rows in plan order; undefined when the plan gives it none. */
  get(unit: string): UnitAssignment | undefined {
    const groups = this.groupsOf.get(unit);
    const positions = new Set(this.clausesOf.get(unit));
    for (const g of groups ?? []) for (const at of this.clausesOf.get(g) ?? []) positions.add(at);
    const rows: UnitRow[] = [];
    for (const at of [...positions].sort((a, b) => a - b)) {
      const { task, clause } = this.clauses[at]!;
      let row: UnitRow | null = null;
      for (const a of clause.assignments) {
        const entry = this.registry.get(a.unit);
        if (entry?.kind === 'catchall') continue;
        const expanded = entry?.kind === 'group' && entry.members.length > 0;
        const via = expanded ? a.unit : null;
        if (expanded ? !groups?.has(a.unit) : a.unit !== unit) continue;
        // Named twice in a clause (itself and through a group): the row once, in its stronger role.
        if (row) {
          if (ROLE_STRENGTH[a.role] > ROLE_STRENGTH[row.role]) row.role = a.role;
        } else row = { task, clause, role: a.role, unit, via };
      }
      if (row) rows.push(row);
    }
    return rows.length ? { unit, rows } : undefined;
  }
}

// Moved to src/workbook/file-name.ts; re-exported for the modules that import it from here.
export { safeFileName } from '../workbook/file-name.ts';
