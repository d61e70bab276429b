import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatNumber } from '../../../src/domain/format.js';
import { en, sv, type MessageKey } from './messages.js';

/**
 * Swedish by default, English on request. The choice is remembered in the browser and set on
 * <html lang>. Only the interface is translated: names, periods and figures come from the data
 * and are Swedish, formatted by the shared sv-SE formatter in both languages.
 */
export type Lang = 'sv' | 'en';
const STORAGE_KEY = 'styrkort.sprak';
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { sv, en };

export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** "1 indikator" / "12 indikatorer": picks `<key>.one` or `<key>.other` and fills {count}. */
  tn: (key: PluralKey, count: number, params?: Record<string, string>) => string;
}

type PluralKey = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

const I18nContext = createContext<I18nValue | null>(null);

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export function fill(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<I18nValue>(() => {
    const catalogue = CATALOGUES[lang];
    const t: Translate = (key, params) => fill(catalogue[key], params);
    const tn: I18nValue['tn'] = (key, count, params) =>
      fill(catalogue[`${key}.${count === 1 ? 'one' : 'other'}` as MessageKey], { count: formatNumber(count), ...params });
    return { lang, setLang, t, tn };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n utanför I18nProvider');
  return value;
}
