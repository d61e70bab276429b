import { useEffect, useRef, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18n.js';
import { paths } from '../lib/paths.js';
import { AccountBar } from '../session/AccountBar.js';
import { IdleWarning } from '../session/IdleWarning.js';
import { useSession } from '../session/Session.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/**
 * Every page: a skip link, the site header with navigation and the language switch, the page
 * itself in <main>, and a footer linking the accessibility statement. After a page change the
 * focus moves to the page's heading, as after a full page load a screen reader starts there.
 */
export function Layout() {
  const { t } = useI18n();
  const { session, can } = useSession();
  const location = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash) return;
    window.scrollTo(0, 0);
    const focusHeading = (): boolean => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus({ preventScroll: true });
      return heading !== null;
    };
    const main = document.getElementById('main');
    if (focusHeading() || !main) return;
    // a page loaded on demand has no heading yet: focus it as soon as it is drawn
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const giveUp = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(giveUp);
    };
  }, [location.pathname, location.hash]);

  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById('main');
    main?.focus();
    main?.scrollIntoView();
  };

  return (
    <>
      <a className="skip-link" href="#main" onClick={skip}>
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link to={paths.overview()} className="brand">
            Styrkort
          </Link>
          {session ? (
            <nav aria-label={t('layout.nav')}>
              <ul className="nav-list">
                <li>
                  <NavLink to={paths.overview()} end>
                    {t('nav.overview')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={paths.meetings()}>{t('nav.meetings')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.search()}>{t('nav.search')}</NavLink>
                </li>
                {can('edit_indicators') ? (
                  <li>
                    <NavLink to={paths.indicators()}>{t('data.nav.indicators')}</NavLink>
                  </li>
                ) : null}
                {can('edit_indicators') ? (
                  <li>
                    <NavLink to={paths.datasets()}>{t('datasets.nav')}</NavLink>
                  </li>
                ) : null}
                {can('edit_indicators') ? (
                  <li>
                    <NavLink to={paths.riskRegisters()}>{t('catalog.nav.risks')}</NavLink>
                  </li>
                ) : null}
                {can('edit_meetings') ? (
                  <li>
                    <NavLink to={paths.people()}>{t('catalog.nav.people')}</NavLink>
                  </li>
                ) : null}
                {can('edit_indicators') ? (
                  <li>
                    <NavLink to={paths.areas()}>{t('areas.nav')}</NavLink>
                  </li>
                ) : null}
                {can('edit_meetings') ? (
                  <li>
                    <NavLink to={paths.plan()}>{t('plan.nav')}</NavLink>
                  </li>
                ) : null}
                {can('import') ? (
                  <li>
                    <NavLink to={paths.imports()}>{t('data.nav.imports')}</NavLink>
                  </li>
                ) : null}
                {can('manage_users') ? (
                  <li>
                    <NavLink to={paths.users()}>{t('account.nav.users')}</NavLink>
                  </li>
                ) : null}
                {can('read_audit') ? (
                  <li>
                    <NavLink to={paths.audit()}>{t('account.nav.audit')}</NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
          <LanguageSwitch />
          <AccountBar />
        </div>
      </header>
      <IdleWarning />
      <main id="main" tabIndex={-1} className="wrap">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{t('layout.footer')}</p>
          <ul className="footer-links">
            <li>
              <Link to={paths.accessibility()}>{t('nav.accessibility')}</Link>
            </li>
            <li>
              <a href="/api/openapi.json">{t('layout.api')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
