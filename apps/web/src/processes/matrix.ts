import { POSITION_ISSUES } from "@parley/schema";

export interface MatrixPosition {
  id: string;
  issue: string;
  startDate: string;
  holder: { id: string; name: string };
  supersededBy: { id: string }[];
}

export interface Matrix<P extends MatrixPosition> {
  parties: { id: string; name: string }[];
  issues: string[];
  cell(issue: string, partyId: string): P[];
}

/**
 * Issues × parties. A cell holds the party's latest positions on the issue: those no position of
 * this process replaces (two demands on one issue can stand side by side), newest first.
 */
export function positionMatrix<P extends MatrixPosition>(positions: P[]): Matrix<P> {
  const here = new Set(positions.map((p) => p.id));
  const latest = positions.filter((p) => !p.supersededBy.some((s) => here.has(s.id)));
  const parties = [...new Map(positions.map((p) => [p.holder.id, p.holder])).values()];
  const issues = POSITION_ISSUES.codes.filter((issue) => positions.some((p) => p.issue === issue));
  const cells = new Map<string, P[]>();
  for (const p of latest) {
    const key = `${p.issue}|${p.holder.id}`;
    cells.set(key, [...(cells.get(key) ?? []), p]);
  }
  for (const list of cells.values()) list.sort((a, b) => b.startDate.localeCompare(a.startDate));
  return { parties, issues, cell: (issue, partyId) => cells.get(`${issue}|${partyId}`) ?? [] };
}
