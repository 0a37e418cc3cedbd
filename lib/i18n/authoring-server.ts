import "server-only";
import { authoringText } from "./authoring";
import { getDict } from "./server";

export async function getAuthoringText() {
  const { locale, t } = await getDict();
  return { locale, t, m: authoringText[locale] };
}
