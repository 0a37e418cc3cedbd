// Stands in for the `server-only` package under Vitest: the real one throws when
// imported outside a React Server Components build, which would stop data-layer
// modules from being tested as plain functions.
export {};
