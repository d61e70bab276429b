import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.js';
import { AccessibilityPage } from './pages/AccessibilityPage.js';
import { GoalPage } from './pages/GoalPage.js';
import { IndicatorPage } from './pages/IndicatorPage.js';
import { MeetingPage } from './pages/MeetingPage.js';
import { MeetingsPage } from './pages/MeetingsPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { SearchPage } from './pages/SearchPage.js';

/** The pages, at Swedish paths that can be shared (state such as plan period and area is in the query). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<OverviewPage />} />
        <Route path="mal/:id" element={<GoalPage />} />
        <Route path="indikator/:id" element={<IndicatorPage />} />
        <Route path="sammantraden" element={<MeetingsPage />} />
        <Route path="sammantraden/:id" element={<MeetingPage />} />
        <Route path="sok" element={<SearchPage />} />
        <Route path="tillganglighet" element={<AccessibilityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
