// What a read of a unit selects: the fields of the unit tree (lib/domain/unit-tree.ts). Its own
// module without "server-only", so the command line's unit management reads the same fields.
export const unitSelect = {
  id: true,
  key: true,
  code: true,
  name: true,
  shortName: true,
  nameEn: true,
  level: true,
  parentId: true,
  successorId: true,
  validFrom: true,
  validTo: true,
} as const;
