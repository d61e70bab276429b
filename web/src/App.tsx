import { lazy, Suspense } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { Loading } from './components/LoadState.js';
import { useI18n } from './i18n/I18n.js';
import { Layout } from './components/Layout.js';
import { AccessibilityPage } from './pages/AccessibilityPage.js';
import { GoalPage } from './pages/GoalPage.js';
import { IndicatorPage } from './pages/IndicatorPage.js';
import { MeetingPage } from './pages/MeetingPage.js';
import { MeetingsPage } from './pages/MeetingsPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { SearchPage } from './pages/SearchPage.js';
import { LoginPage } from './pages/account/LoginPage.js';
import { LOGIN_PATH, RequireLogin } from './session/Session.js';

/*
 * The pages for editors, analysts and administrators load on demand, so a board member's first
 * load carries none of their code.
 */
const AuditPage = lazy(() => import('./pages/account/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const UserPage = lazy(() => import('./pages/account/UserPage.js').then((m) => ({ default: m.UserPage })));
const UsersPage = lazy(() => import('./pages/account/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const ImportPage = lazy(() => import('./pages/data/ImportPage.js').then((m) => ({ default: m.ImportPage })));
const IndicatorEditPage = lazy(() => import('./pages/data/IndicatorEditPage.js').then((m) => ({ default: m.IndicatorEditPage })));
const IndicatorListPage = lazy(() => import('./pages/data/IndicatorListPage.js').then((m) => ({ default: m.IndicatorListPage })));
const DatasetEditPage = lazy(() => import('./pages/data/DatasetEditPage.js').then((m) => ({ default: m.DatasetEditPage })));
const DatasetListPage = lazy(() => import('./pages/data/DatasetListPage.js').then((m) => ({ default: m.DatasetListPage })));
const PeoplePage = lazy(() => import('./pages/catalog/PeoplePage.js').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('./pages/catalog/PersonPage.js').then((m) => ({ default: m.PersonPage })));
const RiskRegistersPage = lazy(() => import('./pages/catalog/RiskRegistersPage.js').then((m) => ({ default: m.RiskRegistersPage })));
const RiskRegisterPage = lazy(() => import('./pages/catalog/RiskRegisterPage.js').then((m) => ({ default: m.RiskRegisterPage })));
const AreasPage = lazy(() => import('./pages/data/AreasPage.js').then((m) => ({ default: m.AreasPage })));
const PlanPage = lazy(() => import('./pages/plan/PlanPage.js').then((m) => ({ default: m.PlanPage })));
const KoladaPage = lazy(() => import('./pages/data/KoladaPage.js').then((m) => ({ default: m.KoladaPage })));
const AgendaPage = lazy(() => import('./pages/authoring/AgendaPage.js').then((m) => ({ default: m.AgendaPage })));
const ItemEditorPage = lazy(() => import('./pages/authoring/ItemEditorPage.js').then((m) => ({ default: m.ItemEditorPage })));
const NewMeetingPage = lazy(() => import('./pages/authoring/NewMeetingPage.js').then((m) => ({ default: m.NewMeetingPage })));
const VersionsPage = lazy(() => import('./pages/authoring/VersionsPage.js').then((m) => ({ default: m.VersionsPage })));

function PageLoading() {
  const { t } = useI18n();
  return <Loading what={t('layout.page')} />;
}

/**
 * The pages, at Swedish paths that can be shared (state such as plan period and area is in the
 * query). All but the login page and the accessibility statement need a login.
 */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={LOGIN_PATH} element={<LoginPage />} />
        <Route path="tillganglighet" element={<AccessibilityPage />} />
        <Route
          element={
            <RequireLogin>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </RequireLogin>
          }
        >
          <Route index element={<OverviewPage />} />
          <Route path="mal/:id" element={<GoalPage />} />
          <Route path="indikator/:id" element={<IndicatorPage />} />
          <Route path="indikator/:id/redigera" element={<IndicatorEditPage mode="edit" />} />
          <Route path="indikatorer" element={<IndicatorListPage />} />
          <Route path="indikatorer/ny" element={<IndicatorEditPage mode="create" />} />
          <Route path="tabeller" element={<DatasetListPage />} />
          <Route path="tabeller/ny" element={<DatasetEditPage mode="create" />} />
          <Route path="tabeller/:id/redigera" element={<DatasetEditPage mode="edit" />} />
          <Route path="omraden" element={<AreasPage />} />
          <Route path="regionplan" element={<PlanPage />} />
          <Route path="inlasning" element={<ImportPage />} />
          <Route path="inlasning/kolada" element={<KoladaPage />} />
          <Route path="sammantraden" element={<MeetingsPage />} />
          <Route path="sammantraden/:id" element={<MeetingPage />} />
          <Route path="sammantraden/nytt" element={<NewMeetingPage />} />
          <Route path="sammantraden/:id/redigera" element={<AgendaPage />} />
          <Route path="sammantraden/:id/punkter/:itemId" element={<ItemEditorPage />} />
          <Route path="sammantraden/:id/versioner" element={<VersionsPage />} />
          <Route path="personer" element={<PeoplePage />} />
          <Route path="personer/:id" element={<PersonPage />} />
          <Route path="riskregister" element={<RiskRegistersPage />} />
          <Route path="riskregister/:id" element={<RiskRegisterPage />} />
          <Route path="sok" element={<SearchPage />} />
          <Route path="anvandare" element={<UsersPage />} />
          <Route path="anvandare/:id" element={<UserPage />} />
          <Route path="andringslogg" element={<AuditPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
