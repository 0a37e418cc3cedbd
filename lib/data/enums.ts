// Enum values of the database, usable on client and server (no Prisma runtime import).
export const DOCUMENT_TYPES = ["KE_HOACH", "CONG_VAN", "NGHI_QUYET", "QUYET_DINH", "CHI_THI", "THONG_BAO", "BAO_CAO", "TIN_BAI", "KHAC"] as const;
export type TDocumentType = (typeof DOCUMENT_TYPES)[number];
export type TUnitLevel = "NATION" | "PROVINCE" | "DISTRICT" | "COMMUNE";
