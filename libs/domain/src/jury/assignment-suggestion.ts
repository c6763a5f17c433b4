// A balanced proposal of who scores what (pure, deterministic: same input, same proposal). Never
// gives a juror a practice they are conflicted with; gives each practice k jurors (fewer only when
// fewer are free of conflicts) and spreads the load so that no juror could hand a practice to a
// juror with two or more fewer (where conflicts allow, loads then differ by at most one).

export interface SuggestionPractice {
  id: string;
  /** Jurors conflicted with the practice (declared, or tied to its city). */
  conflicted: ReadonlySet<string>;
}

export interface SuggestionPanel {
  id: string;
  members: readonly string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Practice id → the jurors proposed for it, k each where conflicts allow. */
export function suggestJurors(practices: readonly SuggestionPractice[], jurors: readonly string[], k: number): Map<string, string[]> {
  const pool = [...new Set(jurors)].sort(byId);
  const load = new Map(pool.map((juror) => [juror, 0]));
  const free = (practice: SuggestionPractice) => pool.filter((juror) => !practice.conflicted.has(juror));
  // The most constrained practices first, so the few jurors they can have are still light.
  const order = [...practices].sort((a, b) => free(a).length - free(b).length || byId(a.id, b.id));
  const proposal = new Map<string, Set<string>>();
  for (const practice of order) {
    const chosen = free(practice)
      .sort((a, b) => load.get(a)! - load.get(b)! || byId(a, b))
      .slice(0, k);
    for (const juror of chosen) load.set(juror, load.get(juror)! + 1);
    proposal.set(practice.id, new Set(chosen));
  }
  rebalance(practices, pool, load, proposal);
  return new Map([...practices].sort((a, b) => byId(a.id, b.id)).map((p) => [p.id, [...proposal.get(p.id)!].sort(byId)]));
}

/** Moves a practice from a juror to one with two or more fewer while any such move exists (each move lowers Σ load², so it ends). */
function rebalance(practices: readonly SuggestionPractice[], pool: string[], load: Map<string, number>, proposal: Map<string, Set<string>>): void {
  const sorted = [...practices].sort((a, b) => byId(a.id, b.id));
  for (;;) {
    const move = findMove(sorted, pool, load, proposal);
    if (!move) return;
    proposal.get(move.practice)!.delete(move.from);
    proposal.get(move.practice)!.add(move.to);
    load.set(move.from, load.get(move.from)! - 1);
    load.set(move.to, load.get(move.to)! + 1);
  }
}

function findMove(practices: readonly SuggestionPractice[], pool: string[], load: Map<string, number>, proposal: Map<string, Set<string>>) {
  const heaviestFirst = [...pool].sort((a, b) => load.get(b)! - load.get(a)! || byId(a, b));
  const lightestFirst = [...heaviestFirst].reverse();
  for (const from of heaviestFirst) {
    for (const to of lightestFirst) {
      if (load.get(from)! - load.get(to)! < 2) break;
      const practice = practices.find((p) => proposal.get(p.id)!.has(from) && !proposal.get(p.id)!.has(to) && !p.conflicted.has(to));
      if (practice) return { practice: practice.id, from, to };
    }
  }
  return undefined;
}

/**
 * Practice id → the panel proposed for it, the practices with the fewest possible panels first:
 * among the panels with a member free of conflicts on it, the one with the fewest practices so far (then the fewest conflicted members, then id). A
 * practice no panel can score is left out.
 */
export function suggestPanels(practices: readonly SuggestionPractice[], panels: readonly SuggestionPanel[]): Map<string, string> {
  const count = new Map(panels.map((panel) => [panel.id, 0]));
  const proposal = new Map<string, string>();
  const able = (practice: SuggestionPractice) => panels.filter((panel) => panel.members.some((m) => !practice.conflicted.has(m)));
  // The most constrained practices first, as for jurors.
  for (const practice of [...practices].sort((a, b) => able(a).length - able(b).length || byId(a.id, b.id))) {
    const conflictedMembers = (panel: SuggestionPanel) => panel.members.filter((m) => practice.conflicted.has(m)).length;
    const [best] = able(practice)
      .sort((a, b) => count.get(a.id)! - count.get(b.id)! || conflictedMembers(a) - conflictedMembers(b) || byId(a.id, b.id));
    if (!best) continue;
    proposal.set(practice.id, best.id);
    count.set(best.id, count.get(best.id)! + 1);
  }
  return new Map([...proposal].sort(([a], [b]) => byId(a, b)));
}
