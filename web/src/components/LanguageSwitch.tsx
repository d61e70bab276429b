import { useI18n } from '../i18n/I18n.js';

/** A button in the other language, marked with that language so it is read out right. */
export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return lang === 'sv' ? (
    <button type="button" className="lang-switch" lang="en" onClick={() => setLang('en')}>
      In English
    </button>
  ) : (
    <button type="button" className="lang-switch" lang="sv" onClick={() => setLang('sv')}>
      På svenska
    </button>
  );
}
