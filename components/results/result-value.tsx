import { formatNumber } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import type { TMessages } from "@/lib/i18n/messages";

type R = {
  value: { toString(): string };
  qualifier: "EXACT" | "OVER" | "ABOUT";
  isDemo: boolean;
  /** A correction is under way: the figure shown is the one published (lib/data/public-results.ts). */
  adjusting?: boolean;
  indicator: { measureUnit: string; measureUnitEn: string };
};

/** "hơn 1.000 lượt hộ", with a visible mark on demo figures and on figures being corrected. */
export function ResultValue({ r, t, locale }: { r: R; t: TMessages["common"]; locale: Locale }) {
  const q = r.qualifier === "OVER" ? `${t.result.over} ` : r.qualifier === "ABOUT" ? `${t.result.about} ` : "";
  const unit = locale === "en" ? r.indicator.measureUnitEn : r.indicator.measureUnit;
  return (
    <>
      {q}
      {formatNumber(Number(r.value.toString()), { locale })}
      {unit === "%" ? "%" : ` ${unit}`}
      {r.adjusting && (
        <>
          {" "}
          <span className="badge adjusting" title={t.result.adjustingHint}>
            {t.result.adjusting}
          </span>
        </>
      )}
      {r.isDemo && (
        <>
          {" "}
          <span className="badge demo">{t.result.demo}</span>
        </>
      )}
    </>
  );
}
