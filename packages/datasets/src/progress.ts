/** How far an import has come: bytes read and rows by outcome. */
export interface ProgressState {
  bytes: number;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** What an import reports its progress to (a terminal's progress bar, say). */
export interface Progress {
  update(state: ProgressState): void;
  stop(): void;
}

export const silentProgress: Progress = { update() {}, stop() {} };
