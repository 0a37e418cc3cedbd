import type { TParams } from "../../errors";

/** A problem's text: a function of its parameters (numbers arrive as numbers, formatted here). */
export type TProblemText = (p: TParams) => string;
export type TProblemTexts<K extends string = string> = Record<K, TProblemText>;
