/** Paths of the record pages; global IDs contain characters that must be escaped in a path. */
export const href = {
  event: (id: string) => `/events/${encodeURIComponent(id)}`,
  actor: (id: string) => `/actors/${encodeURIComponent(id)}`,
  source: (id: string) => `/sources/${encodeURIComponent(id)}`,
  process: (id: string) => `/processes/${encodeURIComponent(id)}`,
  position: (id: string) => `/positions/${encodeURIComponent(id)}`,
};
