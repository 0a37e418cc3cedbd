/** Pure domain logic: numbers and dates, search text, target kinds, progress and status. */
export * from "./numbers";
export * from "./text";
export * from "./targets";
export * from "./progress";
